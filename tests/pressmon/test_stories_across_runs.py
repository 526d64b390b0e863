"""Copies of one post stored by two runs sharing the state database are one story: on the demo a
crawl and an ingest ran side by side, each clusterer read the (still empty) stories once at start,
and the crawled post and its copies ingested months later became two stories: two groups in the
queue, and an alert for one not known as an alert for a copy of the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.state import CrawlState
from crawlers.urls import article_id, canonicalize_url
from index import open_archive
from pressmon import wiring
from pressmon.ingest import ingest_parsed, parse_lines
from pressmon.settings import Settings
from tests.story_copies import POST, TITLE, LowFlagger, story_settings


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setattr(wiring, "flagger_from", lambda settings: LowFlagger())
    return story_settings(tmp_path)


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
        ingest_parsed(
            parse_lines([original], settings.tz), settings, first, archive, state, notifier
        )
        second = second or wiring.processor_from(settings, state)
        copy = _line("https://diendan.vn/bai-54.html", f"Chia sẻ lại: {POST}", "2026-08-03T14:34")
        ingest_parsed(parse_lines([copy], settings.tz), settings, second, archive, state, notifier)
        ids = [_id("https://baomau.vn/vssid.html"), _id("https://diendan.vn/bai-54.html")]
        stories = {d.id: d.story_id for d in archive.get_many(ids)}
    state.close()
    assert stories == {ids[0]: ids[0], ids[1]: ids[0]}  # the copy in the first one's story
