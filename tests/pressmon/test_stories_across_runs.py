"""Copies of one post stored by two runs sharing the state database are one story: on the demo a
crawl and an ingest ran side by side, each clusterer read the (still empty) stories once at start,
and the crawled post and its copies ingested months later became two stories: two groups in the
queue, and an alert for one not known as an alert for a copy of the other."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from classifier.flagger import Thresholds
from classifier.types import ArticleText, Assessment
from crawlers.state import CrawlState
from crawlers.urls import article_id, canonicalize_url
from index import open_archive
from pressmon import wiring
from pressmon.ingest import ingest_jsonl
from pressmon.settings import Settings
from pressmon.state_db import open_state_db

REPO = Path(__file__).resolve().parents[2]
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


class _Low:
    """A flagger scoring everything low: the stories, not the scores, are under test."""

    thresholds = Thresholds()

    def assess_many(self, texts: Sequence[ArticleText]) -> list[Assessment]:
        return [Assessment(0.01, "low", None, None, "neutral", (), "test") for _ in texts]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    shutil.copy(REPO / "config" / "provinces.yaml", tmp_path / "provinces.yaml")
    monkeypatch.setattr(wiring, "flagger_from", lambda settings: _Low())
    settings = Settings.model_validate(
        {
            "sources_file": str(tmp_path / "sources.yaml"),
            "provinces_file": str(tmp_path / "provinces.yaml"),
            "archive": {
                "path": str(tmp_path / "archive.sqlite3"),
                "state_path": str(tmp_path / "state.sqlite3"),
            },
        }
    )
    open_state_db(settings.archive.state_path).close()
    return settings


def _id(url: str) -> str:
    return article_id(canonicalize_url(url), ())


def _line(url: str, text: str, published_at: str) -> str:
    record = {"title": TITLE, "text": text, "url": url, "published_at": published_at}
    return json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize("second_starts", ["beside the first", "after the first"])
def test_a_copy_stored_by_another_run_joins_the_first_story(settings, second_starts) -> None:
    state = CrawlState(settings.archive.state_path)
    first = wiring.processor_from(settings, state)
    second = wiring.processor_from(settings, state) if second_starts == "beside the first" else None
    with open_archive("sqlite", path=settings.archive.path) as archive:
        original = _line("https://baomau.vn/vssid.html", POST, "2026-05-20T19:04:00+07:00")
        notifier = wiring.notifier_from(settings)
        ingest_jsonl([original], settings, first, archive, state, notifier)
        second = second or wiring.processor_from(settings, state)
        copy = _line("https://diendan.vn/bai-54.html", f"Chia sẻ lại: {POST}", "2026-08-03T14:34")
        ingest_jsonl([copy], settings, second, archive, state, notifier)
        ids = [_id("https://baomau.vn/vssid.html"), _id("https://diendan.vn/bai-54.html")]
        stories = {d.id: d.story_id for d in archive.get_many(ids)}
    state.close()
    assert stories == {ids[0]: ids[0], ids[1]: ids[0]}  # the copy in the first one's story
