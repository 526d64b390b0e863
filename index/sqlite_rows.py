"""Conversions between the boundary dataclasses and SQLite rows (pure functions).

Datetimes are stored as integer microseconds since the Unix epoch (UTC) so that ordering and
range filters use plain integer indexes; they come back as UTC-aware datetimes (the same
instant). Tuples and mappings are stored as JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from index.sqlite_tags import document_tags
from index.types import Document, ReviewEvent
from vntext.normalize import normalize_spelling

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

DOCUMENT_COLUMNS = (
    "id",
    "url",
    "canonical_url",
    "outlet",
    "outlet_name",
    "kind",
    "title",
    "body",
    "published_us",
    "crawled_us",
    "province",
    "provinces",
    "topics",
    "relevance_reasons",
    "story_id",
    "date_source",
    "extraction",
    "risk",
    "tier",
    "category",
    "stance",
    "flag_details",
    "model_version",
    "review_status",
    "tags",
    "date_reason",
    "date_disagreements",
    "seo_title",
)
# json.dumps with options builds an encoder per call, half its time for a short list; this one
# is immutable and gives the same text.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
REVIEW_COLUMNS = (
    "document_id",
    "actor",
    "at_us",
    "status_before",
    "status_after",
    "note",
    "action",
    "detail",
)


def to_us(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the index needs timezone-aware datetimes")
    return (moment - _EPOCH) // _MICROSECOND


def from_us(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def normalized(doc: Document) -> Document:
    """The document as stored: NFC (modern tone placement) in every searchable field.

    Crawled text is almost always stored spelling already: the document is then returned as it
    is instead of copied (a copy costs as much as the NFC check). Equality, not identity: a
    syllable like "quý" makes `normalize_spelling` return an equal new string.
    """
    title, body = normalize_spelling(doc.title), normalize_spelling(doc.body)
    seo_title = normalize_spelling(doc.seo_title)
    province = normalize_spelling(doc.province) if doc.province is not None else None
    provinces = tuple(normalize_spelling(p) for p in doc.provinces)
    if (
        title == doc.title
        and body == doc.body
        and seo_title == doc.seo_title
        and province == doc.province
        and type(doc.topics) is tuple
        and type(doc.provinces) is tuple
        and provinces == doc.provinces
    ):
        return doc
    return replace(
        doc,
        title=title,
        body=body,
        seo_title=seo_title,
        province=province,
        provinces=provinces,
        topics=tuple(doc.topics),
    )


def _json(value: object) -> str:
    # Most lists and mappings stored are empty: skip the encoder for them (same text).
    if not value and type(value) in (list, dict):
        return "[]" if type(value) is list else "{}"
    return _ENCODER.encode(value)


def document_row(doc: Document) -> dict[str, Any]:
    """Named parameters for an INSERT of `doc` (already `normalized`), in DOCUMENT_COLUMNS order."""
    published_us = to_us(doc.published_at)
    return {
        "id": doc.id,
        "url": doc.url,
        "canonical_url": doc.canonical_url,
        "outlet": doc.outlet,
        "outlet_name": doc.outlet_name,
        "kind": doc.kind,
        "title": doc.title,
        "body": doc.body,
        "published_us": published_us,
        "crawled_us": to_us(doc.crawled_at),
        "province": doc.province,
        "provinces": _json(list(doc.provinces)),
        "topics": _json(list(doc.topics)),
        "relevance_reasons": _json(list(doc.relevance_reasons)),
        "story_id": doc.story_id,
        "date_source": doc.date_source,
        "extraction": _json(dict(doc.extraction)),
        "risk": doc.risk,
        "tier": doc.tier,
        "category": doc.category,
        "stance": doc.stance,
        "flag_details": _json(dict(doc.flag_details)),
        "model_version": doc.model_version,
        "review_status": doc.review_status,
        "tags": document_tags(
            outlet=doc.outlet,
            kind=doc.kind,
            provinces=_all_provinces(doc),
            topics=doc.topics,
            published_us=published_us,
        ),
        "date_reason": doc.date_reason,
        "date_disagreements": _json(list(doc.date_disagreements)),
        "seo_title": doc.seo_title,
    }


def _all_provinces(doc: Document) -> tuple[str, ...]:
    """Every province the article is about: the province filter matches any of them."""
    return (*doc.provinces, doc.province) if doc.province is not None else doc.provinces


def row_document(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"],
        url=row["url"],
        canonical_url=row["canonical_url"],
        outlet=row["outlet"],
        outlet_name=row["outlet_name"],
        kind=row["kind"],
        title=row["title"],
        body=row["body"],
        published_at=from_us(row["published_us"]),
        crawled_at=from_us(row["crawled_us"]),
        province=row["province"],
        provinces=tuple(json.loads(row["provinces"])),
        topics=tuple(json.loads(row["topics"])),
        relevance_reasons=tuple(json.loads(row["relevance_reasons"])),
        story_id=row["story_id"],
        date_source=row["date_source"],
        date_reason=row["date_reason"],
        date_disagreements=tuple(json.loads(row["date_disagreements"])),
        seo_title=row["seo_title"],
        extraction=json.loads(row["extraction"]),
        risk=row["risk"],
        tier=row["tier"],
        category=row["category"],
        stance=row["stance"],
        flag_details=json.loads(row["flag_details"]),
        model_version=row["model_version"],
        review_status=row["review_status"],
    )


def review_row(event: ReviewEvent) -> dict[str, Any]:
    return {
        "document_id": event.document_id,
        "actor": event.actor,
        "at_us": to_us(event.at),
        "status_before": event.status_before,
        "status_after": event.status_after,
        "note": event.note,
        "action": event.action,
        "detail": _json(dict(event.detail)),
    }


def row_review(row: Mapping[str, Any]) -> ReviewEvent:
    return ReviewEvent(
        document_id=row["document_id"],
        actor=row["actor"],
        at=from_us(row["at_us"]),
        status_before=row["status_before"],
        status_after=row["status_after"],
        note=row["note"],
        action=row["action"],
        detail=json.loads(row["detail"]),
    )
