"""Coverage figures and the leadership report for a date range, as data, XLSX and (via the web
app's template) print-friendly HTML. Pure assembly over `Archive.counts`/`search` and, for the
items listed, the review log (`pressmon.report_items`); no I/O besides the archive and the
returned XLSX bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from index.base import Archive
from index.types import UNKNOWN_GROUP, CountTable, Document, Query, ReviewEvent
from index.weeks import local_date
from pressmon.alerts.answers import answer_text
from pressmon.coverage import (
    PRESS_KINDS,
    CoverageProgress,
    counted_end,
    progress_for_targets,
    stored_outlet_names,
    target_counts,
    target_period,
    target_query,
)
from pressmon.evidence.store import EvidenceStore, SavedCopy
from pressmon.exports import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    NO_CAMPAIGNS,
    NO_DATA,
    NO_TARGETS,
    local_time,
    xlsx_value,
)
from pressmon.progress_text import (
    cap_sentence,
    cut_buckets_note,
    items_sentence,
    period_counted,
    plan_until,
    progress_counted,
    report_summary,
    topics_note,
    week_note,
)
from pressmon.province_targets import (
    WORRY,
    ProvinceProgress,
    needing_attention,
    province_progress,
    province_targets,
    share_window,
)
from pressmon.report_copies import distinct_contents, other_copies
from pressmon.report_items import (
    ACTED_IN_PERIOD,
    FLAGGED_LIMIT,
    PUBLISHED_IN_PERIOD,
    ItemCounts,
    report_items,
)
from pressmon.review.escalations import Escalation, center_answer, sendings
from pressmon.review.labels import KIND_LABELS, TOPIC_LABELS, label, office_label
from pressmon.review.offices import CenterEvent, OfficeAt
from pressmon.review.statuses import UNSTARTED
from pressmon.review.workflow import Decided, ReviewState, decided_by, decision_unsaid, replay
from pressmon.settings import Campaign, Target, Targets
from vntext.collation import SortKey, vietnamese_sort_key

REPORT_CATEGORY_UNKNOWN = "Chưa phân nhóm"
WAITING_FOR_CENTER = "Chờ Trung tâm kết luận"  # an item sent up, not answered yet
NO_ITEMS = items_sentence(0, 0, 0)  # "Không có tin nào cần xác minh…", as the page says


@dataclass(frozen=True)
class CampaignCount:
    campaign: Campaign
    start: date
    end: date
    count: int


@dataclass(frozen=True)
class CoverageFigures:
    date_from: date
    date_to: date
    weekly: CountTable  # ungrouped, for the chart target's filters (all articles without targets)
    chart_target: CoverageProgress | None
    targets: tuple[CoverageProgress, ...]
    by_province: tuple[tuple[str, int], ...]
    by_outlet: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    by_topic: tuple[tuple[str, int], ...]
    campaigns: tuple[CampaignCount, ...]
    provinces: tuple[ProvinceProgress, ...] = ()  # the chart target split by province
    today: date | None = None  # the day the figures were read (None: as of `date_to`)
    chart_kinds: frozenset[str] = frozenset()  # the chart target's press kinds (none: all)

    @property
    def provinces_counted(self) -> str:
        """What `provinces` (and so the report's provinces needing attention) count, said under
        their tables: not what `by_province` counts, which readers set beside them."""
        if self.chart_target is None:
            return ""
        return progress_counted(self.chart_target, self.chart_kinds)

    @property
    def by_province_counted(self) -> str:
        """What `by_province` counts, said under its table."""
        return period_counted(self.date_from, self.date_to)

    @property
    def plan_until(self) -> str:
        """Up to when the chart target's steady plan is read, for the split-rule note: "hôm
        nay", or the period's end once it is over (pressmon.progress_text.plan_until)."""
        if self.chart_target is None:
            return "hôm nay"
        return plan_until(self.chart_target, self.today or self.date_to)

    @property
    def total(self) -> int:
        """Press articles (kind "other" excluded)."""
        return sum(count for kind, count in self.by_kind if kind in PRESS_KINDS)

    @property
    def counted_to(self) -> date:
        """The last day `weekly` counts: `date_to`, or today when the range ends later."""
        return counted_end(self.date_to, self.today or self.date_to)

    @property
    def cut_weeks_note(self) -> str | None:
        """Which weeks of `weekly` the range cuts, and the days they count."""
        return cut_buckets_note(
            self.weekly.buckets, "week", self.date_from, self.counted_to, range_end=self.date_to
        )

    @property
    def topics_note(self) -> str | None:
        """Why `by_topic` adds up to more than `total`, when it does."""
        return topics_note(self.by_topic, self.total)

    @property
    def weekly_counted(self) -> str:
        """What `weekly` counts, for its headings: the chart target's articles (a local-press
        target's weeks are fewer than `total`), else, like `total`, every press article."""
        return self.chart_target.target_name if self.chart_target else "Tin, bài trên báo chí"


def _province_counts(archive: Archive, query: Query) -> dict[str, int]:
    return _group_totals(target_counts(archive, query, group_by="province"))


def provinces_progress(
    archive: Archive,
    target: Target,
    progress: CoverageProgress,
    provinces: Sequence[str],
    campaigns: Sequence[Campaign],
) -> tuple[ProvinceProgress, ...]:
    """`target` split over `provinces` (pressmon.province_targets' rule) with each one's progress
    in the same period; none for a target already limited to some provinces."""
    if not provinces or target.provinces:
        return ()
    period = target_period(target, progress.period_start.year, campaigns)
    counted = target_query(target, period, progress.as_of)
    recent_from, recent_to = share_window(period[0])
    recent = _province_counts(archive, replace(counted, date_from=recent_from, date_to=recent_to))
    split = province_targets(target.count, provinces, target.province_targets, recent)
    return province_progress(
        split,
        _province_counts(archive, counted),
        target.province_targets,
        days_elapsed=progress.days_elapsed,
        days_total=progress.days_total,
        days_over=progress.days_over,
    )


def _topic_totals(archive: Archive, base: Query, topics: Sequence[str]) -> list[tuple[str, int]]:
    """Articles per topic (an article counts once per topic) plus those with none.

    One filtered count per topic instead of `counts(group_by="topic")`: on the SQLite backend the
    grouped form scans article_topics once per article (seconds at 20,000 articles)."""
    rows = [
        (topic, archive.counts(replace(base, topics=frozenset({topic}))).total) for topic in topics
    ]
    with_topic = archive.counts(replace(base, topics=frozenset(topics))).total if topics else 0
    rows.append((UNKNOWN_GROUP, archive.counts(base).total - with_topic))
    return sorted((r for r in rows if r[1]), key=_most_then_by_label(TOPIC_LABELS))


def _group_totals(table: CountTable) -> dict[str, int]:
    """Each group's total over the table's periods."""
    return {group: sum(counts) for group, counts in table.rows.items()}


def _totals(table: CountTable, labels: Mapping[str, str] | None = None) -> list[tuple[str, int]]:
    """Each group's total, most first; ties by the name the tables show (`labels` for codes)."""
    return sorted(_group_totals(table).items(), key=_most_then_by_label(labels or {}))


def _most_then_by_name(row: tuple[str, int]) -> tuple[int, SortKey]:
    """Most first; ties in Vietnamese alphabetical order (Hải Phòng before Hưng Yên)."""
    return -row[1], vietnamese_sort_key(row[0])


def _most_then_by_label(
    labels: Mapping[str, str],
) -> Callable[[tuple[str, int]], tuple[int, SortKey]]:
    """`_most_then_by_name` by the label a code is shown with (a kind's, a topic's), not by the
    code, which put Báo trung ương ("national") before Báo địa phương ("provincial") on a tie."""
    return lambda row: _most_then_by_name((labels.get(row[0], row[0]), row[1]))


def coverage_figures(
    archive: Archive,
    targets: Targets,
    *,
    date_from: date,
    date_to: date,
    today: date,
    provinces: Sequence[str] = (),
    outlet_names: Mapping[str, str] | None = None,
    chart_target_id: str | None = None,
    topics: Sequence[str] = (),
) -> CoverageFigures:
    """Counts for [date_from, date_to] (local dates), every province listed (zeros included);
    `topics` are the topic ids to break down by (config/topics.yaml)."""
    base = Query(date_from=date_from, date_to=date_to, kinds=PRESS_KINDS)
    # Targets are read as of the range's end when it is over: a past year shows as finished.
    progress = tuple(progress_for_targets(archive, targets, min(today, date_to), today))
    by_id = {t.id: t for t in targets.targets}
    chart_target = next((p for p in progress if p.target_id == chart_target_id), None)
    chart_target = chart_target or next(
        (p for p in progress if by_id[p.target_id].period == "year"), None
    )
    weekly_query = base
    if chart_target:
        weekly_query = target_query(by_id[chart_target.target_id], (date_from, date_to), date_to)
    by_province = _group_totals(archive.counts(base, group_by="province"))
    province_rows = [(name, by_province.pop(name, 0)) for name in provinces]
    province_rows += sorted(by_province.items(), key=_most_then_by_name)
    outlet_table = archive.counts(base, group_by="outlet")
    names = dict(outlet_names or {})
    names |= stored_outlet_names(archive, list(outlet_table.rows), names)
    # Ties by the outlet's name, not its id (`baodongthap` put Báo Đồng Tháp before Báo Hà Tĩnh).
    outlets = [(names.get(o, o), n) for o, n in _totals(outlet_table, names)]
    campaigns = []
    for campaign in targets.campaigns:
        start, end = campaign.window(date_to.year)
        campaigns.append(
            CampaignCount(
                campaign,
                start,
                end,
                archive.counts(replace(base, date_from=start, date_to=end)).total,
            )
        )
    return CoverageFigures(
        provinces=(
            provinces_progress(
                archive, by_id[chart_target.target_id], chart_target, provinces, targets.campaigns
            )
            if chart_target
            else ()
        ),
        date_from=date_from,
        date_to=date_to,
        today=today,
        weekly=archive.counts(weekly_query, interval="week"),
        chart_target=chart_target,
        targets=progress,
        by_province=tuple(province_rows),
        by_outlet=tuple(outlets),
        by_kind=tuple(
            _totals(archive.counts(replace(base, kinds=frozenset()), group_by="kind"), KIND_LABELS)
        ),
        by_topic=tuple(_topic_totals(archive, base, topics)),
        campaigns=tuple(campaigns),
        chart_kinds=frozenset(by_id[chart_target.target_id].kinds) if chart_target else frozenset(),
    )


@dataclass(frozen=True)
class RecordedStep:
    """A conclusion or follow-up in force on an item, as its audit log records it."""

    code: str  # the status ("false"…) or follow-up ("reported_to_leadership"…) code
    note: str
    actor: str  # username
    at: datetime


@dataclass(frozen=True)
class SentToCenter:
    """What the report reads to name every province that sent an item to the Center: each item's
    latest sending (pressmon.review.escalations.EscalationStore.all), and whether an audit
    event is the Center's (pressmon.review.offices), whose answer the sendings before it had
    (pressmon.review.escalations.sendings)."""

    latest: Mapping[str, Escalation]
    is_center: CenterEvent


@dataclass(frozen=True)
class LeadershipReport:
    title: str
    generated_at: datetime
    coverage: CoverageFigures
    flagged_by_category: tuple[tuple[str, tuple[Document, ...]], ...]  # category -> items
    status_totals: tuple[tuple[str, int], ...]  # status code -> flagged items
    follow_ups: Mapping[str, tuple[str, ...]]  # document id -> follow-up codes in force (decided)
    summary: str  # the opening paragraph, generated from the numbers (pressmon.progress_text)
    attention: tuple[ProvinceProgress, ...]  # provinces behind or short, worst first
    # document id -> its saved copy (pressmon.evidence), cited by hash and fetch time
    saved_copies: Mapping[str, SavedCopy] = field(default_factory=dict)
    # document id -> its conclusion then its follow-ups in force, each with note, who and when
    steps: Mapping[str, tuple[RecordedStep, ...]] = field(default_factory=dict)
    # document id -> each province's sending to the Center that it answers or is to answer
    # (pressmon.review.escalations.sendings), oldest first
    senders: Mapping[str, tuple[Escalation, ...]] = field(default_factory=dict)
    # document id -> the Center's answer to those sendings (a conclusion, a follow-up or Trả lại
    # tỉnh: pressmon.review.escalations.center_answer); an item in `senders` but not here waits
    answers: Mapping[str, ReviewEvent] = field(default_factory=dict)
    # document id -> who made its standing decision and for which office then
    # (pressmon.review.workflow.decided_by): leadership tells the Center's from a province's
    decided: Mapping[str, Decided] = field(default_factory=dict)
    items: ItemCounts = ItemCounts(0, 0, 0, 0, FLAGGED_LIMIT)
    published_in_period: frozenset[str] = frozenset()  # listed items published in the period
    # listed items acted on in the period -> the time of the latest such action
    acted_in_period: Mapping[str, datetime] = field(default_factory=dict)
    # "Chỉ liệt kê 2.000 trên N mục; …" when the lists stop at their limit, else ""
    cap_notice: str = ""
    # document id -> how many other listed items are copies of its content (pressmon.report_copies)
    copies: Mapping[str, int] = field(default_factory=dict)
    # category -> how many distinct contents its items are (its item count when no copies)
    contents: Mapping[str, int] = field(default_factory=dict)

    def period_marks(self, document_id: str) -> tuple[str, ...]:
        """Why the item is in the report: "Đăng trong kỳ", "Xử lý trong kỳ" or both."""
        return tuple(
            mark
            for mark, ids in (
                (PUBLISHED_IN_PERIOD, self.published_in_period),
                (ACTED_IN_PERIOD, self.acted_in_period),
            )
            if document_id in ids
        )

    def decision_unsaid(self, document_id: str) -> Decided | None:
        """Who made the item's standing decision, for its row to say, unless the row's line on
        the Center's answer to a sending says it already (as on the item page)."""
        return decision_unsaid(self.decided.get(document_id), self.answers.get(document_id))


def leadership_report(
    archive: Archive,
    targets: Targets,
    *,
    date_from: date,
    date_to: date,
    now: datetime,
    today: date,
    tz: ZoneInfo,
    provinces: Sequence[str] = (),
    outlet_names: Mapping[str, str] | None = None,
    topics: Sequence[str] = (),
    flagged_limit: int = FLAGGED_LIMIT,
    chart_target_id: str | None = None,
    evidence: EvidenceStore | None = None,
    sent_to_center: SentToCenter | None = None,
    offices: OfficeAt | None = None,
) -> LeadershipReport:
    """Coverage counts articles published in [date_from, date_to] (local dates in `tz`); the
    Article 11 items are those published then and flagged, and those acted on then wherever
    published (`pressmon.report_items`), at most `flagged_limit` of them. `offices`: the office
    each account acted for at a time (`pressmon.review.offices.office_at`), for which office
    made each standing decision; None: not said."""
    coverage = coverage_figures(
        archive,
        targets,
        chart_target_id=chart_target_id,
        date_from=date_from,
        date_to=date_to,
        today=today,
        provinces=provinces,
        outlet_names=outlet_names,
        topics=topics,
    )
    listed, acted, items = report_items(archive, date_from, date_to, tz, flagged_limit)
    attention = needing_attention(coverage.provinces)
    groups: dict[str, list[Document]] = {}
    for doc in listed:
        groups.setdefault(doc.category or REPORT_CATEGORY_UNKNOWN, []).append(doc)
    statuses: dict[str, int] = {}
    for doc in listed:
        statuses[doc.review_status] = statuses.get(doc.review_status, 0) + 1
    sent = sent_to_center.latest if sent_to_center else {}
    # The decided items' logs and those of the items sent up, in one batched read.
    histories = archive.review_histories(
        [d.id for d in listed if d.review_status != UNSTARTED or d.id in sent]
    )
    follow_ups, steps = _decisions(listed, histories)
    answers = {
        d.id: answer
        for d in listed
        if sent_to_center
        and d.id in sent
        and (answer := center_answer(histories.get(d.id, ()), sent_to_center.is_center))
    }
    return LeadershipReport(
        title=f"Báo cáo theo dõi báo chí từ {date_from:%d/%m/%Y} đến {date_to:%d/%m/%Y}",
        generated_at=now,
        coverage=coverage,
        flagged_by_category=tuple((k, tuple(v)) for k, v in sorted(groups.items())),
        status_totals=tuple(sorted(statuses.items(), key=lambda r: -r[1])),
        follow_ups=follow_ups,
        summary=report_summary(
            coverage.total,
            coverage.chart_target,
            coverage.provinces,
            attention,
            published=items.published,
            acted=items.acted,
            acted_outside=items.acted_outside,
            listed=items.listed,
            contents=distinct_contents(listed),
            today=today,
        ),
        attention=attention,
        saved_copies=evidence.latest_of([d.id for d in listed]) if evidence else {},
        steps=steps,
        senders={
            d.id: sendings(histories.get(d.id, ()), sent_to_center.is_center) or (sent[d.id],)
            for d in listed
            if sent_to_center and d.id in sent
        },
        answers=answers,
        decided={
            d.id: who
            for d in listed
            if offices is not None
            and d.id in histories
            and (who := decided_by(histories[d.id], offices))
        },
        items=items,
        published_in_period=frozenset(
            d.id for d in listed if date_from <= local_date(d.published_at, tz) <= date_to
        ),
        acted_in_period={d.id: acted[d.id] for d in listed if d.id in acted},
        cap_notice=cap_sentence(items.listed, items.total) if items.listed < items.total else "",
        copies=other_copies(listed),
        contents={k: distinct_contents(v) for k, v in groups.items()},
    )


def _decisions(
    documents: Sequence[Document], histories: Mapping[str, Sequence[ReviewEvent]]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[RecordedStep, ...]]]:
    """Follow-up codes and recorded steps in force per decided item, from its audit log
    (`histories`: read in batches, `Archive.review_histories`, never one by one)."""
    follow_ups, steps = {}, {}
    decided = [doc for doc in documents if doc.review_status != UNSTARTED]
    for doc in decided:
        history = histories[doc.id]
        state = replay(history)
        if state.follow_ups:
            follow_ups[doc.id] = state.follow_ups
        recorded = _steps_in_force(history, state)
        if recorded:
            steps[doc.id] = recorded
    return follow_ups, steps


def _steps_in_force(history: Sequence[ReviewEvent], state: ReviewState) -> tuple[RecordedStep, ...]:
    """The event that set the status in force and the follow-ups recorded since the last
    reopen (which clears them), oldest first."""
    since = max((i + 1 for i, e in enumerate(history) if e.action == "reopen"), default=0)
    current = history[since:]
    conclusion = next(
        (e for e in reversed(current) if e.action == "status" and e.status_after == state.status),
        None,
    )
    chosen = [conclusion] if conclusion else []
    chosen += [e for e in current if e.action == "follow_up"]
    return tuple(
        RecordedStep(
            code=e.status_after if e is conclusion else str(e.detail.get("follow_up", "")),
            note=e.note,
            actor=e.actor,
            at=e.at,
        )
        for e in chosen
    )


def _sending_cells(
    sent: Sequence[Escalation], tz: ZoneInfo, names: Mapping[str, str]
) -> tuple[str, str, datetime | str | None, str]:
    """Tỉnh chuyển lên, Người chuyển, Thời điểm chuyển, Ghi chú khi chuyển: each province's
    sending in the same order, "; " between them; the time a date cell when one sent it."""
    if len(sent) == 1:
        at: datetime | str | None = local_time(sent[0].at, tz)
    else:
        at = "; ".join(f"{s.at.astimezone(tz):%d/%m/%Y %H:%M}" for s in sent) or None
    return (
        "; ".join(office_label(s.province) for s in sent),
        "; ".join(names.get(s.username, s.username) for s in sent),
        at,
        "; ".join(s.note for s in sent),
    )


def _answer_cell(
    answer: ReviewEvent | None, sent: Sequence[Escalation], tz: ZoneInfo, names: Mapping[str, str]
) -> str:
    """Trả lời của Trung tâm, as the page says it: what it answered, who, when and its note;
    "Chờ Trung tâm kết luận" while it waits; "" for an item no province sent up."""
    if not sent:
        return ""
    if answer is None:
        return WAITING_FOR_CENTER
    said = f"{answer_text(answer)} ({names.get(answer.actor, answer.actor)}, "
    said += f"{answer.at.astimezone(tz):%d/%m/%Y %H:%M})"
    return f"{said}: {answer.note}" if answer.note else said


def _saved_copy_cells(copy: SavedCopy | None, tz: ZoneInfo) -> tuple[str, datetime | None]:
    if copy is None:
        return ("", None)
    return (copy.sha256, local_time(copy.fetched_at, tz))


def _put(sheet: Any, row: Sequence[Any]) -> None:
    """Append `row`; dates and times become real date cells shown dd/mm/yyyy (HH:MM:SS)."""
    sheet.append([xlsx_value(cell) for cell in row])
    for column, value in enumerate(row, start=1):
        if isinstance(value, date):
            cell = sheet.cell(sheet.max_row, column)
            cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT


def report_xlsx(
    report: LeadershipReport,
    *,
    tz,
    labels: Mapping[str, Mapping[str, str]] | None = None,
    names: Mapping[str, str] | None = None,
) -> bytes:
    """The report as a workbook, one sheet each: Tổng quan, Tỉnh thành, Cơ quan báo chí,
    Theo tuần, Bài cần xác minh. `labels` maps "kind"/"topic"/"category" codes to Vietnamese
    names; `names` usernames to the people's names."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    labels = labels or {}
    names = names or {}
    bold = Font(bold=True)
    book = Workbook()
    summary = book.active
    summary.title = "Tổng quan"
    cov = report.coverage
    _put(summary, [report.title])
    summary["A1"].font = Font(bold=True, size=14)
    _put(summary, ["Thời điểm lập", local_time(report.generated_at, tz)])
    _put(summary, ["Tổng số tin, bài", cov.total])
    _put(summary, ["Tóm tắt", report.summary])
    _put(summary, [])
    _put(
        summary,
        [
            "Chỉ tiêu",
            "Đã đạt",
            "Chỉ tiêu",
            "Tỷ lệ (%)",
            "Dự báo cả kỳ",
            "Cần mỗi tuần",
            "Từ ngày",
            "Đến ngày",
        ],
    )
    for p in cov.targets:
        _put(
            summary,
            [
                p.target_name,
                p.count,
                p.target,
                p.percent,
                p.projected,
                p.weekly_pace_required,
                p.period_start,
                p.period_end,
            ],
        )
    if not cov.targets:
        _put(summary, [NO_TARGETS])
    _put(summary, [])
    _put(summary, ["Loại hình báo chí", "Số tin, bài"])
    for kind, n in cov.by_kind:
        _put(summary, [labels.get("kind", {}).get(kind, kind), n])
    if not cov.by_kind:
        _put(summary, [NO_DATA])
    _put(summary, [])
    _put(summary, ["Chủ đề", "Số tin, bài"])
    for topic, n in cov.by_topic:
        _put(summary, [labels.get("topic", {}).get(topic, topic), n])
    if not cov.by_topic:
        _put(summary, [NO_DATA])
    if cov.topics_note:
        _put(summary, [cov.topics_note])
    _put(summary, [])
    _put(summary, ["Chiến dịch", "Từ ngày", "Đến ngày", "Số tin, bài"])
    for c in cov.campaigns:
        _put(
            summary,
            [c.campaign.name, c.start, c.end, c.count],
        )
    if not cov.campaigns:
        _put(summary, [NO_CAMPAIGNS])
    _put(summary, [])
    items = report.items
    _put(summary, ["Tin cần xác minh", "Số tin"])
    _put(summary, [PUBLISHED_IN_PERIOD, items.published])
    _put(summary, [ACTED_IN_PERIOD, items.acted])
    _put(summary, [f"{ACTED_IN_PERIOD}, đăng ngoài kỳ", items.acted_outside])
    _put(summary, ["Liệt kê ở bảng Bài cần xác minh", items.listed])
    if report.cap_notice:
        _put(summary, ["Giới hạn danh sách", report.cap_notice])
    _put(summary, [])
    listed = " (các mục được liệt kê)" if report.cap_notice else ""
    _put(summary, [f"Trạng thái xác minh{listed}", "Số bài"])
    for status, n in report.status_totals:
        _put(summary, [label(status), n])
    if not report.status_totals:
        _put(summary, [NO_ITEMS])

    for title, rows, header, counted in (
        (
            "Tỉnh thành",
            cov.by_province,
            ["Tỉnh, thành phố", "Số tin, bài"],
            cov.by_province_counted,
        ),
        (
            "Tiến độ theo tỉnh",
            [
                (p.province, p.count, p.target, p.percent, p.status_label, p.weekly_pace_required)
                for p in (*report.attention, *(p for p in cov.provinces if p.status not in WORRY))
            ],
            ["Tỉnh, thành phố", "Đã đạt", "Chỉ tiêu", "Tỷ lệ (%)", "Đánh giá", "Cần mỗi tuần"],
            cov.provinces_counted,
        ),
        ("Cơ quan báo chí", cov.by_outlet, ["Cơ quan báo chí", "Số tin, bài"], ""),
        (
            "Theo tuần",
            [
                (
                    b,
                    sum(c[i] for c in cov.weekly.rows.values()),
                    week_note(b, cov.date_from, cov.counted_to),
                )
                for i, b in enumerate(cov.weekly.buckets)
            ],
            # "Ghi chú" last, as in /bao-phu.csv: a 3-day week or one after today is no whole week
            ["Tuần bắt đầu", f"Số tin, bài: {cov.weekly_counted}", "Ghi chú"],
            "",
        ),
    ):
        sheet = book.create_sheet(title)
        _put(sheet, header)
        for row in rows:
            _put(sheet, list(row))
        if not rows:  # the page's words for an empty table, as its one row
            _put(sheet, [NO_DATA])
        elif counted:  # what the rows count, as under the page's table: after them, a row apart
            _put(sheet, [])
            _put(sheet, [counted])

    flagged = book.create_sheet("Bài cần xác minh")
    _put(
        flagged,
        [
            "Nhóm",
            "Tên nhóm",
            "Tiêu đề",
            "Cơ quan báo chí",
            "Ngày đăng",
            "Mức ưu tiên",
            "Điểm rủi ro",
            "Trạng thái",
            "Xử lý tiếp",
            "Đường dẫn",
            "Bản lưu: SHA-256",
            "Bản lưu: thời điểm thu thập",
            "Ghi chú kết luận",
            "Người kết luận",
            "Thời điểm kết luận",
            "Xử lý tiếp: ghi chú",
            "Tỉnh chuyển lên",
            "Người chuyển",
            "Thời điểm chuyển",
            "Ghi chú khi chuyển",
            "Trả lời của Trung tâm",
            "Trong kỳ",
            "Xử lý gần nhất trong kỳ",
            "Đơn vị kết luận",
            "Mã nội dung",  # the story id: copies of one post share it, to group them by
        ],
    )
    for category, docs in report.flagged_by_category:
        for d in docs:
            steps = report.steps.get(d.id, ())
            conclusion = next((s for s in steps if s.code == d.review_status), None)
            sent = report.senders.get(d.id, ())
            _put(
                flagged,
                [
                    category,
                    labels.get("category", {}).get(category, ""),
                    d.title,
                    d.outlet_name,
                    local_time(d.published_at, tz),
                    label(d.tier),
                    round(d.risk or 0.0, 3),
                    label(d.review_status),
                    "; ".join(label(f) for f in report.follow_ups.get(d.id, ())),
                    d.url,
                    *_saved_copy_cells(report.saved_copies.get(d.id), tz),
                    conclusion.note if conclusion else "",
                    names.get(conclusion.actor, conclusion.actor) if conclusion else "",
                    local_time(conclusion.at, tz) if conclusion else None,
                    "; ".join(
                        f"{label(s.code)}: {s.note} ({names.get(s.actor, s.actor)}, "
                        f"{s.at.astimezone(tz):%d/%m/%Y %H:%M})"
                        for s in steps
                        if s is not conclusion
                    ),
                    *_sending_cells(sent, tz, names),
                    _answer_cell(report.answers.get(d.id), sent, tz, names),
                    "; ".join(report.period_marks(d.id)),
                    local_time(acted, tz) if (acted := report.acted_in_period.get(d.id)) else None,
                    office_label(who.province) if (who := report.decided.get(d.id)) else "",
                    d.story,
                ],
            )
    if not report.flagged_by_category:
        _put(flagged, [NO_ITEMS])
    if report.cap_notice:  # below the table, past a blank row: not taken for an item
        _put(flagged, [])
        _put(flagged, [report.cap_notice])
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # crawled text starting with "=" is text, never a formula
                    cell.data_type = "s"
        for cell in sheet[1 if sheet is not summary else 6]:
            cell.font = bold
        sheet.column_dimensions["A"].width = 42
        for column in "BCDEFGHIJKLMNOPQRSTUVWXY":
            sheet.column_dimensions[column].width = 20  # fits dd/mm/yyyy HH:MM:SS
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
