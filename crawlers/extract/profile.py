"""What the extractor knows of one outlet's habits, passed in by the caller (per source).

Most outlets need nothing here: the date evidence on the page is enough. A profile records a habit
seen on the outlet's real pages, so that it holds even on a page where the evidence alone is thin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from crawlers.errors import CrawlError

DatePreference = Literal["evidence", "byline", "metadata"]
DATE_PREFERENCES: tuple[str, ...] = get_args(DatePreference)


@dataclass(frozen=True)
class ExtractionProfile:
    """Per-outlet extraction habits.

    ``date_prefer``: ``evidence`` (default) weighs every candidate; ``byline`` trusts the visible
    byline whenever it shows a time, even when metadata disagrees for no known reason; ``metadata``
    uses the old fixed order (JSON-LD, meta, <time>, byline, URL) for outlets whose date elements
    are unreliable. ``timezone_offset_wrong``: the outlet writes Vietnam wall-clock time under a
    wrong UTC offset in JSON-LD/meta, so every machine-readable time is read as Vietnam time.
    """

    date_prefer: DatePreference = "evidence"
    timezone_offset_wrong: bool = False

    def __post_init__(self) -> None:
        # The Literal is checked when sources.yaml is validated; this guards direct callers.
        if self.date_prefer not in DATE_PREFERENCES:
            raise CrawlError(
                f"date_prefer phải là một trong {DATE_PREFERENCES}, không phải {self.date_prefer!r}"
            )


DEFAULT_PROFILE = ExtractionProfile()
