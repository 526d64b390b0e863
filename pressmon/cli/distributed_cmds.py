"""Commands of distributed mode (Redis): worker and enqueue. `pressmon crawl` needs neither."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping
from urllib.parse import urlsplit

import click

from crawlers.errors import STORIES_UNAVAILABLE
from pressmon.cli import output
from pressmon.cli.help_text import command
from pressmon.cli.options import sources_file_option
from pressmon.crawl import chosen_sources
from pressmon.crawl_report import crawl_report
from pressmon.errors import PressmonError
from pressmon.settings import Settings

# The clean stops (max-idle reached, queue done, Ctrl-C/SIGTERM), as people read them.
WORKER_STOPS = {"idle": "hết việc", "finished": "hàng đợi đã xong", "shutdown": "được yêu cầu dừng"}
_CLEAN_STOPS = frozenset(WORKER_STOPS)
_NO_REDIS_HINT = (
    "đặt PRESSMON_REDIS_URL=redis://HOST:6379/0 (hoặc dùng 'pressmon crawl', không cần Redis)"
)

log = logging.getLogger(__name__)

_URL_FORM = "dạng redis://HOST:6379/0, có mật khẩu: redis://:MẬT_KHẨU@HOST:6379/0"

# scheme://[user]:password@ up to the last "@" before the path, as urlsplit reads it; a regex and
# not urlsplit, which raises on the very URLs whose error message needs the password hidden.
_PASSWORD = re.compile(r"^([a-z][a-z0-9+.-]*://[^:@/]*:)[^/]*@", re.IGNORECASE)


def _redis(settings: Settings):
    """A connected client for settings.crawl.redis_url, or a one-line error with a hint."""
    import redis

    from crawlers.distributed.connection import connect, connection_problem, ping_once

    url = settings.crawl.redis_url
    if not url:
        raise PressmonError(
            "chế độ phân tán cần một máy chủ Redis: chưa đặt PRESSMON_REDIS_URL",
            hint=_NO_REDIS_HINT,
        )
    try:
        _check_database(url)
        ping_once(url)
    except ValueError as err:  # the URL itself: scheme, port, IPv6 brackets, query options
        if not isinstance(err, _UrlProblem):  # urllib's or redis-py's English, for -v
            log.info("PRESSMON_REDIS_URL %s: %s", _safe(url), err)
        problem = err if isinstance(err, _UrlProblem) else _UNREADABLE_URL
        raise PressmonError(
            f"PRESSMON_REDIS_URL không hợp lệ ({_safe(url)}): {problem}", hint=_URL_FORM
        ) from err
    except redis.AuthenticationError as err:  # before ConnectionError, its parent
        raise PressmonError(
            f"Redis ở {_safe(url)} từ chối đăng nhập (thiếu hoặc sai mật khẩu): {err}",
            hint="đặt đúng mật khẩu của Redis trong PRESSMON_REDIS_URL: " + _URL_FORM,
        ) from err
    except redis.RedisError as err:
        log.info("Redis ở %s: %s", _safe(url), err)  # the client's own words, for -v
        raise PressmonError(
            f"không kết nối được Redis ở {_safe(url)}: {connection_problem(err)}",
            hint="khởi động Redis hoặc sửa PRESSMON_REDIS_URL",
        ) from err
    return connect(url)


class _UrlProblem(ValueError):
    """What is wrong with the Redis URL, said in Vietnamese here."""


_UNREADABLE_URL = "không đọc được máy, cổng (phải là số) hoặc tùy chọn của địa chỉ"


def _check_database(url: str) -> None:
    """redis-py reads a database number that is not one (redis://HOST/pressmon) as 0: the
    frontier would silently be another deployment's. A scheme it does not take is named here,
    where redis-py would say it in English."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise _UrlProblem("địa chỉ phải bắt đầu bằng redis://, rediss:// hoặc unix://")
    database = parts.path.strip("/")
    if parts.scheme in ("redis", "rediss") and database and not database.isdigit():
        raise _UrlProblem(f"số cơ sở dữ liệu sau dấu '/' phải là một số, không phải '{database}'")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return _PASSWORD.sub(r"\1***@", url)


@command()
@sources_file_option
@click.option(
    "--source",
    "source_ids",
    multiple=True,
    metavar="ID",
    help="Chỉ xử lý nguồn này; lặp lại để chọn nhiều nguồn. Chỉ dùng kèm một --prefix riêng.",
)
@click.option(
    "--max-idle",
    type=click.FloatRange(min=0),
    metavar="GIÂY",
    help="Thoát khi hàng đợi chung trống liên tục chừng này giây (mặc định: chờ mãi).",
)
@click.option(
    "--lease",
    "lease_seconds",
    type=click.FloatRange(min=1),
    default=60,
    show_default=True,
    metavar="GIÂY",
    help="Số giây trước khi các yêu cầu của một worker đã ngừng được trả lại hàng đợi.",
)
@click.option(
    "--prefix",
    default="pressmon",
    show_default=True,
    metavar="TIỀN_TỐ",
    help="Tiền tố khoá Redis (mỗi tiền tố một hàng đợi chung riêng).",
)
@click.option(
    "--log-level",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
    help="Mức ghi nhật ký của Scrapy.",
)
@click.pass_obj
def worker(
    app,
    source_ids: tuple[str, ...],
    max_idle: float | None,
    lease_seconds: float,
    prefix: str,
    log_level: str,
) -> None:
    """Thu thập các yêu cầu trong hàng đợi Redis dùng chung (PRESSMON_REDIS_URL), cùng các
    worker khác."""
    from crawlers.distributed.settings import WorkerOptions
    from pressmon.distributed_worker import run_worker
    from pressmon.state_db import open_state_db

    settings = app.settings
    sources = chosen_sources(settings, source_ids)  # unknown ids fail before starting
    _redis(settings).close()
    open_state_db(settings.archive.state_path).close()  # the spider opens it by path, migrated
    options = WorkerOptions(
        redis_url=settings.crawl.redis_url,
        lease_seconds=lease_seconds,
        max_idle=max_idle,
        prefix=prefix,
    )
    result = run_worker(settings, options, sources, log_level=log_level)
    if result.state_problem is not None:
        click.echo(
            "Worker dừng lại: các bài đã tải được đều đã lưu vào kho, yêu cầu nào chưa ghi được "
            "vào trạng thái thu thập trở lại hàng đợi chung khi hết hạn giữ; tình trạng nguồn "
            "của worker này " + ("đã được ghi." if result.health_recorded else "KHÔNG được ghi."),
            err=True,
        )
        raise result.state_problem
    reason = result.finish_reason
    if reason == STORIES_UNAVAILABLE:
        raise PressmonError(
            "worker dừng vì không đọc, ghi được nội dung chung trên Redis: các bài đã tải được "
            "đều đã lưu vào kho, lô cuối chỉ được gộp nội dung với các bài của worker này",
            hint="xem lỗi ghi trong log ở trên; khởi động Redis hoặc sửa PRESSMON_REDIS_URL",
        )
    if reason not in _CLEAN_STOPS:
        raise PressmonError(
            f"worker dừng bất thường: {reason}", hint="xem các lỗi ghi trong log ở trên"
        )
    click.echo(worker_summary(reason, _totals(result.counters)))
    # Which source failed on this worker, as `pressmon crawl` shows it. Only the sources this
    # worker was handed: the others' pages went to other workers, which is no failure.
    handled = [source for source in sources if source.id in result.counters]
    if handled:
        click.echo(
            output.crawl_table(crawl_report(handled, result.counters, named=bool(source_ids)))
        )


def _totals(counters: Mapping[str, Mapping[str, int]]) -> Counter[str]:
    """Every source's counters added up."""
    totals: Counter[str] = Counter()
    for counts in counters.values():
        totals.update(counts)
    return totals


def worker_summary(reason: str, totals: Mapping[str, int]) -> str:
    """The worker's closing line: new and updated articles archived, as `pressmon crawl` says."""
    updated = totals.get("updated", 0)
    return (
        f"Xong ({WORKER_STOPS[reason]}): lưu {output.number(totals.get('stored', 0))} bài"
        + (f", cập nhật {output.number(updated)} bài" if updated else "")
        + f", worker này trích xuất {output.number(totals.get('extracted', 0))} bài"
    )


@command()
@sources_file_option
@click.option(
    "--source",
    "source_ids",
    multiple=True,
    metavar="ID",
    help="Chỉ đưa nguồn này vào hàng đợi; lặp lại để chọn nhiều nguồn.",
)
@click.option(
    "--prefix",
    default="pressmon",
    show_default=True,
    metavar="TIỀN_TỐ",
    help="Tiền tố khoá Redis (mỗi tiền tố một hàng đợi chung riêng).",
)
@click.pass_obj
def enqueue(app, source_ids: tuple[str, ...], prefix: str) -> None:
    """Đưa feed, sitemap và trang danh sách của các nguồn vào hàng đợi chung (một lượt thu
    thập)."""
    from crawlers.distributed.keys import RedisKeys
    from crawlers.distributed.seeding import enqueue_sources, new_cycle
    from pressmon.wiring import crawl_state_from

    settings = app.settings
    chosen = chosen_sources(settings, source_ids)
    import redis

    server = _redis(settings)
    state = crawl_state_from(settings)
    try:
        report = enqueue_sources(server, RedisKeys(prefix), chosen, state, new_cycle())
    except redis.RedisError as err:  # after the first check: gone, full (maxmemory), read-only
        raise PressmonError(
            f"Redis không nhận thêm yêu cầu ({err})",
            hint="xem Redis (còn chạy? đầy bộ nhớ: maxmemory?) rồi chạy lại 'pressmon enqueue':"
            " các yêu cầu đã vào hàng đợi không bị đưa lại lần hai",
        ) from err
    finally:
        state.close()
        server.close()
    rows = [
        (source, report.queued.get(source, 0), report.waiting.get(source, 0))
        for source in sorted({*report.queued, *report.waiting})
    ]
    click.echo(output.table(["nguồn", "yêu cầu đưa vào hàng đợi", "vẫn chờ từ lượt trước"], rows))
    waiting = sum(report.waiting.values())
    click.echo(
        f"Chu kỳ {report.cycle}: đưa {output.number(sum(report.queued.values()))} yêu cầu "
        f"tìm bài vào hàng đợi"
        + (
            f" ({output.number(waiting)} yêu cầu của lượt trước vẫn chờ, không đưa lại)"
            if waiting
            else ""
        )
        + f"; hàng đợi chung có {output.number(report.queue_length)}"
    )


COMMANDS = (worker, enqueue)
