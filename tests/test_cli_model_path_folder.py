"""A folder at the model's path is named as a folder: it was reported as a missing model with
"chạy `pressmon train`", whose training could then not be saved there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def test_classify_names_a_folder_at_the_model_path(tmp_path: Path) -> None:
    folder = tmp_path / "flagger.skops"
    folder.mkdir()
    result = CliRunner().invoke(
        main,
        ["classify", "--json"],
        input='{"text": "BHXH"}\n',
        env={"PRESSMON_MODEL": str(folder)},
    )
    assert result.exit_code == 1
    assert f"Lỗi: Đường dẫn mô hình {str(folder)!r} là một thư mục, không phải tệp mô hình" in (
        result.output
    )
    assert "chạy `pressmon train`" not in result.output
