"""A hit's title with the query's matches marked (`mark_title`, a pure function)."""

from __future__ import annotations

import pytest

from index.query_parser import parse_query
from index.snippets import mark_title
from index.synonyms import Synonyms

BHYT = Synonyms.from_forms([["BHYT", "bảo hiểm y tế"]])


@pytest.mark.parametrize(
    ("title", "query", "folded", "expected"),
    [
        pytest.param(
            "Cảnh báo tin giả về lương hưu",
            "giả",
            False,
            "Cảnh báo tin <mark>giả</mark> về lương hưu",
            id="word",
        ),
        pytest.param(
            "Chi trả lương, trả lương hưu: chi trả lương hưu đúng hạn",
            '"chi trả lương hưu"',
            False,
            "Chi trả lương, trả lương hưu: <mark>chi trả lương hưu</mark> đúng hạn",
            id="phrase-where-its-words-stand-together",
        ),
        pytest.param(
            "Học sinh được cấp thẻ bảo hiểm y tế, không phải bảo hiểm xe",
            "BHYT",
            False,
            "Học sinh được cấp thẻ <mark>bảo hiểm y tế</mark>, không phải bảo hiểm xe",
            id="synonym-form",
        ),
        pytest.param(
            "Thong bao ve bao hiem xa hoi, cạnh tranh và hoàn cảnh",
            "bao hiem cảnh",
            True,
            "Thong <mark>bao</mark> ve <mark>bao hiem</mark> xa hoi, "
            "cạnh tranh và hoàn <mark>cảnh</mark>",
            id="folded-hit-marks-folded-forms-of-bare-words-only",
        ),
        pytest.param(
            "Thong bao ve bao hiem",
            "bảo hiểm",
            False,
            "Thong bao ve bao hiem",
            id="exact-hit-marks-no-folded-form",
        ),
        pytest.param(
            '<script>alert("giả")</script> tin giả & "BHXH"',
            "giả",
            False,
            "&lt;script&gt;alert(&quot;<mark>giả</mark>&quot;)&lt;/script&gt; tin "
            "<mark>giả</mark> &amp; &quot;BHXH&quot;",
            id="hostile-title-stays-escaped",
        ),
        pytest.param(
            "<b>Lương hưu</b> tháng 3 & 4",
            "BHYT",
            False,
            "&lt;b&gt;Lương hưu&lt;/b&gt; tháng 3 &amp; 4",
            id="no-match-escaped-unmarked",
        ),
    ],
)
def test_mark_title(title: str, query: str, folded: bool, expected: str) -> None:
    assert mark_title(title, parse_query(query, BHYT), folded=folded) == expected


def test_a_long_title_is_marked_whole() -> None:
    # A snippet is a window; a title is never cut, however far in its match stands.
    title = "Người hưởng nhận tiền " * 20 + "BHYT"
    marked = mark_title(title, parse_query("BHYT"))
    assert marked == title.removesuffix("BHYT") + "<mark>BHYT</mark>"
