"""A worker's Scrapy settings keep every single-machine downloader middleware (the strict
robots.txt one and the 429/503 backoff among them) beside the global politeness middleware."""

from __future__ import annotations

from pathlib import Path

from crawlers.distributed.settings import WorkerOptions, distributed_settings
from crawlers.settings import scrapy_settings


def test_a_worker_keeps_the_strict_robots_middleware_beside_politeness(tmp_path: Path) -> None:
    single = scrapy_settings(
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
    )
    middlewares = distributed_settings(single, WorkerOptions("redis://127.0.0.1:1"))[
        "DOWNLOADER_MIDDLEWARES"
    ]
    assert middlewares == {
        "crawlers.host_challenges.ChallengedHostMiddleware": 50,  # hosts that challenge all
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "crawlers.robots.StrictRobotsTxtMiddleware": 100,
        "crawlers.backoff.BackoffMiddleware": 560,  # each worker slows down on 429/503
        "crawlers.distributed.politeness.GlobalPolitenessMiddleware": 950,
    }
