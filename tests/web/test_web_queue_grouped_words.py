"""The queue grouped by story (?gop=1) reads well: "1 nội dung" for one story, "N nội dung khác
nhau" for more; and when a story is counted under several status tabs (its copies decided
differently), a line under the tabs says so, for the tabs adding up to more than "Tất cả"."""

from __future__ import annotations

import re

import pytest

from pressmon.review.queue import QueuePage
from tests.web.conftest import act, flagged, sign_in

STORY = "s-luong-huu-tang"
OVERLAP = "Một nội dung có bản ở nhiều trạng thái được tính ở mỗi trạng thái đó."


@pytest.fixture
def story(archive):
    archive.upsert(
        [
            flagged(
                n,
                "urgent",
                0.8,
                story_id=STORY,
                title=f"Lương hưu tăng gấp đôi từ tháng sau, bản {n}",
                url=f"https://nhom.vn/luong-huu-{n}",
                canonical_url=f"https://nhom.vn/luong-huu-{n}",
            )
            for n in (50, 51)
        ]
    )
    return archive


def _summary(page: str) -> str:
    found = re.search(r'<p class="muted">(\d[^<]*?nội dung[^<]*)</p>', page)
    assert found, page
    return found.group(1)


def test_one_story_reads_one_noi_dung(client, story) -> None:
    sign_in(client, "an")
    one = client.get("/hang-doi", params={"gop": "1", "cau_chuyen": STORY}).text
    assert _summary(one).startswith("1 nội dung: ")
    many = client.get("/hang-doi", params={"gop": "1"}).text
    assert re.match(r"\d+ nội dung khác nhau: ", _summary(many))


def test_a_story_counted_in_two_tabs_is_explained_under_them(client, story) -> None:
    token = sign_in(client, "an")
    assert OVERLAP not in client.get("/hang-doi", params={"gop": "1"}).text
    act(client, token, "doc051", {"action": "status", "status": "in_progress", "seen": "0"})
    grouped = client.get("/hang-doi", params={"gop": "1"}).text
    assert OVERLAP in grouped
    assert OVERLAP not in client.get("/hang-doi").text  # an item is counted once: no overlap


def test_counted_in_several_compares_the_tabs_with_all() -> None:
    def queue(counts: dict[str, int], total: int) -> QueuePage:
        return QueuePage((), total, 1, 50, counts, False, total)

    assert queue({"unstarted": 2, "in_progress": 1}, 2).counted_in_several
    assert not queue({"unstarted": 1, "in_progress": 1}, 2).counted_in_several
    assert not queue({}, 0).counted_in_several
