"""`pressmon ingest`: a `province` it does not know ("Atlantis") was ignored and an `outlet` not
in sources.yaml became a new outlet, both without a word; each is now noted on its line, the
article kept. Old (pre-merger) and current province names are known. A new outlet's id keeps its
letters folded ("bao_atlantis")."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from index.types import Document, Query
from pressmon.cli import main


def _line(n: int, **fields: str) -> str:
    record = {
        "title": f"BHXH chi trả lương hưu đợt {n}",
        "text": "Bảo hiểm xã hội tỉnh Nghệ An chi trả lương hưu đúng hạn cho người dân.",
        "url": f"https://baomoi-atlantis.vn/a{n}.html",
        "published_at": "2026-03-10T08:00:00+07:00",
        **fields,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def _ingest(data: Path, *lines: str) -> Result:
    """`pressmon --data-dir data ingest --quiet` of `lines`, written to a file beside `data`."""
    path = data.parent / "bai.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return CliRunner().invoke(main, ["--data-dir", str(data), "ingest", "--quiet", str(path)])


def test_unknown_province_and_outlet_are_noted_per_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file: Path
) -> None:
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    result = _ingest(
        tmp_path / "data",
        _line(1, province="Atlantis"),
        _line(2, province="Quảng Bình"),  # merged into Quảng Trị in 2025: known
        _line(3, province="Tuyên Quang"),
        _line(4, outlet="Báo Atlantis"),
    )
    assert result.exit_code == 0, result.output
    assert "lưu 4 (4 bài mới)" in result.output
    assert "2 dòng có tỉnh hoặc cơ quan báo không nhận ra:" in result.output
    assert (
        "  dòng 1: province: không nhận ra «Atlantis»; tỉnh lấy theo nội dung bài" in result.output
    )
    assert (
        "  dòng 4: outlet: «Báo Atlantis» không có trong danh sách nguồn; ghi nhận là cơ quan "
        "báo mới (mã bao_atlantis)" in result.output
    )
    assert "dòng 2:" not in result.output and "dòng 3:" not in result.output


def test_an_outlet_archived_under_its_earlier_id_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file: Path
) -> None:
    """Earlier versions made "b_o_atlantis" of "Báo Atlantis"; new lines for it join that id, so
    its counts by outlet do not split in two."""
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    data = tmp_path / "data"
    data.mkdir()
    published = datetime(2026, 3, 2, 8, tzinfo=UTC)
    with SQLiteArchive(data / "pressmon.db") as archive:
        archive.upsert(
            [
                Document(
                    id="earlier",
                    url="https://baomoi-atlantis.vn/a0.html",
                    canonical_url="https://baomoi-atlantis.vn/a0.html",
                    outlet="b_o_atlantis",
                    outlet_name="Báo Atlantis",
                    kind="national",
                    title="BHXH chi trả lương hưu",
                    body="Bảo hiểm xã hội chi trả lương hưu đúng hạn.",
                    published_at=published,
                    crawled_at=published,
                )
            ]
        )
    result = _ingest(data, _line(1, outlet="Báo Atlantis"), _line(2, outlet="Báo Lạ"))
    assert result.exit_code == 0, result.output
    assert "ghi nhận là cơ quan báo mới (mã b_o_atlantis)" in result.output
    assert "ghi nhận là cơ quan báo mới (mã bao_la)" in result.output
    with SQLiteArchive(data / "pressmon.db") as archive:
        page = archive.search(Query(sort="date", page_size=10))
    assert sorted(h.document.outlet for h in page.hits) == [
        "b_o_atlantis",
        "b_o_atlantis",
        "bao_la",
    ]


def test_lines_with_the_same_note_are_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file: Path
) -> None:
    """A file of lines from one outlet sources.yaml lacks gave one note per line, and the 20
    shown hid any other note further on."""
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    result = _ingest(
        tmp_path / "data",
        *(_line(n, outlet="Báo Atlantis") for n in range(1, 26)),
        _line(26, province="Atlantis"),
        _line(27, outlet="Báo Atlantis"),
    )
    assert result.exit_code == 0, result.output
    assert "27 dòng có tỉnh hoặc cơ quan báo không nhận ra:\n" in result.output
    assert (
        "  dòng 1–25, 27 (26 dòng): outlet: «Báo Atlantis» không có trong danh sách nguồn; "
        "ghi nhận là cơ quan báo mới (mã bao_atlantis)\n"
        "  dòng 26: province: không nhận ra «Atlantis»; tỉnh lấy theo nội dung bài\n"
    ) in result.output
    assert "dòng nữa" not in result.output


@pytest.mark.parametrize("typed", ["HCM", "Hanoi", "Tỉnh Nghệ An", "TP.HCM"])
def test_a_province_is_read_as_a_filter_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file: Path, typed: str
) -> None:
    """ "HCM" and "Hanoi" were taken by `--province` and refused by `ingest`."""
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    data = tmp_path / "data"
    result = _ingest(data, _line(1, province=typed))
    assert result.exit_code == 0, result.output
    assert "không nhận ra" not in result.output
    with SQLiteArchive(data / "pressmon.db") as archive:
        (hit,) = archive.search(Query(sort="date")).hits
    expected = {"HCM": "Hồ Chí Minh", "TP.HCM": "Hồ Chí Minh", "Hanoi": "Hà Nội"}
    assert hit.document.province == expected.get(typed, "Nghệ An")


def test_an_outlet_typed_decomposed_or_padded_is_one_outlet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file: Path
) -> None:
    """An outlet's name typed on macOS (NFD) or padded in a spreadsheet's cell was stored as
    given: one outlet shown as two, "Báo Atlantis" and "Báo Atlantis"."""
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    data = tmp_path / "data"
    typed = ("Báo Atlantis", unicodedata.normalize("NFD", "Báo Atlantis"), "  Báo  Atlantis ")
    result = _ingest(data, *(_line(n, outlet=name) for n, name in enumerate(typed, 1)))
    assert result.exit_code == 0, result.output
    assert "dòng 1–3 (3 dòng): outlet: «Báo Atlantis» không có trong danh sách nguồn" in (
        result.output
    )
    with SQLiteArchive(data / "pressmon.db") as archive:
        hits = archive.search(Query(sort="date")).hits
    assert {(h.document.outlet, h.document.outlet_name) for h in hits} == {
        ("bao_atlantis", "Báo Atlantis")
    }
