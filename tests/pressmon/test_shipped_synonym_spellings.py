"""Spellings the press uses for the Ministry and for Ho Chi Minh City find each other through the
shipped config/synonyms.yaml (the ministry written with a dash, the city without its dot)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

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
