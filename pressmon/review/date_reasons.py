"""Why an article's date was chosen, in Vietnamese, for the reviewer deciding which week it
counts in.

Extraction (`crawlers.extract.reconcile`) records its choice in English words of a fixed shape:
the reason ("visible-text:byline agrees with the byline"...) and each disagreeing candidate
("json-ld:datePublished=2025-07-01T12:40:00+08:00 (-60 min): offset-mislabelled"). Those shapes
are read here; a text of any other shape is shown as it is stored, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from index.types import Document
from pressmon.review.labels import DATE_DISAGREEMENT_LABELS, DATE_SOURCE_LABELS

# A candidate label is "source:field" (the field may hold colons: meta:article:published_time).
_LABEL = r"(?P<{name}>[a-z-]+(?::[\w.:-]+)?)"
_DISAGREEMENT = re.compile(
    _LABEL.format(name="candidate")
    + r"=(?P<value>\d{4}-\d\d-\d\dT\S+) \((?P<minutes>[+-]\d+) min\): (?P<kind>[a-z-]+)"
)


def candidate_label(candidate: str) -> str:
    """'json-ld:datePublished' -> 'JSON-LD (datePublished)'; the field name stays as written."""
    source, _, field = candidate.partition(":")
    shown = DATE_SOURCE_LABELS.get(source, source)
    return f"{shown} ({field})" if field else shown


def _kinds(text: str) -> str:
    return ", ".join(DATE_DISAGREEMENT_LABELS.get(k, k) for k in text.split(", "))


# (the English shape, its Vietnamese template, the named parts shown through candidate_label)
_REASONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "{a} agrees with the byline",
        "{a} khớp với ngày giờ hiển thị trên trang",
        ("a",),
    ),
    (
        "the visible byline (no time in metadata)",
        "Ngày giờ hiển thị trên trang (siêu dữ liệu không ghi giờ)",
        (),
    ),
    (
        "the visible byline (metadata: {kinds})",
        "Ngày giờ hiển thị trên trang (siêu dữ liệu: {kinds})",
        (),
    ),
    (
        "{a}: the byline names no zone and disagrees for no known reason; metadata kept",
        "{a}: ngày giờ trên trang không ghi múi giờ và lệch không rõ lý do, giữ siêu dữ liệu",
        ("a",),
    ),
    (
        "{a}: the time of day for {b}",
        "{a}: giờ trong ngày của {b}",
        ("a", "b"),
    ),
    (
        "{a}: the best-ranked date found",
        "{a}: nguồn ngày đáng tin nhất tìm thấy",
        ("a",),
    ),
    (
        "{a}: {n} metadata fields agree; {b} is earlier",
        "{a}: {n} trường siêu dữ liệu khớp nhau, {b} sớm hơn (thời điểm tạo bài)",
        ("a", "b"),
    ),
    (
        "{a}: the best-ranked machine-readable date",
        "{a}: ngày máy đọc được đáng tin nhất",
        ("a",),
    ),
    (
        "{a} read as Vietnam time: the byline's day matches its wall clock",
        "{a} đọc theo giờ Việt Nam: ngày hiển thị trên trang khớp với giờ ghi trong đó",
        ("a",),
    ),
    (
        "{a}: metadata first for this outlet (profile)",
        "{a}: báo này được cấu hình ưu tiên siêu dữ liệu",
        ("a",),
    ),
)
_PARTS = {"a": _LABEL.format(name="a"), "b": _LABEL.format(name="b")}
_PARTS |= {"n": r"(?P<n>\d+)", "kinds": r"(?P<kinds>[a-z, -]+)"}


def _pattern(shape: str) -> re.Pattern[str]:
    literal = re.escape(shape)
    for name, part in _PARTS.items():
        literal = literal.replace(re.escape("{" + name + "}"), part)
    return re.compile(literal)


_COMPILED = tuple((_pattern(shape), vi, names) for shape, vi, names in _REASONS)


def date_reason_text(reason: str) -> str:
    """The reason in Vietnamese; an unknown shape as stored."""
    for pattern, template, names in _COMPILED:
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        values = found.groupdict() | {name: candidate_label(found[name]) for name in names}
        if values.get("kinds"):
            values["kinds"] = _kinds(values["kinds"])
        return template.format(**values)
    return reason


def date_disagreement_text(disagreement: str) -> str:
    """'JSON-LD (datePublished): 12:40 01/07/2025 (UTC+08:00), lệch -60 phút: ghi sai múi giờ';
    an unknown shape as stored."""
    found = _DISAGREEMENT.fullmatch(disagreement)
    if found is None:
        return disagreement
    try:
        value = datetime.fromisoformat(found["value"])
    except ValueError:
        return disagreement
    offset = value.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    kind = DATE_DISAGREEMENT_LABELS.get(found["kind"], found["kind"])
    return (
        f"{candidate_label(found['candidate'])}: {value:%H:%M %d/%m/%Y}{zone}, "
        f"lệch {int(found['minutes']):+d} phút: {kind}"
    )


def date_labels(document: Document) -> dict[str, object]:
    """The Vietnamese beside a document's date codes, for JSON outputs (CLI and web API)."""
    return date_labels_of(document.date_source, document.date_reason, document.date_disagreements)


def date_labels_of(
    source: str | None, reason: str, disagreements: Sequence[str]
) -> dict[str, object]:
    """The same for an extracted page's date choice (`pressmon extract`), not yet a document."""
    return {
        "date_source_label": DATE_SOURCE_LABELS.get(source, source) if source else "",
        "date_reason_label": date_reason_text(reason),
        "date_disagreement_labels": [date_disagreement_text(d) for d in disagreements],
    }
