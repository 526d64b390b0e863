"""The office an audit trail names beside a person: the account's at the action's time, as the
UI names offices ("BHXH Nghệ An", "Trung tâm"); none for an actor that is no account."""

from __future__ import annotations

from datetime import UTC, datetime

from pressmon.review.labels import acting_office, traced_name
from pressmon.review.offices import OfficeChange, office_at
from pressmon.review.statuses import SYSTEM_ACTOR

MADE, MOVED = datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 5, 10, tzinfo=UTC)
OFFICES = office_at(
    [OfficeChange("cu", MADE, "Nghệ An"), OfficeChange("cu", MOVED, None, moved=True)], {}
)


def test_the_office_is_the_one_the_account_had_then() -> None:
    assert acting_office("cu", datetime(2026, 5, 5, tzinfo=UTC), False, OFFICES) == "BHXH Nghệ An"
    assert acting_office("cu", MOVED, False, OFFICES) == "Trung tâm"


def test_an_actor_that_is_no_account_acted_for_no_office() -> None:
    for actor, imported in ((SYSTEM_ACTOR, False), ("cli:root", False), ("cu", True)):
        assert acting_office(actor, MOVED, imported, OFFICES) == ""


def test_the_trace_holds_what_the_name_does_not_say() -> None:
    assert traced_name("cu", "Lê Văn Cừ", "Trung tâm") == "Lê Văn Cừ (cu, Trung tâm)"
    assert traced_name("cu", "cu", "BHXH Nghệ An") == "cu (BHXH Nghệ An)"
    assert traced_name("cu", "Lê Văn Cừ", "") == "Lê Văn Cừ (cu)"
    assert traced_name("cu", "cu", "") == "cu"
