"""An empty sources.yaml (a file truncated, saved before it was written) was read as "no
source" without a word (`sources` said `0/0 nguồn`); it is a configuration error naming the
file. `[]` still says on purpose that there is none."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from pressmon.cli import main


def test_an_empty_sources_file_is_a_config_error_naming_it(tmp_path: Path) -> None:
    with open_archive("sqlite", path=tmp_path / "pressmon.db"):
        pass
    sources = tmp_path / "sources.yaml"
    sources.write_text("# chưa có gì\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path), "sources"], env={"PRESSMON_SOURCES": str(sources)}
    )
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"Lỗi: {sources}: tệp trống, không khai báo nguồn nào",
        "  gợi ý: ghi các nguồn vào sources.yaml (xem config/sources.yaml), hoặc [] nếu cố ý "
        "không có nguồn nào",
    ]
