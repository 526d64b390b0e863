"""An item opened from a queue view (filtered, grouped, on page 3) leads back to that view: the
queue's links carry it (`?quay_lai=`), the item page's back link, forms and parts keep it, and a
return address that is not this site's queue is never followed (no open redirect, no script)."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest

from pressmon.web.queue_return import MAX_RETURN, queue_return, queue_view, return_param

VIEW = "/hang-doi?gop=1&muc=urgent&trang=3"


def _back(page: str) -> str:
    found = re.search(r'<p class="crumbs no-print"><a href="([^"]*)">← Hàng đợi xác minh</a>', page)
    assert found, page
    return html.unescape(found.group(1))


def act(client, token: str, **form: str):
    return client.post(
        "/bai/doc003/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


@pytest.mark.parametrize(
    "address", ["/hang-doi", "/hang-doi?", VIEW, "/hang-doi?tinh=Ngh%E1%BB%87+An"]
)
def test_a_queue_view_is_taken(address: str) -> None:
    assert queue_return(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "",
        "//evil.example/hang-doi",
        "/hang-doi//evil.example",
        "https://evil.example/hang-doi",
        "javascript:alert(1)//hang-doi",
        "/hang-doi\\evil.example",
        "/hang-doi?x=1\r\nSet-Cookie: a=b",
        "/hang-doi?x=\x00",
        '/hang-doi?x="><script>alert(1)</script>',
        "/hang-doi-khac",
        "/bai/doc003",
        "/hang-doi#x",
        "/hang-doi?x=" + "a" * MAX_RETURN,
    ],
)
def test_anything_else_is_not(address: str) -> None:
    assert queue_return(address) is None
    assert return_param(address) == ""


def test_a_queue_view_keeps_its_page_past_the_first() -> None:
    assert queue_view({"muc": "urgent", "gop": "1"}, 3) == VIEW
    assert queue_view({}, 1) == "/hang-doi"
    assert return_param("/hang-doi") == ""  # the back link's default needs no parameter


def test_the_queues_item_links_carry_its_view(as_reviewer) -> None:
    client, _ = as_reviewer
    filtered = client.get("/hang-doi?muc=urgent&gop=1").text
    wanted = "/bai/doc003?quay_lai=" + quote("/hang-doi?gop=1&muc=urgent", safe="")
    assert f'href="{html.escape(wanted)}"' in filtered
    assert 'href="/bai/doc003"' in client.get("/hang-doi").text  # the plain queue: none


def test_the_item_page_leads_back_to_the_view_and_keeps_it(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/bai/doc003", params={"quay_lai": VIEW}).text
    assert _back(page) == VIEW
    assert page.count(f'name="quay_lai" value="{html.escape(VIEW)}"') >= 2  # each form keeps it
    assert _back(client.get("/bai/doc003").text) == "/hang-doi"  # the canonical page still works


@pytest.mark.parametrize(
    "address", ["//evil.example/x", "javascript:alert(1)", "/hang-doi\\@evil.example"]
)
def test_a_foreign_return_address_leads_to_the_plain_queue(as_reviewer, address: str) -> None:
    client, token = as_reviewer
    page = client.get("/bai/doc003", params={"quay_lai": address}).text
    assert _back(page) == "/hang-doi" and "evil" not in page and "javascript:alert" not in page
    done = act(client, token, action="note", note="Đã xem", quay_lai=address, next=address)
    assert done.headers["location"] == "/bai/doc003#nhat-ky"


def test_after_acting_the_item_page_still_leads_back_to_the_view(as_reviewer) -> None:
    client, token = as_reviewer
    done = act(client, token, action="status", status="in_progress", quay_lai=VIEW)
    assert done.status_code == 303
    assert done.headers["location"] == (
        "/bai/doc003?da_luu=in_progress&quay_lai=" + quote(VIEW, safe="") + "#nhat-ky"
    )
    assert _back(client.get(done.headers["location"]).text) == VIEW
    refused = act(client, token, action="status", status="false", quay_lai=VIEW)  # needs a note
    assert refused.status_code == 422 and _back(refused.text) == VIEW


def test_the_items_copies_keep_the_view_too(as_reviewer, archive) -> None:
    from tests.web.conftest import flagged

    archive.upsert(
        [flagged(n, "urgent", 0.8, story_id="s-copies", title=f"Bản {n}") for n in (40, 41)]
    )
    client, _ = as_reviewer
    page = client.get("/bai/doc040", params={"quay_lai": VIEW}).text
    wanted = "/bai/doc041?quay_lai=" + quote(VIEW, safe="")
    assert f'href="{html.escape(wanted)}"' in page
