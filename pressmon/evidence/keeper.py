"""Keeps the saved copy of each flagged article: the WARC file, then its row in the state DB.

Only flagged articles (a review tier) are kept: the rest are many, and no one needs to prove
later what they said. Files are named by article and hash, so a page fetched again unchanged
is not written twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from crawlers.items import FetchedResponse
from index.types import REVIEW_TIERS, Document
from pressmon.evidence.errors import EvidenceError
from pressmon.evidence.location import evidence_dir
from pressmon.evidence.store import EvidenceStore, SavedCopy
from pressmon.evidence.warc import Payload, read_payload, sha256_hex, write_resource, write_response
from pressmon.settings import Settings


def is_flagged(document: Document) -> bool:
    return document.risk is not None and document.tier in REVIEW_TIERS


def saved_text(document: Document) -> str:
    """What an ingested article's saved copy holds: its title, a blank line, its text."""
    return f"{document.title}\n\n{document.body}"


class EvidenceKeeper:
    def __init__(self, folder: Path, store: EvidenceStore) -> None:
        self.folder = folder
        self.store = store

    @classmethod
    def from_settings(cls, settings: Settings) -> EvidenceKeeper:
        return cls(evidence_dir(settings), EvidenceStore(settings.archive.state_path))

    def keep_fetched(self, document: Document, fetched: FetchedResponse) -> SavedCopy:
        digest = sha256_hex(fetched.body)
        relative = _relative_path(document.id, digest, fetched.fetched_at)
        write_response(
            self.folder / relative,
            fetched.url,
            fetched.status,
            fetched.headers,
            fetched.body,
            fetched.fetched_at,
        )
        copy = SavedCopy(document.id, digest, relative, fetched.fetched_at, fetched.url, "response")
        self.store.add(copy)
        return copy

    def keep_text(self, document: Document, kept_at: datetime) -> SavedCopy:
        text = saved_text(document)
        digest = sha256_hex(text.encode("utf-8"))
        relative = _relative_path(document.id, digest, kept_at)
        write_resource(self.folder / relative, document.url, text, kept_at)
        copy = SavedCopy(document.id, digest, relative, kept_at, document.url, "resource")
        self.store.add(copy)
        return copy

    def keep_ingested(self, documents: Iterable[Document], kept_at: datetime) -> int:
        """Saved copies of the flagged ones among `documents`; how many."""
        kept = [self.keep_text(d, kept_at) for d in documents if is_flagged(d)]
        return len(kept)

    def open(self, copy: SavedCopy) -> Payload:
        """The saved payload, checked against the recorded hash.

        Raises:
            EvidenceError: the file is missing or unreadable, or its content changed.
        """
        payload = read_payload(self.folder / copy.path)
        if sha256_hex(payload.data) != copy.sha256:
            raise EvidenceError(
                f"bản lưu của {copy.document_id} không còn khớp mã SHA-256 đã ghi",
                hint=f"tệp {copy.path} đã bị sửa sau khi lưu",
            )
        return payload


def _relative_path(document_id: str, digest: str, at: datetime) -> str:
    # By month: a folder stays small enough to list, and old months can be moved as a whole.
    # Crawled ids are hex; an imported archive's may hold anything, never a path separator here.
    safe_id = re.sub(r"[^0-9A-Za-z_-]", "_", document_id)[:64]
    return f"{at:%Y}/{at:%m}/{safe_id}-{digest[:16]}.warc.gz"
