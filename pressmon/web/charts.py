"""Server-rendered inline SVG charts (no JavaScript, nothing fetched)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from markupsafe import Markup, escape

from pressmon.web.formatting import number


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def weekly_chart(
    buckets: Sequence[date],
    counts: Sequence[int],
    pace: float | None,
    *,
    label: str = "Số tin, bài mỗi tuần",
    width: int = 920,
    height: int = 300,
) -> Markup:
    """Bars per week, a dashed line at the weekly target pace, labelled axes (Vietnamese)."""
    left, right, top, bottom = 56, 16, 28, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_max(max([*counts, pace or 0, 1]))
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
    for i in range(5):
        value = peak * i / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">'
            f"{number(round(value))}</text>"
        )
    every = max(1, math.ceil(n / 12))
    for i, (start, count) in enumerate(zip(buckets, counts, strict=True)):
        x = left + i * slot + (slot - bar_w) / 2
        below = pace is not None and count < pace
        parts.append(
            f'<rect x="{x:.1f}" y="{y(count):.1f}" width="{bar_w:.1f}" '
            f'height="{top + plot_h - y(count):.1f}" class="bar{" below" if below else ""}">'
            f"<title>Tuần từ {start:%d/%m/%Y}: {number(count)} tin, bài</title></rect>"
        )
        if n <= 26:  # the figure above each bar, while there is room for it
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y(count) - 4:.1f}" text-anchor="middle" '
                f'class="value">{number(count)}</text>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle" class="axis">{start:%d/%m}</text>'
            )
    if pace is not None:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(pace):.1f}" y2="{y(pace):.1f}" '
            'class="pace"/>'
        )
        parts.append(
            f'<text x="{width - right}" y="{y(pace) - 6:.1f}" text-anchor="end" class="pace-label">'
            f"Tiến độ cần đạt: {number(round(pace))}/tuần</text>"
        )
    parts.append(f'<text x="{left}" y="{height - 6}" class="axis">Tuần (bắt đầu thứ Hai)</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
