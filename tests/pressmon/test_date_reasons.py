"""Every reason the date reconciliation can give reads in Vietnamese; unknown text is kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawlers.extract.dates import VN_TZ, DateCandidate, candidate
from crawlers.extract.profile import ExtractionProfile
from crawlers.extract.reconcile import reconcile
from pressmon.review.date_reasons import (
    candidate_label,
    date_disagreement_text,
    date_reason_text,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ENGLISH = ("the ", "agrees", "metadata", "byline", "earlier", "best-ranked", "read as")


def _c(text: str, source: str, field: str) -> DateCandidate:
    found = candidate(text, source, field)
    assert found is not None, text
    return found


BYLINE = _c("12:40 01/07/2025 (GMT+7)", "visible-text", "byline")
# One candidate set per branch of crawlers.extract.reconcile, each giving its own reason.
BRANCHES = {
    "agrees": [BYLINE, _c("2025-07-01T12:40:25+07:00", "json-ld", "datePublished")],
    "offset": [BYLINE, _c("2025-07-01T12:40:25+08:00", "json-ld", "datePublished")],
    "byline-only": [BYLINE],
    "zoneless-byline": [
        _c("01/07/2025 12:40", "visible-text", "text"),
        _c("2025-07-01T15:13:00+07:00", "json-ld", "datePublished"),
    ],
    "url": [DateCandidate(datetime(2025, 7, 1, tzinfo=VN_TZ), "url", "day", "path")],
    "creation-time": [
        _c("2025-07-01T11:40:00+07:00", "json-ld", "datePublished"),
        _c("2025-07-01T12:40:00+07:00", "meta", "article:published_time"),
        _c("2025-07-01T12:40:00+07:00", "time-tag", "datetime"),
    ],
    "one-machine-date": [_c("2025-07-01T11:40:00+07:00", "json-ld", "datePublished")],
    "wall-clock": [
        _c("01/07/2025", "visible-text", "byline"),
        _c("2025-07-01T00:30:00+09:00", "json-ld", "datePublished"),
    ],
    "time-of-day": [
        _c("2025-07-01", "json-ld", "datePublished"),
        _c("2025-07-01 12:40", "url", ""),
    ],
}


@pytest.mark.parametrize("branch", sorted(BRANCHES))
def test_every_reason_and_disagreement_of_reconcile_reads_in_vietnamese(branch: str) -> None:
    decision = reconcile(BRANCHES[branch], NOW)
    texts = [date_reason_text(decision.reason)]
    texts += [date_disagreement_text(str(d)) for d in decision.disagreements]
    for text in texts:
        assert not any(word in text for word in ENGLISH), (decision.reason, text)


def test_the_profile_reason_reads_in_vietnamese() -> None:
    decision = reconcile(BRANCHES["agrees"], NOW, ExtractionProfile(date_prefer="metadata"))
    assert date_reason_text(decision.reason) == (
        "Dữ liệu có cấu trúc JSON-LD (datePublished): báo này được cấu hình ưu tiên siêu dữ liệu"
    )


def test_a_mislabelled_offset_is_explained_with_the_written_zone() -> None:
    assert date_disagreement_text(
        "meta:article:published_time=2025-07-01T12:40:25+08:00 (-60 min): offset-mislabelled"
    ) == (
        "Thẻ meta (article:published_time): 12:40 01/07/2025 (UTC+08:00), "
        "lệch -60 phút: ghi sai múi giờ"
    )
    assert date_reason_text("the visible byline (metadata: offset-mislabelled, creation-time)") == (
        "Ngày giờ hiển thị trên trang (siêu dữ liệu: ghi sai múi giờ, "
        "thời điểm tạo bài chứ không phải lúc đăng)"
    )


def test_text_of_an_unknown_shape_is_shown_as_stored() -> None:
    assert date_reason_text("input") == "input"
    assert date_reason_text("") == ""
    assert date_disagreement_text("json-ld:x=not a date (+1 min): odd") == (
        "json-ld:x=not a date (+1 min): odd"
    )
    assert candidate_label("rss:pubDate") == "rss (pubDate)"
