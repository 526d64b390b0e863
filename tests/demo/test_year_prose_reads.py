"""The demo year's coverage reads right to a Vietnamese editor: no article opens with a sentence
that leans on one before it, and no rewording that no reporter would write."""

from __future__ import annotations

import re
from datetime import date

import pytest

from demo.year.generate import YearArticle, build_year
from demo.year.prose import WORDINGS

# Openings that need what came before: connectives, "the" meeting or company just named.
_LEANING = re.compile(
    r"^(?:Đây|Theo đó|Ngoài ra|Bên cạnh đó|Vì vậy|Do đó|Do vậy|Trong đó|Cũng theo|Tuy vậy|"
    r"Tuy nhiên|Nhưng|Đồng thời|Nhờ vậy|Nhờ đó|Từ đó|Kết quả|Riêng|Họ|Tại hội nghị|"
    r"Tại buổi lễ|Công ty|Nguyên nhân)(?![^\W\d_])"
)
_PRONOUNS = ("Anh", "Chị", "Ông", "Bà")
# Within the first sentence: what only refers back.
_REFERRING = re.compile(r"(?<![^\W\d_])(?:đây là|như vậy|cho biết thêm)(?![^\W\d_])", re.I)
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")

# Wordings that read wrong where their phrase stands ("thông tin" for "cho biết", "cùng" for
# "phối hợp với", "nộp" for "đóng" in "quá trình đóng", "những" for "các" in "các người"), and
# what they made.
BANNED_WORDINGS = {
    "thông tin",
    "cùng",
    "kết hợp với",
    "nhân dân",
    "người làm công",
    "viên chức",
    "chủ trương",
    "chỉ dẫn",
    "online",
    "tiếp",
    "sẽ tiếp tục",
    "vất vả",
    "soát xét",
    "nộp",
    "làm",
    "một bộ phận",
    "lợi ích",
    "trợ giúp",
    "phổ biến",
    "thấy rõ",
    "ngành BHXH",
    "thanh toán",
    "những",
}
BANNED_PHRASES = (
    "người làm công",
    "viên chức",
    "soát xét",
    "chỉ dẫn",
    "chủ trương",
    "vất vả",
    "trợ giúp",
    "lợi ích",
    "thấy rõ",
    "tiếp phối hợp",
    "sẽ tiếp tục",
    "một bộ phận quyền lợi",
    "căn cứ nộp",
    "quá trình nộp",
    "dùng lao động",
    "địa phương xã",
    "địa phương phường",
    "ở chỗ",
    "lượt nhân dân",
    "gặp nhân dân",
    "các người",
    "ngày làm gần",
    "đóng đặn",
    "tuần tới ngày",
    "Luật bảo hiểm",
    "kênh thanh toán qua mạng",
    "qua mạng trên mạng",
)


@pytest.fixture(scope="module")
def coverage() -> list[YearArticle]:
    articles = build_year(date(2026, 3, 31)).articles[:2000]
    return [a for a in articles if a.role == "coverage"]


def _opening(article: YearArticle) -> str:
    match = _FIRST_SENTENCE.match(article.text)
    return match.group(0) if match else article.text


def test_no_article_opens_leaning_on_a_sentence_before(coverage: list[YearArticle]) -> None:
    assert len(coverage) > 1500
    for article in coverage:
        first = _opening(article)
        words = first.split()
        assert not _LEANING.match(first), first
        assert not (words[0] in _PRONOUNS and words[1][0].islower()), first
        assert not _REFERRING.search(first), first
        assert not first.startswith("\u201c"), first
        assert article.text.count("\u201c") == article.text.count("\u201d"), article.text


def test_no_rewording_reads_wrong(coverage: list[YearArticle]) -> None:
    other = {w for phrase, wordings in WORDINGS.items() for w in wordings if w != phrase}
    assert not other & BANNED_WORDINGS
    for article in coverage:
        assert not [p for p in BANNED_PHRASES if p in article.text], article.text
