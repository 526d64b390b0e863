"""Serving the app with uvicorn: in the command's own process, or in N worker processes.

uvicorn starts each worker from an import string, so `pressmon serve --workers N` hands its
settings down through the environment (SETTINGS_ENV: the resolved Settings as JSON, global
options and overrides applied) and every worker builds its app from them with
`app_from_environment`, over an archive connection of its own. Sessions are signed with
PRESSMON_SESSION_SECRET, which all workers must share (`serving.check_serve` refuses several
workers without one); review actions are serialised across them by the archive's write lock
(`Archive.writing`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from fastapi import FastAPI

from pressmon.log_format import UVICORN_LOG_CONFIG
from pressmon.settings import SERVE_SETTINGS_ENV, Settings
from pressmon.web.app import create_app
from pressmon.wiring import archive_from

FACTORY = "pressmon.web.workers:app_from_environment"


def worker_app(settings: Settings, *, clock: Callable[[], datetime] | None = None) -> FastAPI:
    """The app one worker process serves, over its own archive (closed when the app stops)."""
    return create_app(settings, archive=archive_from(settings), clock=clock, owns_archive=True)


def app_from_environment() -> FastAPI:
    """uvicorn's factory for the workers of `pressmon serve --workers N`."""
    return worker_app(Settings.model_validate_json(os.environ[SERVE_SETTINGS_ENV]))


@contextmanager
def handed_down(settings: Settings) -> Iterator[None]:
    """`settings` in the environment the worker processes start with, for as long as they run."""
    previous = os.environ.get(SERVE_SETTINGS_ENV)
    os.environ[SERVE_SETTINGS_ENV] = settings.model_dump_json()
    try:
        yield
    finally:
        if previous is None:
            del os.environ[SERVE_SETTINGS_ENV]
        else:
            os.environ[SERVE_SETTINGS_ENV] = previous


def serve(app: FastAPI | str, *, host: str, port: int, workers: int = 1) -> None:
    """Serve until Ctrl-C: `app` in this process, or the factory `app` names (an import string,
    e.g. FACTORY) in `workers` processes."""
    import uvicorn

    uvicorn.run(
        app,
        factory=isinstance(app, str),
        host=host,
        port=port,
        workers=workers if isinstance(app, str) else None,
        log_level="warning",
        log_config=UVICORN_LOG_CONFIG,  # Vietnamese level names, in every worker process
        # Forwarded headers are read by the app, from web.trusted_proxies only
        # (pressmon.web.client_address); uvicorn would otherwise believe them from loopback.
        proxy_headers=False,
        forwarded_allow_ips="",
    )
