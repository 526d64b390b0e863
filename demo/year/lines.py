"""The demo year as `pressmon ingest` input: one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from demo.year.generate import DemoYear


def ingest_lines(year: DemoYear) -> Iterator[str]:
    """One line per article, oldest first: title, text, url, outlet id, kind, province, time."""
    for article in year.articles:
        yield json.dumps(
            {
                "title": article.title,
                "text": article.text,
                "url": article.url,
                "outlet": article.outlet.id,
                "kind": article.outlet.kind,
                "province": article.outlet.province,
                "published_at": article.published_at.isoformat(),
            },
            ensure_ascii=False,
        )
