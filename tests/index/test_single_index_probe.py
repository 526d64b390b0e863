"""The single-index probe builds, and both single-index designs answer a phrase typed without
diacritics with exactly the folded index's rows (so its timings compare like with like)."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

from benchmarks import single_index_probe

pytestmark = pytest.mark.skipif(
    shutil.which("gcc") is None
    or not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists()
    or not Path("/usr/include/sqlite3.h").exists(),
    reason="the probe compiles a tokenizer: needs gcc, Python's headers and libsqlite3-dev",
)


def test_single_index_designs_return_the_folded_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert single_index_probe.main(["--size", "400", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("same rows") == 2 * len(single_index_probe.PHRASES)
    assert "DIFFERENT" not in out
    for name in single_index_probe.BUILDS:
        assert f"  {name} " in out


def test_alternatives_cover_the_word_as_written_and_every_accented_form() -> None:
    forms = {"luong": {"lương", "lường"}}
    match = single_index_probe.matches("luong bhxh", forms)
    mark = single_index_probe.ALTERNATIVE_MARK
    assert match == f'"{mark}luong{mark}lương{mark}lường {mark}bhxh"'
    assert single_index_probe.fold("Đồng") == "dong"
