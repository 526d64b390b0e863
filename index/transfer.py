"""Move an archive between backends as JSON Lines: one document and its review history a line.

    {"document": {...every Document field, in declaration order...}, "reviews": [{...}, ...]}

Datetimes are ISO 8601 with their UTC offset. Import is idempotent: documents are upserted
(existing review statuses are kept, as `upsert` always does) and only review events the target
does not already hold are replayed, in their original order. Every replayed event keeps its
actor and time but is marked imported (`ReviewEvent.imported`): a file can name anyone and any
date, so its events are never taken for actions of this installation's accounts. Exports
written before tiers and review values were codes (Vietnamese names, `index.legacy_values`) are
converted as they are read: this is how an Elasticsearch index of schema 1 is brought to schema 2.
Title, body and SEO title are stored as an ingest stores them (`vntext.scrub.scrub`): an export
written before ingestion cleaned text, or from an Elasticsearch index that kept it, would
otherwise bring "bả\u200bo hiểm" back where "bảo hiểm" does not find it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any, TextIO

from index.base import Archive
from index.errors import RecordError
from index.legacy_values import coded_document, coded_event
from index.records import (
    document_from_record,
    document_to_record,
    event_from_record,
    event_to_record,
)
from index.types import IMPORTED, Document, ReviewEvent
from vntext.jsonlines import loads_record
from vntext.normalize import INVISIBLE, without_invisible
from vntext.scrub import scrub
from vntext.syntax_text import syntax_problem

BATCH = 500
# A UTF-16 surrogate as a JSON escape: a pair is one character (an emoji), a lone one is unstorable.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def export_jsonl(
    archive: Archive, out: TextIO, progress: Callable[[int], None] | None = None
) -> int:
    """Write every document with its review history (read BATCH documents at a time,
    `Archive.review_histories`); returns how many documents. `progress` hears how many are
    written so far, every BATCH documents and at the end."""
    written = 0
    documents = archive.iter_documents()
    while batch := list(islice(documents, BATCH)):
        histories = archive.review_histories([document.id for document in batch])
        for document in batch:
            line = {
                "document": document_to_record(document),
                "reviews": [event_to_record(e) for e in histories[document.id]],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        written += len(batch)
        if progress and written % BATCH == 0:
            progress(written)
    if progress:
        progress(written)
    return written


def import_jsonl(
    archive: Archive,
    inp: TextIO,
    progress: Callable[[int], None] | None = None,
    cleaned: Callable[[str], None] | None = None,
) -> int:
    """Upsert every document and replay missing review events; returns how many documents
    (`progress` hears the number so far after each batch). `cleaned` hears, once its batch is
    stored, each line whose text was cleaned (`_stored`): "dòng 3: body: bỏ 1 ký tự vô hình".

    Lines are parsed a batch at a time before anything in the batch is written, so a malformed
    line stops the import with a RecordError naming the line and nothing from its batch is
    half-written; re-running after fixing the file is safe.
    """
    imported = 0
    lines = _parsed(inp)
    while batch := list(islice(lines, BATCH)):
        archive.upsert(document for document, _, _ in batch)
        archive.refresh()
        held = {
            document_id: [_key(e) for e in history]
            for document_id, history in archive.review_histories(
                [document.id for document, _, _ in batch]
            ).items()
        }
        for document, events, note in batch:
            _replay(archive, events, held[document.id])
            if note and cleaned:
                cleaned(note)
        imported += len(batch)
        if progress:
            progress(imported)
    archive.refresh()
    return imported


def _replay(archive: Archive, events: list[ReviewEvent], history: list[str]) -> None:
    """Record the `events` the document's `history` (keys of its held events) lacks, and add
    them to it: the same document on a later line of the batch finds them held."""
    held = list(history)
    for event in events:
        key = _key(event)
        if key in held:
            held.remove(key)  # each held event accounts for one identical exported event
        else:
            archive.record_review(replace(event, detail={**event.detail, IMPORTED: True}))
            history.append(key)


def _key(event: ReviewEvent) -> str:
    record = event_to_record(event)
    record["at"] = event.at.timestamp()  # the same instant written with another offset
    # An event imported before, or recorded here and exported, is the same event either way.
    record["detail"] = {k: v for k, v in record.get("detail", {}).items() if k != IMPORTED}
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _parsed(inp: TextIO) -> Iterator[tuple[Document, list[ReviewEvent], str]]:
    """Each line's document as stored, events, and what cleaning its text changed ("dòng N: …",
    or ""); a bad line raises a RecordError naming file and line."""
    name = getattr(inp, "name", None)
    where = f"{name}: " if isinstance(name, str) else ""
    number = 0
    lines = enumerate(inp, start=1)
    while True:
        try:
            number, line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as err:  # decoded a block at a time: the line is approximate
            raise RecordError(
                f"{where}từ dòng {number + 1}: có byte không phải UTF-8 (tệp phải là UTF-8)"
            ) from err
        if not line.strip():
            continue
        try:
            document, events = _record(line)
        except RecordError as err:
            raise RecordError(f"{where}dòng {number}: {err}") from err
        stored, notes = _stored(document)
        if _SURROGATE_ESCAPE.search(line):
            _check_storable(f"{where}dòng {number}", stored, events)
        yield stored, events, f"dòng {number}: {'; '.join(notes)}" if notes else ""


def _stored(document: Document) -> tuple[Document, tuple[str, ...]]:
    """The document with its text as an ingest stores it (`vntext.scrub.scrub`), and what that
    changed. Its flag reasons' strings lose the invisible characters as the flagger now writes
    them (so the item page finds its quotes in the cleaned text), as the archive upgrade to
    schema v10 does; an SEO title that differed from the headline only by what was removed is
    dropped, as processing drops one equal to the headline."""
    title, body, seo = scrub(document.title), scrub(document.body), scrub(document.seo_title)
    notes = title.notes("title") + body.notes("body") + seo.notes("seo_title")
    flags = document.flag_details
    if flags:
        given = json.dumps(flags, ensure_ascii=False)
        if not INVISIBLE.isdisjoint(given):
            visible = without_invisible(given)
            notes += (f"flag_details: bỏ {len(given) - len(visible)} ký tự vô hình",)
            flags = json.loads(visible)
    same = seo.text == title.text and document.seo_title != document.title
    stored = replace(
        document,
        title=title.text,
        body=body.text,
        seo_title="" if same else seo.text,
        flag_details=flags,
    )
    return stored, notes


def _check_storable(where: str, document: Document, events: list[ReviewEvent]) -> None:
    """RecordError naming the field that holds a lone surrogate (JSON "\\ud800"): no archive
    can store one, and outside title, body and SEO title (where it becomes U+FFFD, as ingest
    makes it) the value may be an id or a URL, so it is not guessed at."""
    fields = [
        *document_to_record(document).items(),
        ("reviews", [event_to_record(e) for e in events]),
    ]
    for field, value in fields:
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as err:
            code = f"\\u{ord(err.object[err.start]):04x}"
            raise RecordError(
                f"{where}: trường {field} có ký tự không hợp lệ ({code}: nửa cặp UTF-16, không "
                "lưu được)"
            ) from err


def _record(line: str) -> tuple[Document, list[ReviewEvent]]:
    """One export line; RecordError says what is wrong with it."""
    try:
        data: Any = loads_record(line)
        if not isinstance(data, dict) or "document" not in data:
            raise RecordError(
                'cần một đối tượng JSON có "document" và "reviews" '
                "(tệp do `pressmon index export` ghi)"
            )
        document = coded_document(document_from_record(data["document"]))
        events = [coded_event(event_from_record(e)) for e in data.get("reviews") or []]
    except json.JSONDecodeError as err:
        raise RecordError(f"không phải JSON hợp lệ ({syntax_problem(err)})") from err
    except (ValueError, TypeError) as err:
        # A field of the wrong type (a number where a list belongs): Python's words kept.
        raise RecordError(f"bản ghi sai kiểu dữ liệu ({err})") from err
    for event in events:
        if event.document_id != document.id:
            raise RecordError(
                f"sự kiện xem xét của {event.document_id!r} nằm dưới bài {document.id!r}"
            )
    return document, events
