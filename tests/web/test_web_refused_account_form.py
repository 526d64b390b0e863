"""An account /nguoi-dung refuses to add comes back with what the administrator typed in its
form — name, role, office — so only the wrong field is typed again; the password is not echoed."""

from __future__ import annotations

import re

import pytest

TYPED = {
    "username": "nga.tq",
    "display_name": "Hồ Thị <b>Nga</b>",
    "role": "lead",
    "province": "Tuyen Quang",
}


def _field(html: str, name: str) -> str:
    found = re.search(rf'<input name="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    "refusal,why",
    [
        ({"password": "Xy9-pass"}, "quá ngắn"),
        ({"password": "matkhau-du-dai-1", "province": "Tuyen Quangg"}, "Tuyen Quangg"),
    ],
)
def test_a_refused_account_keeps_what_was_typed(as_admin, accounts, refusal, why) -> None:
    client, token = as_admin
    typed = {**TYPED, **refusal}
    refused = client.post("/nguoi-dung", data={"csrf_token": token, **typed})
    assert refused.status_code == 400 and why in refused.text
    assert accounts.get("nga.tq") is None
    html = refused.text
    assert _field(html, "username") == "nga.tq"
    assert _field(html, "display_name") == "Hồ Thị &lt;b&gt;Nga&lt;/b&gt;"
    assert _field(html, "province") == typed["province"].replace("<", "&lt;")
    assert re.search(r'<select name="role">.*?<option value="lead" selected>', html, re.S)
    assert typed["password"] not in html
    # The page shown afresh proposes nothing.
    fresh = client.get("/nguoi-dung").text
    assert _field(fresh, "username") == "" and _field(fresh, "province") == ""
