"""/nguoi-dung checks the name before the province, as `pressmon users add` does
(AccountStore.new_username): adding an account whose name is taken, with a province no province
answers to, reported the province, and once it was fixed, the name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("province", ["Tuyen Quangg", "Quang", ""])
def test_a_taken_name_is_said_before_the_province(as_admin, accounts, province) -> None:
    client, token = as_admin
    form = {"password": "mot-mat-khau-du-dai-9", "role": "reviewer", "province": province}
    refused = client.post("/nguoi-dung", data={"csrf_token": token, "username": "An", **form})
    assert refused.status_code == 400
    assert "Không tạo được tài khoản: tài khoản &#39;an&#39; đã có" in refused.text
    assert "không có trong danh sách" not in refused.text
    assert accounts.get("an").province is None  # the account that has the name is as it was
