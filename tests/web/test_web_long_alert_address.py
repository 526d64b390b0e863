"""/canh-bao takes every address its e-mail field lets a user type (up to 254 characters, the
limit of e-mail itself): one of 201 to 254 characters was refused on a bare error page naming
the field `email` and losing the settings typed, though the form had let it through."""

from __future__ import annotations

# 227 characters: a real address's shape, longer than the app's 200-character cap on a filter.
LONG = "a" * 60 + "@" + ("b" * 40 + ".") * 4 + "vn"


def test_a_long_address_the_form_allows_is_saved(as_reviewer) -> None:
    client, token = as_reviewer
    assert 200 < len(LONG) <= 254
    assert 'maxlength="254"' in client.get("/canh-bao").text
    form = {"csrf_token": token, "email": LONG, "receive": "1", "mode": "hang-ngay"}
    saved = client.post("/canh-bao", data=form, follow_redirects=False)
    assert saved.status_code == 303
    assert f'value="{LONG}"' in client.get("/canh-bao").text


def test_a_longer_one_comes_back_on_the_form_with_what_was_typed(as_reviewer) -> None:
    client, token = as_reviewer
    longer = "a" * 60 + "@" + ("b" * 60 + ".") * 4 + "vn"  # 307 characters: past e-mail's limit
    form = {"csrf_token": token, "email": longer, "receive": "1", "mode": "hang-ngay"}
    refused = client.post("/canh-bao", data=form)
    assert refused.status_code == 400
    assert "Địa chỉ e-mail không hợp lệ." in refused.text
    assert 'value="hang-ngay" checked' in refused.text and "email:" not in refused.text
