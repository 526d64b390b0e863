"""Which office an account acted for when it acted: the Center's or a province's.

An account may move between offices (`pressmon users set-province`); what it did before stays
its office's then. Whether an audit event is the Center's answer to what provinces sent it
(pressmon.review.escalations) is therefore read at the event's time, from the logged changes of
every account's office, not from where the account is now.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from index.types import ReviewEvent
from pressmon.review.statuses import SYSTEM_ACTOR

CenterEvent = Callable[[ReviewEvent], bool]  # whether an audit event is the Center's
OfficeAt = Callable[[str, datetime], str | None]  # username, time -> province (None: Center)


@dataclass(frozen=True)
class OfficeChange:
    """An account put in an office: made with one, or moved to one."""

    username: str
    at: datetime
    province: str | None  # None: the Center
    moved: bool = False  # moved to it; else made with it


def office_at(changes: Iterable[OfficeChange], current: Mapping[str, str | None]) -> OfficeAt:
    """The province an account acted for at a time (None: the Center): its latest change at or
    before then. Before its first, an account whose first logged change is a move was the
    Center's (made before the account log was kept, when there were no provinces' accounts yet);
    an account with no change logged, its office now (`current`: username -> province); a name
    that is no account, the Center's, as every actor no province holds."""
    timelines: dict[str, list[OfficeChange]] = {}
    for change in changes:
        timelines.setdefault(change.username, []).append(change)
    for timeline in timelines.values():
        timeline.sort(key=lambda change: change.at)

    def province(username: str, at: datetime) -> str | None:
        timeline = timelines.get(username)
        if not timeline:
            return current.get(username)
        i = bisect.bisect_right(timeline, at, key=lambda change: change.at)
        if i:
            return timeline[i - 1].province
        return None if timeline[0].moved else current.get(username)

    return province


def center_events(offices: OfficeAt) -> CenterEvent:
    """Whether an audit event is the Center's: a person's, recorded while its actor acted for
    the Center (`offices`, as `office_at`); the system's events are no office's."""
    return lambda event: event.actor != SYSTEM_ACTOR and offices(event.actor, event.at) is None
