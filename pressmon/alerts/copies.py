"""Whether an item's alert would tell its audience nothing new: the same post reposted across many
groups and pages is one story (`Document.story_id`), and its readers hear of it once (pure).

Rule: an item alert (`urgent`, `known-claim`; a province's sending and the Center's answer are news
of their own) is not queued for a document when an alert of the same trigger was queued, within the
last COPY_WINDOW, for another document of the same story whose provinces include all of this
document's: a copy in a new province still alerts that province's office. A document alerted
itself before keeps being alerted when its content changes: the edit is news.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import timedelta

from pressmon.alerts.model import Alert

COPY_WINDOW = timedelta(days=7)


def told_already(alert: Alert, recent: Iterable[Alert], alerted: Container[str]) -> bool:
    """Whether `alert` is about a copy whose story its audience heard of: `recent` are the item
    alerts queued within COPY_WINDOW, `alerted` the documents that ever had an item alert."""
    if not alert.story_id or alert.document_id in alerted:
        return False
    return any(
        earlier.story_id == alert.story_id
        and earlier.trigger == alert.trigger
        and earlier.document_id != alert.document_id
        and set(alert.provinces) <= set(earlier.provinces)
        for earlier in recent
    )
