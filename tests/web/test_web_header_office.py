"""The header names the signed-in account's office: a province's "BHXH Nghệ An", and the Center's
"Trung tâm" (as the audit log names it) where a Center account read only its name and role."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import sign_in


def _who(page: str) -> str:
    found = re.search(r'<div class="who">.*?<span title="[^"]*">([^<]*)</span>', page, flags=re.S)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize(
    ("username", "shown"),
    [
        ("an", "Nguyễn Văn An · Người xác minh · Trung tâm"),
        ("binh", "Trần Thị Bình · Lãnh đạo · Trung tâm"),
        ("nga", "Hồ Thị Nga · Người xác minh · BHXH Nghệ An"),
    ],
)
def test_the_header_names_the_accounts_office(client, accounts, username, shown) -> None:
    accounts.add("nga", "matkhau-nga-5", "reviewer", "Hồ Thị Nga", province="Nghệ An")
    sign_in(client, username, "matkhau-nga-5" if username == "nga" else None)
    assert _who(client.get("/hang-doi").text) == shown
