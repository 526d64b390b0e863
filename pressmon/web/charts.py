"""Server-rendered inline SVG charts (no JavaScript, nothing fetched)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

from pressmon.coverage import CoverageProgress
from pressmon.progress_text import NOT_BEGUN, counted_span
from pressmon.web.formatting import number


def axis_ticks(value: float, most: int = 5) -> list[int]:
    """The value axis's labelled lines for counts up to `value`: 0 and at most `most` equal whole
    steps of 1, 2, 2.5 or 5 × 10ⁿ reaching at least `value`, so each label names exactly the
    height of its line (quarters of a rounded top gave 0, 1, 2, 4, 5 for a top of 5)."""
    magnitude = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * magnitude
            if step == int(step) and math.ceil(value / step) <= most:
                steps = max(math.ceil(value / step), 1)
                return [int(step) * i for i in range(steps + 1)]
        magnitude *= 10


def weekly_chart(
    buckets: Sequence[date],
    counts: Sequence[int],
    *,
    label: str = "Số tin, bài mỗi tuần",
    date_from: date | None = None,
    counted_to: date | None = None,
    width: int = 920,
    height: int = 300,
) -> Markup:
    """Bars per week on their own scale (so a handful a week stays visible however large the
    target), labelled axes (Vietnamese). The pace to the target is on `cumulative_chart`.
    A week the range `date_from`–`counted_to` (the last day counted: today at the latest) cuts
    is a pale bar, and those after `counted_to` no bars but a grey "chưa tới" band: their 0
    means no data yet, not no coverage; a legend names both when shown."""
    left, right, top, bottom = 56, 16, 28, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = axis_ticks(max([*counts, 1]))
    peak = ticks[-1]
    n = max(len(buckets), 1)
    slot = plot_w / n
    bar_w = max(2.0, slot * 0.7)

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / peak

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(label)}">',
        f'<text x="{left}" y="16" class="chart-title">{escape(label)}</text>',
    ]
    for value in ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">'
            f"{number(value)}</text>"
        )
    every = max(1, math.ceil(n / 12))
    # The legend: swatch class → text, for the kinds of week drawn; a swatch is no rect.bar,
    # so the bars counted are the weeks'.
    shown: dict[str, str] = {}
    ahead_from = n  # the first week after `counted_to`
    for i, (start, count) in enumerate(zip(buckets, counts, strict=True)):
        x = left + i * slot + (slot - bar_w) / 2
        if i % every == 0:
            parts.append(
                f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle" class="axis">{start:%d/%m}</text>'
            )
        if counted_to is not None and start > counted_to:
            ahead_from = min(ahead_from, i)
            shown["ahead"] = f"Tuần {NOT_BEGUN}"
            # Whole slots, so the weeks ahead read as one grey band, not as tall bars.
            parts.append(
                f'<rect x="{left + i * slot:.1f}" y="{top}" width="{slot:.1f}" '
                f'height="{plot_h}" class="ahead"><title>Tuần từ {start:%d/%m/%Y}: {NOT_BEGUN}'
                "</title></rect>"
            )
            continue
        span = counted_span(start, "week", date_from, counted_to)
        if span:
            shown["partial"] = "Tuần chỉ tính một phần"
        parts.append(
            f'<rect x="{x:.1f}" y="{y(count):.1f}" width="{bar_w:.1f}" '
            f'height="{top + plot_h - y(count):.1f}" class="{"bar partial" if span else "bar"}">'
            f"<title>Tuần từ {start:%d/%m/%Y}{f' ({span})' if span else ''}: "
            f"{number(count)} tin, bài</title></rect>"
        )
        if n <= 26:  # the figure above each bar, while there is room for it
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y(count) - 4:.1f}" text-anchor="middle" '
                f'class="value">{number(count)}</text>'
            )
    if n - ahead_from >= 2:  # the band's word, where it fits
        parts.append(
            f'<text x="{left + (ahead_from + n) * slot / 2:.1f}" y="{top + plot_h / 2:.1f}" '
            'text-anchor="middle" class="axis">chưa tới</text>'
        )
    parts.append(f'<text x="{left}" y="{height - 6}" class="axis">Tuần (bắt đầu thứ Hai)</text>')
    legend_x = left + 180.0  # after the axis caption
    for css, text in shown.items():
        parts.append(
            f'<rect x="{legend_x:.0f}" y="{height - 16}" width="14" height="10" class="{css}"/>'
            f'<text x="{legend_x + 20:.0f}" y="{height - 6}" class="axis">{text}</text>'
        )
        legend_x += 40 + 6.2 * len(text)
    parts.append("</svg>")
    return Markup("".join(parts))


def cumulative_chart(
    progress: CoverageProgress,
    *,
    today: date | None = None,
    width: int = 920,
    height: int = 340,
) -> Markup:
    """The period from start to end: the cumulative count so far (solid), the target (a level
    line), the steady plan from zero to the target, and from today the pace still needed to reach
    it; a legend names each line in Vietnamese. The pace line's figure is `weekly_pace_required`,
    the one the tables and the pace sentence show."""
    left, right, top, bottom = 64, 24, 56, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    start, end = progress.period_start, progress.period_end
    span = max((end - start).days + 1, 1)
    ticks = axis_ticks(max(progress.target, progress.count) * 1.05)
    peak = ticks[-1]

    def x(day: date) -> float:
        offset = min(max((day - start).days + 1, 0), span)
        return left + plot_w * offset / span

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / peak

    title = f"Lũy kế so với chỉ tiêu — {progress.target_name}"
    parts = [
        f'<svg class="chart cumulative" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
        f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>',
    ]
    legend = [
        ("actual", f"Đã có {number(progress.count)} (đến {progress.as_of:%d/%m/%Y})"),
        ("target", f"Chỉ tiêu {number(progress.target)}"),
        ("plan", "Kế hoạch đều từ đầu kỳ"),
    ]
    needs_pace = progress.weekly_pace_required is not None and progress.count < progress.target
    if needs_pace:
        since = (
            f"từ {progress.as_of:%d/%m/%Y}"
            if today is not None and progress.as_of < today
            else "từ nay"
        )
        legend.append(("pace", f"Cần {number(progress.weekly_pace_required or 0)}/tuần {since}"))
    legend_x = float(left)
    for css, text in legend:
        parts.append(
            f'<line x1="{legend_x:.0f}" x2="{legend_x + 22:.0f}" y1="36" y2="36" class="{css}"/>'
            f'<text x="{legend_x + 28:.0f}" y="40" class="line-label label-{css}">'
            f"{escape(text)}</text>"
        )
        legend_x += 40 + 7.2 * len(text)
    for value in ticks:
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'class="grid"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">'
            f"{number(value)}</text>"
        )
    for month_start in _month_starts(start, end):
        parts.append(
            f'<text x="{x(month_start - timedelta(days=1)):.1f}" y="{height - bottom + 16}" '
            f'text-anchor="start" class="axis">{month_start:%m/%Y}</text>'
        )
    target_y = y(progress.target)
    parts.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{target_y:.1f}" y2="{target_y:.1f}" '
        'class="target"/>'
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{x(end):.1f}" y2="{target_y:.1f}" class="plan"/>'
    )
    points = [(x(start - timedelta(days=1)), y(0))] + [
        (x(min(week.week_start + timedelta(days=6), progress.as_of)), y(week.cumulative))
        for week in progress.weeks
    ]
    parts.append(
        '<polyline class="actual" fill="none" points="'
        + " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        + '"/>'
    )
    now_x, now_y = x(progress.as_of), y(progress.count)
    if needs_pace:
        parts.append(
            f'<line x1="{now_x:.1f}" y1="{now_y:.1f}" x2="{x(end):.1f}" y2="{target_y:.1f}" '
            'class="pace"/>'
        )
    parts.append(
        f'<circle cx="{now_x:.1f}" cy="{now_y:.1f}" r="4" class="actual-dot">'
        f"<title>Đến {progress.as_of:%d/%m/%Y}: {number(progress.count)} bài</title></circle>"
    )
    parts.append(f'<text x="{left}" y="{height - 6}" class="axis">Tháng</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _month_starts(start: date, end: date) -> list[date]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        if current >= start:
            months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
