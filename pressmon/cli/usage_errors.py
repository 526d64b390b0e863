"""What staff see when a command cannot run: "Lỗi: …" in Vietnamese, never click's "Error: …".

Click writes its messages in English as it raises them; its exceptions also carry what went
wrong (option_name, possibilities, param, ctx). `vietnamese_errors()` replaces every click error
that reaches the pressmon group by one of ours whose text is built from those attributes. Only
a bad value (which click keeps in its message alone) and two messages without attributes are read
from click's English text, with the patterns of click's own message templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from pressmon.cli.help_text import number_range, path_noun


class Failure(click.ClickException):
    """A failure as staff read it: "Lỗi:" where click would print its English "Error:"."""

    def show(self, file: Any = None) -> None:
        click.echo(f"Lỗi: {self.format_message()}", file=file, err=file is None)


class UsageProblem(click.UsageError):
    """A mistake in the command line: its usage, where its help is, then "Lỗi: …" (status 2)."""

    def show(self, file: Any = None) -> None:
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=file, err=file is None)
            click.echo(f"Xem '{self.ctx.command_path} --help'.\n", file=file, err=file is None)
        click.echo(f"Lỗi: {self.format_message()}", file=file, err=file is None)


class Cancelled(click.ClickException):
    """Ctrl-C or the end of input at a prompt: click's "Aborted!" (status 1)."""

    def __init__(self) -> None:
        super().__init__("Đã huỷ.")

    def show(self, file: Any = None) -> None:
        click.echo(self.message, file=file, err=file is None)


@contextmanager
def vietnamese_errors() -> Iterator[None]:
    """Re-raises click's errors, and a Ctrl-C, as the Vietnamese ones above."""
    try:
        yield
    except click.ClickException as err:
        vietnamese = translated(err)
        if vietnamese is err:
            raise
        raise vietnamese from err
    except click.Abort as err:
        raise Cancelled() from err
    except KeyboardInterrupt as err:
        click.echo(err=True)  # ends the line the terminal's "^C" is on, as click does
        raise Cancelled() from err


def translated(err: click.ClickException) -> click.ClickException:
    """The same error with Vietnamese text and the same exit status."""
    if isinstance(err, Failure | UsageProblem | Cancelled | click.exceptions.NoArgsIsHelpError):
        return err  # already ours, or the help page (Vietnamese) shown for a bare group
    if isinstance(err, click.UsageError):
        build = next(text for kind, text in _USAGE_TEXTS if isinstance(err, kind))
        return UsageProblem(build(err), err.ctx)
    return Failure(err.format_message())  # raised by our commands: the message is ours


def _did_you_mean(possibilities: Sequence[str] | None) -> str:
    if not possibilities:
        return ""
    if len(possibilities) == 1:
        return f" Có phải ý bạn là '{possibilities[0]}'?"
    return f" Có phải ý bạn là một trong: {', '.join(repr(p) for p in sorted(possibilities))}?"


def _no_such_option(err: click.NoSuchOption) -> str:
    return f"không có tùy chọn '{err.option_name}'.{_did_you_mean(err.possibilities)}"


def _no_such_command(err: click.NoSuchCommand) -> str:
    return f"không có lệnh '{err.command_name}'.{_did_you_mean(err.possibilities)}"


def _option_usage(err: click.BadOptionUsage) -> str:
    """Click raises it for a flag given a value (--json=1) or an option given none (--to)."""
    params = err.ctx.command.get_params(err.ctx) if err.ctx else []
    option = next(
        (p for p in params if isinstance(p, click.Option) and err.option_name in p.opts), None
    )
    if option is not None and (option.is_flag or option.count):
        return f"tùy chọn '{err.option_name}' không nhận giá trị"
    return f"tùy chọn '{err.option_name}' cần một giá trị"


def _param_named(err: click.BadParameter) -> str:
    """'--limit' or 'TỆP', as click names the parameter in its own messages."""
    if isinstance(err.param_hint, str):
        return err.param_hint
    if err.param_hint is not None:
        return " / ".join(repr(hint) for hint in err.param_hint)
    return err.param.get_error_hint(err.ctx) if err.param is not None else ""


def _missing(err: click.MissingParameter) -> str:
    param = err.param
    kind = param.param_type_name if param is not None else ""
    what = {"argument": "đối số", "option": "tùy chọn"}.get(kind, "tham số")
    text = " ".join(["thiếu", what, _param_named(err)]).strip() + "."
    if param is not None and isinstance(param.type, click.Choice):
        text += f" Chọn một trong: {', '.join(str(c) for c in param.type.choices)}."
    return text


def _number_wanted(param_type: click.ParamType) -> str:
    kind = "một số nguyên" if isinstance(param_type, click.types.IntParamType) else "một số"
    if isinstance(param_type, click.IntRange | click.FloatRange):
        return f"{kind} {number_range(param_type)}"
    return kind


def _date_formats(param_type: click.DateTime) -> str:
    shown = [
        f.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD") for f in param_type.formats
    ]
    return " hoặc ".join(shown)


def _path_problem(param_type: click.Path, value: str, problem: str) -> str:
    return {
        "does not exist": f"không có {path_noun(param_type)} {value}",
        "is a file": f"{value} là một tệp, cần một thư mục",
        "is a directory": f"{value} là một thư mục, cần một tệp",
        "is not readable": f"không có quyền đọc {value}",
    }[problem]


# A bad value of click's own types: (type, click's message as a pattern, the Vietnamese text).
_ValueText = Callable[[Any, re.Match[str]], str]
_BAD_VALUES: tuple[tuple[tuple[type[click.ParamType], ...], re.Pattern[str], _ValueText], ...] = (
    (
        (click.types.IntParamType, click.types.FloatParamType),
        re.compile(
            r"(?P<value>.*) is not (?:a valid (?:integer|float)(?: range)?|in the range .*)\."
        ),
        lambda t, m: f"cần {_number_wanted(t)}, không phải {m['value']}",
    ),
    (
        (click.Choice,),
        re.compile(r"(?P<value>.*?) is not (?:one of )?'.*\."),
        lambda t, m: (
            f"cần một trong: {', '.join(str(c) for c in t.choices)}; không phải {m['value']}"
        ),
    ),
    (
        (click.DateTime,),
        re.compile(r"(?P<value>.*) does not match the formats? .*\."),
        lambda t, m: f"cần một ngày dạng {_date_formats(t)}, không phải {m['value']}",
    ),
    (
        (click.Path,),
        re.compile(
            r"\w+ (?P<value>.*) "
            r"(?P<problem>does not exist|is a file|is a directory|is not readable)\."
        ),
        lambda t, m: _path_problem(t, m["value"], m["problem"]),
    ),
)


def _bad_value(err: click.BadParameter) -> str:
    named = _param_named(err)
    where = f"giá trị không hợp lệ cho {named}" if named else "giá trị không hợp lệ"
    param_type = err.param.type if err.param is not None else None
    for kind, pattern, text in _BAD_VALUES:
        if isinstance(param_type, kind) and (match := pattern.fullmatch(err.message)):
            return f"{where}: {text(param_type, match)}"
    return f"{where}: {err.message}"  # raised by our own checks (_seconds, _date): ours


# Click's two usage messages that carry no attribute to build from.
_MISSING_COMMAND = re.compile(r"Missing command\.")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)")


def _usage(err: click.UsageError) -> str:
    if _MISSING_COMMAND.fullmatch(err.message):
        return "thiếu tên lệnh"
    if extra := _EXTRA_ARGUMENTS.fullmatch(err.message):
        text = f"thừa đối số: {extra['args']}"
        takes_words = err.ctx is not None and any(
            isinstance(p, click.Argument) for p in err.ctx.command.params
        )
        # `pressmon search lương hưu`: the query was meant to be one argument.
        return f"{text} (cụm từ có dấu cách cần đặt trong ngoặc kép)" if takes_words else text
    return err.message  # raised by our commands: the message is ours


# The first matching kind builds the text: specific before general.
_USAGE_TEXTS: tuple[tuple[type[click.UsageError], Callable[[Any], str]], ...] = (
    (click.NoSuchOption, _no_such_option),
    (click.NoSuchCommand, _no_such_command),
    (click.BadOptionUsage, _option_usage),
    (click.MissingParameter, _missing),
    (click.BadParameter, _bad_value),
    (click.UsageError, _usage),
)
