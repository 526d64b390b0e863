"""Which Article 11 items the leadership report for a period lists, and how many there are.

The period's work as well as its articles: every flagged item published in the period, and every
item acted on in it (`ACTIVITY_ACTIONS`, `ACTIVITY_STATUSES`) however long ago it was published,
so a scam post from October escalated and reported to leadership this week is in this week's
report. Reads the archive only: one grouped read of the review log, the acted-on articles in
chunks, one count and one paged read of the flagged ones; never a read per item."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from index.base import Archive
from index.types import REVIEW_TIERS, Document, Query
from index.weeks import local_date
from pressmon.review.statuses import DECISIONS

# Review activity that puts an item in the report of the period it happened in, whenever the
# article was published: a conclusion (a status change to a decision), a follow-up (Đã báo cáo
# lãnh đạo, Đã đề nghị cải chính), a lead reopening a locked decision, a provincial office
# sending the item to the Center, the Center sending it back. Taking an item up (Đang xác minh),
# an assignment, a note and the system's content_changed do not: they decide nothing.
ACTIVITY_ACTIONS = frozenset({"follow_up", "reopen", "escalate", "send_back"})
ACTIVITY_STATUSES = frozenset(DECISIONS)
ACTIVITY_WORDS = (
    "kết luận, báo cáo lãnh đạo, đề nghị cải chính, mở lại, tỉnh chuyển lên hoặc Trung tâm trả lại "
    "tỉnh"
)
PUBLISHED_IN_PERIOD = "Đăng trong kỳ"
ACTED_IN_PERIOD = "Xử lý trong kỳ"
FLAGGED_LIMIT = 2000  # items the report lists at most
_READ_CHUNK = 500  # acted-on articles read per `get_many`


@dataclass(frozen=True)
class ItemCounts:
    """The report's Article 11 items, counted whole even where the list stops at `limit`."""

    published: int  # published in the period: flagged, or acted on in it though not flagged
    acted: int  # acted on in the period, wherever published
    acted_outside: int  # of `acted`, published outside the period
    listed: int  # in the lists: `total`, or `limit` when there are more
    limit: int

    @property
    def total(self) -> int:
        """Every item the report is about: published in the period, or acted on in it."""
        return self.published + self.acted_outside


def report_items(
    archive: Archive, date_from: date, date_to: date, tz: ZoneInfo, limit: int = FLAGGED_LIMIT
) -> tuple[list[Document], Mapping[str, datetime], ItemCounts]:
    """The items to list for [date_from, date_to] (local dates in `tz`), newest published first;
    each item acted on in the period -> its latest such action; and the counts. Past `limit`,
    the items acted on in the period are kept first (the latest acted on first), then the newest
    flagged ones published in it."""
    acted = archive.review_activity(
        since=datetime.combine(date_from, time(), tz),
        until=datetime.combine(date_to + timedelta(days=1), time(), tz),
        actions=ACTIVITY_ACTIONS,
        statuses=ACTIVITY_STATUSES,
    )
    latest_first = sorted(acted, key=lambda i: (acted[i], i), reverse=True)
    kept: list[Document] = []
    found = outside = flagged_inside = unflagged_inside = 0
    for start in range(0, len(latest_first), _READ_CHUNK):
        # An id whose article was deleted since is not found: the log outlives its articles.
        for doc in archive.get_many(latest_first[start : start + _READ_CHUNK]):
            found += 1
            if not date_from <= local_date(doc.published_at, tz) <= date_to:
                outside += 1
            elif _flagged(doc):
                flagged_inside += 1
            else:
                unflagged_inside += 1
            if len(kept) < limit:
                kept.append(doc)
    period = Query(date_from=date_from, date_to=date_to)
    flagged = archive.counts(replace(period, flagged_only=True)).total
    room = limit - len(kept)
    if room > 0 and flagged > flagged_inside:
        # The acted-on ones among them are kept already: ask for as many more as they are.
        newest, _ = archive.flagged_documents(period, room + flagged_inside)
        kept += [d for d in newest if d.id not in acted][:room]
    kept.sort(key=lambda d: d.published_at, reverse=True)
    counts = ItemCounts(
        published=flagged + unflagged_inside,
        acted=found,
        acted_outside=outside,
        listed=len(kept),
        limit=limit,
    )
    return kept, acted, counts


def _flagged(doc: Document) -> bool:
    """In the review queue, as `Query.flagged_only` selects."""
    return doc.risk is not None and doc.tier in REVIEW_TIERS
