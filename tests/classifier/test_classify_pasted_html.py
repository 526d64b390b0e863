"""`pressmon classify --json` on pasted HTML: a post or an article's source copied with its
markup used to be scored with its tags and entities read as words ("<b>", "&nbsp;", scripts),
and the matched text in `reasons` could show them. Markup is now read as its text; text that
merely holds a "<" ("a < b", "<So TK>" in real SMS) is scored exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.extract.document import markup_text
from pressmon.sanitize import looks_like_html, pasted_text
from tests.classifier.classify_run import classify

SMS_TEXT = (
    "B.H.X.H thong bao: tai_khoan cua ban bi kh0a, c4p nhat ngay tai bhxh-vn[.]top de nh4n tien"
)
SMS_HTML = (
    '<div class="post"><p>B.H.X.H <b>thong bao</b>:&nbsp;tai_khoan cua ban bi kh0a,'
    ' c4p nhat ngay tai <a href="#">bhxh-vn[.]top</a> de nh4n tien</p>'
    "<script>var thong_bao = 'bhxh';</script><style>p { color: red }</style></div>"
)
PRESS_TEXT = "Cơ quan BHXH cảnh báo giả danh “BHXH” gọi điện.\n\nKhông cung cấp mã OTP."
PRESS_HTML = (
    "<!DOCTYPE html><html><head><title>Tin</title></head><body>"
    "<p>Cơ quan BHXH <strong>cảnh báo</strong> giả danh &ldquo;BHXH&rdquo; gọi điện.</p>"
    "<!-- quảng cáo --><p>Không cung cấp mã&nbsp;OTP.</p></body></html>"
)


@pytest.mark.parametrize(("plain", "markup"), [(SMS_TEXT, SMS_HTML), (PRESS_TEXT, PRESS_HTML)])
def test_markup_is_scored_as_its_text(
    model_file: Path, tmp_path: Path, plain: str, markup: str
) -> None:
    result, (as_text, as_html) = classify(model_file, tmp_path, [{"text": plain}, {"text": markup}])
    assert result.exit_code == 0
    assert as_html.pop("html") is True and as_text.pop("html") is False
    as_html.pop("line"), as_text.pop("line")
    assert as_html == as_text  # same risk, tier, category and reasons, to the matched text
    shown = json.dumps(as_html["reasons"], ensure_ascii=False)
    assert "<" not in shown and "&nbsp;" not in shown and "\xa0" not in shown


def test_title_markup_is_read_too(model_file: Path, tmp_path: Path) -> None:
    _, (plain, markup) = classify(
        model_file,
        tmp_path,
        [
            {"title": "BHXH cảnh báo lừa đảo", "text": PRESS_TEXT},
            {"title": "BHXH <em>cảnh báo</em> lừa đảo</em>", "text": PRESS_TEXT},
        ],
    )
    assert markup.pop("html") is True and plain.pop("html") is False
    assert markup["risk"] == plain["risk"] and markup["reasons"] == plain["reasons"]


@pytest.mark.parametrize(
    "text",
    [
        "Chuyen tien vao <So TK> truoc 17h",  # real SMS write placeholders in angle brackets
        "Soan <ma SMS> gui 9029, truy cap <fr3e.win/z1r5Dd>",
        "Lãi suất a < b nhưng phí > 5%",
        "Chọn <a> hoặc <b> rồi gửi",
        "Bảo hiểm &quot;ưu đãi&quot; không có thẻ HTML",  # entities alone are not markup
    ],
)
def test_text_with_angle_brackets_is_not_markup(
    model_file: Path, tmp_path: Path, text: str
) -> None:
    assert not looks_like_html(text)
    assert pasted_text(text).text == text
    _, [row] = classify(model_file, tmp_path, [{"text": text}])
    assert row["html"] is False


def test_markup_without_text_is_refused_and_others_scored(model_file: Path, tmp_path: Path) -> None:
    result, (empty, scored, blank) = classify(
        model_file,
        tmp_path,
        [{"text": "<p>&nbsp;</p><script>x()</script>"}, {"text": SMS_HTML}, {"text": "  "}],
    )
    assert result.exit_code == 1
    assert empty == {
        "line": 1,
        "error": "trường 'text': không còn chữ nào sau khi bỏ thẻ HTML "
        "(cần ít nhất 'text'; tùy chọn: title, url, outlet, kind, published_at)",
    }
    assert scored["line"] == 2 and scored["html"] is True
    assert blank["line"] == 3 and "risk" in blank  # plain blank text is scored, as before


def test_markup_text_keeps_paragraphs_and_disguise() -> None:
    markup = (
        "<div>Dòng một<br>dòng hai<p>Đoạn &amp; hai</p>đuôi</div>"
        "<ul><li>mục 1</li><li>mục\u00a0 2</li></ul><noscript>bật JS</noscript>"
        "<p>bả\u200bo hiểm</p>"
    )
    assert markup_text(markup) == (
        "Dòng một\ndòng hai\n\nĐoạn & hai\n\nđuôi\n\nmục 1\n\nmục 2\n\nbả\u200bo hiểm"
    )
    assert markup_text("<p>") == "" and markup_text("") == ""


def test_pasted_markup_is_nfc_as_plain_text_is() -> None:
    decomposed = "ba\u0309o hie\u0302\u0309m"  # NFD "bảo hiểm", as macOS copies it
    assert pasted_text(f"<p>{decomposed}</p>").text == "bảo hiểm"
    assert pasted_text(decomposed).text == "bảo hiểm"
