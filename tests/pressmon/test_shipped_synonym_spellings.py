"""Spellings the press uses for the Ministry and for Ho Chi Minh City find each other through the
shipped config/synonyms.yaml (the ministry written with a dash, the city without its dot), and
VssID finds the app, not a number written beside BHXH."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.synonyms import Synonyms
from index.types import Document, Query
from pressmon.settings import load_synonyms

SHIPPED = Path(__file__).resolve().parents[2] / "config" / "synonyms.yaml"


def _doc(doc_id: str, body: str) -> Document:
    return Document(
        id=doc_id,
        url=f"https://tinh.invalid/{doc_id}",
        canonical_url=f"https://tinh.invalid/{doc_id}",
        outlet="tinh",
        outlet_name="Báo Tỉnh",
        kind="provincial",
        title="Tin chính sách",
        body=body,
        published_at=datetime(2026, 3, 2, tzinfo=UTC),
        crawled_at=datetime(2026, 3, 2, tzinfo=UTC),
    )


def test_dashed_ministry_and_dotless_city_find_the_other_spellings(tmp_path: Path) -> None:
    synonyms = Synonyms.from_forms(load_synonyms(SHIPPED).synonyms)
    with SQLiteArchive(tmp_path / "a.sqlite3", synonyms=synonyms) as archive:
        archive.upsert(
            [
                _doc("dash", "Bộ LĐ - TB & XH vừa trình dự thảo về trợ cấp."),
                _doc("joined", "Bộ LĐTB&XH cho biết sẽ lấy ý kiến rộng rãi."),
                _doc("dotted", "Người lao động ở TP. HCM được hướng dẫn thủ tục."),
                _doc("long", "Thành phố Hồ Chí Minh mở thêm điểm tiếp nhận hồ sơ."),
            ]
        )

        def found(text: str) -> set[str]:
            return {h.document.id for h in archive.search(Query(text=text, page_size=20)).hits}

        assert found("LĐTB&XH") == {"dash", "joined"}
        assert found("Bộ LĐ-TB&XH") == {"dash", "joined"}
        assert found("TPHCM") == {"dotted", "long"}
        assert found("TP.HCM") == {"dotted", "long"}


# The group once held the app's long name, "BHXH số": it matched "sổ BHXH, số thẻ" across the
# comma the index does not keep, and "Bản tin … số 7", where "số" is a number.
VSSID_BODIES = {
    "app": "Người hưởng lương hưu nên cài ứng dụng VssID - BHXH số để tra cứu quá trình đóng.",
    "spaced": "Hướng dẫn đăng nhập VSS ID cho người mới tham gia.",
    "book": "Khi đi làm thủ tục, người dân nhớ mang sổ BHXH, số thẻ BHYT và giấy tờ tùy thân.",
    "bulletin": "Bản tin bảo hiểm xã hội số 7 nói về kế hoạch thu quý hai.",
}


@pytest.mark.parametrize("typed", ["VssID", "VSS ID", "vssid"])
def test_vssid_finds_the_app_and_not_a_number_beside_bhxh(tmp_path: Path, typed: str) -> None:
    synonyms = Synonyms.from_forms(load_synonyms(SHIPPED).synonyms)
    with SQLiteArchive(tmp_path / "a.sqlite3", synonyms=synonyms) as archive:
        archive.upsert([_doc(key, body) for key, body in VSSID_BODIES.items()])
        hits = archive.search(Query(text=typed, page_size=20)).hits
        assert {h.document.id for h in hits} == {"app", "spaced"}
