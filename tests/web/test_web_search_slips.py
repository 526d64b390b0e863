"""/tim-kiem offers the abbreviation a query with one slip in it meant, from the synonym groups
the site was started with (config/synonyms.yaml), linked as the other suggestions are."""

from __future__ import annotations


def test_a_slip_in_an_abbreviation_is_offered_the_form_the_groups_hold(
    signed_in_with_synonyms,
) -> None:
    client = signed_in_with_synonyms("[BHXH, bảo hiểm xã hội]")
    html = client.get("/tim-kiem", params={"q": "BHXN"}).text
    assert "Không có kết quả. Thử:" in html
    assert '<a href="/tim-kiem?q=BHXH">BHXH</a>' in html
