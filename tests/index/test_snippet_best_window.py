"""A snippet shows the passage that holds the query best, not its first lone word."""

from __future__ import annotations

from index.query_parser import parse_query
from index.snippets import SNIPPET_CHARS, make_snippet

# Long enough that two passages never fit in one window.
FILLER = " ".join(["đoạn văn không liên quan"] * (SNIPPET_CHARS // 10))


def test_words_typed_together_beat_a_lone_word_in_a_name() -> None:
    text = f"Ông Phạm Lương Sơn phát biểu. {FILLER} Từ tháng 7, lương hưu được điều chỉnh."
    snippet = make_snippet(text, parse_query("lương hưu"))
    assert "<mark>lương hưu</mark> được điều chỉnh" in snippet
    assert "Sơn" not in snippet


def test_the_window_with_more_query_words_wins() -> None:
    text = f"Tin về thai sản. {FILLER} Chế độ thai sản của lao động nữ được chi trả đúng hạn."
    snippet = make_snippet(text, parse_query("chế độ thai sản"))
    assert snippet.startswith("…")
    assert "<mark>Chế độ thai sản</mark> của lao động nữ" in snippet


def test_words_side_by_side_in_the_order_typed_beat_words_apart() -> None:
    apart = "Hưu trí và lương cơ sở."
    text = f"{FILLER} {apart} {FILLER} Mức lương hưu thấp nhất. {FILLER}"
    snippet = make_snippet(text, parse_query("lương hưu"))
    assert "<mark>lương hưu</mark> thấp nhất" in snippet
    assert "trí" not in snippet


def test_equal_passages_give_the_earliest() -> None:
    text = f"Khoản lương hưu thứ nhất. {FILLER} Khoản lương hưu thứ hai."
    snippet = make_snippet(text, parse_query("lương hưu"))
    assert snippet.startswith("Khoản <mark>lương hưu</mark> thứ nhất")


def test_a_single_word_still_opens_at_its_first_match() -> None:
    text = f"Chi trả lương đúng hạn. {FILLER} Tăng lương từ tháng 7."
    assert make_snippet(text, parse_query("lương")).startswith("Chi trả <mark>lương</mark>")


def test_a_word_typed_bare_counts_in_its_accented_forms() -> None:
    text = f"Về thai. {FILLER} Nghỉ thai sản sáu tháng."
    assert "<mark>thai sản</mark> sáu tháng" in make_snippet(text, parse_query("thai san"))


def test_a_passage_repeating_the_query_shows_no_more_than_one_holding_it_once() -> None:
    text = f"Mức lương hưu mới. {FILLER} Lương hưu tăng, lương hưu chi trả qua thẻ."
    snippet = make_snippet(text, parse_query("lương hưu"))
    assert snippet.startswith("Mức <mark>lương hưu</mark> mới.")
