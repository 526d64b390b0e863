"""Articles from JSON lines into the archive, through the same processing as crawled pages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawlers.items import ExtractedArticle
from crawlers.sources import OutletKind, Source
from crawlers.urls import same_site
from index.base import Archive
from index.types import Document, Query
from pressmon.alerts.dispatch import Notifier
from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.filters import LineKind
from pressmon.line_problems import line_problem
from pressmon.outlets import OutletResolver
from pressmon.processing import ArticleProcessor, Prepared, StoryMemory
from pressmon.province_names import ProvinceNames
from pressmon.same_note import SameNote, grouped_notes
from pressmon.sanitize import (
    NOT_UTF8_NOTE,
    InputRejected,
    Received,
    clean_article,
    decode_line,
    without_lone_surrogate,
)
from pressmon.settings import Settings, load_sources
from vntext.jsonlines import loads_record
from vntext.normalize import fold, nfc
from vntext.provinces import Gazetteer
from vntext.scrub import replace_surrogates


class ArticleLine(BaseModel):
    """One input line. Unknown keys are ignored so exports from other tools can be fed in.

    `canonical_url` is the page's own canonical address (`pressmon extract --json` gives it): as
    in a crawl, the article's id comes from it, so two addresses of one page are one article; one
    on another site than `url` is not trusted (it would fold a syndicated copy into its original).
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    url: str
    canonical_url: str | None = None
    outlet: str | None = None
    published_at: datetime
    kind: LineKind = None
    province: str | None = None

    @field_validator("title", "text", mode="after")
    @classmethod
    def _nfc(cls, value: str) -> str:
        return nfc(value).strip()

    @field_validator("url", "canonical_url", "outlet", "province", mode="after")
    @classmethod
    def _no_lone_surrogate(cls, value: str | None) -> str | None:
        # Unlike title and text (replaced, noted), an address or a name with one is refused.
        return without_lone_surrogate(value)

    @field_validator("outlet", "province", mode="after")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        # As typed elsewhere: decomposed (macOS), or padded in a spreadsheet's cell. A new
        # outlet's name is stored as given, and two spellings of it were two outlets.
        return " ".join(nfc(value).split()) if value is not None else None

    @field_validator("url", "canonical_url", mode="after")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"https?://", value):
            raise ValueError("phải là địa chỉ bắt đầu bằng http:// hoặc https://")
        return value


@dataclass(frozen=True)
class IngestReport:
    read: int  # articles read: the lines that were articles, refused lines apart (`rejected`)
    stored: int
    new: int
    irrelevant: int
    rejected: tuple[str, ...] = ()  # "dòng N: why", one per line not stored
    cleaned: tuple[str, ...] = ()  # "dòng N: what changed", text stored after sanitising
    alerts: int = 0  # items newly queued for an alert ("cần xem ngay", known false claims)
    # A province or outlet not taken as written, lines with the same note as one.
    noted: tuple[SameNote, ...] = ()


@dataclass(frozen=True)
class ParsedLines:
    lines: tuple[ArticleLine, ...]  # as stored
    received: tuple[Received, ...]  # each line's title and body as it came, for the flagger
    rejected: tuple[str, ...]
    cleaned: tuple[str, ...]
    numbers: tuple[int, ...] = ()  # each stored line's number in the input


def parse_lines(lines: Iterable[bytes | str], tz: ZoneInfo) -> ParsedLines:
    """Every valid line, sanitised (`pressmon.sanitize`); a bad line is rejected on its own with
    its number and reason, so one bad record never costs the rest of the file."""
    parsed: list[ArticleLine] = []
    received: list[Received] = []
    rejected: list[str] = []
    cleaned: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(lines, start=1):
        text, replaced = decode_line(raw) if isinstance(raw, bytes) else (raw, False)
        if not text.strip():
            continue
        notes = [NOT_UTF8_NOTE] if replaced else []
        try:
            data = loads_record(text)
            if isinstance(data, dict) and "text" not in data and "body" in data:
                data["text"] = data.pop("body")
            notes.extend(_surrogates_replaced(data))
            line = ArticleLine.model_validate(data)
            if line.published_at.tzinfo is None:
                line = line.model_copy(
                    update={"published_at": line.published_at.replace(tzinfo=tz)}
                )
            clean = clean_article(line.title, line.text, line.published_at)
        except (json.JSONDecodeError, ValidationError, InputRejected) as err:
            rejected.append(f"dòng {number}: {line_problem(err)}")
            continue
        notes.extend(clean.notes)
        if line.canonical_url and not same_site(line.canonical_url, line.url):
            notes.append(f"canonical_url ở trang khác ({line.canonical_url}), dùng url")
            line = line.model_copy(update={"canonical_url": None})
        if notes:
            cleaned.append(f"dòng {number}: {'; '.join(notes)}")
        parsed.append(line.model_copy(update={"title": clean.title, "text": clean.body}))
        received.append(clean.received)
        numbers.append(number)
    return ParsedLines(
        tuple(parsed), tuple(received), tuple(rejected), tuple(cleaned), tuple(numbers)
    )


def _surrogates_replaced(data: object) -> list[str]:
    """Lone surrogates (JSON "\\ud800") in the title and text replaced by U+FFFD in `data`,
    noted as the cleaning notes them: pydantic refuses such a str before `clean_article` could
    replace it, and a whole article was lost for one broken character."""
    notes: list[str] = []
    if not isinstance(data, dict):
        return notes
    for key, field in (("title", "title"), ("text", "body")):
        if isinstance(value := data.get(key), str):
            data[key], count = replace_surrogates(value)
            if count:
                notes.append(f"{field}: thay {count} ký tự không hợp lệ")
    return notes


@dataclass(frozen=True)
class LineOutlet:
    """The outlet a line is stored under, and how it was found: by the line's `outlet` as an id,
    a domain or a name, by its `url` (`OutletResolver`), or `new` when sources.yaml lacks it."""

    source: Source
    how: str  # id | domain | name | url | new


def line_province(line: ArticleLine, names: ProvinceNames, gazetteer: Gazetteer) -> str | None:
    """The current province the line's `province` names, read as a filter reads one ("HCM",
    "Hanoi", "Tỉnh Nghệ An", a pre-merger name); None when it names none."""
    if not line.province:
        return None
    reading = names.read(line.province)
    return reading.province if reading else gazetteer.current(line.province)


def attribution_notes(line: ArticleLine, outlet: LineOutlet, named: str | None) -> list[str]:
    """What the line's `province` (`named`: as read by `line_province`) and `outlet` were taken
    as, when not as written: an unknown province was ignored and an unknown outlet became a new
    one without a word."""
    notes: list[str] = []
    source = outlet.source
    if line.province and named is None:
        notes.append(f"province: không nhận ra «{line.province}»; tỉnh lấy theo nội dung bài")
    elif named and outlet.how != "new" and named != source.province:
        # A configured outlet's own province (none for a national paper) attributes the
        # article; the line's was dropped without a word, so counts showed it elsewhere.
        notes.append(
            f"province: không dùng «{line.province}» vì {source.name} là nguồn đã cấu hình; "
            "tỉnh lấy theo nguồn và nội dung bài"
        )
    unknown = f"outlet: «{line.outlet}» không có trong danh sách nguồn"
    if line.outlet and outlet.how == "new":
        notes.append(f"{unknown}; ghi nhận là cơ quan báo mới (mã {source.id})")
    elif line.outlet and outlet.how == "url":
        notes.append(f"{unknown}; bài ghi cho {source.name} theo địa chỉ")
    return notes


def source_for(
    line: ArticleLine, outlets: OutletResolver, province: str | None = None
) -> LineOutlet:
    """The configured source the line's `outlet` names, as `classify` reads it (id, domain, or
    name as people write it: "Tuổi Trẻ" for "Tuổi Trẻ Online"), else the one owning the URL's
    host; else a new one, of `province` (`line_province`) when the line names one. The name
    comes first: outlets sharing a host (the demo's, all on loopback) kept the first one's kind,
    and a forum post stored again became a sector article."""
    found = outlets.resolve(line.outlet, line.url)
    if found.source is not None:
        return LineOutlet(found.source, found.how)
    host = (urlsplit(line.url).hostname or "").removeprefix("www.")
    name = line.outlet or host
    kind: OutletKind = line.kind or ("provincial" if line.province else "national")
    return LineOutlet(
        Source(
            id=outlet_id(name),
            name=name,
            kind=kind,
            province=province or line.province,
            domain=host or "unknown",
        ),
        "new",
    )


def outlet_id(name: str, *, folded: bool = True) -> str:
    """A new outlet's id: its name folded, in lower case, other characters as "_" ("Báo Đồng
    Nai" → "bao_dong_nai"). Unfolded, as earlier versions made it, each Vietnamese
    letter became a "_" ("b_o_ng_nai")."""
    plain = fold(name) if folded else name
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or "unknown"


def kept_outlet_id(outlet: LineOutlet, archive: Archive, known: dict[str, str]) -> LineOutlet:
    """A new outlet keeps the id an earlier version archived it under (`outlet_id` unfolded), so
    its counts by outlet do not split in two; `known` remembers each name's answer for the run."""
    name = outlet.source.name
    if name not in known:
        earlier = outlet_id(name, folded=False)
        page = (
            archive.search(Query(outlets=frozenset({earlier}), sort="date", page_size=1))
            if earlier != outlet.source.id
            else None
        )
        archived = page is not None and any(h.document.outlet_name == name for h in page.hits)
        known[name] = earlier if archived else outlet.source.id
    return replace(outlet, source=replace(outlet.source, id=known[name]))


# The stages `ingest_parsed` reports, as people read them.
STAGE_READ = "Đọc và phân loại bài"
STAGE_FLAG = "Chấm điểm rủi ro"
FLAG_BATCH = 256  # articles scored at a time: a progress step, and the flagger's batch


def nothing_to_ingest(result: ParsedLines) -> IngestReport:
    """The report on input with no article in it (empty, or every line refused): there is
    nothing to score, so the model is not loaded, nor trained when missing."""
    return IngestReport(
        read=0, stored=0, new=0, irrelevant=0, rejected=result.rejected, cleaned=result.cleaned
    )


def ingest_parsed(
    result: ParsedLines,
    settings: Settings,
    processor: ArticleProcessor,
    archive: Archive,
    state: StoryMemory,
    notifier: Notifier,
    progress: Callable[[str, int, int], None] | None = None,
    stored: Callable[[int], None] | None = None,
) -> IngestReport:
    """Attribute, flag and store the lines `parse_lines` read; alerts for them are queued on
    `notifier`, for the caller to send once the archive is committed; `progress(stage, done,
    total)` hears of each stage as it goes, `stored(count)` of the articles once stored (a
    failure after that leaves them stored)."""
    parsed = result.lines
    sources = load_sources(settings.sources_file)
    crawled_at = datetime.now(UTC)
    gazetteer = Gazetteer.load(settings.provinces_file)
    prepared: list[Prepared] = []
    noted: list[tuple[int, str]] = []
    outlets = OutletResolver(sources.sources)
    province_names = ProvinceNames.of(gazetteer.units)
    new_outlet_ids: dict[str, str] = {}
    for number, line, received in zip(result.numbers, parsed, result.received, strict=True):
        province = line_province(line, province_names, gazetteer)
        outlet = source_for(line, outlets, province)
        if outlet.how == "new":
            outlet = kept_outlet_id(outlet, archive, new_outlet_ids)
        source = outlet.source
        if notes := attribution_notes(line, outlet, province):
            noted.append((number, "; ".join(notes)))
        article = ExtractedArticle(
            url=line.url,
            canonical_url=line.canonical_url or line.url,
            title=line.title,
            body=line.text,
            published_at=line.published_at,
            date_source="input",
            methods={"title": "input", "body": "input", "published_at": "input"},
        )
        ready = processor.prepare(article, source, crawled_at, received)
        if ready is not None:
            prepared.append(ready)
        if progress:
            progress(STAGE_READ, len(prepared), len(parsed))
    flagged: list[Document] = []
    for start in range(0, len(prepared), FLAG_BATCH):
        batch = processor.join_stories(prepared[start : start + FLAG_BATCH], state)
        flagged += processor.flag(batch)
        if progress:
            progress(STAGE_FLAG, len(flagged), len(prepared))
    # Ingested articles came without HTML: their text is what is kept as evidence.
    EvidenceKeeper.from_settings(settings).keep_ingested(flagged, crawled_at)
    new = archive.upsert(flagged)
    if stored:
        stored(len(flagged))
    archive.refresh()
    alerts = notifier.notify(flagged)
    return IngestReport(
        read=len(parsed),
        stored=len(flagged),
        new=new,
        irrelevant=len(parsed) - len(prepared),
        rejected=result.rejected,
        cleaned=result.cleaned,
        alerts=alerts,
        noted=grouped_notes(noted),
    )
