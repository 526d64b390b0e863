"""What one crawl did, per source, and whether it failed: pure, from the spider's counters.

A source failed when not one of its pages (feed, sitemap, listing or article) could be fetched;
whatever the cause, a crawl that fetched nothing for it says nothing about its coverage. The crawl
fails when every source failed, or when any source the user named on the command line did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from crawlers.outcomes import (
    FETCHED,
    IRRELEVANT,
    KNOWN,
    REFETCH_DEFERRED,
    STORED,
    UNCHANGED,
    UPDATED,
    problems,
)
from crawlers.sources import Source

# Vietnamese names of the problem kinds (crawlers.spiders.source.failure_kind and the parse
# callbacks); a kind not listed is shown by its code, so nothing is hidden.
PROBLEM_LABELS: Mapping[str, str] = {
    "connection_refused": "bị từ chối kết nối",
    "dns": "không tìm thấy tên miền",
    "timeout": "quá thời gian chờ",
    "fetch_error": "lỗi tải trang",
    "http_4xx": "lỗi HTTP 4xx",
    "http_5xx": "lỗi máy chủ HTTP 5xx",
    "oversized": "trang quá lớn",
    "robots_disallowed": "robots.txt không cho phép",
    "offsite_redirect": "chuyển hướng sang trang khác",
    "redirect_loop": "chuyển hướng vòng",
    "ignored": "bị bỏ qua",
    "bad_url": "địa chỉ không hợp lệ",
    "bad_feed": "RSS không đọc được",
    "bad_sitemap": "sitemap không đọc được",
    "challenge": "trang chống bot, sẽ tải lại",
    "challenge_waiting": "chờ tải lại sau trang chống bot",
    "challenge_given_up": "trang chống bot, đã bỏ",
    "bad_date": "không xác định được ngày đăng, sẽ tải lại",
    "bad_date_given_up": "không xác định được ngày đăng, đã bỏ",
    "retry_later": "tạm chưa đọc được bài, sẽ tải lại sau",
}


@dataclass(frozen=True)
class SourceOutcome:
    source_id: str
    name: str
    counters: Mapping[str, int] = field(default_factory=dict)

    @property
    def fetched(self) -> int:
        return self.counters.get(FETCHED, 0)

    @property
    def stored(self) -> int:
        """New articles archived."""
        return self.counters.get(STORED, 0)

    @property
    def updated(self) -> int:
        """Stored articles fetched again whose text or date changed: updated in place."""
        return self.counters.get(UPDATED, 0)

    @property
    def unchanged(self) -> int:
        """Stored articles fetched again (discovery showed a change) that had not changed."""
        return self.counters.get(UNCHANGED, 0)

    @property
    def irrelevant(self) -> int:
        return self.counters.get(IRRELEVANT, 0)

    @property
    def known(self) -> int:
        """Articles already handled, not fetched again (changed ones left for a later run too)."""
        return self.counters.get(KNOWN, 0) + self.counters.get(REFETCH_DEFERRED, 0)

    @property
    def problems(self) -> dict[str, int]:
        return problems(self.counters)

    @property
    def failed(self) -> bool:
        return self.fetched == 0


@dataclass(frozen=True)
class CrawlReport:
    outcomes: tuple[SourceOutcome, ...]
    named: bool  # the sources were named on the command line, not every enabled one

    @property
    def failed(self) -> tuple[SourceOutcome, ...]:
        return tuple(o for o in self.outcomes if o.failed)

    @property
    def succeeded(self) -> bool:
        """False when every source failed, or a source the user named did."""
        if not self.failed:
            return True
        return not self.named and len(self.failed) < len(self.outcomes)


def crawl_report(
    sources: Sequence[Source], counters: Mapping[str, Mapping[str, int]], *, named: bool
) -> CrawlReport:
    """One outcome per crawled source, in the given order; a source never counted fetched none."""
    return CrawlReport(
        tuple(SourceOutcome(s.id, s.name, dict(counters.get(s.id, {}))) for s in sources), named
    )


def problems_text(outcome: SourceOutcome) -> str:
    """e.g. "bị từ chối kết nối: 3, quá thời gian chờ: 1"; "-" when there were none."""
    found = outcome.problems
    if not found:
        return "không có trang nào để tải" if outcome.failed else "-"
    return ", ".join(f"{PROBLEM_LABELS.get(kind, kind)}: {n}" for kind, n in found.items())


def failed_text(report: CrawlReport) -> str:
    """The failed sources by name with their problems, for one warning or error line."""
    return "; ".join(f"{o.name} ({problems_text(o)})" for o in report.failed)
