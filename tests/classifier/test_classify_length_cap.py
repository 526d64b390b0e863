"""`pressmon classify --json` on a huge line: all of it went to the word segmenter (a 50 MB
line takes minutes and gigabytes). Only as much as `ingest` stores is scored now
(pressmon.sanitize.MAX_BODY_CHARS, MAX_TITLE_CHARS), and the output says so; text within the
cap is scored exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressmon.cli import model_cmds
from pressmon.cli.model_cmds import parse_classify_line
from pressmon.outlets import OutletResolver
from pressmon.sanitize import MAX_BODY_CHARS, MAX_MARKUP_CHARS, MAX_TITLE_CHARS, pasted_text
from tests.classifier.classify_run import classify

SMS = "B.H.X.H thong bao: tai_khoan cua ban bi kh0a, c4p nhat ngay tai bhxh-vn[.]top de nh4n"
FILLER = " Bảo hiểm xã hội tỉnh chi trả lương hưu đúng hạn cho người dân trong tháng."


def test_the_cap_is_what_ingest_stores() -> None:
    assert model_cmds.CLASSIFY_LIMITS == {"title": MAX_TITLE_CHARS, "text": MAX_BODY_CHARS}


def test_a_text_over_the_cap_is_scored_on_its_start_only() -> None:
    text = SMS + FILLER * (MAX_BODY_CHARS // len(FILLER) + 10)
    title = "BHXH " * 300
    line = json.dumps({"title": title, "text": text}, ensure_ascii=False)
    read = parse_classify_line(line, OutletResolver(()))
    assert read.article.text == text[:MAX_BODY_CHARS]
    assert read.article.title == title[:MAX_TITLE_CHARS]
    assert read.notes == (
        "tiêu đề dài 1.500 ký tự, chỉ chấm 1.000 ký tự đầu",
        f"văn bản dài {len(text):_} ký tự, chỉ chấm 200.000 ký tự đầu".replace("_", "."),
    )


def test_text_within_the_cap_is_whole() -> None:
    text = "x" * MAX_BODY_CHARS
    line = json.dumps({"text": text})
    read = parse_classify_line(line, OutletResolver(()))
    assert read.article.text == text and read.notes == ()


def test_markup_larger_than_a_page_is_cut_before_it_is_parsed() -> None:
    markup = "<p>" + "a" * MAX_MARKUP_CHARS + "</p>"
    pasted = pasted_text(markup, limit=MAX_BODY_CHARS)
    assert pasted.html and pasted.length == len(markup)
    assert pasted.text == "a" * MAX_BODY_CHARS


def test_the_output_says_the_text_was_cut_and_scores_the_cut_text(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(model_cmds.CLASSIFY_LIMITS, "text", len(SMS))  # the real cap is slow
    result, (whole, cut, markup) = classify(
        model_file,
        tmp_path,
        [{"text": SMS}, {"text": SMS + FILLER * 3}, {"text": f"<p>{SMS}</p><p>{FILLER}</p>"}],
    )
    assert result.exit_code == 0, result.output
    assert whole["truncated"] is False and cut["truncated"] is True
    assert markup["truncated"] is True and markup["html"] is True
    for row in (cut, markup):
        assert {k: v for k, v in row.items() if k not in ("line", "truncated", "html")} == {
            k: v for k, v in whole.items() if k not in ("line", "truncated", "html")
        }
    limit = len(SMS)
    assert result.stderr.splitlines() == [
        f"Lưu ý: dòng 2: văn bản dài {len(SMS + FILLER * 3)} ký tự, chỉ chấm {limit} ký tự đầu",
        f"Lưu ý: dòng 3: văn bản HTML dài {len(SMS) + len(FILLER) + 14} ký tự, "
        f"chỉ chấm {limit} ký tự chữ đầu",
    ]
