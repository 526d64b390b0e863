"""Articles from JSON lines into the archive, through the same processing as crawled pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawlers.items import ExtractedArticle
from crawlers.sources import OutletKind, Source
from crawlers.state import CrawlState
from index.base import Archive
from pressmon.errors import PressmonError
from pressmon.processing import ArticleProcessor
from pressmon.settings import Settings, SourceList, load_sources
from vntext.normalize import nfc

_MAX_ERRORS_SHOWN = 5


class ArticleLine(BaseModel):
    """One input line. Unknown keys are ignored so exports from other tools can be fed in."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    outlet: str | None = None
    published_at: datetime
    kind: str | None = Field(None, pattern=r"^(sector|national|provincial|other)$")
    province: str | None = None

    @field_validator("title", "text", mode="after")
    @classmethod
    def _nfc(cls, value: str) -> str:
        return nfc(value).strip()


@dataclass(frozen=True)
class IngestReport:
    read: int
    stored: int
    new: int
    irrelevant: int


def parse_lines(lines: Iterable[str], tz: ZoneInfo) -> list[ArticleLine]:
    """Validate every line first, so a bad file writes nothing and every problem is reported."""
    parsed: list[ArticleLine] = []
    errors: list[str] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
            if isinstance(data, dict) and "text" not in data and "body" in data:
                data["text"] = data.pop("body")
            line = ArticleLine.model_validate(data)
        except (json.JSONDecodeError, ValidationError) as err:
            errors.append(f"line {number}: {_short(err)}")
            continue
        if line.published_at.tzinfo is None:
            line = line.model_copy(update={"published_at": line.published_at.replace(tzinfo=tz)})
        parsed.append(line)
    if errors:
        shown = "; ".join(errors[:_MAX_ERRORS_SHOWN])
        more = (
            f" (and {len(errors) - _MAX_ERRORS_SHOWN} more)"
            if len(errors) > _MAX_ERRORS_SHOWN
            else ""
        )
        raise PressmonError(
            f"{len(errors)} invalid input line(s), nothing stored: {shown}{more}",
            hint="each line needs title, text, url (http/https) and published_at (ISO 8601)",
        )
    return parsed


def _short(err: Exception) -> str:
    if isinstance(err, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
    return str(err)


def source_for(line: ArticleLine, sources: SourceList) -> Source:
    """The configured source named by `outlet` or owning the URL's host; else an ad hoc one."""
    host = (urlsplit(line.url).hostname or "").removeprefix("www.")
    for source in sources.sources:
        if line.outlet in (source.id, source.name) or host in (source.domain, *source.aliases):
            return source
    name = line.outlet or host
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "unknown"
    # ArticleLine's pattern admits only OutletKind values; pydantic still types the field as str.
    kind = cast(OutletKind, line.kind or ("provincial" if line.province else "national"))
    return Source(id=slug, name=name, kind=kind, province=line.province, domain=host or "unknown")


def ingest_jsonl(
    lines: Iterable[str],
    settings: Settings,
    processor: ArticleProcessor,
    archive: Archive,
    state: CrawlState,
) -> IngestReport:
    parsed = parse_lines(lines, settings.tz)
    sources = load_sources(settings.sources_file)
    crawled_at = datetime.now(UTC)
    documents = []
    for line in parsed:
        article = ExtractedArticle(
            url=line.url,
            canonical_url=line.url,
            title=line.title,
            body=line.text,
            published_at=line.published_at,
            date_source="input",
            methods={"title": "input", "body": "input", "published_at": "input"},
        )
        document = processor.prepare(article, source_for(line, sources), crawled_at)
        if document is not None:
            documents.append(document)
    flagged = processor.flag(documents)
    new = archive.upsert(flagged)
    archive.refresh()
    state.remember_stories(processor.story_rows(flagged))
    return IngestReport(
        read=len(parsed), stored=len(flagged), new=new, irrelevant=len(parsed) - len(documents)
    )
