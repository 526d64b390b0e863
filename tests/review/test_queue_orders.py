"""Arranged queues are kept while their triage list is the same object and the assignments and
escalations they read are unchanged; the kept order is the one arranging again gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from index.types import TriageEntry, TriageList
from pressmon.review.escalations import Escalation
from pressmon.review.queue import QueueFilters, QueueOrders, arrange

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _entry(n: int, tier: str = "review", status: str = "unstarted") -> TriageEntry:
    return TriageEntry(
        id=f"d{n}",
        published_at=NOW - timedelta(hours=n),
        tier=tier,
        risk=0.5 + (n % 5) / 10,
        uncertainty=(n % 3) / 3,
        category=None,
        review_status=status,
    )


TRIAGE = TriageList(
    tuple(
        _entry(n, "urgent" if n % 4 == 0 else "review", "false" if n % 7 == 0 else "unstarted")
        for n in range(40)
    ),
    False,
)


def _arranged(
    orders: QueueOrders, triage: TriageList, filters: QueueFilters, assignees, escalations
):
    kept = orders.arranged(triage, filters, assignees, escalations, escalated_first=True)
    assert kept == arrange(triage.entries, filters, assignees, escalations, escalated_first=True)
    return kept


def test_the_order_is_kept_for_the_same_list_and_filters() -> None:
    orders = QueueOrders()
    first = _arranged(orders, TRIAGE, QueueFilters(), {}, {})
    assert _arranged(orders, TRIAGE, QueueFilters(), {}, {}) is first
    uncertain = _arranged(orders, TRIAGE, QueueFilters(order="uncertain"), {}, {})
    assert uncertain is not first and uncertain.entries != first.entries
    # Another list with equal entries (the archive changed and changed back) is arranged again.
    again = TriageList(TRIAGE.entries, False)
    assert _arranged(orders, again, QueueFilters(), {}, {}) is not first


def test_assignments_count_only_when_filtering_by_assignee() -> None:
    orders = QueueOrders()
    mine = QueueFilters(assignee="an")
    unfiltered = _arranged(orders, TRIAGE, QueueFilters(), {"d1": "an"}, {})
    filtered = _arranged(orders, TRIAGE, mine, {"d1": "an"}, {})
    assert [e.id for e in filtered.entries] == ["d1"]
    assert _arranged(orders, TRIAGE, QueueFilters(), {"d1": "an", "d2": "an"}, {}) is unfiltered
    refiltered = _arranged(orders, TRIAGE, mine, {"d1": "an", "d2": "an"}, {})
    assert {e.id for e in refiltered.entries} == {"d1", "d2"}


def test_a_new_escalation_reorders_the_centers_queue() -> None:
    orders = QueueOrders()
    before = _arranged(orders, TRIAGE, QueueFilters(), {}, {})
    sent = {"d30": Escalation("d30", "tinh", "Huế", "", NOW)}
    after = _arranged(orders, TRIAGE, QueueFilters(), {}, sent)
    assert after is not before and after.entries[0].id == "d30"
    # A province's queue does not put escalations first: it does not read them.
    plain = orders.arranged(TRIAGE, QueueFilters(), {}, {}, escalated_first=False)
    assert orders.arranged(TRIAGE, QueueFilters(), {}, sent, escalated_first=False) is plain


def test_only_the_latest_orders_are_kept() -> None:
    orders = QueueOrders(max_entries=2)
    first = _arranged(orders, TRIAGE, QueueFilters(), {}, {})
    _arranged(orders, TRIAGE, QueueFilters(order="newest"), {}, {})
    _arranged(orders, TRIAGE, QueueFilters(order="uncertain"), {}, {})
    assert _arranged(orders, TRIAGE, QueueFilters(), {}, {}) is not first
