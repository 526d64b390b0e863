"""Click's own words are Vietnamese too (issue #15, item 6): every command's --help, and what a
mistake on the command line prints. New commands, options and arguments are walked
automatically, so one added with English help (or made without pressmon.cli.help_text) fails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from pressmon.cli import main
from pressmon.cli.usage_errors import Failure, UsageProblem, translated

# Click's English, in help pages and in errors, as of click 8.5.
ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Positional arguments",
    "Show this message",
    "Show the version",
    "[default:",
    "[required]",
    "Error:",
    "Try '",
    "Did you mean",
    "No such",
    "Missing",
    "Invalid value",
    "is not a valid",
    "is not one of",
    "is not in the range",
    "does not exist",
    "is a directory",
    "is a file",
    "does not match",
    "requires an argument",
    "does not take a value",
    "Got unexpected",
    "Aborted",
)
# Click's placeholders for values and for arguments named in English.
ENGLISH_PLACEHOLDER = re.compile(
    r"\b(OPTIONS|COMMAND|ARGS|TEXT|INTEGER|FLOAT|RANGE|PATH|FILE|DIRECTORY|SECONDS|NAME|DOMAIN)\b"
)
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)


def _walk(
    group: click.Group, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    found: list[tuple[tuple[str, ...], click.Command]] = [(path, group)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(_walk(command, (*path, name)))
        else:
            found.append(((*path, name), command))
    return found


COMMANDS = _walk(main)


def _run(args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, args, input=stdin, prog_name="pressmon")


def _english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text] + ENGLISH_PLACEHOLDER.findall(text)


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "pressmon" for p, _ in COMMANDS]
)
def test_help_is_vietnamese(path: tuple[str, ...], command: click.Command) -> None:
    result = _run([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Cách dùng: {' '.join(['pressmon', *path])} [TÙY CHỌN]")
    assert "Tùy chọn:" in result.output and "Hiện trợ giúp này rồi thoát." in result.output
    assert _english_in(result.output) == []
    assert command.help and VIETNAMESE_LETTER.search(command.help), "docstring in Vietnamese"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help and VIETNAMESE_LETTER.search(param.help), param.opts
        else:  # an argument is named in the usage line and in errors by its metavar
            assert param.metavar and VIETNAMESE_LETTER.search(param.metavar), param.name


def test_groups_list_their_commands_under_a_vietnamese_heading() -> None:
    for path, command in COMMANDS:
        if isinstance(command, click.Group):
            assert "\nLệnh:\n" in _run([*path, "--help"]).output


def test_version_is_vietnamese() -> None:
    result = _run(["--version"])
    assert result.exit_code == 0 and result.output.startswith("pressmon, phiên bản ")


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    """An archive (so reading commands get as far as their options), a file and a folder."""
    archive = tmp_path / "archive.sqlite3"
    SQLiteArchive(archive).close()
    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    return {"archive": str(archive), "file": str(page), "dir": str(tmp_path)}


# (arguments after --archive, the command shown in the usage line, what "Lỗi:" says)
MISTAKES = [
    (["counts", "--bogus"], "counts", "không có tùy chọn '--bogus'."),
    (["counts", "--provnce", "Huế"], "counts", "Có phải ý bạn là '--province'?"),
    (["counts", "--province"], "counts", "tùy chọn '--province' cần một giá trị"),
    (["counts", "--json=1"], "counts", "tùy chọn '--json' không nhận giá trị"),
    (["nope"], "", "không có lệnh 'nope'."),
    (["serch", "x"], "", "không có lệnh 'serch'. Có phải ý bạn là một trong: 'search', 'serve'"),
    (["users", "lst"], "users", "không có lệnh 'lst'. Có phải ý bạn là 'list'?"),
    (["-v"], "", "thiếu tên lệnh"),
    (["search"], "search", "thiếu đối số 'TỪ_KHOÁ'."),
    (["extract", "{file}"], "extract", "thiếu tùy chọn '--url'."),
    (
        ["users", "set-role", "lan"],
        "users set-role",
        "thiếu đối số 'VAI_TRÒ'. Chọn một trong: reviewer, lead, admin.",
    ),
    (["counts", "extra"], "counts", "thừa đối số: extra"),
    (
        ["search", "lương", "hưu"],
        "search",
        "thừa đối số: hưu (cụm từ có dấu cách cần đặt trong ngoặc kép)",
    ),
    (
        ["search", "--limit", "x", "q"],
        "search",
        "giá trị không hợp lệ cho '--limit': cần một số nguyên từ 1 đến 200, không phải 'x'",
    ),
    (
        ["search", "--limit", "500", "q"],
        "search",
        "giá trị không hợp lệ cho '--limit': cần một số nguyên từ 1 đến 200, không phải 500",
    ),
    (
        ["worker", "--max-idle", "soon"],
        "worker",
        "giá trị không hợp lệ cho '--max-idle': cần một số từ 0 trở lên, không phải 'soon'",
    ),
    (
        ["search", "--sort", "new", "q"],
        "search",
        "giá trị không hợp lệ cho '--sort': cần một trong: relevance, date; không phải 'new'",
    ),
    (
        ["demo", "--until", "2026-13-01"],
        "demo",
        "giá trị không hợp lệ cho '--until': cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, "
        "không phải '2026-13-01'",
    ),
    (
        ["ingest", "{dir}/missing.jsonl"],
        "ingest",
        "giá trị không hợp lệ cho 'TỆP': không có tệp '{dir}/missing.jsonl'",
    ),
    (
        ["index", "import", "{dir}"],
        "index import",
        "giá trị không hợp lệ cho 'TỆP': '{dir}' là một thư mục, cần một tệp",
    ),
    (
        ["--data-dir", "{file}", "info"],
        "",
        "giá trị không hợp lệ cho '--data-dir': '{file}' là một tệp, cần một thư mục",
    ),
    # A --config folder mistyped, or one without settings.toml: every setting silently the
    # default, and the other files looked for beside it (`/tmp/config/synonyms.yaml`).
    (
        ["--config", "{dir}/cofnig", "info"],
        "",
        "giá trị không hợp lệ cho '--config': không có thư mục '{dir}/cofnig'",
    ),
    (
        ["--config", "{dir}", "info"],
        "",
        "giá trị không hợp lệ cho '--config': thư mục '{dir}' không có tệp settings.toml",
    ),
    (
        ["counts", "--from", "7/13/2026"],
        "counts",
        "giá trị không hợp lệ cho '--from': cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, "
        "không phải '7/13/2026'",
    ),
    # Year 1 and 9999 are dates, but no archive bound: refused as the web app's filters refuse them.
    (
        ["search", "--from", "0001-01-01", "q"],
        "search",
        "'--from': 0001-01-01 nằm ngoài khoảng cho phép (01/01/1990–31/12/2100)",
    ),
    (
        ["demo", "--until", "01/01/1900"],
        "demo",
        "'--until': 01/01/1900 nằm ngoài khoảng cho phép (01/01/1990–31/12/2100)",
    ),
    (
        ["counts", "--to", "9999-12-31"],
        "counts",
        "'--to': 9999-12-31 nằm ngoài khoảng cho phép (01/01/1990–31/12/2100)",
    ),
    (["run", "--every", "soon"], "run", "giá trị không hợp lệ cho '--every': 'soon'"),
    # A range that ends before it starts: the options named, not the search syntax's hint.
    *(
        (
            [command, *query, "--from", "2026-06-30", "--to", "2026-06-01"],
            command,
            "--from 30/06/2026 sau --to 01/06/2026: khoảng ngày không có ngày nào",
        )
        for command, query in (("search", ["q"]), ("counts", []), ("flagged", []))
    ),
    (["counts", "--json", "--csv"], "counts", "chỉ chọn một trong --json và --csv"),
]


@pytest.mark.parametrize(
    ("args", "shown", "expected"), MISTAKES, ids=[" ".join(m[0]) for m in MISTAKES]
)
def test_usage_mistake_is_explained_in_vietnamese(
    places: dict[str, str], args: list[str], shown: str, expected: str
) -> None:
    typed = [arg.format(**places) for arg in args]
    result = _run(["--archive", places["archive"], *typed])
    assert result.exit_code == 2, result.output
    command = " ".join(["pressmon", *shown.split()])
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Cách dùng: {command} ")
    assert lines[1] == f"Xem '{command} --help'."
    assert lines[-1].startswith("Lỗi: ") and expected.format(**places) in lines[-1]
    assert _english_in(result.output) == []


def test_no_password_without_a_terminal_is_a_vietnamese_error(places: dict[str, str]) -> None:
    result = _run(["--archive", places["archive"], "users", "add", "lan"], stdin="")
    assert result.exit_code == 1
    assert result.output.splitlines()[-2].startswith("Lỗi: không có cửa sổ lệnh")
    assert _english_in(result.output) == []


def test_mistyped_password_confirmation_is_asked_again_in_vietnamese(
    places: dict[str, str],
) -> None:
    typed = "Mot-Mat-Khau-Dai-2026\n"
    result = _run(
        ["--archive", places["archive"], "users", "add", "lan"],
        stdin=typed + "khac\n" + typed + typed,
    )
    assert result.exit_code == 0, result.output
    assert "Lỗi: hai lần nhập không giống nhau; hãy nhập lại." in result.output
    assert _english_in(result.output) == []


def test_a_password_piped_without_a_terminal_gets_no_getpass_english(
    places: dict[str, str],
) -> None:
    """A real process with no controlling terminal (cron, a pipe): getpass would print
    "Warning: Password input may be echoed."; the command reads the lines and says, in
    Vietnamese, what scripts use instead."""
    typed = "Mot-Mat-Khau-Dai-2026\n"
    result = subprocess.run(
        [sys.executable, "-m", "pressmon", "--archive", places["archive"], "users", "add", "lan"],
        input=typed + typed,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        start_new_session=True,  # no /dev/tty for getpass to fall back on
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Đã tạo tài khoản lan" in result.stdout
    assert "trong script hãy dùng --password-stdin" in result.stderr
    assert "Warning" not in result.stderr and _english_in(result.stderr) == []


def test_our_own_click_errors_keep_their_text_and_status() -> None:
    failure = translated(click.ClickException("3 dòng không được lưu"))
    usage = translated(click.UsageError("chỉ chọn một trong --json và --csv"))
    assert isinstance(failure, Failure) and failure.exit_code == 1
    assert failure.format_message() == "3 dòng không được lưu"
    assert isinstance(usage, UsageProblem) and usage.exit_code == 2
    assert usage.format_message() == "chỉ chọn một trong --json và --csv"
