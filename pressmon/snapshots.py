"""Frozen weekly coverage counts, kept in the state database so reports never change silently.

A week's counts are frozen when it is reported. Articles found or removed later change the live
count; freezing again then appends a new revision (never an update) and returns the change as
a `Revision` for the report ("tuần 06/01: 12 → 15, +3").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from index import CountTable, GroupBy
from pressmon.errors import PressmonError
from pressmon.state_db import open_state_db
from vntext.sqlite_text import sqlite_problem


@dataclass(frozen=True)
class Revision:
    week_start: date
    group_by: GroupBy | None
    group: str
    original: int  # the count first frozen (0 for a group that appeared later)
    revised: int
    revision: int
    frozen_at: datetime  # when the original was frozen
    revised_at: datetime

    @property
    def delta(self) -> int:
        return self.revised - self.original


@dataclass(frozen=True)
class _Row:
    week_start: date
    group_by: str
    group: str
    count: int
    frozen_at: datetime
    revision: int


def _revision(row: _Row, history: dict[str, list[_Row]]) -> Revision:
    """`row` as a change from the group's first frozen count (0 if it appeared later)."""
    versions = history.get(row.group, [])
    first = versions[0] if versions and versions[0].revision == 0 else None
    week_frozen_at = min(v[0].frozen_at for v in history.values()) if history else row.frozen_at
    return Revision(
        week_start=row.week_start,
        group_by=row.group_by or None,  # type: ignore[arg-type]
        group=row.group,
        original=first.count if first else 0,
        revised=row.count,
        revision=row.revision,
        frozen_at=first.frozen_at if first else week_frozen_at,
        revised_at=row.frozen_at,
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SnapshotStore:
    """The `coverage_snapshots` table in the state database (`settings.archive.state_path`)."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self._clock = clock
        self._conn = open_state_db(path)
        self._conn.isolation_level = None  # transactions are explicit: BEGIN IMMEDIATE

    def freeze(self, week: date, counts: CountTable) -> list[Revision]:
        """Freeze `week`'s column of `counts`; returns the groups whose frozen count changed."""
        if counts.interval != "week" or week not in counts.buckets:
            raise PressmonError(
                f"tuần {week.isoformat()} không phải một cột tuần của bảng đếm này",
                hint="đếm theo interval='week' trên khoảng ngày có tuần đó",
            )
        column = counts.buckets.index(week)
        live = {group: row[column] for group, row in counts.rows.items()}
        group_by = counts.group_by or ""
        now = self._clock()
        changed = []
        with self._transaction() as conn:
            history = self._history(conn, week, group_by)
            for group in sorted(live.keys() | history.keys()):
                count = live.get(group, 0)
                versions = history.get(group, [])
                latest = versions[-1].count if versions else (None if not history else 0)
                if count == latest:
                    continue
                revision = versions[-1].revision + 1 if versions else (1 if history else 0)
                conn.execute(
                    'INSERT INTO coverage_snapshots (week_start, group_by, "group", count, '
                    "frozen_at, revision) VALUES (?, ?, ?, ?, ?, ?)",
                    (week.isoformat(), group_by, group, count, now.isoformat(), revision),
                )
                if revision:
                    changed.append(_Row(week, group_by, group, count, now, revision))
            return [_revision(row, history) for row in changed]

    def frozen(self, week: date, group_by: GroupBy | None) -> dict[str, int]:
        """The latest frozen count per group for `week` (empty if never frozen)."""
        with self._transaction() as conn:
            history = self._history(conn, week, group_by or "")
        return {group: versions[-1].count for group, versions in history.items()}

    def revisions(self, since: date | None = None) -> list[Revision]:
        """Every change after a first freeze, for weeks starting on or after `since`."""
        with self._transaction() as conn:
            keys = conn.execute(
                "SELECT DISTINCT week_start, group_by FROM coverage_snapshots "
                "WHERE week_start >= ? AND revision > 0 ORDER BY week_start, group_by",
                ((since or date.min).isoformat(),),
            ).fetchall()
            out: list[Revision] = []
            for week_text, group_by in keys:
                history = self._history(conn, date.fromisoformat(week_text), group_by)
                for versions in history.values():
                    out.extend(_revision(row, history) for row in versions if row.revision)
        return out

    def close(self) -> None:
        self._conn.close()

    def _history(
        self, conn: sqlite3.Connection, week: date, group_by: str
    ) -> dict[str, list[_Row]]:
        history: dict[str, list[_Row]] = {}
        for group, count, frozen_at, revision in conn.execute(
            'SELECT "group", count, frozen_at, revision FROM coverage_snapshots '
            'WHERE week_start = ? AND group_by = ? ORDER BY "group", revision',
            (week.isoformat(), group_by),
        ):
            row = _Row(week, group_by, group, count, datetime.fromisoformat(frozen_at), revision)
            history.setdefault(group, []).append(row)
        return history

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise PressmonError(
                f"không lưu được số liệu đã chốt: {sqlite_problem(err)}",
                hint="kiểm tra tệp cơ sở dữ liệu trạng thái và quyền ghi",
            ) from err


def complete_weeks(
    weeks: Sequence[date], *, date_from: date | None, date_to: date | None, today: date
) -> tuple[date, ...]:
    """The weeks (Mondays) that can be frozen: over before `today` and wholly inside the range
    counted. A week cut by `date_from` or `date_to` holds only some of its days, and freezing that
    part would report the rest as late articles when the whole week is frozen."""
    return tuple(
        week
        for week in weeks
        if week + timedelta(days=7) <= today
        and (date_from is None or week >= date_from)
        and (date_to is None or week + timedelta(days=6) <= date_to)
    )


def frozen_week_revisions(state_path: Path, start: date, end: date) -> list[Revision]:
    """The changes to frozen counts (`pressmon counts --freeze`) of the weeks from `start` to
    `end`, for the progress workbook: a reported number that changed is never hidden."""
    store = SnapshotStore(state_path)
    try:
        monday = start - timedelta(days=start.weekday())
        return [r for r in store.revisions(since=monday) if r.week_start <= end]
    finally:
        store.close()
