"""A lone surrogate (JSON "\\ud800") in an ingest line's title or text is replaced by U+FFFD and
the line noted, as README promises, not the whole article refused ("phải là chuỗi Unicode hợp
lệ") for one broken character."""

from __future__ import annotations

import json
from datetime import UTC

from pressmon.ingest import parse_lines

LINE = {
    "title": "BHXH chi trả lương hưu \ud800 tháng 12",
    "url": "https://baonghean.vn/a.html",
    "published_at": "2026-12-01T08:00:00+07:00",
}


def test_a_lone_surrogate_in_title_or_text_is_replaced_and_noted() -> None:
    lines = [
        json.dumps(LINE | {"text": "Bảo hiểm xã hội chi trả lương hưu."}),
        json.dumps(LINE | {"title": "Chi trả lương hưu", "body": "Bảo \udfff\ud800 hiểm"}),
    ]
    parsed = parse_lines([line.encode() for line in lines], UTC)  # type: ignore[arg-type]
    assert parsed.rejected == ()
    assert [line.title for line in parsed.lines] == [
        "BHXH chi trả lương hưu \ufffd tháng 12",
        "Chi trả lương hưu",
    ]
    assert parsed.lines[1].text == "Bảo \ufffd\ufffd hiểm"
    assert parsed.cleaned == (
        "dòng 1: title: thay 1 ký tự không hợp lệ",
        "dòng 2: body: thay 2 ký tự không hợp lệ",
    )


def test_a_lone_surrogate_in_an_address_or_a_name_refuses_that_line_alone() -> None:
    """It used to pass, and the URL's canonical form then ended the whole ingest in
    UnicodeEncodeError's traceback."""
    good = LINE | {"title": "Chi trả lương hưu", "text": "Bảo hiểm xã hội chi trả."}
    lines = [
        json.dumps(good | {"url": "https://baonghean.vn/\ud800"}),
        json.dumps(good | {"canonical_url": "https://baonghean.vn/\udc00"}),
        json.dumps(good | {"outlet": "Báo \ud800"}),
        json.dumps(good | {"province": "Nghệ \ud800"}),
        json.dumps(good),
    ]
    parsed = parse_lines([line.encode() for line in lines], UTC)  # type: ignore[arg-type]
    broken = "có ký tự không hợp lệ (nửa cặp UTF-16, như \\ud800 trong JSON)"
    assert parsed.rejected == (
        f"dòng 1: trường 'url': {broken}",
        f"dòng 2: trường 'canonical_url': {broken}",
        f"dòng 3: trường 'outlet': {broken}",
        f"dòng 4: trường 'province': {broken}",
    )
    assert [line.url for line in parsed.lines] == ["https://baonghean.vn/a.html"]
