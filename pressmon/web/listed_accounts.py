"""Which accounts a session's pages list by name: the queue's *Người xử lý* filter, the item
page's assign form and `/api/items/{id}`'s `choices.assignees`.

The Center lists every active account. A provincial office lists the Center's and its own, not
other provinces' staff, save those who hold an item it sees: a national item may be assigned to
another province's account, and its handler must stay one the office can find.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from index.base import Archive
from pressmon.review.scope import Scope
from pressmon.web.accounts import Account


def listed_accounts(
    accounts: Sequence[Account], province: str | None, handlers: Collection[str]
) -> list[Account]:
    """The active `accounts` a session of `province` (None: the Center) lists; `handlers`: the
    usernames assigned an item it sees."""
    return [
        a
        for a in accounts
        if not a.disabled
        and (province is None or a.province in (None, province) or a.username in handlers)
    ]


def session_accounts(
    accounts: Sequence[Account], assignments: Mapping[str, str], archive: Archive, scope: Scope
) -> list[Account]:
    """`listed_accounts` for the session: `assignments` (document id -> assignee, as
    `AccountStore.assignees`) read for the items its `archive` (the scoped one) shows."""
    if scope.is_center:
        return listed_accounts(accounts, None, ())
    # Only the items held by other provinces' staff can add a name: the rest are read no further.
    others = {a.username for a in accounts if a.province not in (None, scope.province)}
    held = [document_id for document_id, who in assignments.items() if who in others]
    handlers = {assignments[d.id] for d in archive.get_many(held)} if held else set()
    return listed_accounts(accounts, scope.province, handlers)
