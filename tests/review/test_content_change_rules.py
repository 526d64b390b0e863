"""An item edited at its source after someone acted on it, as the pure rules see it: the system's
event, replaying it into "changed since the last decision", and where the queue puts the item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent, TriageEntry
from pressmon.article_updates import changed_fields
from pressmon.review.changes import ChangeStore, record_content_changes
from pressmon.review.errors import WorkflowError
from pressmon.review.escalations import Escalation
from pressmon.review.labels import (
    CHANGED_AFTER_DECISION,
    CHANGED_AFTER_WORK,
    actor_label,
    changed_marker,
)
from pressmon.review.queue import QueueFilters, arrange
from pressmon.review.statuses import (
    CONTENT_CHANGED,
    FALSE,
    IN_PROGRESS,
    NO_VIOLATION,
    REPORTED_TO_LEADERSHIP,
    SYSTEM_ACTOR,
    UNSTARTED,
)
from pressmon.review.workflow import Action, ReviewState, content_change, plan, replay
from tests.index.index_factories import make_doc

AT = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)
LATER = AT + timedelta(days=1)


def _human(action: str, before: str, after: str, minutes: int, **detail: object) -> ReviewEvent:
    at = AT + timedelta(minutes=minutes)
    return ReviewEvent("doc", "an", at, before, after, "ghi chú", action, detail)


def _changed(state: ReviewState, minutes: int = 30) -> ReviewEvent:
    return content_change(
        state,
        document_id="doc",
        changed=("title", "body"),
        tier="urgent",
        risk=0.874,
        tier_before="review",
        risk_before=0.55,
        at=AT + timedelta(minutes=minutes),
    )


DECIDED = [_human("status", UNSTARTED, NO_VIOLATION, 1)]
REPORTED = [
    _human("status", UNSTARTED, FALSE, 1),
    _human("follow_up", FALSE, FALSE, 2, follow_up=REPORTED_TO_LEADERSHIP),
]


def test_the_system_event_says_what_changed_and_the_new_triage() -> None:
    event = _changed(replay(DECIDED))
    assert (event.actor, event.action) == (SYSTEM_ACTOR, CONTENT_CHANGED)
    assert event.status_before == event.status_after == NO_VIOLATION
    assert "thay đổi: tiêu đề, nội dung." in event.note
    assert "cần xem ngay, điểm rủi ro 0,87" in event.note
    assert "(trước: nên xem, điểm rủi ro 0,55)" in event.note
    assert event.detail == {
        "changed": ["title", "body"],
        "tier": "urgent",
        "risk": 0.87,
        "tier_before": "review",
        "risk_before": 0.55,
    }
    assert actor_label(event) == "Hệ thống"


def test_an_untriaged_version_is_said_so() -> None:
    event = content_change(
        ReviewState(IN_PROGRESS),
        document_id="doc",
        changed=("published_at",),
        tier=None,
        risk=None,
        tier_before="urgent",
        risk_before=0.9,
        at=AT,
    )
    assert "thay đổi: ngày đăng." in event.note and "hệ thống: chưa đánh giá" in event.note


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(DECIDED, ReviewState(NO_VIOLATION, changed_since_decision=True), id="decided"),
        pytest.param(
            REPORTED,
            ReviewState(FALSE, (REPORTED_TO_LEADERSHIP,), True, changed_since_decision=True),
            id="locked-stays-locked",
        ),
        pytest.param(
            [_human("assign", UNSTARTED, UNSTARTED, 1, assignee="an")],
            ReviewState(UNSTARTED, assignee="an", changed_since_decision=True),
            id="only-assigned",
        ),
    ],
)
def test_a_change_marks_the_item_and_touches_nothing_else(
    history: list[ReviewEvent], expected: ReviewState
) -> None:
    before = replay(history)
    assert not before.changed_since_decision
    assert replay([*history, _changed(before)]) == expected
    # Twice (edited again before anyone looked): still marked, still the same decision.
    twice = [*history, _changed(before), _changed(before, minutes=40)]
    assert replay(twice) == expected


@pytest.mark.parametrize(
    "then",
    [
        _human("note", NO_VIOLATION, NO_VIOLATION, 50),
        _human("assign", NO_VIOLATION, NO_VIOLATION, 50, assignee="binh"),
        _human("status", NO_VIOLATION, IN_PROGRESS, 50),
        _human("follow_up", NO_VIOLATION, NO_VIOLATION, 50, follow_up=REPORTED_TO_LEADERSHIP),
        _human("escalate", NO_VIOLATION, NO_VIOLATION, 50, province="Nghệ An"),
    ],
    ids=lambda event: event.action,
)
def test_any_human_action_after_the_change_clears_the_mark(then: ReviewEvent) -> None:
    history = [*DECIDED, _changed(replay(DECIDED)), then]
    assert not replay(history).changed_since_decision


def test_a_locked_verdict_still_needs_a_lead_to_reopen_it() -> None:
    state = replay([*REPORTED, _changed(replay(REPORTED))])
    with pytest.raises(WorkflowError, match="đã khoá"):
        plan(
            state,
            Action("status", status=NO_VIOLATION, note="Nội dung mới"),
            document_id="doc",
            actor="an",
            role="reviewer",
            at=AT,
        )
    reopened = plan(
        state,
        Action("reopen", note="Bài gốc đã thêm số điện thoại mới"),
        document_id="doc",
        actor="binh",
        role="lead",
        at=AT + timedelta(hours=1),
    )
    after = replay([*REPORTED, _changed(replay(REPORTED)), reopened])
    assert not after.locked and not after.changed_since_decision


def test_the_marker_says_decision_only_after_one() -> None:
    assert changed_marker(NO_VIOLATION) == CHANGED_AFTER_DECISION
    assert CHANGED_AFTER_DECISION == "Nội dung đã thay đổi sau quyết định"
    assert changed_marker(IN_PROGRESS) == changed_marker(UNSTARTED) == CHANGED_AFTER_WORK


def test_only_a_content_changed_event_by_the_system_reads_as_the_system() -> None:
    person_named_system = ReviewEvent("doc", SYSTEM_ACTOR, AT, UNSTARTED, UNSTARTED, "", "note")
    assert actor_label(person_named_system) == SYSTEM_ACTOR


ARCHIVED = make_doc("doc", title="Rút BHXH một lần", body="Liên hệ 0900.000.000.", risk=0.5)


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"title": "Rút BHXH một lần trong 3 ngày"}, ("title",)),
        ({"seo_title": "Rút BHXH nhanh"}, ("title",)),
        ({"body": "Liên hệ 0123.456.789."}, ("body",)),
        ({"published_at": ARCHIVED.published_at + timedelta(hours=1)}, ("published_at",)),
        ({"title": "Khác", "body": "Khác", "published_at": AT}, ("title", "body", "published_at")),
        ({"risk": 0.9, "tier": "urgent"}, ()),  # triage is not content
    ],
)
def test_changed_fields(change: dict[str, object], fields: tuple[str, ...]) -> None:
    assert changed_fields(replace(ARCHIVED, **change), ARCHIVED) == fields  # type: ignore[arg-type]


def test_only_items_someone_acted_on_get_the_event_and_the_mark(tmp_path: Path) -> None:
    marks = ChangeStore(tmp_path / "state.db")
    with SQLiteArchive(tmp_path / "archive.db") as archive:
        touched, untouched = ARCHIVED, replace(ARCHIVED, id="other")
        archive.upsert([touched, untouched])
        archive.record_review(replace(DECIDED[0], document_id="doc"))
        updates = [
            (replace(d, body="Liên hệ 0123.456.789.", tier="urgent", risk=0.9), d, ("body",))
            for d in (touched, untouched)
        ]
        with archive.writing():  # as the crawl pipeline does
            archive.upsert([new for new, _, _ in updates])
            events = record_content_changes(archive, marks, updates, LATER)
        assert [e.document_id for e in events] == ["doc"]
        assert [e.action for e in archive.review_history("doc")] == ["status", CONTENT_CHANGED]
        assert archive.review_history("other") == ()
        assert archive.get("doc").review_status == NO_VIOLATION  # type: ignore[union-attr]
    assert marks.all() == {"doc": LATER}
    marks.clear("doc")
    assert marks.all() == {}


class _BatchReadsOnly(SQLiteArchive):
    """Refuses a read of one document's history while armed: on Elasticsearch each is a round
    trip, and a crawl batch may update many decided articles."""

    armed = False

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        assert not self.armed, f"the history of {document_id!r} read on its own"
        return super().review_history(document_id)


def test_the_histories_of_a_batch_of_changes_are_read_together(tmp_path: Path) -> None:
    with _BatchReadsOnly(tmp_path / "archive.db") as archive:
        docs = [replace(ARCHIVED, id=f"d{n}") for n in range(3)]
        archive.upsert(docs)
        for doc in docs[:2]:
            archive.record_review(replace(DECIDED[0], document_id=doc.id))
        updates = [(replace(d, body="Liên hệ 0123.456.789."), d, ("body",)) for d in docs]
        archive.armed = True
        with archive.writing():
            events = record_content_changes(archive, ChangeStore(tmp_path / "s.db"), updates, LATER)
        assert [e.document_id for e in events] == ["d0", "d1"]


def _entry(doc_id: str, tier: str, risk: float, status: str = UNSTARTED) -> TriageEntry:
    return TriageEntry(doc_id, AT, tier, risk, 0.0, "C1", status)


ENTRIES = [
    _entry("u-high", "urgent", 0.95),
    _entry("u-low-changed", "urgent", 0.7, NO_VIOLATION),
    _entry("r-high", "review", 0.65),
    _entry("r-low-changed", "review", 0.5, FALSE),
    _entry("r-sent", "review", 0.4, IN_PROGRESS),
]
CHANGED = frozenset({"u-low-changed", "r-low-changed"})


def _order(filters: QueueFilters, *, escalated_first: bool = False) -> list[str]:
    sent = {"r-sent": Escalation("r-sent", "nga", "Nghệ An", "Nhờ Trung tâm xem", AT)}
    arranged = arrange(ENTRIES, filters, {}, sent, escalated_first=escalated_first, changed=CHANGED)
    return [e.id for e in arranged.entries]


def test_changed_items_lead_their_tier_and_escalations_stay_first() -> None:
    assert _order(QueueFilters()) == [
        "u-low-changed",
        "u-high",
        "r-low-changed",
        "r-high",
        "r-sent",
    ]
    assert _order(QueueFilters(), escalated_first=True)[:2] == ["r-sent", "u-low-changed"]


def test_orders_the_reviewer_chose_instead_are_kept() -> None:
    assert _order(QueueFilters(order="newest")) == [e.id for e in ENTRIES]
