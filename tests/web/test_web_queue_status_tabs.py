"""The queue's status tabs link to clean query strings: the other filters kept, the status
replaced, the page number dropped — never `?&trang_thai=…` with a stray `&`."""

from __future__ import annotations

import html
import re

from pressmon.web.routes.queue import status_tab_links


def _tab_links(page: str) -> list[str]:
    tabs = page.split('<ul class="status-counts">', 1)[1].split("</ul>", 1)[0]
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', tabs)]


def test_the_tabs_of_an_unfiltered_queue_hold_no_stray_ampersand(as_reviewer) -> None:
    client, _ = as_reviewer
    links = _tab_links(client.get("/hang-doi").text)
    assert links[0] == "?"
    assert links[1:] and all(re.fullmatch(r"\?trang_thai=[a-z_]+", link) for link in links[1:])


def test_a_tab_keeps_the_other_filters_and_replaces_the_status(as_reviewer) -> None:
    client, _ = as_reviewer
    links = _tab_links(client.get("/hang-doi?muc=high&trang_thai=unstarted&trang=2").text)
    assert links[0] == "?muc=high"
    assert "?muc=high&trang_thai=in_progress" in links


def test_status_tab_links_encode_each_value() -> None:
    tabs = status_tab_links({"tim": "a&b", "trang": "3", "trang_thai": "x"}, ("unstarted",))
    assert tabs == {"": "tim=a%26b", "unstarted": "tim=a%26b&trang_thai=unstarted"}
