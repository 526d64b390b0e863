"""Outlets the archive holds that sources.yaml lacks (lines `ingest` read from outlets it did not
know, an archive imported from another deployment): the dashboard and `counts --by outlet` show
them, so the search and queue drop-downs list them and the filters take their name or id."""

from __future__ import annotations

from tests.web.conftest import flagged, option_values, sign_in


def test_an_archived_outlet_is_listed_and_filtered_on(client, archive) -> None:
    archive.upsert([flagged(71, "urgent", 0.9, outlet="bao_atlantis", outlet_name="Báo Atlantis")])
    sign_in(client, "an")
    for path in ("/tim-kiem?q=OTP", "/hang-doi"):
        assert "bao_atlantis" in option_values(client.get(path).text, "bao"), path
    page = client.get("/tim-kiem?q=OTP&bao=bao_atlantis").text
    assert 'value="bao_atlantis" selected' in page
    assert "/bai/doc071" in page and "/bai/doc001" not in page
    for typed in ("Báo Atlantis", "bao atlantis"):
        answer = client.get("/api/counts", params={"bao": typed})
        assert answer.status_code == 200, answer.text
        assert answer.json()["total"] == 1
