"""`pressmon demo --port P` printed its flagged items as "Xem: http://127.0.0.1:8000/bai/…",
settings.toml's port, not the one it serves on; and suggested `pressmon --archive …/pressmon.db
sources --all` to an operator who had named the demo's place with `--data-dir`. It now links to
the server it starts and suggests the option the operator used."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import app_cmds, main
from pressmon.cli.demo_summary import demo_place
from pressmon.links import item_link
from pressmon.settings import Settings


def _printed(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Settings, str]:
    """What the demo (global options `args`, port 18347) hands its summary; its crawl and
    sample sending skipped."""
    seen: list[tuple[Settings, str]] = []
    monkeypatch.delenv("PRESSMON_ARCHIVE", raising=False)
    monkeypatch.delenv("PRESSMON_HOME", raising=False)
    monkeypatch.setattr(app_cmds, "crawl_demo_site", lambda *a, **k: None)
    monkeypatch.setattr(app_cmds, "escalate_sample", lambda *a, **k: None)
    monkeypatch.setattr(app_cmds, "print_summary", lambda s, echo, place: seen.append((s, place)))
    demo = ["demo", "--no-serve", "--year-scale", "0", "--port", "18347"]
    result = CliRunner().invoke(main, [*args, *demo])
    assert result.exit_code == 0, result.output
    [printed] = seen
    return printed


def test_the_demo_links_to_its_port_and_names_its_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, place = _printed(monkeypatch, "--data-dir", str(tmp_path))
    assert place == f"--data-dir {tmp_path}"
    assert item_link(settings.web, "doc1").startswith("http://127.0.0.1:18347/bai/doc1")


def test_a_demo_at_a_named_archive_is_named_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, place = _printed(monkeypatch, "--archive", str(tmp_path / "demo.db"))
    assert place == f"--archive {tmp_path / 'demo.db'}"


def test_demo_place_is_the_option_the_operator_used(tmp_path: Path) -> None:
    archive = tmp_path / "a b" / "pressmon.db"
    assert demo_place(tmp_path, archive, named=False) == f"--data-dir {tmp_path}"
    assert demo_place(tmp_path, archive, named=True) == f"--archive '{archive}'"
    assert demo_place(None, archive, named=False) == f"--archive '{archive}'"
