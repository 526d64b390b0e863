"""`pressmon ingest` attributes a line to the outlet it names before the one owning its host, so
outlets sharing a host keep their own kind (a forum post stored again stayed a forum post only
when its outlet came first in sources.yaml)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pressmon.ingest import ArticleLine, source_for
from pressmon.settings import SourceList

SOURCES = SourceList.model_validate(
    {
        "sources": [
            {"id": "cong_bhxh", "name": "Cổng BHXH", "kind": "sector", "domain": "127.0.0.1"},
            {"id": "dien_dan", "name": "Diễn đàn BHXH", "kind": "other", "domain": "127.0.0.1"},
            {"id": "baothu", "name": "Báo Thử", "kind": "national", "domain": "baothu.vn"},
        ]
    }
)


def _line(url: str, outlet: str | None) -> ArticleLine:
    return ArticleLine(
        title="Hỏi về BHXH",
        text="Bảo hiểm xã hội",
        url=url,
        outlet=outlet,
        published_at=datetime(2026, 5, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("url", "outlet", "source", "kind"),
    [
        ("http://127.0.0.1:8000/dien-dan/1", "dien_dan", "dien_dan", "other"),  # by id
        ("http://127.0.0.1:8000/dien-dan/1", "Diễn đàn BHXH", "dien_dan", "other"),  # by name
        ("http://127.0.0.1:8000/cong/1", None, "cong_bhxh", "sector"),  # by host alone
        ("https://www.baothu.vn/a.html", None, "baothu", "national"),  # www. or not
        ("https://baomoi.example/a.html", None, "baomoi_example", "national"),  # ad hoc
    ],
    ids=["id", "name", "host", "www-host", "ad-hoc"],
)
def test_the_named_outlet_comes_before_the_host(
    url: str, outlet: str | None, source: str, kind: str
) -> None:
    found = source_for(_line(url, outlet), SOURCES)
    assert (found.id, found.kind) == (source, kind)
