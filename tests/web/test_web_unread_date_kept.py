"""A date a page could not read stays in its field as typed, beside the notice that it was
ignored, so the reviewer corrects the slip instead of typing the date again from nothing."""

from __future__ import annotations

import re

import pytest

from tests.web.test_web_date_fields import PAGES


def _field(html: str, name: str) -> str:
    found = re.search(rf'<input name="{name}" value="([^"]*)"', html)
    assert found is not None, f"no {name} field"
    return found.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_an_unread_date_is_shown_as_typed(as_admin, path: str) -> None:
    client, _ = as_admin
    page = client.get(path, params={"tu": "31/02/2026", "den": "20/05/2026"})
    assert "Ngày không hợp lệ (Từ ngày), đã bỏ qua." in page.text
    assert _field(page.text, "tu") == "31/02/2026"
    assert _field(page.text, "den") == "20/05/2026"
    hostile = client.get(path, params={"tu": '"><b>x'}).text
    assert _field(hostile, "tu") == "&#34;&gt;&lt;b&gt;x"
