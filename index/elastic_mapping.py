"""Elasticsearch index definitions and Document/ReviewEvent <-> `_source` conversion (pure).

Analysis for Vietnamese:
* Every analyzer splits text where SQLite's FTS5 tokenizer (unicode61) splits it, so both
  backends find the same articles: a char filter turns every character unicode61 does not keep
  inside a token into a space, and the whitespace tokenizer splits there ("TP.HCM" is "tp" "hcm",
  "1.000.000" is "1" "000" "000", "chinh_sach" is "chinh" "sach", as `index.text.words` splits
  a query). Elasticsearch's standard tokenizer would keep those whole.
* `title`/`body` use `vi_exact`: those tokens lower-cased and nothing else, so "giả" and "gia"
  stay different words. Text is NFC with modern tone placement before it is sent
  (`vntext.normalize.normalize_spelling`): Elasticsearch does not normalise Unicode by itself.
* `title.folded`/`body.folded` use `vi_folded`: the same plus asciifolding (original dropped), an
  explicit đ→d/Đ→D char filter and the combining diacritics unicode61 strips, for the ranked
  no-diacritics fallback ("bao hiem" finds "bảo hiểm", ranked below exact matches).
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
# 3: seo_title (searched), date_reason and date_disagreements (schema 2 was upgraded in place).
# 4: text split where SQLite splits it (`SEPARATOR_PATTERN`). Elasticsearch cannot re-analyse
# an index in place: one of schema 2 or 3 is reindexed (`reindex_advice`); this version still
# reads its stored values, so it exports it.
SCHEMA_VERSION = 4
# The oldest schema whose index only lacks fields (`mapping_upgrade`): none before this one.
IN_PLACE_UPGRADE_FROM = 4
# The oldest schema whose stored values this version reads: `pressmon index export` opens it.
EXPORTABLE_FROM = 2
SCHEMA_META_KEY = "pressmon_schema"

# What unicode61 (SQLite's default categories "L* N* Co") keeps inside a token: letters, numbers
# and private-use characters, and, only after one of them, the Latin combining diacritics of its
# `sqlite3Fts5UnicodeIsdiacritic` (kept by the exact index, stripped by the folded one). Every
# other character separates tokens, combining marks of other scripts included. Stored text is
# NFC, so Vietnamese diacritics are inside precomposed letters; a leftover mark is rare.
TOKEN_CHARS = r"\p{L}\p{N}\p{Co}"
DIACRITICS = r"\u0300-\u0304\u0306-\u030C\u030F\u0311\u031B\u0323-\u0328\u032D\u032E\u0330\u0331"
# A run of diacritics longer than this after a letter splits on Elasticsearch only (Java's
# lookbehind must be bounded); no spelling has more than two.
MAX_DIACRITICS = 16
# One character at a time, each replaced by one space: a separator is never inside a token, so
# highlight offsets stay those of the stored text (a character outside the BMP is one space for
# two UTF-16 units: Lucene's offset correction maps the following tokens back exactly).
SEPARATOR_PATTERN = (
    f"[^{TOKEN_CHARS}{DIACRITICS}]"
    f"|[{DIACRITICS}](?<![{TOKEN_CHARS}][{DIACRITICS}]{{1,{MAX_DIACRITICS}}})"
)

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
        "vi_separators": {
            "type": "pattern_replace",
            "pattern": SEPARATOR_PATTERN,
            "replacement": " ",
        },
        "vi_d_stroke": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]},
    },
    "filter": {
        "vi_ascii": {"type": "asciifolding", "preserve_original": False},
        # Inside a token only: offsets are the tokenizer's, so removing characters is safe here.
        "vi_no_diacritics": {"type": "pattern_replace", "pattern": f"[{DIACRITICS}]"},
        "vi_two_syllables": {
            "type": "shingle",
            "min_shingle_size": 2,
            "max_shingle_size": 2,
            "output_unigrams": False,
        },
    },
    # Queries are analysed as the text: a user's "TP.HCM" becomes "tp" "hcm" here too (and
    # `index.query_parser` has already split it so).
    "analyzer": {
        "vi_exact": {
            "type": "custom",
            "char_filter": ["vi_separators"],
            "tokenizer": "whitespace",
            "filter": ["lowercase"],
        },
        "vi_folded": {
            "type": "custom",
            "char_filter": ["vi_separators", "vi_d_stroke"],
            "tokenizer": "whitespace",
            "filter": ["lowercase", "vi_ascii", "vi_no_diacritics"],
        },
        "vi_words": {
            "type": "custom",
            "char_filter": ["vi_separators"],
            "tokenizer": "whitespace",
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
    None when only a reindex helps (`reindex_advice`): the index stores values this code does
    not (schema 1) or splits text as SQLite does not (2 and 3).
    """
    if found < IN_PLACE_UPGRADE_FROM:
        return None
    mappings = index_body["mappings"]
    return {"properties": mappings["properties"], "_meta": mappings["_meta"]}


def reindex_advice(index_name: str, found: int) -> str:
    """Why an index of schema `found` must be reindexed, and how, for the operator."""
    if found < EXPORTABLE_FROM:
        return (
            f"chỉ mục {index_name!r} có lược đồ {found}, lưu tên mức và trạng thái bằng "
            f"tiếng Việt; bản này lưu mã (lược đồ {SCHEMA_VERSION}). Lập chỉ mục lại: "
            "`pressmon index export TỆP` bằng bản pressmon đã ghi nó, rồi "
            "`pressmon index import TỆP` bằng bản này vào một tên chỉ mục mới; "
            "lệnh import tự đổi tên sang mã."
        )
    return (
        f"chỉ mục {index_name!r} có lược đồ {found}, tách từ khác kho SQLite (giữ nguyên "
        f'"TP.HCM", "1.000.000"); bản này cần lược đồ {SCHEMA_VERSION} và Elasticsearch không '
        "phân tích lại được chỉ mục có sẵn. Lập chỉ mục lại bằng bản này: "
        "`pressmon index export TỆP`, rồi đặt một tên chỉ mục mới ([archive] "
        "elasticsearch_index hoặc PRESSMON_ARCHIVE__ELASTICSEARCH_INDEX) và chạy "
        "`pressmon index import TỆP`; xoá chỉ mục cũ sau khi đã kiểm tra chỉ mục mới."
    )


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
