"""Outlet habits that put the date off: mislabelled offsets, creation times, SEO headlines.

Real saved pages (read from ../shared, never copied) with their metadata altered in the test to
show each habit, plus the reconciliation rules on candidates parsed from the exact strings the
issue reports (``…T12:40:25+08:00`` under a byline reading ``12:40 (GMT+7)``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.saved_pages import SHARED_PAGES
from crawlers.extract import ExtractionProfile, extract_article
from crawlers.extract.dates import VN_TZ, DateCandidate, candidate
from crawlers.extract.reconcile import reconcile

PAGES = SHARED_PAGES
VNEXPRESS = PAGES / "vnexpress.net/meth04__vnexpress_article.html"
VNEXPRESS_URL = (
    "https://vnexpress.net/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html"
)
TUOITRE = PAGES / "tuoitre.vn/meth04__tuoitre_article.html"
TUOITRE_URL = (
    "https://tuoitre.vn/chien-su-day-gia-hoa-nhap-khau-dip-8-3-tang-manh-20260307075519174.htm"
)
NOW = datetime(2026, 11, 22, tzinfo=UTC)


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def cand(text: str, source: str, field: str) -> DateCandidate:
    found = candidate(text, source, field)
    assert found is not None, text
    return found


def saved(path: Path, *replacements: tuple[str, str]) -> bytes:
    if not path.exists():
        pytest.skip(f"shared saved page not found: {path}")
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} not in {path.name}"
        text = text.replace(old, new)
    return text.encode("utf-8")


# --- the rules, on the issue's own strings ---------------------------------------------------


def test_wrong_offset_under_a_gmt7_byline_is_read_as_the_byline_time() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T12:40:25+08:00", "json-ld", "datePublished"),
            cand("Thứ hai, 9/3/2026, 12:40 (GMT+7)", "visible-text", "date-element"),
        ],
        NOW,
    )
    assert decision.chosen.value == vn(2026, 3, 9, 12, 40)
    assert decision.chosen.label == "visible-text:date-element"
    assert [d.kind for d in decision.disagreements] == ["offset-mislabelled"]
    assert decision.disagreements[0].minutes == -60


def test_draft_creation_time_in_date_published_loses_to_byline_and_published_time() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T10:23:41+07:00", "json-ld", "datePublished"),
            cand("2026-03-09T11:30:02+07:00", "meta", "article:published_time"),
            cand("09/03/2026 11:30", "visible-text", "date-element"),
        ],
        NOW,
    )
    assert decision.chosen.label == "meta:article:published_time"
    assert [(d.candidate, d.kind) for d in decision.disagreements] == [
        ("json-ld:datePublished", "creation-time")
    ]


def test_creation_time_is_found_from_metadata_alone_when_the_rest_agree() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T10:23:41+07:00", "json-ld", "datePublished"),
            cand("2026-03-09T11:30:02+07:00", "meta", "article:published_time"),
            cand("2026-03-09T11:30:02+07:00", "meta", "pubdate"),
        ],
        NOW,
    )
    assert _minute(decision.chosen.value) == vn(2026, 3, 9, 11, 30)
    assert "creation-time" in [d.kind for d in decision.disagreements]


def test_date_created_never_wins_over_a_publication_field() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T08:00:00+07:00", "json-ld", "dateCreated"),
            cand("2026-03-09T09:15:00+07:00", "json-ld", "datePublished"),
        ],
        NOW,
    )
    assert decision.chosen.field == "datePublished"
    assert [d.kind for d in decision.disagreements] == ["creation-time"]


def test_same_wall_clock_under_two_offsets_trusts_the_vietnam_label() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T00:10:00+08:00", "json-ld", "datePublished"),
            cand("2026-03-09T00:10:00+07:00", "meta", "article:published_time"),
        ],
        NOW,
    )
    assert decision.chosen.value == vn(2026, 3, 9, 0, 10)
    assert [d.kind for d in decision.disagreements] == ["offset-mislabelled"]


def test_a_day_only_byline_moves_a_mislabelled_time_back_across_midnight() -> None:
    decision = reconcile(
        [
            cand("2026-03-09T00:10:00+08:00", "json-ld", "datePublished"),
            cand("Thứ hai, 09/03/2026", "visible-text", "byline"),
        ],
        NOW,
    )
    assert decision.chosen.value == vn(2026, 3, 9, 0, 10)


def test_an_unexplained_disagreement_with_a_guessed_date_element_keeps_the_metadata() -> None:
    # A date-looking element found by class name (not the outlet's own byline, no zone) that is
    # 37 minutes off is more likely another article's time than a wrong JSON-LD.
    decision = reconcile(
        [
            cand("2026-03-09T09:15:00+07:00", "json-ld", "datePublished"),
            cand("09/03/2026 08:38", "visible-text", "date-element"),
        ],
        NOW,
    )
    assert decision.chosen.label == "json-ld:datePublished"
    assert [d.kind for d in decision.disagreements] == ["unexplained"]
    # ...unless the outlet is known to keep its byline right.
    preferred = reconcile(
        [
            cand("2026-03-09T09:15:00+07:00", "json-ld", "datePublished"),
            cand("09/03/2026 08:38", "visible-text", "date-element"),
        ],
        NOW,
        ExtractionProfile(date_prefer="byline"),
    )
    assert preferred.chosen.value == vn(2026, 3, 9, 8, 38)


def test_profile_reads_every_machine_time_as_vietnam_time() -> None:
    found = [cand("2026-03-09T00:10:00+08:00", "json-ld", "datePublished")]
    assert reconcile(found, NOW).chosen.value == vn(2026, 3, 8, 23, 10)
    fixed = reconcile(found, NOW, ExtractionProfile(timezone_offset_wrong=True))
    assert fixed.chosen.value == vn(2026, 3, 9, 0, 10)


def test_named_zone_giờ_hà_nội_is_explicit() -> None:
    found = cand("09/03/2026 12:40 (giờ Hà Nội)", "visible-text", "date-element")
    assert found.zone_stated and found.value == vn(2026, 3, 9, 12, 40)


def test_unknown_date_preference_is_refused() -> None:
    from crawlers.errors import CrawlError

    with pytest.raises(CrawlError, match="date_prefer"):
        ExtractionProfile(date_prefer="newest")  # type: ignore[arg-type]


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


# --- the same habits on real pages -------------------------------------------------------------

# VnExpress, published Saturday 7/3/2026 at 00:05 (GMT+7): JSON-LD and two meta tags say
# 2026-03-07T00:05:00+07:00. Relabelled +08:00, a metadata-first reader dates it Friday 23:05.
WRONG_OFFSET = ("2026-03-07T00:05:00+07:00", "2026-03-07T00:05:00+08:00")


def test_real_page_with_a_wrong_offset_keeps_the_byline_day_and_minute() -> None:
    art = extract_article(saved(VNEXPRESS, WRONG_OFFSET), VNEXPRESS_URL, now=NOW)
    assert art.published_at == vn(2026, 3, 7, 0, 5)
    assert art.date_source == "visible-text"
    assert any("offset-mislabelled" in d for d in art.date_disagreements)


def test_real_page_published_just_after_midnight_monday_stays_in_its_week() -> None:
    raw = saved(
        VNEXPRESS,
        ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "Thứ hai, 9/3/2026, 00:05 (GMT+7)"),
        ("2026-03-07T00:05:00+07:00", "2026-03-09T00:05:00+08:00"),
    )
    art = extract_article(raw, VNEXPRESS_URL, now=NOW)
    assert art.published_at == vn(2026, 3, 9, 0, 5)
    assert art.published_at.isocalendar().week == 11  # not Sunday 23:05 of week 10


def test_real_page_without_byline_needs_the_outlet_profile_for_a_wrong_offset() -> None:
    raw = saved(VNEXPRESS, WRONG_OFFSET, ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "Thứ bảy"))
    assert extract_article(raw, VNEXPRESS_URL, now=NOW).published_at == vn(2026, 3, 6, 23, 5)
    profile = ExtractionProfile(timezone_offset_wrong=True)
    art = extract_article(raw, VNEXPRESS_URL, now=NOW, profile=profile)
    assert art.published_at == vn(2026, 3, 7, 0, 5)


# Tuổi Trẻ, published 07/03/2026 08:01 GMT+7 (JSON-LD 08:01:00, four meta tags 08:01:53). Here
# JSON-LD datePublished is set to a draft time 38 minutes earlier, as some CMSs do.
CREATION_TIME = (
    '"datePublished": "2026-03-07T08:01:00+07:00"',
    '"datePublished": "2026-03-07T07:23:40+07:00"',
)


def test_real_page_whose_date_published_is_the_draft_time() -> None:
    art = extract_article(saved(TUOITRE, CREATION_TIME), TUOITRE_URL, now=NOW)
    assert _minute(art.published_at) == vn(2026, 3, 7, 8, 1)
    assert art.date_source == "meta"
    assert any(
        d.startswith("json-ld:datePublished") and "creation-time" in d
        for d in (art.date_disagreements)
    )


def test_real_page_whose_date_published_is_the_draft_time_and_no_byline() -> None:
    raw = saved(TUOITRE, CREATION_TIME, ('<div class="detail-time">', '<div class="x">'))
    art = extract_article(raw, TUOITRE_URL, now=NOW)
    assert _minute(art.published_at) == vn(2026, 3, 7, 8, 1)


# The JSON-LD headline as the page writes it (entities escaped twice).
HEADLINE = (
    '"headline": "Chi&amp;#7871;n s&amp;#7921; đ&amp;#7849;y giá hoa nh&amp;#7853;p '
    'kh&amp;#7849;u d&amp;#7883;p 8-3 tăng m&amp;#7841;nh"'
)


def test_real_page_headline_as_shown_with_the_seo_title_beside_it() -> None:
    seo = "Giá hoa 8-3 tăng mạnh vì chiến sự ở Trung Đông"
    raw = saved(
        TUOITRE,
        (HEADLINE, f'"headline": "{seo}"'),
    )
    art = extract_article(raw, TUOITRE_URL, now=NOW)
    assert art.title == "Chiến sự đẩy giá hoa nhập khẩu dịp 8-3 tăng mạnh"
    assert art.seo_title == seo
