"""`pressmon worker` / `pressmon enqueue`: one-line errors without Redis; seeding the frontier."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.cli.distributed_cmds import worker_summary
from tests.distributed.conftest import CrawlEnv, RedisServer, _free_port, write_sources

COMMANDS = ["worker", "enqueue"]


def _sources(tmp_path: Path) -> Path:
    return write_sources(
        tmp_path / "sources.yaml",
        [
            {
                "id": "bao_thu",
                "name": "Báo Thử",
                "kind": "national",
                "domain": "127.0.0.1",
                "feeds": ["http://127.0.0.1:9/rss/xa-hoi.rss"],
                "sitemaps": ["http://127.0.0.1:9/sitemap.xml"],
                "listings": [{"url": "http://127.0.0.1:9/xa-hoi", "next_page": "a.next"}],
            },
            {
                "id": "bao_tinh",
                "name": "Báo Tỉnh Thử",
                "kind": "provincial",
                "province": "Cần Thơ",
                "domain": "127.0.0.1",
                "feeds": ["http://127.0.0.1:9/tinh/rss.xml"],
            },
        ],
    )


def _env(tmp_path: Path, redis_url: str | None) -> dict[str, str]:
    env = {
        "PRESSMON_SOURCES": str(_sources(tmp_path)),
        "PRESSMON_ARCHIVE": str(tmp_path / "a.db"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.db"),
        "PRESSMON_REDIS_URL": redis_url or "",
    }
    return {k: v for k, v in env.items() if v}


@pytest.mark.parametrize("command", COMMANDS)
def test_without_redis_url_the_command_fails_with_one_line_and_a_hint(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSMON_REDIS_URL", raising=False)
    result = CliRunner().invoke(main, [command], env=_env(tmp_path, None))
    assert result.exit_code == 1
    assert "chưa đặt PRESSMON_REDIS_URL" in result.output
    assert "gợi ý:" in result.output and "pressmon crawl" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_unreachable_redis_fails_with_one_line(command: str, tmp_path: Path) -> None:
    url = f"redis://:s3cret@127.0.0.1:{_free_port()}/0"  # nothing listens there
    result = CliRunner().invoke(main, [command], env=_env(tmp_path, url))
    assert result.exit_code == 1
    assert "không kết nối được Redis" in result.output
    assert "s3cret" not in result.output  # passwords stay out of messages
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "url",
    [
        "redis://:s3cret@[::1/0",  # unclosed IPv6 bracket: urlsplit itself raises
        "127.0.0.1:6379",  # no scheme
        "redis://:s3cret@127.0.0.1:abc/0",
        "redis://:s3cret@127.0.0.1:6379/pressmon",  # redis-py would use database 0
    ],
)
def test_a_malformed_redis_url_fails_with_one_line_naming_the_setting(
    command: str, url: str, tmp_path: Path
) -> None:
    result = CliRunner().invoke(main, [command], env=_env(tmp_path, url))
    assert result.exit_code == 1, result.output
    assert "PRESSMON_REDIS_URL không hợp lệ" in result.output
    assert "redis://:MẬT_KHẨU@HOST:6379/0" in result.output  # the hint shows the form
    assert "s3cret" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("login", ["", ":wrong-pw@"])
def test_a_redis_refusing_the_password_says_so(
    login: str, tmp_path: Path, redis_server_with_password: RedisServer
) -> None:
    url = f"redis://{login}127.0.0.1:{redis_server_with_password.port}/0"
    result = CliRunner().invoke(main, ["enqueue"], env=_env(tmp_path, url))
    assert result.exit_code == 1, result.output
    assert "từ chối đăng nhập (thiếu hoặc sai mật khẩu)" in result.output
    assert "khởi động Redis" not in result.output  # it is running: starting it is no advice
    assert "wrong-pw" not in result.output


def test_enqueue_with_the_redis_password_in_the_url(
    tmp_path: Path, redis_server_with_password: RedisServer
) -> None:
    result = CliRunner().invoke(
        main, ["enqueue"], env=_env(tmp_path, redis_server_with_password.url)
    )
    assert result.exit_code == 0, result.output
    assert redis_server_with_password.client().zcard("pressmon:requests") == 4


def test_enqueue_seeds_feeds_sitemaps_and_listings_once_per_cycle(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    env = _env(tmp_path, redis_server.url)
    first = CliRunner().invoke(main, ["enqueue"], env=env)
    assert first.exit_code == 0, first.output
    assert "đưa 4 yêu cầu tìm bài vào hàng đợi" in first.output
    assert redis_server.client().zcard("pressmon:requests") == 4
    only = CliRunner().invoke(
        main, ["enqueue", "--source", "bao_tinh", "--prefix", "other"], env=env
    )
    assert only.exit_code == 0, only.output
    assert redis_server.client().zcard("other:requests") == 1
    unknown = CliRunner().invoke(main, ["enqueue", "--source", "khong_co"], env=env)
    assert unknown.exit_code == 1 and "không có nguồn" in unknown.output


def test_enqueue_twice_queues_no_second_copy_of_a_waiting_seed(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """Run twice, or every 2 h while the workers are behind: each feed is read once, not once
    per enqueue in a row; a seed a worker took is queued again by the next enqueue."""
    env = _env(tmp_path, redis_server.url)
    client = redis_server.client()
    assert CliRunner().invoke(main, ["enqueue"], env=env).exit_code == 0
    again = CliRunner().invoke(main, ["enqueue"], env=env)
    assert again.exit_code == 0, again.output
    assert client.zcard("pressmon:requests") == 4
    assert "đưa 0 yêu cầu tìm bài vào hàng đợi (4 yêu cầu của lượt trước vẫn chờ" in again.output
    client.zpopmin("pressmon:requests")  # a worker took one seed
    after = CliRunner().invoke(main, ["enqueue"], env=env)
    assert "đưa 1 yêu cầu tìm bài vào hàng đợi (3 yêu cầu" in after.output
    assert client.zcard("pressmon:requests") == 4


def test_enqueue_into_a_full_redis_fails_with_one_line_and_runs_again_cleanly(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """maxmemory with noeviction, as deploy/README.md advises: writes are refused."""
    env = _env(tmp_path, redis_server.url)
    client = redis_server.client()
    client.config_set("maxmemory", 1)
    full = CliRunner().invoke(main, ["enqueue"], env=env)
    assert full.exit_code == 1, full.output
    assert "Redis không nhận thêm yêu cầu" in full.output and "maxmemory" in full.output
    assert "Traceback" not in full.output
    client.config_set("maxmemory", 0)
    assert CliRunner().invoke(main, ["enqueue"], env=env).exit_code == 0
    assert client.zcard("pressmon:requests") == 4


def test_enqueued_requests_decode_to_the_spider_callbacks(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    from scrapy_redis import picklecompat

    CliRunner().invoke(
        main, ["enqueue", "--source", "bao_thu"], env=_env(tmp_path, redis_server.url)
    )
    callbacks = sorted(
        (picklecompat.loads(data)["callback"], picklecompat.loads(data)["cb_kwargs"]["source_id"])
        for data in redis_server.client().zrange("pressmon:requests", 0, -1)
    )
    assert callbacks == [
        ("parse_feed", "bao_thu"),
        ("parse_listing", "bao_thu"),
        ("parse_sitemap", "bao_thu"),
    ]


def test_a_worker_reports_unreachable_sites_without_tracebacks(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """As `pressmon crawl` does: the failures are counted per source, each one an INFO line;
    at WARNING nothing of them shows, nor scrapy-redis's deprecation warnings. After the summary,
    the crawl's table says which source failed and how, over every burst (the first idle ends
    one)."""
    env = CrawlEnv(tmp_path, _sources(tmp_path), redis_server.url)  # every site refuses
    env.run("enqueue", "enqueue")
    log = env.run("worker", "worker", "--max-idle", "1", archive="enqueue")
    assert "Xong (hết việc)" in log
    assert "Traceback" not in log
    assert "ERROR" not in log
    assert "DeprecationWarning" not in log
    header, _rule, *rows = [
        re.split(r" {2,}", line) for line in log[log.index("Xong (hết việc)") :].splitlines()[1:]
    ]
    assert header[:3] == ["nguồn", "trang tải được", "bài mới"] and header[-1] == "lỗi"
    assert sorted((row[0], row[1]) for row in rows) == [("Báo Thử", "0"), ("Báo Tỉnh Thử", "0")]
    for row in rows:
        assert re.fullmatch(r"bị từ chối kết nối: \d+", row[-1]), row


def test_a_worker_table_leaves_out_the_sources_it_was_not_handed(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """Only one source's pages were queued: the other source is no failure of this worker."""
    env = CrawlEnv(tmp_path, _sources(tmp_path), redis_server.url)
    env.run("enqueue", "enqueue", "--source", "bao_tinh")
    log = env.run("worker", "worker", "--max-idle", "1", archive="enqueue")
    table = log[log.index("Xong (hết việc)") :].splitlines()[3:]
    assert [re.split(r" {2,}", line)[0] for line in table if line.strip()] == ["Báo Tỉnh Thử"]


def test_the_worker_summary_counts_updated_articles_as_the_crawl_does() -> None:
    totals = {"stored": 3, "updated": 2, "unchanged": 4, "extracted": 9}
    assert worker_summary("idle", totals) == (
        "Xong (hết việc): lưu 3 bài, cập nhật 2 bài, worker này trích xuất 9 bài"
    )
    assert worker_summary("shutdown", {"stored": 1}) == (
        "Xong (được yêu cầu dừng): lưu 1 bài, worker này trích xuất 0 bài"
    )
