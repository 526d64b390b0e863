"""A worker's Scrapy settings keep every single-machine downloader middleware (the strict
robots.txt one and the 429/503 backoff among them) beside the global politeness middleware."""

from __future__ import annotations

from pathlib import Path

from crawlers.distributed.settings import WorkerOptions, distributed_settings
from crawlers.settings import scrapy_settings


def _single(tmp_path: Path) -> dict:
    return scrapy_settings(
        state_path=tmp_path / "state.db",
        user_agent="pressmon-test",
        obey_robots=True,
        autothrottle=False,
        download_delay=1.0,
        concurrency_per_domain=2,
        max_page_bytes=1_000_000,
        download_timeout=10.0,
        http_cache=False,
        job_dir=None,
        refetch_per_source=100,
        state_timeout=30.0,
    )


def test_a_worker_keeps_the_strict_robots_middleware_beside_politeness(tmp_path: Path) -> None:
    middlewares = distributed_settings(_single(tmp_path), WorkerOptions("redis://127.0.0.1:1"))[
        "DOWNLOADER_MIDDLEWARES"
    ]
    assert middlewares == {
        "crawlers.host_challenges.ChallengedHostMiddleware": 50,  # hosts that challenge all
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "crawlers.robots.StrictRobotsTxtMiddleware": 100,
        "crawlers.backoff.BackoffMiddleware": 560,  # each worker slows down on 429/503
        "crawlers.sites.SiteConcurrencyMiddleware": 940,  # and keeps to its site's limit
        "crawlers.distributed.politeness.GlobalPolitenessMiddleware": 950,
    }


def test_a_worker_opens_no_console_that_runs_code(tmp_path: Path) -> None:
    """Neither Scrapy's telnet console nor its remote control (an HTTP port on loopback that
    runs Python sent to it, on by default in the Scrapy installed)."""
    settings = distributed_settings(_single(tmp_path), WorkerOptions("redis://127.0.0.1:1"))
    assert settings["TELNETCONSOLE_ENABLED"] is False
    assert settings["REMOTE_CONTROL_ENABLED"] is False
