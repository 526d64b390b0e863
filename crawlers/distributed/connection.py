"""Redis clients that ride out a short Redis restart instead of failing the crawl."""

from __future__ import annotations

from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

# Up to ~1 min of retries (0.25, 0.5, 1, 2, 2, ... s): long enough for a Redis restart with AOF
# replay of a large frontier to finish, short enough that a Redis that stays down fails loudly.
RETRIES = 32


def redis_params() -> dict[str, Any]:
    """Client options for scrapy-redis (REDIS_PARAMS) and for our own connections."""
    return {
        "socket_timeout": 30,
        "socket_connect_timeout": 5,
        "health_check_interval": 30,
        "retry": Retry(ExponentialBackoff(cap=2, base=0.25), RETRIES),
        # OSError: redis-py retries a refused connect only if the socket error itself is listed
        "retry_on_error": [
            redis.ConnectionError,
            redis.TimeoutError,
            redis.BusyLoadingError,
            OSError,
        ],
    }


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, **redis_params())


def redis_from_settings(settings: Any) -> redis.Redis:
    """A client for the Scrapy settings' REDIS_URL (the one scrapy-redis also uses)."""
    return connect(settings["REDIS_URL"])
