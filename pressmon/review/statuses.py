"""Review status and follow-up codes as stored in the archive, and which status may follow which.

Codes never change once stored; what staff read is in `pressmon.review.labels`.
"""

from __future__ import annotations

from index.types import DEFAULT_REVIEW_STATUS

UNSTARTED = DEFAULT_REVIEW_STATUS  # "unstarted": the archive gives every new article this status
IN_PROGRESS = "in_progress"
FALSE = "false"
NO_VIOLATION = "no_violation"
INSUFFICIENT = "insufficient"
OUT_OF_SCOPE = "out_of_scope"
DECISIONS = (FALSE, NO_VIOLATION, INSUFFICIENT, OUT_OF_SCOPE)
STATUSES = (UNSTARTED, IN_PROGRESS, *DECISIONS)  # display order

CORRECTION_REQUESTED = "correction_requested"
REPORTED_TO_LEADERSHIP = "reported_to_leadership"  # locks the decision until a lead reopens it
FOLLOW_UPS = (CORRECTION_REQUESTED, REPORTED_TO_LEADERSHIP)

# status -> statuses it may move to (while not locked)
TRANSITIONS: dict[str, frozenset[str]] = {
    UNSTARTED: frozenset({IN_PROGRESS, *DECISIONS}),
    IN_PROGRESS: frozenset({UNSTARTED, *DECISIONS}),
    **{decision: frozenset({IN_PROGRESS, *DECISIONS}) - {decision} for decision in DECISIONS},
}

# Conclusions that go on record (a verdict, or a report to leadership) need the reviewer's
# reasoning in a note: the audit log must say why, not only what.
NOTE_REQUIRED = frozenset({FALSE, NO_VIOLATION, REPORTED_TO_LEADERSHIP})

# The one audit action the system appends, not a person: the article was edited at its source
# after someone acted on it, and the archive now holds the new version
# (pressmon.review.changes). It changes no status and unlocks nothing.
CONTENT_CHANGED = "content_changed"
SYSTEM_ACTOR = "system"  # its actor; also the actor of alert deliveries in the audit log
