"""Options several commands share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from pressmon.cli import AppContext
from pressmon.locations import is_data_file
from pressmon.sanitize import EARLIEST_DATE, LATEST_DATE
from pressmon.settings import Settings
from pressmon.web.formatting import parse_vn_date


def in_archive_range(value: date, typed: str, option: str) -> date:
    """`value` (typed as `typed` after `option`) when the archive keeps such dates, as the web
    app's filters: year 1 or 9999 has no UTC bound and no article. A usage error otherwise."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise click.BadParameter(
            f"{typed} nằm ngoài khoảng cho phép ({EARLIEST_DATE:%d/%m/%Y}–{LATEST_DATE:%d/%m/%Y})",
            param_hint=f"'{option}'",
        )
    return value


class DayType(click.ParamType):
    """A day typed after an option: YYYY-MM-DD or DD/MM/YYYY (as the CLI prints dates), read as
    the web app reads its date fields (parse_vn_date), within the archive's range."""

    name = "date"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        typed = str(value).strip()
        day = parse_vn_date(typed)
        if day is None:
            self.fail(f"cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, không phải {value!r}")
        option = param.opts[0] if param is not None and param.opts else "NGÀY"
        return in_archive_range(day, typed, option)


DAY = DayType()


def not_a_data_file(path: Path, settings: Settings, option: str, instead: str) -> None:
    """A usage error when `path`, which a command is about to write, is the archive, the state
    database (or their -wal, -shm) or the model: written over, it is lost."""
    if is_data_file(path, settings):
        raise click.BadParameter(
            f"'{path}' là tệp dữ liệu của pressmon (kho bài, CSDL trạng thái hoặc mô hình); "
            f"hãy ghi ra một tệp khác, ví dụ {instead}",
            param_hint=f"'{option}'",
        )


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
