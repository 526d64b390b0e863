"""The files that belong with an archive: its state database and sources, named after it, and
the flagger's model in `model/` beside it.

`pressmon demo` writes `<stem>-state.db` and `<stem>-sources.yaml` beside its archive and trains
its model into `model/flagger.skops` there, so that `pressmon --archive var/demo/archive.db
sources` (or search, serve, info, crawl) sees the demo's crawl health, outlets and model rather
than the configured ones; an archive without such files is used as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Companions:
    state: Path
    sources: Path
    model: Path

    @classmethod
    def of(cls, archive: Path) -> Companions:
        return cls(
            state=archive.with_name(f"{archive.stem}-state.db"),
            sources=archive.with_name(f"{archive.stem}-sources.yaml"),
            # A folder, as in the data folder: the model card and evaluation go beside it.
            model=archive.parent / "model" / "flagger.skops",
        )


def companion_overrides(archive: Path, environ: Mapping[str, str]) -> dict[str, Any]:
    """Settings overrides for the companions that exist; a path set in the environment wins."""
    files = Companions.of(archive)
    overrides: dict[str, Any] = {}
    if files.state.exists() and "PRESSMON_ARCHIVE__STATE_PATH" not in environ:
        overrides["archive"] = {"state_path": str(files.state)}
    if files.sources.exists() and "PRESSMON_SOURCES" not in environ:
        overrides["sources_file"] = str(files.sources)
    if files.model.exists() and "PRESSMON_MODEL" not in environ:
        overrides["classifier"] = {"model_path": str(files.model)}
    return overrides
