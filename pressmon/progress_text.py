"""Vietnamese sentences generated from coverage numbers: the one pace figure, explained, and the
leadership report's opening summary. Pure: numbers in, text out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from index.types import Interval
from index.weeks import bucket_end, counted_days
from pressmon.coverage import CoverageProgress
from pressmon.province_targets import ProvinceProgress
from pressmon.report_items import ACTIVITY_WORDS
from pressmon.web.formatting import number

ATTENTION_NAMED = 5  # provinces named in the summary; the table lists them all


def _weeks(value: float) -> str:
    return number(round(value, 1))


def pace_sentence(progress: CoverageProgress, today: date | None = None) -> str:
    """The pace figure with what it means, e.g. "Cần 288 bài/tuần trong 20 tuần còn lại để đạt
    15.000 (đã có 9.240 bài, 61,6%)." The chart's pace line and the tables show this figure.
    Read at a day before `today` (a range that ended earlier), it names that day: the weeks left
    and the pace are counted from it, not from today."""
    target, count = number(progress.target), number(progress.count)
    if progress.days_elapsed <= 0:
        return f"Kỳ chỉ tiêu bắt đầu ngày {progress.period_start:%d/%m/%Y}; chưa tính tiến độ."
    if progress.count >= progress.target:
        return f"Đã đạt chỉ tiêu {target} bài ({count} bài, {number(progress.percent)}%)."
    if progress.weekly_pace_required is None:
        return (
            f"Kỳ đã kết thúc ngày {progress.period_end:%d/%m/%Y}: không đạt, có {count}/{target}"
            f" bài, thiếu {number(progress.remaining)} bài."
        )
    earlier = today is not None and progress.as_of < today
    lead = f"Tính đến ngày {progress.as_of:%d/%m/%Y}, cần" if earlier else "Cần"
    so_far = f"đến ngày {progress.as_of:%d/%m/%Y}" if earlier else "đến nay"
    return (
        f"{lead} {number(progress.weekly_pace_required)} bài/tuần trong "
        f"{_weeks(progress.weeks_remaining)} tuần còn lại để đạt {target} "
        f"(đã có {count} bài, {number(progress.percent)}%; bình quân {so_far} "
        f"{number(progress.weekly_pace_so_far)} bài/tuần)."
    )


BUCKET_WORDS: dict[Interval, str] = {"week": "tuần", "month": "tháng"}
NOT_BEGUN = "chưa tới, chưa có số liệu"


def bucket_name(start: date, interval: Interval) -> str:
    """The week or month starting on `start` as people name it: "tuần từ 29/12/2025",
    "tháng 03/2026"."""
    return f"tuần từ {start:%d/%m/%Y}" if interval == "week" else f"tháng {start:%m/%Y}"


def counted_span(
    start: date, interval: Interval, date_from: date | None, date_to: date | None
) -> str | None:
    """The days a range counts of the bucket starting on `start`, when it cuts it ("chỉ tính
    từ 01/01/2026", "chỉ tính đến 20/05/2026", or both); None when the bucket is whole."""
    first, last = counted_days(start, interval, date_from, date_to)
    starts_late, ends_early = first > start, last < bucket_end(start, interval)
    if starts_late and ends_early:
        return f"chỉ tính từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}"
    if starts_late:
        return f"chỉ tính từ {first:%d/%m/%Y}"
    if ends_early:
        return f"chỉ tính đến {last:%d/%m/%Y}"
    return None


def cut_buckets_note(
    buckets: Sequence[date],
    interval: Interval,
    date_from: date | None,
    date_to: date | None,
    *,
    range_end: date | None = None,
) -> str | None:
    """The weeks (or months) at either end of a count table that the range cuts, with the days
    they count: a week spanning 31/12–01/01 counts only the year's days toward a calendar-year
    target, and a month from the 15th holds half a month; and those starting after `date_to`
    (`counted_until`: today), which count nothing yet, named up to `range_end`, the last day
    asked (None: their own end). None when every bucket is whole (an open end cuts nothing)."""
    begun = [start for start in buckets if date_to is None or start <= date_to]
    ahead = buckets[len(begun) :]
    edges = dict.fromkeys((begun[0], begun[-1]) if begun else ())  # one when alike
    cut = [
        f"{bucket_name(start, interval)} {span}"
        for start in edges
        if (span := counted_span(start, interval, date_from, date_to))
    ]
    if ahead:
        cut.append(not_begun(ahead, interval, date_from, range_end))
    if not cut:
        return None
    return f"Mỗi {BUCKET_WORDS[interval]} chỉ tính các ngày trong khoảng đã chọn: {'; '.join(cut)}."


def not_begun(
    ahead: Sequence[date], interval: Interval, date_from: date | None, date_to: date | None
) -> str:
    """The buckets after the last day counted, which hold no article yet rather than none
    published: "tuần từ 07/12/2026 chưa tới, chưa có số liệu", or for several "các tuần từ
    07/12/2026 đến 31/12/2026 chưa tới, …", a span within the range `date_from`–`date_to` (not
    to 03/01/2027, the last week's Sunday: a day nobody asked for)."""
    if len(ahead) == 1:
        return f"{bucket_name(ahead[0], interval)} {NOT_BEGUN}"
    first = counted_days(ahead[0], interval, date_from, date_to)[0]
    last = counted_days(ahead[-1], interval, date_from, date_to)[1]
    return f"các {BUCKET_WORDS[interval]} từ {first:%d/%m/%Y} đến {last:%d/%m/%Y} {NOT_BEGUN}"


def week_note(monday: date, date_from: date, counted_to: date) -> str:
    """A weekly row's note in the CSV and the workbooks, which show no line under the table: on
    a week the range cuts, "Không trọn tuần: chỉ tính từ 01/01/2026"; on one after the last day
    counted (today), which holds nothing yet rather than no article, "Tuần chưa tới, chưa có số
    liệu"; "" on a whole week."""
    if monday > counted_to:
        return f"Tuần {NOT_BEGUN}"
    span = counted_span(monday, "week", date_from, counted_to)
    return f"Không trọn tuần: {span}" if span else ""


def topics_note(rows: Sequence[tuple[str, int]], total: int) -> str | None:
    """Why a topic table adds up to more than the articles it counts, when it does (an article
    belongs to every topic it is about); None when the rows add up to `total`."""
    summed = sum(n for _, n in rows)
    if summed <= total:
        return None
    return (
        f"Một bài có thể thuộc nhiều chủ đề nên các dòng cộng lại ({number(summed)}) nhiều hơn "
        f"số tin, bài ({number(total)})."
    )


# The press kinds a count takes in, as readers name them, in the order the report lists them.
_KIND_WORDS = {"national": "báo trung ương", "sector": "báo ngành", "provincial": "báo địa phương"}


def _kinds_phrase(kinds: Collection[str]) -> str:
    """ "chỉ tin, bài trên báo địa phương", or every press article when `kinds` (none: all)
    takes in every press kind."""
    named = [words for kind, words in _KIND_WORDS.items() if kind in kinds]
    if not kinds or len(named) == len(_KIND_WORDS):
        return "mọi tin, bài trên báo chí (báo trung ương, báo ngành, báo địa phương)"
    return "chỉ tin, bài trên " + ", ".join(named)


def progress_counted(progress: CoverageProgress, kinds: Collection[str]) -> str:
    """What the provinces' progress tables ("Tỉnh, thành phố cần chú ý", "Tiến độ theo tỉnh")
    count, in one line under them: the chart target's press `kinds` from its period's start to
    the day progress is read, against each province's share of it. They differ from the
    report's province counts (`period_counted`) in kinds and days, which readers compare."""
    start, end = progress.period_start, min(progress.as_of, progress.period_end)
    days = f"đăng từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}" if end >= start else "chưa đến kỳ"
    return (
        f"Tính {_kinds_phrase(kinds)} {days} (chỉ tiêu “{progress.target_name}”), "
        "so với chỉ tiêu của từng tỉnh, thành phố."
    )


def period_counted(date_from: date, date_to: date) -> str:
    """What the report's "Tỉnh, thành phố" count table counts, in one line under it."""
    return (
        f"Tính {_kinds_phrase(())} đăng từ {date_from:%d/%m/%Y} đến {date_to:%d/%m/%Y}, "
        "không so với chỉ tiêu."
    )


def plan_until(progress: CoverageProgress, today: date) -> str:
    """Up to when the status rule's steady plan is read, for the split-rule note: "hôm nay" while
    the period runs to today; once it is over, its end; for a range that stopped earlier, the
    day progress is read at.
    """
    if progress.days_over >= progress.days_total:
        return f"ngày {progress.period_end:%d/%m/%Y}"
    if progress.as_of < today:
        return f"ngày {progress.as_of:%d/%m/%Y}"
    return "hôm nay"


def report_summary(
    total: int,
    progress: CoverageProgress | None,
    provinces: Sequence[ProvinceProgress],
    attention: Sequence[ProvinceProgress],
    *,
    published: int,
    acted: int = 0,
    acted_outside: int = 0,
    listed: int | None = None,
    contents: int | None = None,
    today: date | None = None,
) -> str:
    """The report's opening paragraph: total, the main target's status and pace, the provinces
    needing attention (worst first) and the Article 11 items: `published` in the period
    (flagged, or acted on), `acted` on in the period, `acted_outside` of which were published
    outside it; the report is about `published + acted_outside` and lists `listed` of them (all
    when None), `contents` distinct contents (pressmon.report_copies; None: not counted); the
    pace is read as `pace_sentence` reads it on `today`."""
    parts = [f"Trong kỳ báo cáo có {number(total)} tin, bài về BHXH, BHYT, BHTN trên báo chí."]
    if progress is not None:
        parts.append(  # the pace sentence carries the count and percent
            f"Chỉ tiêu «{progress.target_name}», đánh giá: {progress.status_label.lower()}. "
            f"{pace_sentence(progress, today)}"
        )
    if provinces:
        reached = sum(1 for p in provinces if p.status == "dat")
        on_pace = sum(1 for p in provinces if p.status == "dung_tien_do")
        parts.append(
            f"Theo tỉnh, thành phố: {reached}/{len(provinces)} đã đạt, {on_pace} đúng tiến độ, "
            f"{len(attention)} cần chú ý."
        )
    if attention:
        named = ", ".join(
            f"{p.province} ({number(p.percent)}%)" for p in attention[:ATTENTION_NAMED]
        )
        more = (
            f" và {len(attention) - ATTENTION_NAMED} tỉnh khác"
            if len(attention) > ATTENTION_NAMED
            else ""
        )
        parts.append(f"Cần chú ý nhất: {named}{more}.")
    total = published + acted_outside
    capped = listed is not None and listed < total
    parts.append(items_sentence(published, acted, acted_outside, capped=capped, contents=contents))
    if listed is not None and capped:
        parts.append(cap_sentence(listed, total))
        if contents is not None and contents < listed:  # counted among the listed ones only
            parts.append(f"Các mục được liệt kê {contents_phrase(contents, 'gồm')}.")
    return " ".join(parts)


def contents_phrase(contents: int, verb: str = "") -> str:
    """How many distinct contents some items are: "10 nội dung khác nhau", or, for one, "cùng
    một nội dung" (one cannot differ). `verb` ("gồm") goes before a count, "đều" before one.

    >>> contents_phrase(1, "gồm"), contents_phrase(10, "gồm")
    ('đều cùng một nội dung', 'gồm 10 nội dung khác nhau')
    """
    if contents == 1:
        return f"{'đều ' if verb else ''}cùng một nội dung"
    return f"{verb + ' ' if verb else ''}{number(contents)} nội dung khác nhau"


def items_sentence(
    published: int,
    acted: int,
    acted_outside: int,
    *,
    capped: bool = False,
    contents: int | None = None,
) -> str:
    """The Article 11 items in one sentence, e.g. "Có 4 tin cần xác minh đăng trong kỳ; 3 tin
    được xử lý trong kỳ (…), trong đó 1 tin đăng ngoài kỳ; mục 2 liệt kê 5 tin." When not
    `capped`, the figure of the items listed adds how many distinct `contents` they are where
    copies of one make them fewer, e.g. "Có 76 tin cần xác minh (10 nội dung khác nhau) …".

    >>> items_sentence(0, 0, 0)
    'Không có tin nào cần xác minh đăng hoặc được xử lý trong kỳ.'
    >>> items_sentence(3, 0, 0)
    'Có 3 tin cần xác minh đăng trong kỳ; không tin nào được xử lý trong kỳ.'
    """
    if not published and not acted:
        return "Không có tin nào cần xác minh đăng hoặc được xử lý trong kỳ."
    listed = published + acted_outside
    distinct = (
        f" ({contents_phrase(contents)})"
        if contents is not None and contents < listed and not capped
        else ""
    )
    text = (
        f"Có {number(published)} tin cần xác minh"
        f"{'' if acted_outside else distinct} đăng trong kỳ"  # published: every item listed
        if published
        else "Không có tin nào cần xác minh đăng trong kỳ"
    )
    if not acted:
        return f"{text}; không tin nào được xử lý trong kỳ."
    text += f"; {number(acted)} tin được xử lý trong kỳ ({ACTIVITY_WORDS})"
    if acted_outside:
        text += f", trong đó {number(acted_outside)} tin đăng ngoài kỳ"
        if not capped:  # else `cap_sentence` follows, with how many are listed
            text += f"; mục 2 liệt kê {number(listed)} tin{distinct}"
    return f"{text}."


def cap_sentence(listed: int, total: int) -> str:
    """What a report cut at its limit says, wherever it lists items.

    >>> cap_sentence(2000, 2345)[:40]
    'Chỉ liệt kê 2.000 trên 2.345 mục; thu hẹ'
    """
    return (
        f"Chỉ liệt kê {number(listed)} trên {number(total)} mục; thu hẹp kỳ báo cáo để xem đủ "
        "(tin được xử lý trong kỳ được liệt kê trước, rồi đến tin đăng mới nhất)."
    )
