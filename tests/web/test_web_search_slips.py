"""/tim-kiem offers the abbreviation a query with one slip in it meant, from the synonym groups
the site was started with (config/synonyms.yaml), linked as the other suggestions are."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from pressmon.web import create_app
from tests.web.conftest import sign_in


def test_a_slip_in_an_abbreviation_is_offered_the_form_the_groups_hold(
    settings, archive, accounts, clock, tmp_path: Path
) -> None:
    groups = tmp_path / "config" / "synonyms.yaml"
    groups.write_text("synonyms:\n  - [BHXH, bảo hiểm xã hội]\n", encoding="utf-8")
    app = create_app(
        settings.model_copy(update={"synonyms_file": groups}),
        archive=archive,
        accounts=accounts,
        clock=clock,
    )
    client = TestClient(app, base_url="http://testserver")
    sign_in(client, "an")
    html = client.get("/tim-kiem", params={"q": "BHXN"}).text
    assert "Không có kết quả. Thử:" in html
    assert '<a href="/tim-kiem?q=BHXH">BHXH</a>' in html
