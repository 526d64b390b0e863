"""The provincial scope and the escalation rule, pure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.types import Document, Query
from pressmon.review.errors import RoleForbidden, WorkflowError
from pressmon.review.scope import Scope
from pressmon.review.workflow import Action, ReviewState, plan

AT = datetime(2026, 5, 20, 3, tzinfo=UTC)
NGHE_AN = Scope("Nghệ An")


def _doc(province: str | None, provinces: tuple[str, ...]) -> Document:
    return Document(
        id="x",
        url="https://a.vn/x",
        canonical_url="https://a.vn/x",
        outlet="a",
        outlet_name="A",
        kind="national" if province is None else "provincial",
        title="t",
        body="b",
        published_at=AT,
        crawled_at=AT,
        province=province,
        provinces=provinces,
    )


@pytest.mark.parametrize(
    ("province", "provinces", "allowed"),
    [
        ("Nghệ An", ("Nghệ An",), True),  # the province's own paper
        (None, ("Hà Nội", "Nghệ An"), True),  # a national item that mentions it
        ("Hà Nội", ("Hà Nội",), False),
        (None, (), False),  # a national item about no province
    ],
)
def test_a_province_sees_its_own_items_and_national_ones_that_mention_it(
    province: str | None, provinces: tuple[str, ...], allowed: bool
) -> None:
    assert NGHE_AN.allows(_doc(province, provinces)) is allowed
    assert Scope().allows(_doc(province, provinces))  # the Center sees everything


def test_queries_are_narrowed_to_the_province() -> None:
    assert NGHE_AN.narrow(Query(text="OTP")) == Query(text="OTP", provinces=frozenset({"Nghệ An"}))
    both = Query(provinces=frozenset({"Nghệ An", "Hà Nội"}))
    assert NGHE_AN.narrow(both) == Query(provinces=frozenset({"Nghệ An"}))
    assert NGHE_AN.narrow(Query(provinces=frozenset({"Hà Nội"}))) is None
    assert Scope().narrow(both) == both


def test_escalation_needs_a_province_and_a_note() -> None:
    state = ReviewState()
    escalate = Action("escalate", note="  Cần Trung tâm xử lý ")
    event = plan(
        state, escalate, document_id="x", actor="nga", role="reviewer", at=AT, province="Nghệ An"
    )
    assert (event.action, event.status_after, event.note) == (
        "escalate",
        "unstarted",
        "Cần Trung tâm xử lý",
    )
    assert event.detail == {"province": "Nghệ An"}
    with pytest.raises(WorkflowError, match="Cần ghi chú"):
        plan(
            state,
            Action("escalate", note=" "),
            document_id="x",
            actor="nga",
            role="reviewer",
            at=AT,
            province="Nghệ An",
        )
    with pytest.raises(RoleForbidden):
        plan(state, escalate, document_id="x", actor="an", role="lead", at=AT)
