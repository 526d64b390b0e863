"""The content version an alert is about changes exactly when the crawl sees an article changed
(pressmon.article_updates): an edit at the source is a new version, the same page read again,
scored again or spelt in another Unicode form is not."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from index.types import Document
from pressmon.alerts.model import content_version
from pressmon.article_updates import content_changed

ARCHIVED = Document(
    id="a1",
    url="https://bao.vn/a.html",
    canonical_url="https://bao.vn/a.html",
    outlet="bao",
    outlet_name="Báo",
    kind="other",
    title="Rút BHXH một lần nhanh trong 7 ngày",
    body="Dịch vụ hỗ trợ rút BHXH một lần ở Khánh Hòa, phí 15%, liên hệ Zalo.",
    published_at=datetime(2026, 5, 12, 1, 30, tzinfo=UTC),
    crawled_at=datetime(2026, 5, 12, 2, 0, tzinfo=UTC),
    tier="urgent",
    risk=0.9,
    review_status="false",
)
HANOI = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ({"crawled_at": ARCHIVED.crawled_at + timedelta(days=1)}, False),  # read again only
        ({"risk": 0.97, "tier": "review", "model_version": "v2"}, False),  # scored again
        ({"review_status": "unstarted", "story_id": "s2"}, False),  # not the page
        ({"title": unicodedata.normalize("NFD", ARCHIVED.title)}, False),  # the same spelling
        ({"body": ARCHIVED.body.replace("Hòa", "Hoà")}, False),  # old tone placement
        ({"published_at": ARCHIVED.published_at.astimezone(HANOI)}, False),  # the same moment
        ({"title": "Rút BHXH một lần chỉ trong 3 ngày"}, True),
        ({"body": ARCHIVED.body + " Ưu đãi mới: phí 10%."}, True),
        ({"seo_title": "Rút BHXH nhanh"}, True),
        ({"published_at": ARCHIVED.published_at + timedelta(hours=1)}, True),
    ],
)
def test_a_new_version_exactly_when_the_crawl_sees_a_change(
    change: dict[str, object], changed: bool
) -> None:
    fresh = replace(ARCHIVED, **change)  # type: ignore[arg-type]
    assert content_changed(fresh, ARCHIVED) is changed
    assert (content_version(fresh) != content_version(ARCHIVED)) is changed
