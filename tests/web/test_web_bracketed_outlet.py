"""An outlet's name may hold its own brackets (the demo's "Trang … (demo)"): the item page names
its kind after a middle dot, not in brackets of its own, which read "(demo) (Báo trung ương)"."""

from __future__ import annotations

import re

from pressmon.web.formatting import KIND_LABELS
from tests.web.conftest import flagged, sign_in


def test_the_item_page_names_the_outlet_kind_without_nesting_brackets(client, archive) -> None:
    archive.upsert([flagged(70, "urgent", 0.9, outlet_name="Trang Hỗ trợ nhanh (demo)")])
    sign_in(client, "an")
    page = client.get("/bai/doc070").text
    found = re.search(r"<dt>Cơ quan báo chí</dt><dd>(.*?)</dd>", page, re.S)
    assert found is not None
    shown = re.sub(r"<[^>]+>", "", found.group(1))
    kind = KIND_LABELS[archive.get("doc070").kind]
    assert shown == f"Trang Hỗ trợ nhanh (demo) · {kind}"
