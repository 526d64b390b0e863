"""What the tests of stories across runs and hosts share: a post, its outlets, a flagger that
leaves scores out of the way, and the settings of one process storing copies."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from classifier.flagger import Thresholds
from classifier.types import ArticleText, Assessment
from pressmon.settings import Settings
from pressmon.state_db import open_state_db

REPO = Path(__file__).resolve().parents[1]
SOURCES = """
- {id: baomau, name: Báo Mẫu, kind: provincial, province: Hà Nội, domain: baomau.vn}
- {id: diendan, name: Diễn đàn Mẫu, kind: other, domain: diendan.vn}
"""
POST = " ".join(
    f"Đoạn {i}: người tự xưng cán bộ bảo hiểm xã hội gọi điện, gửi đường link tải ứng dụng "
    f"VssID giả để cập nhật tài khoản, yêu cầu chụp khuôn mặt tại xã {i}."
    for i in range(6)
)
TITLE = "Hướng dẫn cập nhật VssID để không bị khóa tài khoản"


class LowFlagger:
    """A flagger scoring everything low: the stories, not the scores, are under test."""

    thresholds = Thresholds()

    def assess_many(self, texts: Sequence[ArticleText]) -> list[Assessment]:
        return [Assessment(0.01, "low", None, None, "neutral", (), "test") for _ in texts]


def story_settings(tmp_path: Path, name: str = "archive", redis_url: str | None = None) -> Settings:
    """A process's settings in `tmp_path`: its archive and state file named after `name`, the
    two outlets above, and with `redis_url` the stories shared through that Redis."""
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    shutil.copy(REPO / "config" / "provinces.yaml", tmp_path / "provinces.yaml")
    values: dict[str, object] = {
        "sources_file": str(tmp_path / "sources.yaml"),
        "provinces_file": str(tmp_path / "provinces.yaml"),
        "archive": {
            "path": str(tmp_path / f"{name}.sqlite3"),
            "state_path": str(tmp_path / f"{name}-state.sqlite3"),
        },
    }
    if redis_url is not None:
        values["crawl"] = {"redis_url": redis_url}
    settings = Settings.model_validate(values)
    open_state_db(settings.archive.state_path).close()
    return settings
