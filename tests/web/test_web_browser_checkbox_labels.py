"""A checkbox sits on the line of the words it ticks, at their left, as the queue's "Gộp bài cùng
nội dung" does: not alone on a line above them."""

from __future__ import annotations

import pytest

from tests.web.conftest import story_copy
from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)
from tests.web.test_web_browser_layout import _sign_in

# The checkbox's box and the box of the first line of its label's words.
_BOXES = """label => {
  const box = label.querySelector('input[type=checkbox]').getBoundingClientRect();
  const words = [...label.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const range = document.createRange();
  range.setStart(words, words.textContent.search(/\\S/));
  range.setEnd(words, words.textContent.search(/\\S/) + 1);
  const first = range.getBoundingClientRect();
  return {box: [box.left, box.top, box.right, box.bottom],
          words: [first.left, first.top, first.right, first.bottom]};
}"""


@pytest.mark.parametrize("width", [1366, 390])
def test_the_copies_checkbox_is_beside_its_words(page, server, archive, width) -> None:  # noqa: F811
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41, 42)])
    _sign_in(page, server)
    page.set_viewport_size({"width": width, "height": 844})
    for path, label in (
        ("/bai/doc040", "label:has(input[name=copies])"),
        ("/hang-doi", "label:has(input[name=gop])"),
    ):
        page.goto(server + path)
        found = page.locator(label).evaluate(_BOXES)
        left, top, right, bottom = found["box"]
        words_left, words_top, _, words_bottom = found["words"]
        middle = (top + bottom) / 2
        assert words_top <= middle <= words_bottom, f"{path}: checkbox {found}"
        assert right <= words_left, f"{path}: checkbox {found}"


@pytest.mark.parametrize("width", [1366, 390])
def test_the_report_confirmation_is_beside_its_words(page, server, width) -> None:  # noqa: F811
    _sign_in(page, server)
    token = page.locator("input[name=csrf_token]").first.input_value()
    concluded = {"csrf_token": token, "action": "status", "status": "false", "note": "Giả mạo"}
    assert page.request.post(server + "/bai/doc003/xu-ly", form=concluded).ok
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(server + "/bai/doc003")
    found = page.locator("label:has(input[name=report_confirmed])").evaluate(_BOXES)
    left, top, right, bottom = found["box"]
    words_left, words_top, _, words_bottom = found["words"]
    assert words_top <= (top + bottom) / 2 <= words_bottom, found
    assert right <= words_left, found
