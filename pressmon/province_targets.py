"""A coverage target split across the provinces, and each province's progress against its share.

The split rule (README, "Chỉ tiêu theo tỉnh"): provinces named under `province_targets` in
targets.yaml get that figure; the rest of the target is divided among the other provinces in
proportion to their share of the target's articles in the 365 days before the period starts
(the recent share), each province counted with one article more so that a province the press
missed last year still gets a part; by largest remainder, so the parts add up exactly. With no
articles in that window the split is therefore equal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pressmon.coverage import (
    ATTENTION_ORDER,
    STATUS_LABELS,
    Status,
    progress_status,
    required_weekly_pace,
)
from vntext.collation import vietnamese_sort_key

SHARE_WINDOW_DAYS = 365
ProvinceSort = Literal["tien_do", "ten", "so_bai"]
PROVINCE_SORTS: tuple[ProvinceSort, ...] = ("tien_do", "ten", "so_bai")
WORRY: frozenset[Status] = frozenset({"cham", "khong_dat"})  # the statuses needing attention


@dataclass(frozen=True)
class ProvinceProgress:
    province: str
    count: int
    target: int
    explicit: bool  # the target was set in targets.yaml rather than split by share
    status: Status
    weekly_pace_required: int | None

    @property
    def percent(self) -> float:
        return round(100 * self.count / self.target, 1) if self.target else 100.0

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def share_window(period_start: date) -> tuple[date, date]:
    """The days whose coverage sets each province's share: the 365 before the period."""
    return period_start - timedelta(days=SHARE_WINDOW_DAYS), period_start - timedelta(days=1)


def split_by_share(
    total: int, provinces: Sequence[str], recent: Mapping[str, int]
) -> dict[str, int]:
    """`total` divided among `provinces` in proportion to `recent` counts (equally when they are
    all zero), rounded by largest remainder so the parts add up to `total` exactly; ties go to
    the province listed first."""
    if not provinces:
        return {}
    weights = {p: max(recent.get(p, 0), 0) for p in provinces}
    if not any(weights.values()):
        weights = dict.fromkeys(provinces, 1)
    whole = sum(weights.values())
    exact = {p: total * w / whole for p, w in weights.items()}
    parts = {p: int(value) for p, value in exact.items()}
    by_remainder = sorted(provinces, key=lambda p: (-(exact[p] - parts[p]), provinces.index(p)))
    for province in by_remainder[: total - sum(parts.values())]:
        parts[province] += 1
    return parts


def province_targets(
    total: int,
    provinces: Sequence[str],
    explicit: Mapping[str, int],
    recent: Mapping[str, int],
) -> dict[str, int]:
    """Every province's target: its explicit figure, else its share of what is left."""
    rest = [p for p in provinces if p not in explicit]
    left = max(total - sum(explicit.get(p, 0) for p in provinces), 0)
    split = split_by_share(left, rest, {p: recent.get(p, 0) + 1 for p in rest})
    return {p: explicit[p] if p in explicit else split[p] for p in provinces}


def province_progress(
    targets: Mapping[str, int],
    counts: Mapping[str, int],
    explicit: Mapping[str, int],
    *,
    days_elapsed: int,
    days_total: int,
    days_over: int | None = None,
) -> tuple[ProvinceProgress, ...]:
    """Each province's progress, by the same status and pace rules as the whole target
    (`days_over`: pressmon.coverage.CoverageProgress.days_over)."""
    over = days_elapsed if days_over is None else days_over
    rows = []
    for province, target in targets.items():
        count = counts.get(province, 0)
        rows.append(
            ProvinceProgress(
                province=province,
                count=count,
                target=target,
                explicit=province in explicit,
                status=progress_status(
                    count,
                    target,
                    days_elapsed=days_elapsed,
                    days_total=days_total,
                    days_over=over,
                ),
                weekly_pace_required=required_weekly_pace(
                    max(target - count, 0), days_total - over
                ),
            )
        )
    return tuple(rows)


def sort_provinces(
    rows: Sequence[ProvinceProgress], by: ProvinceSort
) -> tuple[ProvinceProgress, ...]:
    """By progress ("tien_do": status worst first, then the lowest percent), by name ("ten") or
    by articles, most first ("so_bai")."""
    if by == "ten":
        return tuple(rows)  # config/provinces.yaml order, the one the Center reads in
    if by == "so_bai":
        return tuple(sorted(rows, key=lambda r: (-r.count, vietnamese_sort_key(r.province))))
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                ATTENTION_ORDER.index(r.status),
                r.percent,
                vietnamese_sort_key(r.province),
            ),
        )
    )


def needing_attention(rows: Sequence[ProvinceProgress]) -> tuple[ProvinceProgress, ...]:
    """Provinces behind ("cham") or short at the end ("khong_dat"), worst first."""
    return tuple(r for r in sort_provinces(rows, "tien_do") if r.status in WORRY)
