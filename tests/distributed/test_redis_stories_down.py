"""`pressmon ingest` (and a crawl starting) with the stories' Redis down said so only after the
client's minute of retries (33 connection attempts). It is said after one attempt now, before
anything is written. Real redis-server, stopped; the attempts are counted on a loopback socket
that drops every connection (no timing: the count is what the fix changed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawlers.urls import article_id, canonicalize_url
from index import open_archive
from pressmon import wiring
from pressmon.cli import main
from tests.distributed.conftest import CrawlEnv, DroppingServer, RedisServer, write_sources
from tests.story_copies import POST, TITLE, LowFlagger


def _id(url: str) -> str:
    return article_id(canonicalize_url(url), ())


def _ingest(data_dir: Path, url: str, redis_url: str) -> Result:
    file = data_dir.parent / "bai.jsonl"
    record = {"title": TITLE, "text": POST, "url": url, "published_at": "2026-08-03T14:34"}
    file.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    arguments = ["--data-dir", str(data_dir), "ingest", "--quiet", str(file)]
    return CliRunner().invoke(main, arguments, env={"PRESSMON_REDIS_URL": redis_url})


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wiring, "flagger_from", lambda settings: LowFlagger())
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)


def test_an_ingest_with_redis_down_fails_within_seconds_and_writes_nothing(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    data = tmp_path / "data"
    stored = _ingest(data, "https://baomau.vn/vssid.html", redis_server.url)
    assert stored.exit_code == 0, stored.output
    redis_server.shutdown()
    refused = _ingest(data, "https://diendan.vn/bai-54.html", redis_server.url)
    assert refused.exit_code == 1
    assert (
        "không kết nối được Redis để đọc, ghi nội dung chung: bị từ chối kết nối" in refused.stderr
    )
    assert "khởi động Redis hoặc sửa PRESSMON_REDIS_URL" in refused.stderr
    with open_archive("sqlite", path=data / "pressmon.db") as archive:
        assert archive.get(_id("https://baomau.vn/vssid.html")) is not None
        assert archive.get(_id("https://diendan.vn/bai-54.html")) is None


def test_an_ingest_tries_an_unanswering_redis_once(
    tmp_path: Path, dropping_server: DroppingServer
) -> None:
    refused = _ingest(tmp_path / "data", "https://baomau.vn/vssid.html", dropping_server.url)
    assert refused.exit_code == 1
    assert "nội dung chung" in refused.stderr
    assert dropping_server.accepted == 1  # the client's retries made it 33, over a minute


def test_a_first_ingest_with_redis_down_leaves_no_archive(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    redis_server.shutdown()
    data = tmp_path / "data"
    refused = _ingest(data, "https://baomau.vn/vssid.html", redis_server.url)
    assert refused.exit_code == 1
    assert "nội dung chung" in refused.stderr
    assert not list(data.glob("pressmon.db*"))


def test_a_crawl_with_redis_down_says_why_within_seconds(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """Scrapy logged the error, after the minute, under a traceback, and the crawl said only that
    it did not start, pointing at the sources file."""
    redis_server.shutdown()
    source = {"id": "baomau", "name": "Báo Mẫu", "kind": "other", "domain": "127.0.0.1"}
    sources = write_sources(tmp_path / "sources.yaml", [source])
    env = CrawlEnv(tmp_path, sources, redis_server.url)
    process = env.start("crawl", "crawl", "--quiet")
    assert process.wait(timeout=300) == 1  # a bound against a hang, not a speed check
    log = env.log("crawl")
    assert "Lỗi: không kết nối được Redis để đọc, ghi nội dung chung: bị từ chối kết nối" in log
    assert "Traceback" not in log
    assert not (tmp_path / "crawl.db").exists()
