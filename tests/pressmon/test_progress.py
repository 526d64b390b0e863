"""Progress of long commands (issue #15, item 5): a bar on a terminal, plain Vietnamese lines with
counts and an estimate elsewhere, nothing with --quiet; always on stderr, never in --json output."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from pressmon.cli.progress import Progress, progress_mode, vn_duration
from tests.index.index_factories import make_doc


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_mode_follows_the_terminal_and_quiet() -> None:
    assert progress_mode(False, _Terminal()) == "bar"
    assert progress_mode(False, io.StringIO()) == "lines"
    assert progress_mode(True, _Terminal()) == "quiet"


def test_plain_lines_every_tenth_with_counts_and_time_left() -> None:
    out, clock = io.StringIO(), _Clock()
    with Progress("lines", out, clock) as progress:
        for done in range(0, 20_001, 500):
            clock.now = done / 1000  # 1,000 articles a second
            progress("Chấm điểm", done, 20_000)
    lines = out.getvalue().splitlines()
    assert len(lines) == 11  # 0 %, 10 %, ... 100 %
    assert lines[5] == "  Chấm điểm: 10.000/20.000 (50%), còn khoảng 10 giây"
    assert lines[-1] == "  Chấm điểm: 20.000/20.000 (100%)"


def test_a_stage_without_total_reports_now_and_then_and_its_last_count() -> None:
    out, clock = io.StringIO(), _Clock()
    with Progress("lines", out, clock) as progress:
        for pages in range(1, 31):
            clock.now = pages  # a page a second: a line every 10 seconds
            progress("Thu thập", pages, None, f"{pages // 2} bài")
        progress("Sau đó", 1, 1)
    lines = out.getvalue().splitlines()
    assert lines[:3] == [
        "  Thu thập: 11 · 5 bài",  # 10 seconds after the first page
        "  Thu thập: 21 · 10 bài",
        "  Thu thập: 30 · 15 bài",  # the last count, when the stage ends
    ]
    assert lines[3] == "  Sau đó: 1/1 (100%)"


def test_the_bar_is_drawn_on_a_terminal_and_quiet_prints_nothing() -> None:
    terminal = _Terminal()
    with Progress("bar", terminal) as progress:
        for done in range(0, 101, 10):
            progress("Nhập bài", done, 100)
    assert "Nhập bài: 100%" in terminal.getvalue() and "100/100" in terminal.getvalue()
    silent = io.StringIO()
    with Progress("quiet", silent) as progress:
        progress("Nhập bài", 5, 10)
    assert silent.getvalue() == ""


def test_durations_read_in_vietnamese() -> None:
    assert [vn_duration(s) for s in (4, 170, 3900)] == ["4 giây", "3 phút", "1 giờ 5 phút"]


def _archive(folder: Path, n: int) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert(make_doc(f"d{i}", url=f"https://baodemo.vn/{i}.html") for i in range(n))
    return path


def test_export_progress_goes_to_stderr_and_leaves_stdout_machine_readable(tmp_path) -> None:
    archive = _archive(tmp_path, 1200)
    result = CliRunner().invoke(main, ["--archive", str(archive), "index", "export", "-"])
    assert result.exit_code == 0, result.output
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 1200
    assert "  Xuất bài: 1.200/1.200 (100%)" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == "Xong: đã xuất 1.200 bài"


def test_an_export_to_a_file_says_its_summary_on_stdout_as_import_does(tmp_path) -> None:
    # stdout is free when the export goes to a file: the summary goes where every command's
    # does (it went to stderr, unlike `index import`'s).
    archive = _archive(tmp_path, 3)
    export = tmp_path / "export.jsonl"
    result = CliRunner().invoke(
        main, ["--archive", str(archive), "index", "export", str(export), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("Xong: đã xuất 3 bài\n", "")


def test_import_shows_progress_and_a_summary_and_quiet_silences_it(tmp_path) -> None:
    source = _archive(tmp_path / "a", 700)
    export = tmp_path / "export.jsonl"
    runner = CliRunner()
    runner.invoke(main, ["--archive", str(source), "index", "export", str(export), "--quiet"])
    target = tmp_path / "b.sqlite3"
    result = runner.invoke(main, ["--archive", str(target), "index", "import", str(export)])
    assert result.exit_code == 0, result.output
    assert "  Nhập bài: 700" in result.stderr.splitlines()
    assert result.stdout.strip() == "Xong: đã nhập 700 bài"
    quiet = runner.invoke(
        main, ["--archive", str(target), "index", "import", str(export), "--quiet"]
    )
    assert "Nhập bài" not in quiet.stderr
