"""`pressmon ingest` attributes a line to the outlet it names before the one owning its host, so
outlets sharing a host keep their own kind (a forum post stored again stayed a forum post only
when its outlet came first in sources.yaml). It reads the name as `classify` does: "Tuổi Trẻ" for
"Tuổi Trẻ Online" became a new outlet beside the configured one, and its id dropped every
Vietnamese letter ("tu_i_tr")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pressmon.ingest import ArticleLine, outlet_id, source_for
from pressmon.outlets import OutletResolver
from pressmon.settings import SourceList

SOURCES = SourceList.model_validate(
    {
        "sources": [
            {"id": "cong_bhxh", "name": "Cổng BHXH", "kind": "sector", "domain": "127.0.0.1"},
            {"id": "dien_dan", "name": "Diễn đàn BHXH", "kind": "other", "domain": "127.0.0.1"},
            {"id": "baothu", "name": "Báo Thử", "kind": "national", "domain": "baothu.vn"},
            {
                "id": "tuoitre",
                "name": "Tuổi Trẻ Online",
                "kind": "national",
                "domain": "tuoitre.vn",
            },
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
    ("url", "outlet", "source", "kind", "how"),
    [
        ("http://127.0.0.1:8000/dien-dan/1", "dien_dan", "dien_dan", "other", "id"),
        ("http://127.0.0.1:8000/dien-dan/1", "Diễn đàn BHXH", "dien_dan", "other", "name"),
        ("https://x.example/a.html", "Tuổi Trẻ", "tuoitre", "national", "name"),  # no edition
        ("https://x.example/a.html", "Báo Tuổi Trẻ", "tuoitre", "national", "name"),
        ("https://x.example/a.html", "tuoi tre online", "tuoitre", "national", "name"),  # bare
        ("https://x.example/a.html", "Thử", "baothu", "national", "name"),  # without "Báo"
        ("https://x.example/a.html", "m.baothu.vn", "baothu", "national", "domain"),
        ("http://127.0.0.1:8000/cong/1", None, "cong_bhxh", "sector", "url"),  # by host alone
        ("https://www.baothu.vn/a.html", None, "baothu", "national", "url"),  # www. or not
        ("https://baothu.vn/a.html", "Báo Lạ", "baothu", "national", "url"),  # unknown name
        ("https://baomoi.example/a.html", None, "baomoi_example", "national", "new"),  # ad hoc
        ("https://baomoi.example/a.html", "Báo Đồng Nai", "bao_dong_nai", "national", "new"),
    ],
    ids=[
        "id",
        "name",
        "name-without-edition",
        "name-with-kind-word",
        "name-typed-bare",
        "name-without-kind-word",
        "domain",
        "host",
        "www-host",
        "unknown-name-known-host",
        "ad-hoc",
        "ad-hoc-named",
    ],
)
def test_the_named_outlet_comes_before_the_host(
    url: str, outlet: str | None, source: str, kind: str, how: str
) -> None:
    found = source_for(_line(url, outlet), OutletResolver(SOURCES.sources))
    assert (found.source.id, found.source.kind, found.how) == (source, kind, how)


@pytest.mark.parametrize(
    ("name", "folded", "unfolded"),
    [
        ("Báo Đồng Nai", "bao_dong_nai", "b_o_ng_nai"),
        ("Tuổi Trẻ", "tuoi_tre", "tu_i_tr"),
        ("baomoi.example", "baomoi_example", "baomoi_example"),
        ("Ặ ữ", "a_u", "unknown"),
    ],
)
def test_a_new_outlet_id_keeps_its_letters_folded(name: str, folded: str, unfolded: str) -> None:
    assert (outlet_id(name), outlet_id(name, folded=False)) == (folded, unfolded)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("national", "national"),
        ("Báo trung ương", "national"),
        ("bao nganh", "sector"),
        ("Nguồn khác", "other"),
    ],
)
def test_a_new_outlets_kind_is_read_by_its_code_or_the_name_the_product_shows(
    typed: str, kind: str
) -> None:
    fields = _line("https://baomoi.example/a.html", "Báo Đồng Nai").model_dump()
    line = ArticleLine(**{**fields, "kind": typed})
    assert source_for(line, OutletResolver(SOURCES.sources)).source.kind == kind
    with pytest.raises(ValueError, match="'provincial' \\(Báo địa phương\\)"):
        ArticleLine(**{**fields, "kind": "báo tỉnh"})
