"""The items decisions were applied from (`ReviewEvent.detail["applied_from"]`: a status
decided with another copy of the same story), as the logs name them. Copies share their title,
so a title alone would name the copy itself: the outlet and date tell the original apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from index.base import Archive
from pressmon.web.formatting import PAGE_TITLE_CHARS, short_title


@dataclass(frozen=True)
class Origin:
    title: str  # shortened
    outlet_name: str
    published_at: datetime


def origins(
    archive: Archive, ids: Iterable[str], title_chars: int = PAGE_TITLE_CHARS
) -> dict[str, Origin]:
    """The origins among `ids` (empty ones skipped), read in one go; an item no longer there,
    or out of the session's scope (`archive` is the session's), has none: its id is shown."""
    wanted = list(dict.fromkeys(i for i in ids if i))
    return {
        doc.id: Origin(short_title(doc.title, title_chars), doc.outlet_name, doc.published_at)
        for doc in (archive.get_many(wanted) if wanted else ())
    }
