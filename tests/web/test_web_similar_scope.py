"""A province's item page shows the similar decided items of its own province, even when items
of other provinces rank before them: the five places were taken before the province's scope
was applied, and a province saw "Chưa có bài tương tự nào đã được kết luận" while its own
decided item was there."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from index.types import ReviewEvent
from tests.web.conftest import flagged, sign_in

PASSWORD = "matkhau-nghe-an-7"
AT = datetime(2026, 5, 4, 3, tzinfo=UTC)
TITLE = "Giấy mời nhận tiền hỗ trợ đóng BHYT"
NGHE_AN = {"province": "Nghệ An", "provinces": ("Nghệ An",)}
HA_NOI = {"province": "Hà Nội", "provinces": ("Hà Nội",)}


@pytest.fixture
def decided(archive, accounts):
    newer = [
        flagged(60 + n, "urgent", 0.9, title=TITLE, published_at=AT - timedelta(days=n), **HA_NOI)
        for n in range(6)
    ]
    own = flagged(70, "urgent", 0.9, title=TITLE, published_at=AT - timedelta(days=40), **NGHE_AN)
    item = flagged(71, "urgent", 0.9, title=TITLE, published_at=AT, **NGHE_AN)
    archive.upsert([*newer, own, item])
    for document in [*newer, own]:
        archive.record_review(ReviewEvent(document.id, "binh", AT, "unstarted", "false"))
    accounts.add("nghean", PASSWORD, "reviewer", "Hồ Thị Nga", province="Nghệ An")
    return archive


def _similar_links(page: str) -> list[str]:
    found = re.search(r'<ul class="similar">(.*?)</ul>', page, re.S)
    return re.findall(r'href="/bai/([^"]+)"', found.group(1)) if found else []


def test_a_province_sees_its_own_similar_decided_item(client, decided) -> None:
    sign_in(client, "nghean", PASSWORD)
    assert _similar_links(client.get("/bai/doc071").text) == ["doc070"]


def test_the_center_sees_the_most_similar_of_all_provinces(client, decided) -> None:
    sign_in(client, "an")
    page = client.get("/bai/doc071").text
    assert _similar_links(page) == ["doc060", "doc061", "doc062", "doc063", "doc064"]


def test_copies_of_one_story_take_one_place_saying_how_many_more(client, decided) -> None:
    # doc060–doc063 are copies of one reposted post: the places show distinct contents.
    decided.upsert([replace(decided.get(f"doc06{n}"), story_id="s-giay-moi") for n in range(4)])
    sign_in(client, "an")
    page = client.get("/bai/doc071").text
    assert _similar_links(page) == ["doc060", "doc064", "doc065", "doc070"]
    lines = re.findall(
        r"<li>(.*?)</li>", page.split('<ul class="similar">', 1)[1].split("</ul>")[0]
    )
    assert "· và 3 bản cùng nội dung</span>" in lines[0]
    assert "bản cùng nội dung" not in "".join(lines[1:])
