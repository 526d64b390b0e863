"""Options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

from pressmon.cli import AppContext


def _use_sources_file(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        app = ctx.find_object(AppContext)
        assert app is not None  # the pressmon group makes it before any subcommand is parsed
        app.override(("sources_file",), str(value.resolve()))


sources_file_option = click.option(
    "--sources",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    expose_value=False,
    callback=_use_sources_file,
    help="Tệp YAML danh sách nguồn (mặc định: config/sources.yaml).",
)
