"""A search for VssID through the shipped config/synonyms.yaml found articles about the social
insurance book and about numbered bulletins: its forms `BHXH số` and `bảo hiểm xã hội số` (the
app's long name, "VssID - BHXH số") matched `sổ BHXH, số thẻ` across the comma, which the index
does not keep, and `Bản tin BHXH số 7`, where `số` is a number. The app is written VssID (or
VSS ID) wherever its long name stands, so those two forms are gone from the group."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.synonyms import Synonyms
from index.types import Document, Query
from pressmon.settings import load_synonyms

SHIPPED = Path(__file__).resolve().parents[2] / "config" / "synonyms.yaml"
BODIES = {
    "app": "Người hưởng lương hưu nên cài ứng dụng VssID - BHXH số để tra cứu quá trình đóng.",
    "spaced": "Hướng dẫn đăng nhập VSS ID cho người mới tham gia.",
    "book": "Khi đi làm thủ tục, người dân nhớ mang sổ BHXH, số thẻ BHYT và giấy tờ tùy thân.",
    "bulletin": "Bản tin bảo hiểm xã hội số 7 nói về kế hoạch thu quý hai.",
}


def _doc(doc_id: str, body: str) -> Document:
    return Document(
        id=doc_id,
        url=f"https://tinh.invalid/{doc_id}",
        canonical_url=f"https://tinh.invalid/{doc_id}",
        outlet="tinh",
        outlet_name="Báo Tỉnh",
        kind="provincial",
        title="Tin ngành",
        body=body,
        published_at=datetime(2026, 4, 6, tzinfo=UTC),
        crawled_at=datetime(2026, 4, 6, tzinfo=UTC),
    )


@pytest.mark.parametrize("typed", ["VssID", "VSS ID", "vssid"])
def test_vssid_finds_the_app_and_not_a_number_beside_bhxh(tmp_path: Path, typed: str) -> None:
    synonyms = Synonyms.from_forms(load_synonyms(SHIPPED).synonyms)
    with SQLiteArchive(tmp_path / "a.sqlite3", synonyms=synonyms) as archive:
        archive.upsert([_doc(key, body) for key, body in BODIES.items()])
        hits = archive.search(Query(text=typed, page_size=20)).hits
        assert {h.document.id for h in hits} == {"app", "spaced"}
