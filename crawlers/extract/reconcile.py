"""Choose the publication date by evidence, not by a fixed order of sources.

Why: on real Vietnamese pages the machine-readable dates are the ones that lie. Some outlets write
Vietnam wall-clock time under a wrong offset (``12:40:25+08:00`` on a page whose byline reads
``12:40 (GMT+7)``: an hour early, across a week boundary just after midnight on a Monday); some put
the draft's creation moment in ``datePublished`` while the byline and ``article:published_time``
show publication later. The byline is what readers (and the outlet's editors) see, so it is the
reference whenever it shows a time:

- a machine-readable candidate within the byline's minute agrees (the best-ranked one is kept:
  it carries seconds);
- one that differs by a whole number of hours, or whose written wall clock equals the byline's,
  has a mislabelled offset;
- one earlier by less than a day that sits in a creation field, or is contradicted by another
  candidate agreeing with the byline, is a creation time;
- anything else is an unexplained disagreement: the byline still wins when it names its zone or
  came from the outlet's own date element, otherwise the metadata does.

Without a timed byline the metadata is weighed against itself: a lone best-ranked candidate
earlier than a group that agrees is a creation time. Every decision says which candidate won,
why, and which candidates disagreed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crawlers.errors import DateError
from crawlers.extract.dates import EARLIEST_YEAR, SOURCE_RANK, VN_TZ, DateCandidate, plausible
from crawlers.extract.profile import DEFAULT_PROFILE, ExtractionProfile

MACHINE = frozenset({"json-ld", "meta", "time-tag"})
CREATION_FIELDS = frozenset({"dateCreated", "datecreated", "dcterms.created"})
# Visible dates read from the outlet's own date element (site table) rather than guessed.
OWN_ELEMENT_FIELDS = frozenset({"byline"})
MAX_OFFSET_ERROR = timedelta(hours=14)  # the widest real UTC offset
CREATION_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Disagreement:
    """A candidate that was not chosen, how far it was from the choice and why it lost."""

    candidate: str  # source:field
    value: datetime
    kind: str  # offset-mislabelled | creation-time | unexplained
    minutes: int  # candidate minus chosen value

    def __str__(self) -> str:
        return f"{self.candidate}={self.value.isoformat()} ({self.minutes:+d} min): {self.kind}"


@dataclass(frozen=True)
class DateDecision:
    """The chosen candidate, the reason in words, and the candidates that disagreed."""

    chosen: DateCandidate
    reason: str
    disagreements: tuple[Disagreement, ...] = ()


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _rank(found: DateCandidate) -> int:
    return SOURCE_RANK[found.source]


def _minutes(a: datetime, b: datetime) -> int:
    return round((a - b).total_seconds() / 60)


def _as_local(found: DateCandidate) -> DateCandidate:
    """The written wall clock read as Vietnam time (the stated offset was wrong)."""
    if found.written is None:
        return found
    return replace(found, value=found.written.replace(tzinfo=VN_TZ), zone_stated=False)


def _whole_hours(delta: timedelta) -> bool:
    # The byline has no seconds, so the candidate may sit up to a minute after a whole hour.
    seconds = delta.total_seconds()
    return 0 < abs(seconds) <= MAX_OFFSET_ERROR.total_seconds() and seconds % 3600 < 60


def _same_wall_clock(found: DateCandidate, reference: DateCandidate) -> bool:
    return (
        found.written is not None
        and reference.written is not None
        and _minute(found.written) == _minute(reference.written)
    )


def _verdict(found: DateCandidate, byline: DateCandidate, timed: list[DateCandidate]) -> str:
    if _minute(found.value) == _minute(byline.value):
        return "agrees"
    delta = found.value - byline.value
    if found.field in CREATION_FIELDS and -CREATION_WINDOW < delta < timedelta(0):
        return "creation-time"  # the field says so, whatever the size of the gap
    if (found.zone_stated and _same_wall_clock(found, byline)) or _whole_hours(delta):
        return "offset-mislabelled"
    others_agree = any(o is not found and _minute(o.value) == _minute(byline.value) for o in timed)
    if -CREATION_WINDOW < delta < timedelta(0) and (found.field in CREATION_FIELDS or others_agree):
        return "creation-time"
    return "unexplained"


def _disagreement(found: DateCandidate, kind: str, chosen: DateCandidate) -> Disagreement:
    return Disagreement(found.label, found.value, kind, _minutes(found.value, chosen.value))


def _against_byline(
    byline: DateCandidate, machine: list[DateCandidate], profile: ExtractionProfile
) -> DateDecision:
    timed = [m for m in machine if m.precision == "minute"]
    verdicts = [(m, _verdict(m, byline, timed)) for m in timed]
    # A day-only value on another day cannot be a shifted offset of a time it never had.
    verdicts += [
        (m, "unexplained")
        for m in machine
        if m.precision == "day" and m.value.date() != byline.value.date()
    ]
    agreeing = [m for m, kind in verdicts if kind == "agrees"]
    against = [(m, kind) for m, kind in verdicts if kind != "agrees"]
    kinds = sorted({kind for _, kind in against})
    trusted = (
        byline.zone_stated or byline.field in OWN_ELEMENT_FIELDS or profile.date_prefer == "byline"
    )
    if agreeing:
        chosen = min(agreeing, key=_rank)
        reason = f"{chosen.label} agrees with the byline"
    elif "unexplained" not in kinds or trusted:
        chosen = byline
        reason = "the visible byline" + (
            f" (metadata: {', '.join(kinds)})" if kinds else " (no time in metadata)"
        )
    else:
        chosen = min((m for m, _ in against), key=_rank)
        reason = (
            f"{chosen.label}: the byline names no zone and disagrees for no known reason; "
            "metadata kept"
        )
        against = [(m, k) for m, k in against if m is not chosen] + [(byline, "unexplained")]
    return DateDecision(chosen, reason, tuple(_disagreement(m, k, chosen) for m, k in against))


def _labelled_local(found: DateCandidate) -> bool:
    """The written wall clock is the Vietnam wall clock: labelled +07:00, or not labelled."""
    return found.written is not None and found.written == found.value.replace(tzinfo=None)


def _fix_offsets_by_consensus(timed: list[DateCandidate]) -> list[tuple[DateCandidate, str]]:
    """Candidates writing the same wall clock as a Vietnam-labelled one under another offset."""
    local = [c for c in timed if _labelled_local(c)]
    return [
        (found, "offset-mislabelled")
        for found in timed
        if found.zone_stated
        and not _labelled_local(found)
        and any(_same_wall_clock(found, other) for other in local)
    ]


def _from_metadata(kept: list[DateCandidate], byline: DateCandidate | None) -> DateDecision:
    publication = [c for c in kept if c.field not in CREATION_FIELDS] or kept
    timed = [
        c
        for c in publication
        if c.precision == "minute" and c.source in MACHINE and c.written is not None
    ]
    if not timed:
        ranked = sorted(publication, key=_rank)
        best = ranked[0]
        for other in ranked[1:]:
            if other.precision == "minute" and other.value.date() == best.value.date():
                return DateDecision(other, f"{other.label}: the time of day for {best.label}")
        return DateDecision(best, f"{best.label}: the best-ranked date found")
    mislabelled = _fix_offsets_by_consensus(timed)
    dropped = {id(c) for c, _ in mislabelled}
    honest = [c for c in timed if id(c) not in dropped]
    groups: dict[datetime, list[DateCandidate]] = {}
    for found in honest:
        groups.setdefault(_minute(found.value), []).append(found)
    best = min(honest, key=_rank)
    largest = max(groups.values(), key=lambda g: (len(g), -min(_rank(c) for c in g)))
    against = list(mislabelled)
    if len(largest) > len(groups[_minute(best.value)]) and (
        timedelta(0) < min(largest, key=_rank).value - best.value < CREATION_WINDOW
    ):
        chosen = min(largest, key=_rank)
        reason = f"{chosen.label}: {len(largest)} metadata fields agree; {best.label} is earlier"
    else:
        chosen = best
        reason = f"{chosen.label}: the best-ranked machine-readable date"
    for found in honest:
        if _minute(found.value) != _minute(chosen.value):
            kind = (
                "creation-time"
                if found.value < chosen.value and (found.field in CREATION_FIELDS or found is best)
                else "unexplained"
            )
            against.append((found, kind))
    for found in kept:
        if found.field in CREATION_FIELDS and _minute(found.value) != _minute(chosen.value):
            against.append((found, "creation-time"))
    if (
        byline is not None
        and chosen.value.date() != byline.value.date()
        and chosen.written is not None
        and chosen.written.date() == byline.value.date()
    ):
        # The byline shows only the day, and it is the day the metadata wrote: the offset moved
        # the time across midnight, so the written wall clock is the Vietnam time.
        against.append((chosen, "offset-mislabelled"))
        chosen = _as_local(chosen)
        reason = f"{chosen.label} read as Vietnam time: the byline's day matches its wall clock"
    return DateDecision(chosen, reason, tuple(_disagreement(m, k, chosen) for m, k in against))


def reconcile(
    candidates: Iterable[DateCandidate],
    now: datetime,
    profile: ExtractionProfile = DEFAULT_PROFILE,
) -> DateDecision:
    """The publication date of one page from every candidate found on it.

    Raises:
        DateError: no plausible candidate (future beyond a day, or before 1995); the message lists
            what was rejected.
    """
    found = list(candidates)
    if profile.timezone_offset_wrong:
        found = [_as_local(c) if c.source in MACHINE and c.zone_stated else c for c in found]
    kept = [c for c in found if plausible(c, now)]
    if not kept:
        if not found:
            raise DateError("không tìm thấy ngày đăng (json-ld, meta, <time>, chữ trên trang, URL)")
        seen = ", ".join(f"{c.label}={c.value.isoformat()}" for c in found)
        raise DateError(
            f"không có ngày đăng hợp lý (ở tương lai hoặc trước {EARLIEST_YEAR}): {seen}"
        )
    visible = [c for c in kept if c.source == "visible-text"]
    byline = next((c for c in visible if c.precision == "minute"), visible[0] if visible else None)
    if profile.date_prefer == "metadata":
        ranked = sorted(kept, key=_rank)
        best = ranked[0]
        same_day = [o for o in ranked if o.value.date() == best.value.date()]
        if best.precision == "day":
            best = next((o for o in same_day if o.precision == "minute"), best)
        return DateDecision(best, f"{best.label}: metadata first for this outlet (profile)")
    if byline is not None and byline.precision == "minute":
        machine = [c for c in kept if c.source in MACHINE]
        return _against_byline(byline, machine, profile)
    return _from_metadata(kept, byline)


def choose_published(candidates: Iterable[DateCandidate], now: datetime) -> DateCandidate:
    """The chosen candidate of :func:`reconcile` with the default profile."""
    return reconcile(candidates, now).chosen
