"""A stored article read again: what counts as a change, and what the update keeps."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from index.types import Document
from pressmon.article_updates import content_changed, updated_document

ARCHIVED = Document(
    id="a1",
    url="https://bao.vn/a.html",
    canonical_url="https://bao.vn/a.html",
    outlet="bao",
    outlet_name="Báo",
    kind="national",
    title="Chi trả lương hưu qua bưu điện",
    body="Bảo hiểm xã hội tỉnh chi trả lương hưu tháng 5.",
    published_at=datetime(2026, 5, 12, 1, 30, tzinfo=UTC),
    crawled_at=datetime(2026, 5, 12, 2, 0, tzinfo=UTC),
    story_id="story-1",
    review_status="false",
)


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ({"crawled_at": ARCHIVED.crawled_at + timedelta(days=1)}, False),  # read again only
        ({"risk": 0.9, "story_id": "a1"}, False),  # what processing adds is not the page
        ({"title": unicodedata.normalize("NFD", ARCHIVED.title)}, False),  # the same spelling
        ({"title": "Chi trả lương hưu tháng 5 qua bưu điện"}, True),
        ({"body": ARCHIVED.body + " Người hưởng nhận tại nhà."}, True),
        ({"seo_title": "Lương hưu tháng 5"}, True),
        ({"published_at": ARCHIVED.published_at + timedelta(hours=1)}, True),
    ],
)
def test_content_changed(change: dict[str, object], changed: bool) -> None:
    assert content_changed(replace(ARCHIVED, **change), ARCHIVED) is changed  # type: ignore[arg-type]


def test_an_update_stays_in_its_story_with_the_reviewers_status() -> None:
    fresh = replace(ARCHIVED, title="Mới", story_id="a1", review_status="unstarted")
    updated = updated_document(fresh, ARCHIVED)
    assert (updated.title, updated.story_id, updated.review_status) == ("Mới", "story-1", "false")
