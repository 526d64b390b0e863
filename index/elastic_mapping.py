"""Elasticsearch index definitions and Document/ReviewEvent <-> `_source` conversion (pure).

Analysis for Vietnamese:
* `title`/`body` use `vi_exact`: standard tokenizer + lowercase and nothing else, so "giả" and
  "gia" stay different words. Text is NFC with modern tone placement before it is sent
  (`vntext.normalize.normalize_spelling`): Elasticsearch does not normalise Unicode by itself.
* `title.folded`/`body.folded` use `vi_folded`: the same plus asciifolding (original dropped) and
  an explicit đ→d/Đ→D char filter, for the ranked no-diacritics fallback ("bao hiem" finds
  "bảo hiểm", ranked below exact matches).
* `seo_title` is analysed as `title` and searched with a lower boost (`index.elastic_query`).
* `words` is a `copy_to` of title, SEO title and body analysed into two-syllable shingles.
  Vietnamese compounds are mostly two syllables ("bảo hiểm", "lương hưu"), so a shingle match
  rewards syllables that appear next to each other, approximating word segmentation without
  running underthesea over every document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from index.errors import RecordError
from index.records import (
    document_from_record,
    document_to_record,
    event_from_record,
    event_to_record,
)
from index.types import Document, ReviewEvent
from vntext.normalize import normalize_spelling

# 2: tiers, review statuses and follow-ups stored as codes. Older indexes are reindexed through
# `pressmon index export` (by the version that wrote them) and `pressmon index import`.
# 3: seo_title (searched), date_reason and date_disagreements. Only fields were added, so an
# index of schema 2 is upgraded in place (`mapping_upgrade`); its articles have none of them.
SCHEMA_VERSION = 3
# The oldest schema whose index only lacks fields: it stores the same values as this one.
IN_PLACE_UPGRADE_FROM = 2
SCHEMA_META_KEY = "pressmon_schema"

_KEYWORD = {"type": "keyword"}
_DATE = {"type": "date"}
_OPAQUE = {"type": "object", "enabled": False}  # kept in _source, never indexed
_STORED_TEXT = {"type": "text", "index": False}  # shown, never searched (as a review note)


def _text() -> dict[str, Any]:
    return {
        "type": "text",
        "analyzer": "vi_exact",
        "copy_to": ["words"],
        "fields": {"folded": {"type": "text", "analyzer": "vi_folded"}},
    }


ANALYSIS: dict[str, Any] = {
    "char_filter": {
        "vi_d_stroke": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]},
    },
    "filter": {
        "vi_ascii": {"type": "asciifolding", "preserve_original": False},
        "vi_two_syllables": {
            "type": "shingle",
            "min_shingle_size": 2,
            "max_shingle_size": 2,
            "output_unigrams": False,
        },
    },
    "analyzer": {
        "vi_exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        "vi_folded": {
            "type": "custom",
            "char_filter": ["vi_d_stroke"],
            "tokenizer": "standard",
            "filter": ["lowercase", "vi_ascii"],
        },
        "vi_words": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "vi_two_syllables"],
        },
    },
}


def documents_index() -> dict[str, Any]:
    """Body of `indices.create` for the documents index."""
    return {
        "settings": {"analysis": ANALYSIS},
        "mappings": {
            "dynamic": "strict",
            "_meta": {SCHEMA_META_KEY: SCHEMA_VERSION},
            "properties": {
                "id": _KEYWORD,
                "url": _KEYWORD,
                "canonical_url": _KEYWORD,
                "outlet": _KEYWORD,
                "outlet_name": _KEYWORD,
                "kind": _KEYWORD,
                "title": _text(),
                "body": _text(),
                "words": {"type": "text", "analyzer": "vi_words"},
                "published_at": _DATE,
                "crawled_at": _DATE,
                "province": _KEYWORD,
                "provinces": _KEYWORD,
                "topics": _KEYWORD,
                "relevance_reasons": _KEYWORD,
                "story_id": _KEYWORD,
                "date_source": _KEYWORD,
                "date_reason": _STORED_TEXT,
                "date_disagreements": _STORED_TEXT,
                "seo_title": _text(),
                "extraction": _OPAQUE,
                "risk": {"type": "double"},
                "tier": _KEYWORD,
                "category": _KEYWORD,
                "stance": _KEYWORD,
                "flag_details": _OPAQUE,
                "model_version": _KEYWORD,
                "review_status": _KEYWORD,
            },
        },
    }


def reviews_index() -> dict[str, Any]:
    """Body of `indices.create` for the append-only review log `<name>-reviews`."""
    return {
        "mappings": {
            "dynamic": "strict",
            "_meta": {SCHEMA_META_KEY: SCHEMA_VERSION},
            "properties": {
                "document_id": _KEYWORD,
                "actor": _KEYWORD,
                "at": _DATE,
                "status_before": _KEYWORD,
                "status_after": _KEYWORD,
                "note": {"type": "text", "index": False},
                "action": _KEYWORD,
                "detail": _OPAQUE,
                "seq": {"type": "long"},  # insertion order among events with the same `at`
            },
        },
    }


def mapping_upgrade(found: int, index_body: Mapping[str, Any]) -> dict[str, Any] | None:
    """Body of `indices.put_mapping` bringing an index of schema `found` to SCHEMA_VERSION:
    the current properties (existing fields are unchanged, new ones are added) and `_meta`.
    None when the index stores values this code does not (schema 1): only a reindex helps.
    """
    if found < IN_PLACE_UPGRADE_FROM:
        return None
    mappings = index_body["mappings"]
    return {"properties": mappings["properties"], "_meta": mappings["_meta"]}


def schema_version(mapping_response: Mapping[str, Any], index_name: str) -> int | None:
    """The `_meta` schema version of `index_name` in an `indices.get_mapping` response."""
    try:
        meta = mapping_response[index_name]["mappings"].get("_meta") or {}
    except (KeyError, TypeError, AttributeError):
        return None
    version = meta.get(SCHEMA_META_KEY)
    return version if isinstance(version, int) else None


def document_to_source(document: Document) -> dict[str, Any]:
    source = document_to_record(document)
    source["title"] = normalize_spelling(document.title)
    source["body"] = normalize_spelling(document.body)
    source["seo_title"] = normalize_spelling(document.seo_title)
    source["province"] = (
        normalize_spelling(document.province) if document.province is not None else None
    )
    source["provinces"] = [normalize_spelling(p) for p in document.provinces]
    return source


def document_from_source(source: Mapping[str, Any]) -> Document:
    return document_from_record(source)


def event_to_source(event: ReviewEvent, seq: int) -> dict[str, Any]:
    return {**event_to_record(event), "seq": seq}


def event_from_source(source: Mapping[str, Any]) -> ReviewEvent:
    if "seq" not in source:
        raise RecordError("sự kiện xem xét trong Elasticsearch thiếu seq")
    return event_from_record({k: v for k, v in source.items() if k != "seq"})
