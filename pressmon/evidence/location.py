"""Where saved copies live, apart from the code that writes them: `pressmon info` names the
folder without importing warcio."""

from __future__ import annotations

from pathlib import Path

from pressmon.settings import Settings


def evidence_dir(settings: Settings) -> Path:
    return evidence_beside(settings.archive.state_path)


def evidence_beside(state_path: Path) -> Path:
    """The evidence folder: `evidence/` beside the state database that lists its files."""
    return state_path.parent / "evidence"
