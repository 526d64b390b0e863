"""What the extractor knows of one outlet's habits, passed in by the caller (per source).

Most outlets need nothing here: the date evidence on the page is enough. A profile records a habit
seen on the outlet's real pages, so that it holds even on a page where the evidence alone is thin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from crawlers.errors import CrawlError

DATE_PREFERENCES = ("evidence", "byline", "metadata")


@dataclass(frozen=True)
class ExtractionProfile:
    """Per-outlet extraction habits.

    ``date_prefer``: ``evidence`` (default) weighs every candidate; ``byline`` trusts the visible
    byline whenever it shows a time, even when metadata disagrees for no known reason; ``metadata``
    uses the old fixed order (JSON-LD, meta, <time>, byline, URL) for outlets whose date elements
    are unreliable. ``timezone_offset_wrong``: the outlet writes Vietnam wall-clock time under a
    wrong UTC offset in JSON-LD/meta, so every machine-readable time is read as Vietnam time.
    """

    date_prefer: str = "evidence"
    timezone_offset_wrong: bool = False

    def __post_init__(self) -> None:
        if self.date_prefer not in DATE_PREFERENCES:
            raise CrawlError(
                f"date_prefer must be one of {DATE_PREFERENCES}, not {self.date_prefer!r}"
            )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> ExtractionProfile:
        """From a source's ``extraction`` mapping; keys that are not habits are ignored here.

        Raises:
            CrawlError: a habit key with a value of the wrong type or an unknown preference.
        """
        values = values or {}
        kwargs: dict[str, Any] = {}
        for key in (f.name for f in fields(cls)):
            if key not in values:
                continue
            value = values[key]
            expected = bool if key == "timezone_offset_wrong" else str
            if not isinstance(value, expected):
                raise CrawlError(f"extraction.{key} must be a {expected.__name__}: {value!r}")
            kwargs[key] = value
        return cls(**kwargs)


DEFAULT_PROFILE = ExtractionProfile()
