"""Every page reachable from the dashboard by its own links and filter forms, as each role meets
it: no link the app renders answers 4xx or 5xx, no page shows a raw code or a Python value where
Vietnamese belongs, and a province's walk never shows another province's item."""

from __future__ import annotations

import html
import io
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from pressmon.wiring import notifier_from
from tests.web import test_web_assignee_lists as assignee_lists
from tests.web import test_web_provinces as provincial
from tests.web.conftest import flagged, sign_in

provinces = provincial.provinces  # the Nghệ An items and accounts
ha_noi_staff = assignee_lists.ha_noi_staff  # a Hà Nội reviewer, and an item both provinces see
BASE = "http://testserver"
NOT_WALKED = ("/dang-xuat",)  # signing out would end the walk
# Words a reader of the pages must never meet: codes and values the templates forgot to name.
RAW = re.compile(
    r"\b(None|nan|NaN|True|False|null|undefined|unstarted|in_progress|no_violation|"
    r"out_of_scope|send_back|escalate|reported_to_leadership|correction_requested|"
    r"Traceback|console|mailto)\b"  # the last two: where an alert went, as stored
)


class _Links(HTMLParser):
    """The page's links and the GET forms it offers, each form sent with its fields as shown."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self._form: list[tuple[str, str]] | None = None
        self._action = ""
        self._select: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            get = a.get("method", "get").lower() == "get"
            self._form, self._action = ([], a.get("action", "")) if get else (None, "")
        elif self._form is None or not a.get("name") and tag != "option":
            return
        elif tag == "input" and a.get("type") not in ("submit", "checkbox", "radio"):
            self._form.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = (a["name"], [])
        elif tag == "option" and self._select is not None and "selected" in a:
            self._select[1].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None and self._form is not None:
            name, chosen = self._select
            self._form.extend((name, value) for value in chosen[:1])
            self._select = None
        elif tag == "form" and self._form is not None:
            self.links.append(f"{self._action}?{urlencode(self._form)}")
            self._form = None


def _visible(page: str) -> str:
    body = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def walk(client: TestClient, limit: int = 250) -> dict[str, str]:
    """Each page reached from / (its text, or its problem when it has one), at most `limit`."""
    seen: dict[str, str] = {}
    queue = deque([("/", "")])
    while queue and len(seen) < limit:
        path, came_from = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code >= 400:
            seen[path] = f"PROBLEM {response.status_code}, linked from {came_from}"
            continue
        seen[path] = response.text
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        found = _Links()
        found.feed(response.text)
        for link in found.links:
            url = urlsplit(urljoin(BASE + path, html.unescape(link)))
            target = url.path + (f"?{url.query}" if url.query else "")
            if url.netloc == "testserver" and not target.startswith(NOT_WALKED):
                queue.append((target, path))
    return seen


def _problems(pages: dict[str, str]) -> list[str]:
    problems = [f"{path}: {text}" for path, text in pages.items() if text.startswith("PROBLEM")]
    for path, text in pages.items():
        if "<html" in text[:200].lower():
            problems.extend(f"{path}: shows {raw!r}" for raw in set(RAW.findall(_visible(text))))
    return problems


@pytest.mark.parametrize("username", ["an", "binh", "chi"])
def test_the_centers_accounts_meet_no_broken_link_or_raw_code(
    client, settings, clock, username: str
) -> None:
    notifier = notifier_from(settings, console=io.StringIO(), clock=clock)
    notifier.notify([flagged(1, "urgent", 0.93)])
    notifier.send_due()  # printed (no SMTP here): an alert row in the audit log
    sign_in(client, username)
    pages = walk(client)
    assert len(pages) > 20 and "/hang-doi" in pages
    assert _problems(pages) == []


@pytest.mark.parametrize("username", ["nghean", "nghean-lead"])
def test_a_provinces_walk_meets_no_broken_link_nor_another_provinces_item(
    client, ha_noi_staff, username: str
) -> None:
    provincial._as_province(client, username)
    pages = walk(client)
    assert f"/bai/{provincial.NGHE_AN_ITEM}" in pages
    assert f"/bai/{assignee_lists.SHARED_ITEM}" in pages
    assert _problems(pages) == []
    for path, text in pages.items():
        shown = [d for d in provincial.OUT_OF_SCOPE if d in path or d in text]
        assert shown == [], path
        # Nor another province's staff, on a list of accounts or anywhere else: the Hà Nội
        # reviewer holds no item Nghệ An sees.
        assert assignee_lists.HA_NOI_NAME not in text, path
        assert assignee_lists.HA_NOI_USER not in path + text, path
