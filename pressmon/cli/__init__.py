"""The `pressmon` command line. Commands stay thin: parse, load settings, call a library."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import click

from classifier.errors import (
    ClassifierError,
    ModelSaveError,
    ReferenceDataError,
    RelevanceConfigError,
    TrainingDataError,
)
from crawlers.errors import CrawlError, SharedStoriesError
from index.errors import (
    ArchiveBusy,
    ElasticsearchUnreachable,
    QueryError,
    RecordError,
    SchemaVersionError,
    SearchIndexError,
    TimezoneError,
)
from pressmon.cli.help_text import VietnameseGroup
from pressmon.cli.pipes import EXIT_READER_GONE, flush_stdout, quiet_when_reader_goes
from pressmon.cli.usage_errors import Failure, vietnamese_errors
from pressmon.companions import companion_overrides
from pressmon.errors import PressmonError
from pressmon.log_format import log_to_stderr
from pressmon.settings import Settings, load_settings
from vntext.errors import VntextError

PRIVATE_UMASK = 0o077
# The first matching class gives the hint: specific before general.
_HINTS: dict[type[Exception], str] = {
    ReferenceDataError: "sửa tệp và trường nêu trên",
    RelevanceConfigError: "sửa tệp và trường nêu trên",
    QueryError: 'sửa câu tìm kiếm; cú pháp (OR, -từ, "cụm từ") ở pressmon search --help',
    RecordError: "tệp nhập phải là JSON lines do `pressmon index export` ghi; sửa dòng nêu trên",
    ArchiveBusy: (
        "một tiến trình khác, thường là một lệnh pressmon khác (crawl, run, ingest, index "
        "import), đang ghi vào kho: đợi nó xong rồi chạy lại; `fuser -v` với tệp kho nêu trên "
        "cho biết tiến trình nào đang mở kho; muốn chờ lâu hơn thì tăng busy_timeout (số giây) "
        "trong [archive] của settings.toml hoặc PRESSMON_ARCHIVE__BUSY_TIMEOUT"
    ),
    ElasticsearchUnreachable: (
        "kiểm tra PRESSMON_ELASTICSEARCH_URL (giao thức http/https, máy, cổng) và máy chủ "
        "Elasticsearch có đang chạy không; hoặc dùng kho SQLite mặc định (PRESSMON_BACKEND=sqlite)"
    ),
    TimezoneError: (
        "đặt timezone trong settings.toml (hoặc PRESSMON_TIMEZONE) là một múi giờ IANA không "
        "đổi giờ, như 'Asia/Ho_Chi_Minh': kho đếm bài theo tuần bằng một độ lệch UTC cố định, "
        "nên với giờ mùa hè các bài đăng gần nửa đêm sẽ bị tính vào nhầm ngày, nhầm tuần"
    ),
    SchemaVersionError: (
        "làm như dòng trên; `pressmon --version` cho biết bản pressmon đang chạy, `pressmon "
        "info` phiên bản lược đồ của kho SQLite; nếu nhầm kho, chỉ đúng kho bằng --archive"
    ),
    SearchIndexError: (
        "kiểm tra đường dẫn/loại kho dữ liệu (--archive, PRESSMON_ARCHIVE, PRESSMON_BACKEND)"
    ),
    ModelSaveError: (
        "thư mục của tệp mô hình phải tạo và ghi được, ổ đĩa còn chỗ: xem --data-dir, "
        "PRESSMON_MODEL hoặc model_path trong [classifier] của settings.toml"
    ),
    TrainingDataError: (
        "dữ liệu huấn luyện là JSON lines UTF-8, mỗi dòng có text và label (0 hoặc 1): sửa tệp "
        "nêu trên hoặc chỉ đúng tệp, thư mục (--extra, --shared)"
    ),
    ClassifierError: (
        "huấn luyện lại bằng 'pressmon train' hoặc xem [classifier] trong settings.toml"
    ),
    SharedStoriesError: "khởi động Redis hoặc sửa PRESSMON_REDIS_URL, rồi chạy lại",
    CrawlError: "kiểm tra cấu hình nguồn và trang web",
    VntextError: "kiểm tra config/provinces.yaml và tỉnh của các nguồn",
}


class AppContext:
    """What every command needs: settings with the global options applied."""

    def __init__(
        self,
        config_dir: Path | None,
        archive: Path | None,
        verbose: bool = False,
        data_dir: Path | None = None,
    ) -> None:
        self.config_dir = config_dir
        self.verbose = verbose
        self.data_dir = data_dir
        self.overrides: dict[str, Any] = {}
        self.archive_named = archive is not None
        if archive:
            self.overrides = companion_overrides(archive, os.environ)
            self.overrides.setdefault("archive", {})["path"] = str(archive)
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            settings = load_settings(
                self.config_dir, overrides=self.overrides, data_dir=self.data_dir
            )
            if not self.archive_named:
                settings = self._with_companions(settings)
            self._settings = settings
        return self._settings

    def _with_companions(self, settings: Settings) -> Settings:
        """`settings` with the files `pressmon --data-dir D demo` wrote beside the data folder's
        archive, as `--archive` uses them: else `--data-dir D serve` named the demo's outlets
        by their ids and listed the configured ones in the queue's filter. An option given
        (`--sources`) still wins."""
        found = companion_overrides(settings.archive.path, os.environ)
        if not found:
            return settings
        return load_settings(
            self.config_dir, overrides=_merged(found, self.overrides), data_dir=self.data_dir
        )

    def settings_to_read(self) -> Settings:
        """Settings for a command that only reads: a missing archive is an error, not 0 rows."""
        from pressmon.locations import require_archive

        require_archive(self.settings)
        return self.settings

    def settings_to_write(self) -> Settings:
        """Settings for a command that adds articles: a new archive is announced on stderr."""
        from pressmon.locations import announce_new_archive

        announce_new_archive(self.settings, lambda message: click.echo(message, err=True))
        return self.settings

    def override(self, path: tuple[str, ...], value: Any) -> None:
        """Set a settings field for this invocation, e.g. (("crawl", "download_delay"), 0)."""
        node = self.overrides
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
        self._settings = None


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` with `extra` over it, nested tables merged key by key."""
    merged = dict(base)
    for key, value in extra.items():
        below = merged.get(key)
        merged[key] = (
            _merged(below, value) if isinstance(value, dict) and isinstance(below, dict) else value
        )
    return merged


class _Group(VietnameseGroup):
    """Turns every package's root error into "Lỗi:" lines and a hint, with a non-zero exit, and
    click's own errors (parsing the global options, then the command's) into Vietnamese; output
    whose reader went away (`| head -1`) ends every command quietly with EXIT_READER_GONE."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except SystemExit as done:
            # The output still buffered is written now, not at interpreter exit, where a reader
            # gone by then would print "Exception ignored … BrokenPipeError" and exit 120. A
            # failure keeps its own status.
            if not flush_stdout() and not done.code:
                raise SystemExit(EXIT_READER_GONE) from None
            raise

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with vietnamese_errors(), quiet_when_reader_goes():  # --help, --version
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with vietnamese_errors(), quiet_when_reader_goes():
            try:
                return super().invoke(ctx)
            except PressmonError as err:
                raise Failure(_one_line(err, err.hint)) from err
            except (SearchIndexError, ClassifierError, CrawlError, VntextError) as err:
                raise Failure(_one_line(err, hint_for(type(err)))) from err


def hint_for(kind: type[Exception]) -> str:
    """The hint shown under an error of class `kind`: that of its nearest class in _HINTS."""
    return next(hint for known, hint in _HINTS.items() if issubclass(kind, known))


def _one_line(err: Exception, hint: str) -> str:
    """One line per problem (a file's errors come one per line), stray whitespace flattened;
    the problems after the first are indented under "Lỗi:", as the hint is."""
    problems = [" ".join(line.split()) for line in str(err).splitlines()]
    message = "\n  ".join(line for line in problems if line)
    return f"{message}\n  gợi ý: {hint}" if hint else message


def _holding_settings(
    _ctx: click.Context, _param: click.Parameter, folder: Path | None
) -> Path | None:
    """The --config folder, when it holds settings.toml: without one every setting would be the
    default and every other file would be looked for beside the folder, named in a confusing
    error or, for a command needing none of them, not at all."""
    if folder is not None and not (folder / "settings.toml").exists():
        raise click.BadParameter(f"thư mục {str(folder)!r} không có tệp settings.toml")
    return folder


@click.group(cls=_Group)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="PRESSMON_HOME",
    help="Thư mục chứa kho bài, cơ sở dữ liệu trạng thái, mô hình và các tệp xuất "
    "(hoặc biến PRESSMON_HOME; mặc định: $XDG_DATA_HOME/pressmon hoặc "
    "~/.local/share/pressmon).",
)
@click.option(
    "--archive",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PRESSMON_ARCHIVE",
    help="Chỉ riêng tệp kho bài SQLite (hoặc biến PRESSMON_ARCHIVE; mặc định: pressmon.db "
    "trong thư mục dữ liệu); cơ sở dữ liệu trạng thái của nó nằm bên cạnh, tên <tên>-state.db.",
)
@click.option(
    "--config",
    "config_dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    envvar="PRESSMON_CONFIG_DIR",
    callback=_holding_settings,
    help="Thư mục chứa settings.toml (hoặc biến PRESSMON_CONFIG_DIR; mặc định: config/ của "
    "kho mã nguồn).",
)
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký tiến trình ra stderr.")
@click.version_option(
    package_name="pressmon",
    message="%(prog)s, phiên bản %(version)s",
    help="Hiện phiên bản rồi thoát.",
)
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: Path | None,
    archive: Path | None,
    config_dir: Path | None,
    verbose: bool,
) -> None:
    """pressmon: thu thập báo chí Việt Nam viết về bảo hiểm xã hội, đếm số bài, đánh dấu nội
    dung có thể sai sự thật để người duyệt xem xét, và tìm kiếm trong kho bài."""
    log_to_stderr(logging.INFO if verbose else logging.WARNING)
    # The Elasticsearch client logs each failed attempt as a WARNING with its traceback and
    # the server's URL; the command then says it in one "Lỗi:" line. Those are for -v.
    logging.getLogger("elastic_transport").setLevel(logging.NOTSET if verbose else logging.ERROR)
    # Everything a command creates (archive and its -wal/-shm, state database, model, exports,
    # var/ folders) is readable by its owner only: it holds accounts, sessions and unpublished
    # review notes. Restored when the command ends, for callers that run it in-process.
    previous = os.umask(PRIVATE_UMASK)
    ctx.call_on_close(lambda: os.umask(previous))
    ctx.obj = AppContext(config_dir, archive, verbose, data_dir)


from pressmon.cli import (  # noqa: E402
    app_cmds,
    archive_cmds,
    crawl_cmds,
    distributed_cmds,
    info_cmds,
    model_cmds,
)

for module in (archive_cmds, crawl_cmds, model_cmds, app_cmds, distributed_cmds, info_cmds):
    for command in module.COMMANDS:
        main.add_command(command)
