"""One data folder (--data-dir/PRESSMON_HOME), `pressmon info`, and no silent empty archive."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.settings import data_home, load_settings


def test_default_data_folder_honours_pressmon_home_then_xdg(tmp_path: Path) -> None:
    assert data_home({"PRESSMON_HOME": str(tmp_path)}) == tmp_path
    assert data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "pressmon"
    assert data_home({}, home=tmp_path) == tmp_path / ".local/share/pressmon"


def test_everything_lives_in_the_data_folder(tmp_path: Path) -> None:
    settings = load_settings(environ={}, data_dir=tmp_path / "d")
    assert settings.data_dir == tmp_path / "d"
    assert settings.archive.path == tmp_path / "d/pressmon.db"
    assert settings.archive.state_path == tmp_path / "d/pressmon-state.db"
    assert settings.classifier.model_path == tmp_path / "d/model/flagger.skops"


def test_relative_paths_are_relative_to_the_current_folder(tmp_path: Path) -> None:
    settings = load_settings(
        environ={}, data_dir=Path("d"), overrides={"archive": {"path": "x/a.db"}}, cwd=tmp_path
    )
    assert settings.data_dir == tmp_path / "d"
    assert settings.archive.path == tmp_path / "x/a.db"


def test_named_archive_gets_its_state_beside_it_not_in_the_checkout(tmp_path: Path) -> None:
    settings = load_settings(environ={"PRESSMON_ARCHIVE": str(tmp_path / "a.db")})
    assert settings.archive.state_path == tmp_path / "a-state.db"


@pytest.mark.parametrize(
    "command",
    [
        ["counts"],
        ["search", "lương"],
        ["flagged"],
        ["rescore"],
        ["sources"],
        ["index", "export", "-"],
    ],
)
def test_reading_commands_refuse_a_missing_archive_and_name_the_nearest(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "archive.db").write_bytes(b"")
    result = CliRunner().invoke(main, ["--archive", str(tmp_path / "archve.db"), *command])
    assert result.exit_code != 0
    assert f"không có kho lưu trữ ở {tmp_path / 'archve.db'}" in result.output
    assert f"có phải ý bạn là --archive {tmp_path / 'archive.db'}" in result.output
    assert not (tmp_path / "archve.db").exists()


def test_writing_commands_create_the_archive_and_say_so(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "d"), "index", "import", str(export)]
    )
    assert result.exit_code == 0, result.output
    assert f"Tạo kho lưu trữ mới: {tmp_path / 'd/pressmon.db'}" in result.output
    assert (tmp_path / "d/pressmon.db").is_file()


def test_info_reports_paths_sizes_versions_and_articles(tmp_path: Path) -> None:
    data = tmp_path / "d"
    CliRunner().invoke(main, ["--data-dir", str(data), "index", "import", "/dev/null"])
    result = CliRunner().invoke(main, ["--data-dir", str(data), "info", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["key"]: row for row in json.loads(result.output)["locations"]}
    assert rows["archive"]["path"] == str(data / "pressmon.db")
    assert rows["archive"]["articles"] == 0
    assert rows["archive"]["schema_version"] >= 1
    assert rows["state"]["path"] == str(data / "pressmon-state.db")
    assert rows["model"]["path"] == str(data / "model/flagger.skops")
    assert rows["evidence"]["path"] == str(data / "evidence")
    text = CliRunner().invoke(main, ["--data-dir", str(data), "info"]).output
    assert "Kho bài báo" in text and "0 bài" in text and "Thư mục dữ liệu" in text


def test_info_writes_numbers_and_sizes_the_vietnamese_way(tmp_path: Path) -> None:
    """1.001 bài and 1,2 MB as every other count the CLI prints, not 1001 and 1.2 MB."""
    data = tmp_path / "d"
    lines = tmp_path / "bai.jsonl"
    document = {
        "outlet": "baomau",
        "outlet_name": "Báo Mẫu",
        "kind": "provincial",
        "title": "Bảo hiểm xã hội chi trả lương hưu đúng hạn",
        "body": "Bảo hiểm xã hội tỉnh chi trả lương hưu tháng này đúng hạn. " * 20,
        "published_at": "2026-05-12T09:00:00+07:00",
        "crawled_at": "2026-05-12T10:00:00+07:00",
    }
    lines.write_text(
        "".join(
            json.dumps(
                {
                    "document": {
                        **document,
                        "id": f"{n:040x}",
                        "url": f"https://baomau.vn/bai-{n}.html",
                        "canonical_url": f"https://baomau.vn/bai-{n}.html",
                    }
                },
                ensure_ascii=False,
            )
            + "\n"
            for n in range(1001)
        ),
        encoding="utf-8",
    )
    imported = CliRunner().invoke(
        main, ["--data-dir", str(data), "index", "import", "--quiet", str(lines)]
    )
    assert imported.exit_code == 0, imported.output
    text = CliRunner().invoke(main, ["--data-dir", str(data), "info"]).output
    archive = next(line for line in text.splitlines() if line.startswith("Kho bài báo"))
    assert re.search(r"\(\d+,\d (KB|MB), phiên bản lược đồ \d+, 1\.001 bài\)$", archive), archive
