"""Plain-text, JSON and CSV renderings for the terminal."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass, replace
from datetime import date, datetime, tzinfo
from typing import Any

from index.types import CountTable, Document, Interval, SearchPage
from pressmon.coverage import CoverageProgress
from pressmon.crawl_report import CrawlReport, problems_text
from pressmon.review.date_reasons import date_labels
from pressmon.review.labels import CATEGORY_LABELS, KIND_LABELS, STANCE_LABELS, label
from pressmon.search_hints import Suggestion
from pressmon.snapshots import Revision
from pressmon.web.formatting import at_least, number, vn_datetime
from vntext.collation import vietnamese_sort_key

GROUP_HEADERS = {
    "province": "Tỉnh/thành",
    "outlet": "Cơ quan báo chí",
    "kind": "Loại hình",
    "topic": "Chủ đề",
}
# Why a grouped total can exceed the number of articles: these fields hold several values.
# (By province an article counts once, under its main province; `--province` also finds the
# articles about a province that is not their main one, so it can find more than the row.)
OVERLAP_NOTES = {
    "topic": "một bài có thể thuộc nhiều chủ đề",
}
# Why grouped stories can add up to more than the stories: a story's copies can sit in several
# groups (a national original and its provincial copy are under two kinds, outlets, provinces).
STORIES_OVERLAP = "một tin có bản đăng lại có thể ở nhiều nhóm"
# What a grouped total counts, where that is not plain.
TOTAL_NOTES = {
    "province": "mỗi bài tính một lần, ở tỉnh/thành chính của bài",
}

_MARK = re.compile(r"</?mark>")
# Every C0/C1 control character: archived text printed raw could drive the operator's terminal
# (ESC sequences retitle windows, rewrite lines, or worse). Shown as visible \xNN instead.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_safe(text: object) -> str:
    """`text` with every control character (newline and tab too) as a visible \\xNN escape."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def plain_value(value: Any) -> str:
    """A field's value for people: lists and mappings as text, not Python's `['…']`, `{'…': …}`
    or `None`.

    >>> plain_value(["Dương Ngọc", "PV"]), plain_value({"title": "css"}), plain_value(None)
    ('Dương Ngọc; PV', 'title: css', '(không có)')
    """
    value = to_jsonable(value)
    if isinstance(value, dict):
        value = ", ".join(f"{key}: {plain_value(item)}" for key, item in value.items())
    elif isinstance(value, list):
        value = "; ".join(plain_value(item) for item in value)
    return "(không có)" if value is None or value == "" else str(value)


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True)


def document_json(document: Document) -> dict[str, Any]:
    """Every field, with the Vietnamese text of the tier, status and date codes beside them."""
    return {
        **to_jsonable(document),
        "tier_label": label(document.tier),
        "review_status_label": label(document.review_status),
        **date_labels(document),
    }


def search_json(page: SearchPage, tried: Sequence[Suggestion]) -> dict[str, Any]:
    """The page, and in `suggestions` the rewrites `no_results_text` offers, in its order;
    `reachable` as /api/search says it (null: every match is paged through)."""
    return {
        **to_jsonable(page),
        "reachable": page.reach_that_applies,
        "hits": [
            {**to_jsonable(hit), "document": document_json(hit.document)} for hit in page.hits
        ],
        "suggestions": to_jsonable(list(tried)),
    }


def past_the_end_text(page: SearchPage) -> str:
    """Under the total, for a page asked past the last match: which page is the last."""
    if not page.total_exact:
        return f"Trang {number(page.page)} không có kết quả: đã quá trang cuối."
    last = -(-page.total // page.page_size)
    return f"Trang {number(page.page)} không có kết quả: trang cuối là trang {number(last)}."


def snippet_for_terminal(snippet: str) -> str:
    """Hit snippets and marked titles are HTML-safe markup; the terminal wants the text with «»
    around matches."""
    marked = snippet.replace("<mark>", "«").replace("</mark>", "»")
    return terminal_safe(" ".join(html.unescape(_MARK.sub("", marked)).split()))


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[terminal_safe(h) for h in headers]] + [
        [terminal_safe(c) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def crawl_table(report: CrawlReport) -> str:
    """One row per source of a crawl (or of one worker's share of it): pages, articles, errors."""
    rows = [
        (
            o.name,
            o.fetched,
            o.stored,
            o.updated,
            o.unchanged,
            o.irrelevant,
            o.known,
            problems_text(o),
        )
        for o in report.outcomes
    ]
    # "cập nhật" / "không đổi": stored articles fetched again because discovery showed a change.
    headers = [
        "nguồn",
        "trang tải được",
        "bài mới",
        "cập nhật",
        "không đổi",
        "không liên quan",
        "đã có",
        "lỗi",
    ]
    return table(headers, rows)


def count_rows(counts: CountTable) -> list[tuple[date, str, int]]:
    """Long form: (bucket start, group, count) for every cell, zero cells included."""
    return [
        (bucket, group, values[i])
        for group, values in sorted(counts.rows.items())
        for i, bucket in enumerate(counts.buckets)
    ]


def bucket_column(start: date, interval: Interval) -> str:
    """A column's heading: a week by its Monday (`16/03`), a month as the app names months
    (`03/2026`, as in `tháng 03/2026`), since `01/03` reads as 1 March, not the month."""
    return f"{start:%m/%Y}" if interval == "month" else f"{start:%d/%m}"


def bucket_row(start: date, interval: Interval) -> str:
    """An ungrouped table's row: a week by its Monday with the year (`16/03/2026`), a month as
    its column reads (`03/2026`), not its first day."""
    return bucket_column(start, interval) if interval == "month" else f"{start:%d/%m/%Y}"


def counts_text(
    counts: CountTable, names: Mapping[str, str] | None = None, distinct: int | None = None
) -> str:
    """Counts for people: group names (not ids), Vietnamese numbers and dates.

    `names` maps stored group values to display names; `distinct` is the ungrouped total, shown
    when groups overlap so the larger grouped sum is explained rather than puzzling.
    """
    label = "Tuần từ" if counts.interval == "week" else "Tháng"
    measure = "Số câu chuyện" if counts.unit == "stories" else "Số bài"
    if counts.group_by is None:
        values = next(iter(counts.rows.values()), ())
        peak = max(values, default=0) or 1
        rows = [
            (bucket_row(b, counts.interval), number(v), "█" * round(20 * v / peak))
            for b, v in zip(counts.buckets, values, strict=True)
        ]
        footer = f"Tổng: {number(counts.total)}"
        if sum(values) != counts.total:  # stories whose copies fall in two buckets
            bucket = label.split()[0].lower()
            footer += (
                f" (mỗi tin tính một lần dù các bản đăng lại rơi vào hai {bucket}; "
                f"các {bucket} cộng lại: {number(sum(values))})"
            )
        return table([label, measure, ""], rows) + "\n" + footer
    names = names or {}
    headers = [
        GROUP_HEADERS[counts.group_by],
        *(bucket_column(b, counts.interval) for b in counts.buckets),
        "Tổng",
    ]
    shown = {group: names.get(group, group) or "(không rõ)" for group in counts.rows}
    # Ties by the name shown, in Vietnamese order (Đà Nẵng after Cà Mau, not after every
    # other letter as its code point would put it; an outlet by its name, not its id).
    ordered = sorted(
        counts.rows.items(),
        key=lambda item: (-sum(item[1]), vietnamese_sort_key(shown[item[0]])),
    )
    grouped = [
        (shown[group], *map(number, values), number(sum(values))) for group, values in ordered
    ]
    footer = f"Tổng: {number(counts.total)}"
    if counts.group_by in TOTAL_NOTES:
        footer += f" ({TOTAL_NOTES[counts.group_by]})"
    note = OVERLAP_NOTES.get(counts.group_by)
    if counts.unit == "stories":
        note = STORIES_OVERLAP
    if note and distinct is not None:
        footer = (
            f"Tổng theo {GROUP_HEADERS[counts.group_by].lower()}: {number(counts.total)} "
            f"({note}); {measure.lower()}: {number(distinct)}"
        )
    return table(headers, grouped) + "\n" + footer


def kinds_text(kinds: frozenset[str], *, asked: bool) -> str:
    """The line under a count table saying which outlets it counts: press only unless `--kind`
    asked for others (as /bao-phu counts), since staff read these numbers as press coverage."""
    if not asked:
        return (
            "Chỉ tính báo chí (báo ngành, trung ương, địa phương); diễn đàn, mạng xã hội không "
            "tính (thêm --kind other để đếm)."
        )
    names = ", ".join(name for kind, name in KIND_LABELS.items() if kind in kinds)
    if "other" in kinds:
        return f"Tính: {names} — có cả nguồn không phải báo chí."
    return f"Chỉ tính: {names}."


def with_every_group(counts: CountTable, groups: Sequence[str]) -> CountTable:
    """The table with a zero row for every group that had no article (all 34 provinces)."""
    zeros = (0,) * len(counts.buckets)
    return replace(counts, rows={**dict.fromkeys(groups, zeros), **counts.rows})


def counts_json(counts: CountTable, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Ids as rows' keys, with their display names under `labels`."""
    return {
        "labels": {group: (names or {}).get(group, group) for group in counts.rows},
        "interval": counts.interval,
        "group_by": counts.group_by,
        "unit": counts.unit,
        "buckets": counts.buckets,
        "rows": counts.rows,
        "total": counts.total,
    }


def counts_csv(
    counts: CountTable, names: Mapping[str, str] | None = None, cut: frozenset[date] = frozenset()
) -> str:
    """Long form for spreadsheets and scripts: the group's column is named after `--by`
    (`province`, `outlet`…: a sheet opened alone says what it counts), its id with the name
    people use beside it (`label`); ungrouped, the bucket start and its count. The last column,
    `partial`, is 1 on the rows of a bucket the range cuts (`cut`: their starts), else 0, so a
    3-day week does not pass for a whole one."""
    out = io.StringIO()
    writer = csv.writer(out)
    if counts.group_by is None:
        writer.writerow(["bucket_start", "count", "partial"])
        writer.writerows(
            (start.isoformat(), count, int(start in cut)) for start, _, count in count_rows(counts)
        )
        return out.getvalue()
    writer.writerow(["bucket_start", counts.group_by, "label", "count", "partial"])
    writer.writerows(
        (start.isoformat(), group, (names or {}).get(group, group), count, int(start in cut))
        for start, group, count in count_rows(counts)
    )
    return out.getvalue()


def progress_text(progress: CoverageProgress) -> str:
    status = progress.status_label.lower()
    line = (
        f"Mục tiêu «{progress.target_name}» "
        f"({progress.period_start:%d/%m/%Y}–{progress.period_end:%d/%m/%Y}): "
        f"{number(progress.count)} / {number(progress.target)} ({number(progress.percent)}%), "
        f"dự báo {number(progress.projected)} — {status}"
    )
    if progress.weekly_pace_required is not None:
        line += (
            f"; cần {number(progress.weekly_pace_required)} bài/tuần"
            f" trong {number(progress.weeks_remaining)} tuần còn lại"
        )
    # Read at --to when it is earlier than today: the status and the weeks left are of that day.
    return f"{line} (tính đến {progress.as_of:%d/%m/%Y})"


def frozen_text(weeks: Sequence[date]) -> str:
    """What `counts --freeze` recorded: without it the table looked the same either way."""
    if not weeks:
        return "Không chốt tuần nào: chỉ chốt tuần đã qua và nằm trọn trong khoảng --from/--to."
    span = f"tuần {weeks[0]:%d/%m/%Y}" + (
        f" đến tuần {weeks[-1]:%d/%m/%Y}" if len(weeks) > 1 else ""
    )
    return (
        f"Đã chốt {number(len(weeks))} tuần ({span}) làm số đã báo cáo; bài đến muộn về sau "
        "hiện thành số điều chỉnh."
    )


def revision_text(revision: Revision) -> str:
    group = f" {revision.group}" if revision.group else ""
    return (
        f"Điều chỉnh tuần {revision.week_start:%d/%m/%Y}{group}: đã báo cáo {revision.original}, "
        f"nay {revision.revised} ({revision.delta:+d}, bài đến muộn)"
    )


def no_results_text(tried: Sequence[Suggestion]) -> str:
    """`Không có kết quả.` and the rewrites that do find articles, with how many."""
    if not tried:
        return "Không có kết quả. Thử bớt từ, bỏ dấu hoặc nới bộ lọc."
    found = " · ".join(f"{s.text} ({at_least(s.total, s.total_exact)} bài)" for s in tried)
    return f"Không có kết quả. Thử: {found}"


def document_line(document: Document, tz: tzinfo, *, title: str | None = None) -> str:
    """Date, outlet and title (`title`: as shown instead, a search hit's with its matches in
    «»), the link below."""
    published = vn_datetime(document.published_at, tz)
    shown = document.title if title is None else title
    return terminal_safe(f"{published}  {document.outlet_name}  {shown}") + (
        f"\n    {terminal_safe(document.canonical_url)}"
    )


def stories_text(stories: int) -> str:
    """How many stories a grouped list holds, worded as the web queue's *Gộp bài cùng nội
    dung* view counts them."""
    return f"{number(stories)} nội dung" + (" khác nhau" if stories != 1 else "")


def flagged_text(
    document: Document, tz: tzinfo, link: str, *, copies: int = 0, copies_link: str = ""
) -> str:
    """One triage entry: id, tier, risk, category code and name, stance, status, reason, link;
    in a list grouped by story, the `copies` it stands for as the web queue's row says it, and
    the queue listing them (`copies_link`)."""
    reasons = document.flag_details.get("reasons", [])
    top = (
        next((r.get("text") for r in reasons if isinstance(r, dict) and r.get("text")), None)
        if isinstance(reasons, list)
        else None
    )
    category = (
        f"{document.category} {CATEGORY_LABELS.get(document.category, '')}".rstrip()
        if document.category
        else "chưa xếp loại"
    )
    risk = "-" if document.risk is None else f"{document.risk:.2f}".replace(".", ",")
    lines = [
        terminal_safe(
            f"[{label(document.tier)}] {document.id}  rủi ro {risk}  {category}  "
            f"{STANCE_LABELS.get(document.stance or '', document.stance or '-')}  "
            f"{label(document.review_status)}"
        ),
        "    " + document_line(document, tz),  # escaped there
    ]
    if top:
        lines.append(f"    Lý do chính: {terminal_safe(top)}")
    lines.append(f"    Xem: {link}")
    if copies:
        lines.append(f"    Cùng nội dung với {number(copies)} bài khác: {copies_link}")
    return "\n".join(lines)
