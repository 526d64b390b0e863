"""One WARC file per saved copy, written and read with warcio.

A crawled page is kept as a `response` record: the status line and headers as received and the
body as the crawler read it. Scrapy has already undone Content-Encoding and chunking by then, so
those headers are left out (a reader would try to undo them again) and Content-Length is the
stored body's. An ingested article, which came without HTML, is kept as a `resource` record
holding its text. The SHA-256 is that of the record's payload: the body, or the text.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressmon.evidence.errors import EvidenceError
from vntext.syntax_text import read_problem

# Headers describing a transfer the stored body no longer has.
_TRANSFER_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Payload:
    """What a saved copy holds: the body (or text) and the content type it was served with."""

    data: bytes
    content_type: str
    record_type: str  # "response" (a fetched page) | "resource" (ingested text)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_response(
    path: Path,
    url: str,
    status: int,
    headers: tuple[tuple[str, str], ...],
    body: bytes,
    fetched_at: datetime,
) -> None:
    """A gzipped WARC at `path` with the one `response` record."""
    kept = [(name, value) for name, value in headers if name.lower() not in _TRANSFER_HEADERS]
    kept.append(("Content-Length", str(len(body))))
    http_headers = StatusAndHeaders(f"{status} {_reason(status)}".strip(), kept, "HTTP/1.1")
    _write(path, url, "response", body, fetched_at, http_headers=http_headers)


def write_resource(path: Path, url: str, text: str, kept_at: datetime) -> None:
    """A gzipped WARC at `path` with one `resource` record holding `text` as UTF-8."""
    _write(path, url, "resource", text.encode("utf-8"), kept_at, content_type=TEXT_CONTENT_TYPE)


def _write(
    path: Path,
    url: str,
    record_type: str,
    payload: bytes,
    at: datetime,
    *,
    http_headers: StatusAndHeaders | None = None,
    content_type: str | None = None,
) -> None:
    if path.exists():
        return  # the same content for the same article, kept already (the name holds the hash)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            record = writer.create_warc_record(
                url,
                record_type,
                payload=io.BytesIO(payload),
                length=len(payload),
                warc_content_type=content_type,
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": at.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)
        partial.replace(path)  # whole or not at all: a crash leaves only the .part file
    except OSError as err:
        raise EvidenceError(
            f"không ghi được bản lưu {str(path)!r}: {read_problem(err)}",
            hint="kiểm tra thư mục dữ liệu có ghi được không",
        ) from err


def read_payload(path: Path) -> Payload:
    """The payload of the first response or resource record in the WARC at `path`."""
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                if record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                return Payload(record.content_stream().read(), content_type, record.rec_type)
    except (OSError, ArchiveLoadFailed) as err:
        reason = read_problem(err) if isinstance(err, OSError) else "tệp WARC hỏng"
        raise EvidenceError(f"không đọc được bản lưu {str(path)!r}: {reason}") from err
    raise EvidenceError(f"bản lưu {str(path)!r} không chứa bản ghi response hay resource")


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
