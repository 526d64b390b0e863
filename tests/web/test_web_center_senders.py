"""A national item two provinces sent up: the Center sees every province that sent it (who, which
province, note, when) on the item page, the queue and the API, and sends it back to all of them.
The sendings answered before a later one are not shown again."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.web import test_web_provinces as base
from tests.web.conftest import act, flagged, sign_in

provinces = base.provinces  # the Nghệ An items and accounts
TWO_PROVINCES_ITEM = "doc032"
HA_TINH_PASSWORD = "matkhau-ha-tinh-5"
FROM_NGHE_AN = {"action": "escalate", "note": "Bài lan truyền ở Nghệ An"}
FROM_HA_TINH = {"action": "escalate", "note": "Hà Tĩnh cũng nhận <b>phản ánh</b>"}


@pytest.fixture
def two_provinces(archive, provinces):
    archive.upsert(
        [
            flagged(
                32,
                "review",
                0.64,
                outlet="baoquocgia",
                outlet_name="Báo Quốc Gia",
                kind="national",
                province=None,
                provinces=("Nghệ An", "Hà Tĩnh"),
                title="Cuộc gọi giả danh BHXH ở Nghệ An và Hà Tĩnh",
            )
        ]
    )
    provinces.add("hatinh", HA_TINH_PASSWORD, "reviewer", "Đặng Văn Tĩnh", province="Hà Tĩnh")
    return provinces


def _sent_by_both(client, clock) -> str:
    """Nghệ An sends the item at 10:00, Hà Tĩnh at 11:00; the Center signs in."""
    act(client, base._as_province(client), TWO_PROVINCES_ITEM, FROM_NGHE_AN)
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    act(client, sign_in(client, "hatinh", HA_TINH_PASSWORD), TWO_PROVINCES_ITEM, FROM_HA_TINH)
    client.cookies.clear()
    return sign_in(client, "an")


NGHE_AN_LINE = "Hồ Thị Nga (BHXH Nghệ An), 20/05/2026 10:00"
HA_TINH_LINE = "Đặng Văn Tĩnh (BHXH Hà Tĩnh), 20/05/2026 11:00"


def test_the_center_sees_every_province_that_sent_the_item(client, two_provinces, clock) -> None:
    _sent_by_both(client, clock)
    item = client.get(f"/bai/{TWO_PROVINCES_ITEM}").text
    assert f"{NGHE_AN_LINE}: Bài lan truyền ở Nghệ An" in item
    assert f"{HA_TINH_LINE}: Hà Tĩnh cũng nhận &lt;b&gt;phản ánh&lt;/b&gt;" in item
    assert "Trả lại BHXH Nghệ An, BHXH Hà Tĩnh" in item  # each office named in full

    queue = client.get("/hang-doi").text
    row = queue[queue.index(f'<a href="/bai/{TWO_PROVINCES_ITEM}">') :]
    row = row[: row.index("</tr>")]
    assert f"{NGHE_AN_LINE}; {HA_TINH_LINE}" in row

    detail = client.get(f"/api/items/{TWO_PROVINCES_ITEM}").json()
    assert [(s["province"], s["username"]) for s in detail["senders"]] == [
        ("Nghệ An", "nghean"),
        ("Hà Tĩnh", "hatinh"),
    ]
    assert detail["escalation"]["province"] == "Hà Tĩnh"  # the latest sending, as before
    [listed] = [
        r
        for r in client.get("/api/queue").json()["items"]
        if r["document"]["id"] == TWO_PROVINCES_ITEM
    ]
    assert [s["note"] for s in listed["senders"]] == [FROM_NGHE_AN["note"], FROM_HA_TINH["note"]]


def test_the_center_sends_the_item_back_to_every_province_that_sent_it(
    client, two_provinces, clock
) -> None:
    token = _sent_by_both(client, clock)
    clock.advance(timedelta(hours=1))
    act(client, token, TWO_PROVINCES_ITEM, {"action": "send_back", "note": "Cần thêm bằng chứng"})
    history = client.get(f"/api/items/{TWO_PROVINCES_ITEM}").json()["history"]
    assert history[-1]["detail"]["province"] == "Nghệ An, Hà Tĩnh"

    # Hà Tĩnh sends it up again: the Center answered Nghệ An's sending, which is not listed again.
    client.cookies.clear()
    clock.advance(timedelta(hours=1))
    token = sign_in(client, "hatinh", HA_TINH_PASSWORD)
    act(client, token, TWO_PROVINCES_ITEM, {**FROM_HA_TINH, "note": "Đã bổ sung bằng chứng"})
    client.cookies.clear()
    sign_in(client, "an")
    item = client.get(f"/bai/{TWO_PROVINCES_ITEM}").text
    # Not listed among the senders (the item's log still names Nghệ An's sending, with its office).
    assert NGHE_AN_LINE not in item and "(nghean, BHXH Nghệ An)" in item
    assert "Đặng Văn Tĩnh (BHXH Hà Tĩnh), 20/05/2026 13:00: Đã bổ sung bằng chứng" in item
    assert re.search(r"Trả lại BHXH Hà Tĩnh \(", item)
