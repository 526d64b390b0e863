"""The date fields of every page: typed dd/mm/yyyy on a phone, read by the server as typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

# Every page with a date filter (the admin may open them all).
PAGES = ["/hang-doi", "/tim-kiem?q=lương hưu", "/bao-phu", "/bao-cao", "/nhat-ky"]
# Shapes the server reads, and shapes it does not (it then says the date was ignored).
READ = ["20/05/2026", "1/5/2026", "2026-05-20", " 20/05/2026 "]
NOT_READ = ["20-05-2026", "20.05.2026", "20052026", "2026/05/20", "20/05/26", "hôm qua"]


class _DateInputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name") in ("tu", "den"):
            self.inputs[str(found["name"])] = found


def _date_inputs(html: str) -> dict[str, dict[str, str | None]]:
    parser = _DateInputs()
    parser.feed(html)
    return parser.inputs


@pytest.mark.parametrize("path", PAGES)
def test_date_fields_use_a_keyboard_with_the_slash(as_admin, path: str) -> None:
    """A phone's numeric keypad (inputmode=numeric) has no "/": dd/mm/yyyy could not be typed."""
    client, _ = as_admin
    inputs = _date_inputs(client.get(path).text)
    assert set(inputs) == {"tu", "den"}
    for field in inputs.values():
        assert field["inputmode"] == "text" and field["placeholder"] == "dd/mm/yyyy"
        assert field["pattern"]


@pytest.mark.parametrize("path", PAGES)
def test_the_fields_pattern_accepts_what_the_server_reads(as_admin, path: str) -> None:
    """The browser refuses a shape the pattern rejects; the server must read exactly the others
    (a date that does not exist, 31/02, has a readable shape: the server says it is ignored)."""
    client, _ = as_admin
    pattern = _date_inputs(client.get(path).text)["tu"]["pattern"]
    assert pattern
    for typed in READ + NOT_READ:
        page = client.get(path, params={"tu": typed})
        assert page.status_code == 200, typed
        server_reads = "Ngày không hợp lệ" not in page.text
        # An HTML pattern must match the whole value.
        assert bool(re.fullmatch(pattern, typed)) == server_reads == (typed in READ), typed


@pytest.mark.parametrize("path", ["/canh-bao", "/nguoi-dung", "/doi-mat-khau"])
def test_a_page_without_a_date_filter_says_nothing_of_dates_in_its_address(
    as_admin, path: str
) -> None:
    """The notice comes from the page's own reading of tu/den: a page that never reads them
    (a link carrying another page's filters) has ignored nothing it should mention."""
    client, _ = as_admin
    assert client.get(path).status_code == 200
    page = client.get(path, params={"tu": "hôm qua", "den": "31/02/2026"})
    assert page.status_code == 200
    assert "Ngày không hợp lệ" not in page.text


@pytest.mark.parametrize("path", PAGES)
def test_a_page_names_each_date_it_ignored(as_admin, path: str) -> None:
    client, _ = as_admin
    page = client.get(path, params={"tu": "20/05/2026", "den": "31/02/2026"})
    assert "Ngày không hợp lệ (Đến ngày), đã bỏ qua." in page.text
    page = client.get(path, params={"tu": "hôm qua", "den": "31/02/2026"})
    assert "Ngày không hợp lệ (Từ ngày, Đến ngày), đã bỏ qua." in page.text
