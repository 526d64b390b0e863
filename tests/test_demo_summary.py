"""What `pressmon demo` prints after loading: outlets by name and flagged items as
`pressmon flagged` shows them (Vietnamese labels, not the stored codes)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from index.types import Document
from pressmon.cli.demo_summary import print_summary
from pressmon.demo_run import DemoPaths, create_archive, demo_settings
from pressmon.locations import announce_new_archive
from pressmon.wiring import archive_from

PUBLISHED = datetime(2026, 5, 12, 3, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_runner_imports_on_its_own() -> None:
    """It imported the CLI, which imports it: alone, `import pressmon.demo_run` failed."""
    subprocess.run(
        [sys.executable, "-c", "import pressmon.demo_run"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        timeout=120,
    )


def _document(n: int, **values: object) -> Document:
    return Document(
        **{  # type: ignore[arg-type]
            "id": f"doc{n:03d}",
            "url": f"https://baomau.vn/bai-{n}.html",
            "canonical_url": f"https://baomau.vn/bai-{n}.html",
            "outlet": "baomau",
            "outlet_name": "Báo Mẫu",
            "kind": "provincial",
            "title": f"Lương hưu tháng {n} chi trả đúng hạn",
            "body": "Bảo hiểm xã hội tỉnh chi trả lương hưu đúng hạn.",
            "published_at": PUBLISHED,
            "crawled_at": PUBLISHED,
            "province": "Hà Nội",
            "provinces": ("Hà Nội",),
            **values,
        }
    )


def test_the_summary_names_outlets_and_labels_flagged_items(tmp_path: Path) -> None:
    paths = DemoPaths.beside(tmp_path / "archive.db")
    paths.sources.write_text(
        "- {id: baomau, name: Báo Mẫu, kind: provincial, province: Hà Nội, domain: baomau.vn}\n",
        encoding="utf-8",
    )
    settings = demo_settings(paths, None)
    flagged = _document(
        2,
        tier="urgent",
        risk=0.93,
        category="C3",
        stance="asserts",
        review_status="unstarted",
        flag_details={"reasons": [{"kind": "term", "text": "tải VssID qua link lạ"}]},
    )
    with archive_from(settings) as archive:
        archive.upsert([_document(1), flagged])
    lines: list[str] = []
    print_summary(settings, lines.append, f"--archive {paths.archive}")
    out = "\n".join(lines)

    by_outlet = out.split("Theo cơ quan báo chí:")[1].split("Tin cần xem xét")[0]
    assert "Báo Mẫu" in by_outlet and "baomau" not in by_outlet
    assert "[cần xem ngay] doc002  rủi ro 0,93  C3 Kênh giả" in out
    assert "Khẳng định nội dung  Chưa xử lý" in out and "asserts" not in out
    assert "Lý do chính: tải VssID qua link lạ" in out and "/bai/doc002" in out


def test_the_demo_creates_its_archive_once_so_its_children_do_not_each_announce_it(
    tmp_path: Path,
) -> None:
    """The crawl and ingest children start together: each said "Tạo kho lưu trữ mới" again."""
    paths = DemoPaths.beside(tmp_path / "archive.db")
    settings = demo_settings(paths, None)
    said: list[str] = []
    create_archive(settings, said.append)
    assert said == [f"Tạo kho lưu trữ mới: {paths.archive}"]
    announce_new_archive(settings, said.append)  # what each child says when it starts
    assert len(said) == 1 and paths.archive.stat().st_size > 0
