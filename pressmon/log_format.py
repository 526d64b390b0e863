"""Log lines as operators read them on stderr: the level in Vietnamese, then the logger's name.

Every process pressmon starts logs through this: the CLI's root handler (Scrapy, the libraries
and pressmon's own loggers) and uvicorn's loggers in each web worker process.
"""

from __future__ import annotations

import logging
from typing import Any

LEVEL_LABELS = {
    logging.DEBUG: "Gỡ lỗi",
    logging.INFO: "Thông tin",
    logging.WARNING: "Cảnh báo",
    logging.ERROR: "Lỗi",
    logging.CRITICAL: "Nghiêm trọng",
}


class VietnameseLevels(logging.Formatter):
    """`Cảnh báo (sources): …` where the standard format says `WARNING sources: …`."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        level = LEVEL_LABELS.get(record.levelno, record.levelname)
        return f"{level} ({record.name}): {record.message}"


def log_to_stderr(level: int) -> None:
    """The root handler every logger of a command writes through, from `level` up."""
    handler = logging.StreamHandler()
    handler.setFormatter(VietnameseLevels())
    logging.basicConfig(level=level, handlers=[handler])


# uvicorn configures its loggers itself, in every worker process: with this, not its English
# `ERROR:    …` lines. Its access log (INFO) stays off under the log level `serve` gives it.
UVICORN_LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"vietnamese": {"()": f"{__name__}.VietnameseLevels"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "vietnamese",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {"uvicorn": {"handlers": ["stderr"], "propagate": False}},
}
