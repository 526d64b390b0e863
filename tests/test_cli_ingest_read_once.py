"""`pressmon ingest` reads its input once, counting lines not in UTF-8 as it parses them: it read
a file through to check its encoding and then again to ingest it (piped input was held whole to
be read twice), so a named pipe or `<(zcat bai.jsonl.gz)` given as the file ended in a traceback
(a pipe cannot go back to its start)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main
from pressmon.cli.legacy_encoding import Utf8Tally, utf8_check
from tests.test_cli_ingest_legacy_encoding import TEXT, _cp1258


def test_a_named_pipe_is_ingested(tmp_path: Path) -> None:
    pipe = tmp_path / "bai.jsonl"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("wb") as out:  # waits for the reader, as a shell's writer does
            out.write(TEXT.encode())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "ingest", "--quiet", str(pipe)]
    )
    writer.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert "Xong: đọc 12 bài, lưu 12 (12 bài mới)" in result.output


def test_the_tally_counts_as_the_check_does() -> None:
    lines = [*TEXT.encode().splitlines(keepends=True)[:3], b"\n", *_cp1258(TEXT).splitlines(True)]
    lines[1] = lines[1].replace(b"BHXH", b"\xff")  # a stray byte: not Windows-1258 text
    tally = Utf8Tally()
    assert list(tally.passing(lines)) == lines
    assert tally.check == utf8_check(lines)
    assert (tally.check.lines, tally.check.invalid, tally.check.first_invalid) == (15, 13, 2)
    assert not tally.check.reads_as_cp1258
