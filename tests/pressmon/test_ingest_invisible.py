"""Invisible characters hidden inside words (scam posts use them to slip past filters) leave the
text where it enters the archive, so the stored text, search and the flagger read one word."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from index.types import Query
from pressmon.cli import main
from pressmon.sanitize import clean_text

HIDDEN = "Nhận tiền bả\u200bo hiể\u00adm xã hội một lần, lừ\u2060a đảo qua Zalo"


def test_an_ingested_article_with_hidden_characters_is_found_by_its_words(
    model_file: Path, tmp_path: Path
) -> None:
    archive, lines = tmp_path / "a.sqlite3", tmp_path / "a.jsonl"
    line = {
        "title": "Cảnh báo: BHXH không nhắn tin đề nghị rút bả\u200bo hiểm",
        "text": f"{HIDDEN}. Bảo hiểm xã hội tỉnh đề nghị người dân cảnh giác.",
        "url": "https://baothu.vn/canh-bao.html",
        "published_at": "2026-03-07T08:00:00+07:00",
    }
    lines.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["--archive", str(archive), "ingest", str(lines)],
        env={"PRESSMON_MODEL": str(model_file)},
    )
    assert result.exit_code == 0, result.output
    assert "ký tự vô hình" in result.output  # said, never done silently
    with open_archive("sqlite", path=archive, timezone="Asia/Ho_Chi_Minh") as opened:
        for text in ("bảo hiểm", "lừa đảo", '"rút bảo hiểm"'):
            (hit,) = opened.search(Query(text=text)).hits
            assert "\u200b" not in hit.document.body + hit.document.title
            assert "bảo hiểm xã hội một lần" in hit.document.body


def test_cleaning_drops_invisible_characters_and_says_how_many() -> None:
    cleaned = clean_text(HIDDEN, field="body")
    assert cleaned.text == "Nhận tiền bảo hiểm xã hội một lần, lừa đảo qua Zalo"
    assert cleaned.notes == ("body: bỏ 3 ký tự vô hình",)
    assert clean_text(cleaned.text).notes == ()  # idempotent
