"""Each *Nhận xử lý* button on the queue names its item to a screen reader: fifty buttons all
read out as "Nhận xử lý" left a keyboard or screen-reader user unable to tell which item a
button takes. The visible text stays as it is, first in the name (WCAG "label in name")."""

from __future__ import annotations

import html
import re


def test_every_take_button_names_its_item(as_reviewer) -> None:
    client, _token = as_reviewer
    page = client.get("/hang-doi").text
    rows = re.findall(r'<tr[^>]*id="bai-[^"]*".*?</tr>', page, re.S)
    buttons = 0
    for row in rows:
        button = re.search(r"<button[^>]*>Nhận xử lý</button>", row)
        if button is None:
            continue
        buttons += 1
        linked = re.search(r'<td class="title"><a [^>]*>(.*?)</a>', row, re.S)
        assert linked is not None
        title = html.unescape(linked[1].strip())
        label = re.search(r'aria-label="([^"]*)"', button[0])
        assert label is not None, button[0]
        assert html.unescape(label[1]) == f"Nhận xử lý bài «{title}»"
    assert buttons >= 2
    assert "<script>alert(1)</script>" not in page  # the hostile title's, escaped in the name too
