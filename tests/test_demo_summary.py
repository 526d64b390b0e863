"""What `pressmon demo` prints after loading: outlets by name and flagged items as
`pressmon flagged` shows them (Vietnamese labels, not the stored codes)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.types import Document
from pressmon.cli import demo_summary
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


def test_the_summary_shows_one_entry_per_story_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo year's reposts of one false claim filled 9 of the first 12 entries, so the
    printout read as one item repeated and hid the other kinds: each story now shows once, its
    most urgent copy, with how many other copies it has; the header and the closing line count
    both items and stories."""
    monkeypatch.setattr(demo_summary, "FLAGGED_SHOWN", 2)
    paths = DemoPaths.beside(tmp_path / "archive.db")
    paths.sources.write_text(
        "- {id: baomau, name: Báo Mẫu, kind: provincial, province: Hà Nội, domain: baomau.vn}\n",
        encoding="utf-8",
    )
    settings = demo_settings(paths, None)

    def flagged(n: int, risk: float, story: str | None) -> Document:
        tier = "urgent" if risk >= 0.8 else "review"
        return _document(n, tier=tier, risk=risk, category="C3", story_id=story)

    with archive_from(settings) as archive:
        archive.upsert(
            [flagged(n, 0.99 - n / 100, "vssid") for n in (1, 2, 3, 4)]  # doc001 first
            + [flagged(5, 0.86, "rut"), flagged(6, 0.85, "rut")]
            + [flagged(7, 0.70, None), flagged(8, 0.60, "giay")]
        )
    lines: list[str] = []
    print_summary(settings, lines.append, f"--archive {paths.archive}")
    out = "\n".join(lines).split("Tin cần xem xét: ")[1]

    assert out.startswith(
        "8 (4 nội dung khác nhau, mỗi nội dung một dòng; điểm sàng lọc để người duyệt quyết"
        " định, không phải kết luận)"
    )
    entries = [line.split("] ")[1].split()[0] for line in out.splitlines() if line[:1] == "["]
    assert entries == ["doc001", "doc005"]
    queue = "http://127.0.0.1:8000/hang-doi"
    assert f"    Cùng nội dung với 3 bài khác: {queue}?cau_chuyen=vssid" in out.splitlines()
    assert f"    Cùng nội dung với 1 bài khác: {queue}?cau_chuyen=rut" in out.splitlines()
    # 8 items: 2 stories shown stand for 6 of them; the 2 left are 2 stories.
    assert "... và 2 tin khác (2 nội dung khác nhau): xem hàng đợi /hang-doi?gop=1" in out


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
