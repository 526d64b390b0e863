"""`pressmon flagged` listed every copy of a reposted false claim, one after another, so a story
copied a dozen times hid the other flagged items. `--stories` (named as `counts --stories`) shows
one entry per story, its most urgent copy, with how many other copies it stands for, as the web
queue's *Gộp bài cùng nội dung*; without it the list is unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main

PUBLISHED = datetime(2026, 5, 12, 3, tzinfo=UTC)


def _flagged(doc_id: str, title: str, risk: float, **fields: object) -> Document:
    return Document(
        **{  # type: ignore[arg-type]
            "id": doc_id,
            "url": f"https://baomau.vn/{doc_id}.html",
            "canonical_url": f"https://baomau.vn/{doc_id}.html",
            "outlet": "baomau",
            "outlet_name": "Báo Mẫu",
            "kind": "other",
            "title": title,
            "body": "Nội dung về BHXH.",
            "published_at": PUBLISHED,
            "crawled_at": PUBLISHED,
            "risk": risk,
            "tier": "urgent" if risk >= 0.8 else "review",
            "category": "C3",
            "stance": "asserts",
            **fields,
        }
    )


VSSID = "Hướng dẫn cập nhật VssID 4.0 để không bị khóa tài khoản"


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert(
            [
                _flagged("copy-a", VSSID, 0.95, story_id="vssid"),
                _flagged("copy-b", VSSID, 0.99, story_id="vssid"),  # the most urgent copy
                _flagged("copy-c", VSSID, 0.90, story_id="vssid"),
                _flagged("rut-mot-lan", "Dịch vụ rút BHXH một lần nhanh", 0.92),
                _flagged("giay-moi", "Giấy mời nhận tiền hỗ trợ BHYT", 0.70, story_id="giay"),
            ]
        )
    return path


def _out(archive_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(archive_path), "flagged", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _ids(out: str) -> list[str]:
    """The entries' ids, in the order listed ("[tier] id  rủi ro …")."""
    return [line.split("] ", 1)[1].split()[0] for line in out.splitlines() if line.startswith("[")]


def test_stories_show_one_entry_per_story_with_its_copies(archive_path: Path) -> None:
    out = _out(archive_path, "--stories")
    assert out.splitlines()[0] == (
        "5 tin cần xem xét (3 nội dung khác nhau, mỗi nội dung một dòng;"
        " điểm sàng lọc, không phải kết luận)"
    )
    assert _ids(out) == ["copy-b", "rut-mot-lan", "giay-moi"]
    assert out.count(VSSID) == 1
    copies = "    Cùng nội dung với 2 bài khác: http://127.0.0.1:8000/hang-doi?cau_chuyen=vssid"
    assert copies in out.splitlines()
    assert out.count("Cùng nội dung với") == 1  # the stories of one copy say nothing more


def test_without_stories_every_copy_is_listed_as_before(archive_path: Path) -> None:
    out = _out(archive_path)
    assert out.splitlines()[0] == "5 tin cần xem xét (điểm sàng lọc, không phải kết luận)"
    assert _ids(out) == ["copy-b", "copy-a", "rut-mot-lan", "copy-c", "giay-moi"]
    assert "Cùng nội dung" not in out


def test_stories_json_keeps_every_field_and_adds_the_copies(archive_path: Path) -> None:
    every = {r["id"]: r for r in map(json.loads, _out(archive_path, "--json").splitlines())}
    grouped = [json.loads(line) for line in _out(archive_path, "--stories", "--json").splitlines()]
    assert [r["id"] for r in grouped] == ["copy-b", "rut-mot-lan", "giay-moi"]
    assert [(r["story_id"], r["story_copies"]) for r in grouped] == [
        ("vssid", 2),
        (None, 0),
        ("giay", 0),
    ]
    for row in grouped:
        kept = {k: v for k, v in row.items() if k not in ("story_id", "story_copies")}
        assert kept == every[row["id"]]
    assert not any("story_copies" in r for r in every.values())  # unchanged without the flag
