"""Documents and review events as plain JSON-ready dicts, in field order.

One serialisation for every place that leaves Python: the JSONL export and the Elasticsearch
`_source`. Datetimes are ISO 8601 with their UTC offset; tuples become lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from index.errors import RecordError
from index.types import Document, ReviewEvent

_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
_EVENT_FIELDS = tuple(f.name for f in fields(ReviewEvent))
_DOCUMENT_TIMES = ("published_at", "crawled_at")
_DOCUMENT_TUPLES = ("provinces", "topics", "relevance_reasons", "date_disagreements")


def document_to_record(document: Document) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in _DOCUMENT_FIELDS:
        value = getattr(document, name)
        if name in _DOCUMENT_TIMES:
            value = _iso(value, name)
        elif name in _DOCUMENT_TUPLES:
            value = list(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        record[name] = value
    return record


def document_from_record(record: Mapping[str, Any]) -> Document:
    _require(
        record,
        (
            "id",
            "url",
            "canonical_url",
            "outlet",
            "outlet_name",
            "kind",
            "title",
            "body",
            "published_at",
            "crawled_at",
        ),
        "bài (document)",
    )
    values: dict[str, Any] = {}
    for name in _DOCUMENT_FIELDS:
        if name not in record:
            continue
        value = record[name]
        if name in _DOCUMENT_TIMES:
            value = _parse_time(value, name)
        elif name in _DOCUMENT_TUPLES:
            value = tuple(value or ())
        elif name in ("extraction", "flag_details"):
            value = dict(value or {})
        values[name] = value
    return Document(**values)


def event_to_record(event: ReviewEvent) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in _EVENT_FIELDS:
        value = getattr(event, name)
        if name == "at":
            value = _iso(value, name)
        elif isinstance(value, Mapping):
            value = dict(value)
        record[name] = value
    return record


def event_from_record(record: Mapping[str, Any]) -> ReviewEvent:
    _require(
        record, ("document_id", "actor", "at", "status_before", "status_after"), "sự kiện xem xét"
    )
    values = {name: record[name] for name in _EVENT_FIELDS if name in record}
    values["at"] = _parse_time(values["at"], "at")
    values["detail"] = dict(values.get("detail") or {})
    return ReviewEvent(**values)


def _iso(moment: datetime, name: str) -> str:
    if moment.tzinfo is None:
        raise RecordError(f"{name}: thời điểm thiếu múi giờ; kho lưu trữ cần thời điểm có múi giờ")
    return moment.isoformat()


def _parse_time(value: object, name: str) -> datetime:
    if not isinstance(value, str):
        raise RecordError(f"{name}: cần chuỗi ngày giờ ISO 8601, nhận được {value!r}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as err:
        raise RecordError(f"{name}: không phải ngày giờ ISO 8601: {value!r}") from err
    if moment.tzinfo is None:
        raise RecordError(f"{name}: {value!r} thiếu độ lệch UTC (ví dụ +07:00)")
    return moment


def _require(record: Mapping[str, Any], names: tuple[str, ...], what: str) -> None:
    if not isinstance(record, Mapping):
        raise RecordError(
            f"{what} phải là một đối tượng JSON {{...}}, không phải {type(record).__name__}"
        )
    missing = [name for name in names if name not in record]
    if missing:
        raise RecordError(f"{what} thiếu trường {', '.join(missing)}")
