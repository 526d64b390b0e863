"""Redis clients that ride out a short Redis restart instead of failing the crawl."""

from __future__ import annotations

import socket
from typing import Any

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
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


def ping_once(url: str, timeout: float = 3.0) -> None:
    """One ping, no retries: a start-up check that says at once that Redis is down, where
    `connect`'s client, made to ride out a restart mid-run, would retry for a minute first.

    Raises:
        redis.RedisError: unreachable, refusing the login, or not answering within `timeout`.
    """
    client = redis.Redis.from_url(
        url, socket_connect_timeout=timeout, socket_timeout=timeout, retry=Retry(NoBackoff(), 0)
    )
    try:
        client.ping()
    finally:
        client.close()


def connection_problem(err: Exception) -> str:
    """Why the connection failed, in Vietnamese: redis-py says it in English ("Error 111
    connecting to …"), with the socket's error as the exception it was raised handling."""
    cause = err.__context__
    if isinstance(cause, ConnectionRefusedError):
        return "bị từ chối kết nối (không có Redis nào nghe ở máy và cổng này)"
    if isinstance(cause, socket.gaierror):
        return "không tìm thấy máy chủ có tên này"
    if isinstance(cause, TimeoutError) or "timeout" in type(err).__name__.lower():
        return "quá thời gian chờ"
    return "lỗi kết nối (chạy với -v để xem chi tiết)"
