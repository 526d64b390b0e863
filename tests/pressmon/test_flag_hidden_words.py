"""Words hidden with invisible characters: the archive stores and searches them without, while the
flagger judges the post as it came, where the hiding itself is evidence of disguise."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from classifier.examples import load_shipped
from classifier.flagger import Flagger, uncertainty
from classifier.relevance import RelevanceModel
from classifier.types import ArticleText, Assessment
from crawlers.items import ExtractedArticle
from crawlers.sources import Source
from index import open_archive
from index.types import Document, Query
from pressmon.cli import main
from pressmon.processing import ArticleProcessor, with_assessment
from pressmon.settings import load_settings
from pressmon.wiring import flagger_from
from vntext.normalize import INVISIBLE, without_invisible
from vntext.provinces import Gazetteer
from vntext.stories import StoryClusterer

Z = "\u200b"
TITLE = f"Bả{Z}o hiể{Z}m xã hộ{Z}i hỗ trợ tiề{Z}n mặt"
BODY = (
    f"Bả{Z}o hiể{Z}m xã hộ{Z}i thông báo: ngườ{Z}i lao độ{Z}ng đủ điề{Z}u kiện nhậ{Z}n tiề{Z}n "
    "hỗ trợ 3 triệu. Kết bạn Zalo 0912 345 678 để được hướng dẫn nhận tiền."
)
CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="module")
def flagger(model_file: Path) -> Flagger:
    return flagger_from(load_settings(environ={**os.environ, "PRESSMON_MODEL": str(model_file)}))


def _as_read(document: Document, title: str, text: str) -> ArticleText:
    return ArticleText(
        title=title,
        text=text,
        url=document.url,
        outlet=document.outlet_name,
        outlet_kind=document.kind,
        published_at=document.published_at,
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_an_ingested_post_hiding_words_is_flagged_as_it_came_and_found_as_read(
    model_file: Path, flagger: Flagger, tmp_path: Path
) -> None:
    archive, lines = tmp_path / "a.sqlite3", tmp_path / "a.jsonl"
    line = {
        "title": TITLE,
        "text": BODY,
        "url": "https://facebook.com/groups/hotro/posts/1",
        "outlet": "Nhóm Facebook hỗ trợ",
        "kind": "other",
        "published_at": "2026-03-07T08:00:00+07:00",
    }
    lines.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["--archive", str(archive), "ingest", str(lines)],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert result.exit_code == 0, result.output
    with open_archive("sqlite", path=archive, timezone="Asia/Ho_Chi_Minh") as opened:
        (hit,) = opened.search(Query(text='"người lao động đủ điều kiện nhận tiền"')).hits
    document = hit.document
    assert document.title == without_invisible(TITLE) and document.body == without_invisible(BODY)

    as_came = flagger.assess(_as_read(document, TITLE, BODY))
    assert "disguise" in {r.detail.get("family") for r in as_came.reasons}
    assert (document.risk, document.tier) == (as_came.risk, as_came.tier)
    reasons = cast(list[dict[str, Any]], document.flag_details["reasons"])
    assert "disguise" in {r["detail"].get("family") for r in reasons}
    # What reviewers read has no invisible characters, and the quotes are found in the stored text.
    assert all(INVISIBLE.isdisjoint(s) for s in _strings(reasons))
    for reason in reasons:
        if reason["kind"] == "sentence":
            assert reason["text"].removesuffix("…") in document.body


def test_reasons_quote_and_locate_the_text_as_shown(flagger: Flagger) -> None:
    shown = flagger.assess(
        ArticleText(title=without_invisible(TITLE), text=without_invisible(BODY))
    )
    as_came = flagger.assess(ArticleText(title=TITLE, text=BODY))

    def cues(assessment: Assessment) -> list[dict[str, Any]]:
        return [
            r.detail
            for r in assessment.reasons
            if r.kind == "scam-cue" and r.detail["family"] != "disguise"
        ]

    # Same excerpts at the same offsets: the offsets count no invisible character.
    assert cues(as_came) == cues(shown) != []
    (disguise,) = [r for r in as_came.reasons if r.detail.get("family") == "disguise"]
    assert "ký tự vô hình" in disguise.text  # the quote alone ("Bảo") would not show why


def test_texts_without_invisible_characters_are_flagged_as_before(flagger: Flagger) -> None:
    processor = ArticleProcessor(
        relevance=RelevanceModel.from_yaml(CONFIG / "topics.yaml"),
        gazetteer=Gazetteer.load(CONFIG / "provinces.yaml"),
        flagger=flagger,
        clusterer=StoryClusterer(),
    )
    source = Source(id="bao_demo", name="Báo Demo", kind="national", domain="baodemo.vn")
    prepared = []
    examples = [e for e in load_shipped() if e.title.strip() and e.text.strip()]
    for n, example in enumerate(examples[::97]):
        article = ExtractedArticle(
            url=f"https://baodemo.vn/bai-{n}.html",
            canonical_url=f"https://baodemo.vn/bai-{n}.html",
            title=example.title,
            body=example.text,
            published_at=datetime(2025, 7, 1, tzinfo=UTC),
            date_source="meta",
        )
        if INVISIBLE.isdisjoint(article.title + article.body):
            ready = processor.prepare(article, source, datetime(2025, 7, 2, tzinfo=UTC))
            prepared += [ready] if ready is not None else []
    assert len(prepared) >= 5
    documents = [p.document for p in prepared]
    # The flagger read the stored Document before; without invisible characters nothing differs.
    before = [
        with_assessment(d, a, uncertainty(a.risk, flagger.thresholds))
        for d, a in zip(
            documents,
            flagger.assess_many([_as_read(d, d.title, d.body) for d in documents]),
            strict=True,
        )
    ]
    assert processor.flag(prepared) == before


def test_rescore_keeps_a_post_flagged_for_hiding_words(model_file: Path, tmp_path: Path) -> None:
    """The archive keeps the text without its invisible characters: scoring that again would drop
    the disguise evidence (and could take the post out of the queue), so rescore leaves it."""
    archive, lines = tmp_path / "a.sqlite3", tmp_path / "a.jsonl"
    line = {
        "title": TITLE,
        "text": BODY,
        "url": "https://facebook.com/groups/hotro/posts/2",
        "outlet": "Nhóm Facebook hỗ trợ",
        "kind": "other",
        "published_at": "2026-03-07T08:00:00+07:00",
    }
    lines.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    env = {"PRESSMON_MODEL": str(model_file)}
    assert CliRunner().invoke(main, ["--archive", str(archive), "ingest", str(lines)], env=env)
    with open_archive("sqlite", path=archive, timezone="Asia/Ho_Chi_Minh") as opened:
        [before] = list(opened.iter_documents(10))
    result = CliRunner().invoke(main, ["--archive", str(archive), "rescore", "--force"], env=env)
    assert result.exit_code == 0, result.output
    assert "giữ nguyên 1 bài có chữ bị giấu bằng ký tự vô hình" in result.output
    with open_archive("sqlite", path=archive, timezone="Asia/Ho_Chi_Minh") as opened:
        [after] = list(opened.iter_documents(10))
    assert after == before
