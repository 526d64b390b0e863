"""After "Áp dụng cho cả N bản cùng nội dung khác", the page says which status went to how many
copies, in the box's words, and speaks of skipped copies only when there are some: not
"Đã áp dụng cho 17 bản; bỏ qua 0 bản.", which named no status and counted nothing skipped."""

from __future__ import annotations

from tests.web.conftest import sign_in, story_copy
from tests.web.test_web_decide_copies import FALSE, _decided, _outcome, _post


def test_the_summary_names_the_status_and_no_empty_skip(client, archive) -> None:
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41, 42)])
    token = sign_in(client, "an")
    answer = _decided(client, token, "doc040", seen="0", **FALSE)
    assert _outcome(answer.text) == (
        "Đã lưu trạng thái “Sai sự thật” cho bài này và 2 bản cùng nội dung khác."
    )


def test_skipped_copies_are_announced_before_their_list(client, archive) -> None:
    archive.upsert([story_copy(n, "Dịch vụ rút BHXH một lần nhanh") for n in (40, 41)])
    lead = sign_in(client, "binh")
    note = "Bài của trang chính thức"
    decided = _post(client, lead, "doc041", action="status", status="no_violation", note=note)
    assert decided.status_code == 303
    answer = _decided(client, lead, "doc040", **FALSE)
    assert _outcome(answer.text).startswith(
        "Đã lưu trạng thái “Sai sự thật” cho bài này; không áp dụng được cho bản cùng nội dung "
        "nào, bỏ qua 1 bản: "
        "Dịch vụ rút BHXH một lần nhanh, bản 41 — "
    )
