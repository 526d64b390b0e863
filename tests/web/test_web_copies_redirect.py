""" "Lưu trạng thái" with "Áp dụng cho cả N bản cùng nội dung khác" ticked redirects to the item's
log (303), as saving a status alone does: the page shown was the POST's answer, so a reload
asked the browser to send the form again. The page after it says what was saved on the item
itself and on its copies, read again from their logs: only while it still holds, and a reload
decides nothing."""

from __future__ import annotations

import re

from tests.web.conftest import story_copy
from tests.web.test_web_decide_copies import FALSE, _outcome, _post, sign_in

SAID = (
    "Đã lưu trạng thái “Sai sự thật” cho bài này và 1 bản cùng nội dung khác; bỏ qua 1 bản: "
    "Dịch vụ rút BHXH một lần nhanh, bản 42 — "
)
SKIPPED = "Bài đã có kết luận riêng “Không vi phạm”: mở bài để quyết định riêng."


def _story(archive) -> None:
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41, 42)])


def test_saving_with_the_copies_redirects_and_says_both(client, archive) -> None:
    _story(archive)
    lead = sign_in(client, "binh")
    own = {"action": "status", "status": "no_violation", "note": "Trang chính thức"}
    assert _post(client, lead, "doc042", **own).status_code == 303
    sent = _post(client, lead, "doc040", copies="true", quay_lai="/hang-doi?muc=urgent", **FALSE)
    assert sent.status_code == 303
    target = sent.headers["location"]
    assert target == (
        "/bai/doc040?da_luu=false&cung_noi_dung=1&bo_qua=doc042"
        "&quay_lai=%2Fhang-doi%3Fmuc%3Durgent#nhat-ky"
    )
    logs = {item: len(archive.review_history(item)) for item in ("doc040", "doc041", "doc042")}
    for _reload in range(2):
        page = client.get(target).text
        outcome = _outcome(page)
        assert outcome.startswith(SAID) and outcome.endswith(SKIPPED), outcome
        assert page.split('id="nhat-ky"', 1)[1].count("copies-outcome") == 1  # above the log
        assert 'href="/hang-doi?muc=urgent"' in page  # the queue it leads back to, kept
    assert logs == {item: len(archive.review_history(item)) for item in logs}

    # Once the rules would take the skipped copy (its own conclusion undone), it is no longer
    # said to be skipped.
    reopen = {"action": "status", "status": "in_progress", "note": "Xem lại"}
    assert _post(client, lead, "doc042", **reopen).status_code == 303
    assert _outcome(client.get(target).text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 1 bản cùng nội dung khác."
    )


def test_the_address_says_only_what_still_holds(client, archive) -> None:
    _story(archive)
    lead = sign_in(client, "binh")
    target = _post(client, lead, "doc040", copies="true", **FALSE).headers["location"]
    # Not a copy, or not skipped: named in the address, not said.
    forged = target.replace("cung_noi_dung=1", "cung_noi_dung=1&bo_qua=doc003,doc041")
    assert _outcome(client.get(forged).text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 2 bản cùng nội dung khác."
    )
    # A copy decided otherwise since no longer counts; the item changed since says nothing.
    reopen = {"action": "status", "status": "in_progress", "note": "Xem lại"}
    assert _post(client, lead, "doc041", **reopen).status_code == 303
    assert _outcome(client.get(target).text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 1 bản cùng nội dung khác."
    )
    assert _post(client, lead, "doc040", **reopen).status_code == 303
    page = client.get(target).text
    assert "copies-outcome" not in page and not re.search(r"Đã lưu trạng thái", page)


def test_an_item_without_a_log_is_not_a_fault(client, archive) -> None:
    """An item whose status came without a log (an import) is read too: the address says no
    more than the status."""
    archive.upsert([story_copy(n, "Tin cũ", review_status="false") for n in (44, 45)])
    sign_in(client, "an")
    page = client.get("/bai/doc044?da_luu=false&cung_noi_dung=1&bo_qua=doc045")
    assert page.status_code == 200 and "copies-outcome" not in page.text
    assert "Đã lưu trạng thái “Sai sự thật”." in page.text
