from __future__ import annotations

import pytest

from classifier.categories import CATEGORIES, category_scores, pick_category

# Article 11 clause each category concerns (Luật Tiếp cận thông tin 104/2016/QH13); a new category
# without a row here fails the completeness test.
EXPECTED_CLAUSES = {
    "C1": ("khoản 3", "làm giả thông tin"),
    "C2": ("khoản 1", "làm giả thông tin"),
    "C3": ("khoản 3", "làm giả thông tin"),
    "C4": ("khoản 3", "thiệt hại về tài sản"),
    "C5": ("khoản 1", "thông tin sai lệch"),
    "C6": ("khoản 3", "làm giả thông tin"),
    "C7": ("khoản 1", "thông tin sai lệch"),
    "C8": None,
}


def test_every_category_has_an_expected_clause() -> None:
    assert set(CATEGORIES) == set(EXPECTED_CLAUSES)


@pytest.mark.parametrize("code", sorted(EXPECTED_CLAUSES))
def test_clause_quotes_the_statute(code: str) -> None:
    clause, expected = CATEGORIES[code].article11_clause, EXPECTED_CLAUSES[code]
    if expected is None:
        assert clause is None  # disputed forecasts need context, not a prohibited-act pointer
    else:
        assert clause is not None and all(part in clause for part in expected)
        assert "Điều 11" in clause


def test_cues_pick_a_category_and_known_claims_win() -> None:
    text = "nhận làm hồ sơ rút bhxh một lần, phí hồ sơ 500 nghìn, cọc trước"
    assert category_scores(text)["C4"] >= 3
    assert pick_category(text, []) == "C4"
    assert pick_category(text, ["C5"]) == "C5"
    assert pick_category("chi trả lương hưu tháng 7", []) is None
