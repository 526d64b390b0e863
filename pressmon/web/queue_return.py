"""The queue view an item was opened from (?quay_lai=), carried through the item page so its
back link and its forms lead to that view again: filtered, grouped, on the same page.

The address comes from the request, so only the queue's own path with a plain query string is
taken (never another site, a script, "//" or a backslash); anything else reads as no address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlencode

QUEUE = "/hang-doi"
RETURN_PARAM = "quay_lai"
MAX_RETURN = 1_000  # a queue view's query string is far shorter; a longer one is not the queue's
# The queue's path, then what urlencode writes: no quote, bracket, space, backslash or control.
_QUEUE_VIEW = re.compile(r"/hang-doi(\?[A-Za-z0-9\-._~%&=+,;:@/]*)?")


def queue_return(value: str) -> str | None:
    """`value` when it is a queue view of this site, else None."""
    if len(value) > MAX_RETURN or "//" in value or not _QUEUE_VIEW.fullmatch(value):
        return None
    return value


def queue_view(params: Mapping[str, str], page: int) -> str:
    """The queue's address with `params` (its filters, without the page) and page `page`."""
    query = urlencode([*sorted(params.items()), *([("trang", str(page))] if page > 1 else [])])
    return f"{QUEUE}?{query}" if query else QUEUE


def return_param(back: str | None) -> str:
    """The query parameter ("quay_lai=…", or "") an item link carries to come back to `back`:
    none for the plain queue, the back link's default, nor for an address not taken back."""
    if back is None or back == QUEUE or queue_return(back) is None:
        return ""
    return urlencode({RETURN_PARAM: back})
