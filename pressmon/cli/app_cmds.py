"""Commands around the web app: demo, serve, users."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import click

from pressmon.cli import output
from pressmon.cli.demo_summary import demo_place, print_summary
from pressmon.cli.help_text import command, group
from pressmon.cli.options import DAY
from pressmon.cli.progress import quiet_option
from pressmon.demo_run import (
    DEMO_ARCHIVE,
    DemoPaths,
    crawl_demo_site,
    create_archive,
    demo_settings,
    escalate_sample,
    prepare_demo_year,
    prepare_fresh,
)
from pressmon.errors import PressmonError
from pressmon.review.labels import office_label
from pressmon.settings import Settings
from pressmon.web.formatting import vn_datetime_seconds
from pressmon.wiring import archive_from, notifier_from

ROLES = ("reviewer", "lead", "admin")
MAX_WORKERS = 64  # a typo guard: pages are CPU-bound, more processes than cores only queue


def served_at(settings: Settings, host: str, port: int) -> Settings:
    """`settings` as the server listening on `host`:`port` reads them: the links its alerts
    carry (without web.public_url) lead there, not to settings.toml's port."""
    web = settings.web.model_copy(update={"host": host, "port": port})
    return settings.model_copy(update={"web": web})


def serve_app(
    settings: Settings,
    host: str,
    port: int,
    echo: Callable[[str], None],
    *,
    demo: bool = False,
    workers: int = 1,
) -> None:
    """Serve the review UI until Ctrl-C, in `workers` processes; with `demo`, create a demo
    account and print it."""
    from pressmon.alerts.dispatch import CLOSE_SECONDS, BackgroundDispatcher
    from pressmon.web import create_app
    from pressmon.web.accounts import (
        DEMO_PROVINCIAL,
        AccountStore,
        ensure_demo_account,
        ensure_demo_provincial_account,
    )
    from pressmon.web.serving import check_serve
    from pressmon.web.workers import FACTORY, handed_down, serve

    settings = served_at(settings, host, port)
    for warning in check_serve(host, settings.web.session_secret, workers).warnings:
        click.echo(warning, err=True)
    accounts = AccountStore(settings.archive.state_path)
    if demo:
        username, password = ensure_demo_account(accounts)
        echo(f"\nTài khoản demo: {username} / mật khẩu: {password}")
        provincial = accounts.get(DEMO_PROVINCIAL)
        if provincial is not None and provincial.province is not None:
            username, password = ensure_demo_provincial_account(accounts, provincial.province)
            echo(
                f"Tài khoản demo cấp tỉnh ({office_label(provincial.province)}): {username} / "
                f"mật khẩu: {password}"
            )
    # Between crawls the server sends what is due: retries after a failure, the daily digest.
    # One dispatcher, in this process, however many workers serve pages.
    alerts = BackgroundDispatcher(notifier_from(settings)).start()
    try:
        if workers > 1:
            with handed_down(settings):
                echo(
                    f"Giao diện người duyệt: http://{host}:{port}/  ({workers} tiến trình, "
                    "Ctrl-C để dừng)"
                )
                serve(FACTORY, host=host, port=port, workers=workers)
        else:
            with archive_from(settings) as archive:
                app = create_app(settings, archive=archive, accounts=accounts)
                echo(f"Giao diện người duyệt: http://{host}:{port}/  (Ctrl-C để dừng)")
                serve(app, host=host, port=port)
    finally:
        alerts.close(CLOSE_SECONDS)


@command()
@click.option("--no-serve", is_flag=True, help="Thoát sau khi in số bài và các tin được đánh dấu.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ĐỊA_CHỈ",
    help="Địa chỉ mạng để giao diện web lắng nghe.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    metavar="CỔNG",
    help="Cổng của giao diện web.",
)
@click.option(
    "--year-scale",
    type=click.FloatRange(0, 1),
    default=1.0,
    show_default=True,
    help="Quy mô năm demo sinh ra (0 = chỉ trang báo demo được thu thập).",
)
@click.option(
    "--until",
    type=DAY,
    metavar="NGÀY",
    help="Ngày cuối của năm demo, dạng YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: hôm nay theo "
    "múi giờ của kho).",
)
@quiet_option
@click.pass_obj
def demo(
    app,
    no_serve: bool,
    host: str,
    port: int,
    year_scale: float,
    until: date | None,
    quiet: bool,
) -> None:
    """Thu thập trang báo demo (chạy tại máy, không cần mạng) vào một kho bài mới, nhập thêm
    một năm bài được sinh ra, in số bài và các tin đánh dấu, rồi mở giao diện web.

    Kho demo nằm ở var/demo/ của kho mã, được làm lại mỗi lần; với --data-dir hoặc --archive
    thì nằm ở đó, và một kho đã có ở đó không bị thay."""
    named = app.overrides.get("archive", {}).get("path")
    if named is None and app.data_dir is not None:
        # The folder the operator chose, not the checkout's var/demo: `--data-dir D counts`
        # then reads this demo, and an archive already there is refused, never replaced.
        named = str(app.settings.archive.path)
    paths = DemoPaths.beside(DEMO_ARCHIVE if named is None else Path(named))
    prepare_fresh(paths, default_location=named is None)
    settings = demo_settings(paths, app.config_dir)
    create_archive(settings, lambda message: click.echo(message, err=True))
    ingest: tuple[tuple[str, ...], ...] = ()
    if year_scale > 0:
        last_day = until or datetime.now(settings.tz).date()
        ingest = (prepare_demo_year(paths, click.echo, until=last_day, scale=year_scale),)
    crawl_demo_site(paths, app.config_dir, click.echo, alongside=ingest, quiet=quiet)
    # Its links lead to the server it starts, on --host and --port, not settings.toml's port.
    settings = served_at(settings, host, port)
    print_summary(
        settings, click.echo, demo_place(app.data_dir, paths.archive, "archive" in app.overrides)
    )
    escalate_sample(settings, click.echo)
    if not no_serve:
        serve_app(settings, host, port, click.echo, demo=True)


@command()
@click.option(
    "--host",
    metavar="ĐỊA_CHỈ",
    help="Địa chỉ mạng để lắng nghe (mặc định theo settings: 127.0.0.1).",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    metavar="CỔNG",
    help="Cổng (mặc định theo settings: 8000).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, MAX_WORKERS),
    default=1,
    show_default=True,
    metavar="SỐ",
    help="Số tiến trình phục vụ trang; từ 2 trở lên cần PRESSMON_SESSION_SECRET.",
)
@click.pass_obj
def serve(app, host: str | None, port: int | None, workers: int) -> None:
    """Chạy ứng dụng web tiếng Việt để duyệt tin và lập báo cáo."""
    settings = app.settings_to_read()
    serve_app(
        settings, host or settings.web.host, port or settings.web.port, click.echo, workers=workers
    )


@group()
def users() -> None:
    """Quản lý tài khoản web (vai trò: reviewer, lead, admin)."""


# Account audit actions (AccountStore.record) as people read them; the log keeps the codes.
ACCOUNT_ACTIONS = {
    "add": "tạo tài khoản",
    "disable": "khoá",
    "enable": "mở lại",
    "set-role": "đổi vai trò",
    "reset-password": "đặt lại mật khẩu",
    "unlock": "mở khoá đăng nhập",
    "set-province": "đổi đơn vị",
    "change-password": "đổi mật khẩu",
    "alert-settings": "đổi cài đặt cảnh báo",
}


def _role(role: str) -> str:
    """'Lãnh đạo (lead)': the name people know, with the code the commands take."""
    from pressmon.web.account_changes import role_name

    return role_name(role)


def _store(app):
    from pressmon.web.accounts import AccountStore

    return AccountStore(app.settings.archive.state_path)


def _cli_actor() -> str:
    """Who made a change from the command line, for the account audit log."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "cli:?"


def _account(store, username: str):
    from pressmon.web.errors import AccountNotFound

    account = store.get(username.strip())
    if account is None:
        raise AccountNotFound(
            f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
        )
    return account


@users.command("add")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="reviewer",
    show_default=True,
    help="Vai trò: người xác minh (reviewer), lãnh đạo (lead), quản trị (admin).",
)
@click.option("--name", "display_name", default="", metavar="TÊN", help="Tên hiển thị.")
@click.option(
    "--province",
    default="",
    metavar="TỈNH",
    help='Tài khoản của BHXH một tỉnh ("Nghệ An", "Nghe An", cả tên trước năm 2025); chỉ thấy '
    "tin của tỉnh đó. Mặc định: Trung tâm, thấy mọi tỉnh.",
)
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu từ stdin thay vì hỏi khi chạy.")
@click.pass_obj
def users_add(
    app, username: str, role: str, display_name: str, province: str, password_stdin: bool
) -> None:
    """Tạo tài khoản."""
    from pressmon.web.accounts import added_detail

    store = _store(app)
    store.new_username(username)  # an existing account is said before a password is asked
    stored = _province(app.settings, province) if province.strip() else None
    password = sys.stdin.readline().rstrip("\n") if password_stdin else _ask_password()
    account = store.add(username, password, role, display_name=display_name, province=stored)
    store.record(_cli_actor(), account.username, "add", added_detail(role, stored))
    office = f", {office_label(stored)}"
    click.echo(f"Đã tạo tài khoản {account.username}: {_role(role)}{office}")


def _ask_password() -> str:
    """Asked twice until both agree (click's own confirmation reports a mismatch in English)."""
    hidden = sys.stdin.isatty()
    if not hidden:
        click.echo("(không có cửa sổ lệnh; trong script hãy dùng --password-stdin)", err=True)
    while True:
        password = _password_line("Mật khẩu", hidden)
        if _password_line("Nhập lại mật khẩu", hidden) == password:
            return password
        click.echo("Lỗi: hai lần nhập không giống nhau; hãy nhập lại.", err=True)


def _password_line(prompt: str, hidden: bool) -> str:
    """Typed unseen on a terminal; otherwise (a pipe, cron) the next line as it comes, since
    getpass could hide nothing and would print English ("Password input may be echoed")."""
    if hidden:
        return str(click.prompt(prompt, hide_input=True))
    line = sys.stdin.readline()
    if not line:
        # No terminal and no input (cron, `< /dev/null`): an error to fix, not a cancellation.
        raise PressmonError(
            "không có cửa sổ lệnh để nhập mật khẩu và đầu vào không còn dòng nào: "
            "chưa tạo tài khoản",
            hint="trong script, đưa mật khẩu qua đầu vào với --password-stdin "
            "(printf '%s\\n' \"$MAT_KHAU\" | pressmon users add TÊN --password-stdin), "
            "hoặc chạy lệnh trong cửa sổ lệnh",
        )
    return line.rstrip("\n")


def _province(settings: Settings, typed: str) -> str:
    """The stored province for a typed name, with the filters' spellings (pressmon.filters)."""
    from pressmon.filters import FilterResolver
    from pressmon.wiring import gazetteer_from

    found = FilterResolver.build(gazetteer_from(settings), ()).province(typed)
    if found.note:
        click.echo(f"Lưu ý: {found.note}", err=True)
    return found.value


@users.command("set-province")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.argument("province", metavar="[TỈNH]", required=False)
@click.option("--center", is_flag=True, help="Chuyển tài khoản về Trung tâm (xem mọi tỉnh).")
@click.pass_obj
def users_set_province(app, username: str, province: str | None, center: bool) -> None:
    """Chuyển tài khoản sang BHXH một tỉnh, hoặc về Trung tâm với --center."""
    from pressmon.web.accounts import moved_detail

    if center == bool(province):
        raise click.UsageError("cần đúng một trong hai: tên TỈNH hoặc --center")
    stored = None if center else _province(app.settings, province or "")
    store = _store(app)
    # Said, not done again, as disable/enable/set-role: the audit log records changes only.
    if (before := _account(store, username)).province == stored:
        click.echo(f"{before.username} đã thuộc {office_label(stored)}; không thay đổi gì")
        return
    account = store.set_province(username, stored)
    store.record(_cli_actor(), account.username, "set-province", moved_detail(stored))
    click.echo(f"{account.username}: {'BHXH ' + stored if stored else 'Trung tâm'}")


def _login_failures(app):
    from datetime import UTC, datetime

    from pressmon.web.login_failures import LoginFailureStore

    return LoginFailureStore(app.settings.archive.state_path, clock=lambda: datetime.now(UTC))


@users.command("list")
@click.pass_obj
def users_list(app) -> None:
    """Liệt kê các tài khoản."""
    locked = _login_failures(app).locked()
    rows = [
        (
            u.username,
            _role(u.role),
            u.display_name,
            office_label(u.province),
            ("đã khoá" if u.disabled else "đang dùng")
            + (" (tạm khoá đăng nhập)" if u.username in locked else "")
            + (" (phải đổi mật khẩu)" if u.must_change_password else ""),
        )
        for u in _store(app).list()
    ]
    click.echo(output.table(["tài khoản", "vai trò", "tên", "đơn vị", "trạng thái"], rows))


@users.command("unlock")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.pass_obj
def users_unlock(app, username: str) -> None:
    """Gỡ khoá đăng nhập mà việc nhập sai mật khẩu nhiều lần đã đặt lên tài khoản."""
    from pressmon.web.throttle import account_key

    account = _account(_store(app), username)
    failures = _login_failures(app)
    # Nothing to lift: said, not logged as a change (as disable, enable and set-role say it).
    if account_key(account.username) not in failures.locked():
        click.echo(f"Tài khoản {account.username} không bị tạm khoá đăng nhập; không thay đổi gì")
        return
    failures.clear(account_key(account.username))
    _store(app).record(_cli_actor(), account.username, "unlock")
    click.echo(f"Đã mở khoá đăng nhập cho {account.username}")


@users.command("disable")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.pass_obj
def users_disable(app, username: str) -> None:
    """Khoá một tài khoản (giữ lại để tra cứu về sau, không bao giờ xoá)."""
    from pressmon.web.account_changes import unchanged

    store = _store(app)
    account = _account(store, username)
    # Said, not done again: the audit log records changes, and a repeat is none.
    if said := unchanged(account, "disable"):
        click.echo(said)
        return
    store.disable(account.username)
    store.record(_cli_actor(), account.username, "disable")
    click.echo(f"Đã khoá tài khoản {account.username} (giữ lại để tra cứu, không xoá)")


@users.command("enable")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.pass_obj
def users_enable(app, username: str) -> None:
    """Mở lại một tài khoản đã khoá."""
    from pressmon.web.account_changes import unchanged

    store = _store(app)
    account = _account(store, username)
    if said := unchanged(account, "enable"):
        click.echo(said)
        return
    store.enable(account.username)
    store.record(_cli_actor(), account.username, "enable")
    click.echo(f"Đã mở lại tài khoản {account.username}")


@users.command("set-role")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.argument("role", metavar="VAI_TRÒ", type=click.Choice(ROLES))
@click.pass_obj
def users_set_role(app, username: str, role: str) -> None:
    """Đổi vai trò của tài khoản: người xác minh (reviewer), lãnh đạo (lead), quản trị (admin)."""
    from pressmon.web.account_changes import unchanged

    store = _store(app)
    before = _account(store, username)
    if said := unchanged(before, "set-role", role):
        click.echo(said)
        return
    store.set_role(before.username, role)
    store.record(_cli_actor(), before.username, "set-role", f"{before.role} -> {role}")
    click.echo(f"Đã đổi vai trò của {before.username}: {_role(before.role)} → {_role(role)}")


@users.command("reset-password")
@click.argument("username", metavar="TÀI_KHOẢN")
@click.pass_obj
def users_reset_password(app, username: str) -> None:
    """Cấp mật khẩu dùng một lần; tài khoản phải tự đặt mật khẩu mới ở lần đăng nhập tới."""
    store = _store(app)
    account = _account(store, username)
    password = store.reset_password(account.username)
    store.record(_cli_actor(), account.username, "reset-password")
    click.echo(f"Mật khẩu dùng một lần của {account.username}: {password}")
    click.echo("Phải đổi mật khẩu ở lần đăng nhập tới; mọi phiên của tài khoản đã kết thúc.")


@users.command("log")
@click.argument("username", metavar="[TÀI_KHOẢN]", required=False)
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help="Số thay đổi hiện nhiều nhất.",
)
@click.pass_obj
def users_log(app, username: str | None, limit: int) -> None:
    """Các thay đổi quản trị trên tài khoản, mới nhất trước (ai, lúc nào, làm gì)."""
    store = _store(app)
    if username is not None:  # a typo is said, not shown as an account nobody ever changed
        _account(store, username)
    rows = [
        (
            vn_datetime_seconds(e.at, app.settings.tz),
            e.actor,
            e.username,
            f"{ACCOUNT_ACTIONS.get(e.action, e.action)} ({e.action})",
            e.detail,
        )
        for e in store.events(username, limit)
    ]
    click.echo(output.table(["lúc", "người làm", "tài khoản", "thao tác", "chi tiết"], rows))


COMMANDS = (demo, serve, users)
