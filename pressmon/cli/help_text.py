"""`--help` in Vietnamese: click's headings, placeholders and option notes, for every command.

Click writes its own words (Usage, Options, Commands, [default: …], TEXT, INTEGER) in English.
Commands made with `command()` / `group()` here lay their help out with Vietnamese ones instead;
click itself is left as it is, so nothing changes for other programs in the same process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

HELP_OPTION_TEXT = "Hiện trợ giúp này rồi thoát."


class VietnameseFormatter(click.HelpFormatter):
    """The usage line starts with "Cách dùng:"."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)


class VietnameseContext(click.Context):
    formatter_class = VietnameseFormatter


def number_range(param_type: click.IntRange | click.FloatRange) -> str:
    """`IntRange(1, 200)` as staff read it: "từ 1 đến 200"."""
    low, high = param_type.min, param_type.max
    if low is not None and high is not None and not (param_type.min_open or param_type.max_open):
        return f"từ {low} đến {high}"
    parts = []
    if low is not None:
        parts.append(f"lớn hơn {low}" if param_type.min_open else f"từ {low} trở lên")
    if high is not None:
        parts.append(f"nhỏ hơn {high}" if param_type.max_open else f"không quá {high}")
    return " và ".join(parts)


def path_noun(param_type: click.Path) -> str:
    """What a Path parameter takes: "tệp", "thư mục" or either ("đường dẫn")."""
    if not param_type.dir_okay:
        return "tệp"
    return "thư mục" if not param_type.file_okay else "đường dẫn"


def type_placeholder(param_type: click.ParamType) -> str | None:
    """The placeholder for an option's value when its type has none of its own.

    Choice and DateTime list their values ([relevance|date]); None leaves those to click.
    """
    if isinstance(param_type, click.Path):
        return path_noun(param_type).upper().replace(" ", "_")
    if isinstance(param_type, click.types.IntParamType | click.types.FloatParamType):
        return "SỐ"
    if isinstance(param_type, click.types.StringParamType):
        return "GIÁ_TRỊ"
    return None


def option_row(option: click.Option, ctx: click.Context) -> tuple[str, str]:
    """One line of the options table; click's [default: …; required] notes in Vietnamese."""
    extra = option.get_help_extra(ctx)
    notes = []
    if "envvars" in extra:
        notes.append(f"biến môi trường: {', '.join(extra['envvars'])}")
    if "default" in extra:
        notes.append(f"mặc định: {extra['default']}")
    if "range" in extra and isinstance(option.type, click.IntRange | click.FloatRange):
        notes.append(number_range(option.type))
    if "required" in extra:
        notes.append("bắt buộc")
    text = option.help or ""
    if notes:
        text = f"{text}  [{'; '.join(notes)}]".lstrip()
    return option.get_help_spec(ctx), text


class VietnameseCommand(click.Command):
    """A command whose --help, usage line and usage errors' usage line are Vietnamese."""

    context_class = VietnameseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)
        # Click names a value by its type in English (TEXT, INTEGER, FILE) unless told otherwise.
        for param in self.params:
            if isinstance(param, click.Option) and param.metavar is None:
                param.metavar = type_placeholder(param.type)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as err:
            # Click's parser leaves the context out of BadOptionUsage (--to without a date):
            # without it the error could not show the command's usage or find the option.
            err.ctx = err.ctx or ctx
            raise

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            option_row(param, ctx)
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and not param.hidden
        ]
        if rows:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(rows)


class VietnameseGroup(VietnameseCommand, click.Group):
    """A group whose subcommands, made with its own .command(), are Vietnamese too."""

    command_class = VietnameseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        shown = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if not shown:
            return
        # As click does: the short help gets the width the longest name leaves.
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        with formatter.section("Lệnh"):
            formatter.write_dl(
                [(name, command.get_short_help_str(limit)) for name, command in shown]
            )


def command(
    name: str | None = None, **attrs: Any
) -> Callable[[Callable[..., Any]], VietnameseCommand]:
    """`click.command` with Vietnamese help."""
    return click.command(name, cls=VietnameseCommand, **attrs)


def group(name: str | None = None, **attrs: Any) -> Callable[[Callable[..., Any]], VietnameseGroup]:
    """`click.group` with Vietnamese help."""
    return click.group(name, cls=VietnameseGroup, **attrs)
