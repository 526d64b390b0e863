"""A reviewer's own action sent again from the page it was sent from (the status form with a
story's copies sent again from Back — F5 on the page shown after it is a GET, which sends
nothing —, a double click, a resend after a slow network) is recorded once and
said to be so, plainly: not refused as if someone else had changed the item (409), which stays
for someone else's change, or a different action, since the page was made."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from tests.web.conftest import COPIED_STORY, sign_in, story_copy

FALSE = {"action": "status", "status": "false", "note": "Lừa đảo, BHXH đã cảnh báo"}
# The first sending's time, 03:00 UTC, as the app shows it (Asia/Ho_Chi_Minh).
SAID = (
    "Bạn đã ghi thao tác này lúc 20/05/2026 10:00 (Đổi trạng thái, trạng thái “{}”); "
    "không ghi lại lần nữa."
)
CONFLICT = "Trong lúc bạn xem, an đã cập nhật bài này"
OWN_CONFLICT = "Trong lúc trang này mở, chính bạn đã cập nhật bài này ở một trang khác"


def _post(client: TestClient, token: str, item: str, **form: str):
    return client.post(
        f"/bai/{item}/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
    )


def _decide(client: TestClient, token: str, item: str, **decision: object):
    return client.post(f"/api/items/{item}/decide", json=decision, headers={"X-CSRF-Token": token})


def test_refreshing_the_page_after_deciding_the_copies_records_nothing_again(
    client, archive, clock
) -> None:
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41, 42)])
    assert {d.story_id for d in map(archive.get, ("doc040", "doc041"))} == {COPIED_STORY}
    token = sign_in(client, "an")
    first = _post(client, token, "doc040", copies="true", seen="0", **FALSE)
    assert first.status_code == 303  # the page shown is a GET: F5 on it sends nothing
    saved = "Đã lưu trạng thái “Sai sự thật” cho bài này và 2 bản cùng nội dung khác."
    for _reload in range(2):
        assert saved in client.get(first.headers["location"]).text

    clock.advance(timedelta(minutes=3))  # Back, then the form sent again, a while later
    again = _post(client, token, "doc040", copies="true", seen="0", **FALSE)
    assert again.status_code == 200
    assert (
        SAID.format("Sai sự thật") + " Các bản cùng nội dung cũng không được áp dụng lại."
    ) in again.text
    assert CONFLICT not in again.text and 'role="alert"' not in again.text
    assert 'name="seen" value="1"' in again.text  # the item as it is now
    for item in ("doc040", "doc041", "doc042"):
        assert [e.actor for e in archive.review_history(item)] == ["an"]


def test_a_status_change_sent_twice_is_recorded_once(client, archive) -> None:
    token = sign_in(client, "an")
    form = {"action": "status", "status": "in_progress", "note": " Đang gọi tòa soạn. "}
    assert _post(client, token, "doc003", seen="0", **form).status_code == 303
    twice = _post(client, token, "doc003", seen="0", **form)
    assert twice.status_code == 200
    assert SAID.format("Đang xác minh") in twice.text and CONFLICT not in twice.text
    assert [e.note for e in archive.review_history("doc003")] == ["Đang gọi tòa soạn."]


def test_a_note_sent_twice_is_recorded_once(client, archive) -> None:
    token = sign_in(client, "an")
    note = {"action": "note", "note": "Đã gửi công văn."}
    assert _post(client, token, "doc003", seen="0", **note).status_code == 303
    twice = _post(client, token, "doc003", seen="0", **note)
    assert twice.status_code == 200
    assert "Bạn đã ghi thao tác này lúc 20/05/2026 10:00 (Ghi chú," in twice.text
    assert len(archive.review_history("doc003")) == 1


def test_someone_elses_change_is_still_a_conflict(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    assert _post(an, an_token, "doc003", seen="0", **FALSE).status_code == 303
    late = _post(binh, binh_token, "doc003", seen="0", **FALSE)  # the same decision, by binh
    assert late.status_code == 409
    assert f"{CONFLICT} (Đổi trạng thái, trạng thái “Sai sự thật”)." in late.text
    assert "Bạn đã ghi" not in late.text
    assert len(archive.review_history("doc003")) == 1


def test_a_different_action_from_the_same_page_is_still_refused(client, archive) -> None:
    token = sign_in(client, "an")
    assert _post(client, token, "doc003", seen="0", **FALSE).status_code == 303
    for changed in ({"note": "Ghi chú khác"}, {"status": "insufficient"}):
        other = _post(client, token, "doc003", seen="0", **(FALSE | changed))
        assert other.status_code == 409 and OWN_CONFLICT in other.text
        assert CONFLICT not in other.text
    assert len(archive.review_history("doc003")) == 1


def test_own_repeat_after_someone_elses_change_is_a_conflict(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    assert _post(an, an_token, "doc003", seen="0", **FALSE).status_code == 303
    assert _post(binh, binh_token, "doc003", action="note", note="Xem lại.").status_code == 303
    again = _post(an, an_token, "doc003", seen="0", **FALSE)
    assert again.status_code == 409 and "binh đã cập nhật bài này (Ghi chú" in again.text
    assert len(archive.review_history("doc003")) == 2


def test_the_api_answers_a_retry_with_the_earlier_event(app, archive) -> None:
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    decision = {**FALSE, "seen": 0}
    first = _decide(an, an_token, "doc003", **decision)
    assert first.status_code == 200 and first.json()["repeated"] is False
    retry = _decide(an, an_token, "doc003", **decision)
    assert retry.status_code == 200
    assert retry.json() == {**first.json(), "repeated": True}
    assert len(archive.review_history("doc003")) == 1

    late = _decide(binh, binh_token, "doc003", **decision)
    assert late.status_code == 409 and late.json()["error"].startswith(CONFLICT)
    assert len(archive.review_history("doc003")) == 1


def test_own_decision_after_someone_elses_change_the_page_did_not_show_is_a_conflict(
    app, archive
) -> None:
    """binh notes the item; an decides from a tab that shows the note, then the same from a
    tab opened before it: that page never showed binh's change, so it is refused (409), not
    answered as a retry of the first sending (which was not made from it)."""
    an, binh = (TestClient(app, base_url="http://testserver") for _ in range(2))
    an_token, binh_token = sign_in(an, "an"), sign_in(binh, "binh")
    assert _post(binh, binh_token, "doc003", action="note", note="Xem lại.").status_code == 303
    assert _post(an, an_token, "doc003", seen="1", **FALSE).status_code == 303
    stale = _post(an, an_token, "doc003", seen="0", **FALSE)
    assert stale.status_code == 409 and "binh đã cập nhật bài này (Ghi chú" in stale.text
    assert "Bạn đã ghi" not in stale.text
    api = _decide(an, an_token, "doc003", **FALSE, seen=0)
    assert api.status_code == 409 and api.json()["error"].startswith(
        "Trong lúc bạn xem, binh đã cập nhật bài này (Ghi chú"
    )
    assert len(archive.review_history("doc003")) == 2


def test_the_copies_asked_for_by_a_second_tab_are_decided(client, archive) -> None:
    """The same decision from two tabs of one page, the first without the copies, the second
    with them: the item is decided once, and the copies the second asks for are decided then,
    not dropped as part of a repeat."""
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41, 42)])
    token = sign_in(client, "an")
    assert _post(client, token, "doc040", seen="0", **FALSE).status_code == 303
    second = _post(client, token, "doc040", copies="true", seen="0", **FALSE)
    assert second.status_code == 200
    assert SAID.format("Sai sự thật") in second.text
    assert "Đã áp dụng trạng thái “Sai sự thật” cho 2 bản cùng nội dung khác." in second.text
    assert "cũng không được áp dụng lại" not in second.text
    for item in ("doc040", "doc041", "doc042"):
        assert [e.status_after for e in archive.review_history(item)] == ["false"]


def test_the_api_decides_copies_a_retry_asks_for_the_first_time(client, archive) -> None:
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41)])
    token = sign_in(client, "an")
    assert _decide(client, token, "doc040", **FALSE, seen=0).json()["copies"] == []
    retry = _decide(client, token, "doc040", **FALSE, seen=0, copies=True).json()
    assert retry["repeated"] is True
    assert retry["copies"] == [{"id": "doc041", "applied": True, "reason": ""}]
    again = _decide(client, token, "doc040", **FALSE, seen=0, copies=True).json()
    assert [c["applied"] for c in again["copies"]] == [False]
    assert [e.status_after for e in archive.review_history("doc041")] == ["false"]
