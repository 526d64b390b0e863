"""The item page names the Article 11 clause once: the stored clause already reads "Điều 11
khoản 3 Luật Tiếp cận thông tin: …", and a label naming the law in front of it said it twice."""

from __future__ import annotations

from classifier.categories import CATEGORIES
from tests.web.conftest import flagged, sign_in

CLAUSE = CATEGORIES["C1"].article11_clause or ""


def test_the_item_page_names_the_law_of_the_clause_once(client, archive) -> None:
    details = dict(flagged(70, "urgent", 0.9).flag_details or {}, article11_clause=CLAUSE)
    archive.upsert([flagged(70, "urgent", 0.9, flag_details=details)])
    sign_in(client, "an")
    page = client.get("/bai/doc070").text
    assert CLAUSE.startswith("Điều 11 khoản 3 Luật Tiếp cận thông tin: ")
    assert page.count("Luật Tiếp cận thông tin") == 1
    assert page.count("Điều 11") == 1
    assert '<p class="clause"><b>Quy định liên quan:</b> Điều 11 khoản 3 Luật Tiếp cận' in page
