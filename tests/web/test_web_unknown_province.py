"""An item that names no province (a crawled social post may name none) says so where provinces
are listed, in the counts' wording (`UNKNOWN_GROUP`), muted: an empty cell read as a fault."""

from __future__ import annotations

import re

import pytest

from index.types import UNKNOWN_GROUP
from tests.web.conftest import flagged, sign_in

UNKNOWN = f'<span class="muted nowrap unknown-province">{UNKNOWN_GROUP}</span>'


@pytest.fixture
def items(archive):
    archive.upsert(
        [
            flagged(60, "urgent", 0.9, province=None, provinces=()),
            flagged(61, "urgent", 0.8, province="Nghệ An", provinces=("Nghệ An",)),
        ]
    )
    return archive


def _queue_cells(page: str) -> dict[str, list[str]]:
    rows = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]
    return {
        row.split('href="/bai/', 1)[1].split('"', 1)[0].split("?")[0]: re.findall(
            r"<td[^>]*>(.*?)</td>", row, re.S
        )
        for row in rows
    }


def test_the_queue_says_a_province_is_unknown_instead_of_leaving_the_cell_empty(
    client, items
) -> None:
    sign_in(client, "an")
    page = client.get("/hang-doi").text
    province_column = re.findall(r"<th[^>]*>(.*?)</th>", page.split("<thead>", 1)[1]).index(
        "Tỉnh, thành phố"
    )
    cells = _queue_cells(page)
    assert cells["doc060"][province_column] == UNKNOWN
    assert cells["doc061"][province_column] == "Nghệ An"


def test_the_item_page_says_a_province_is_unknown(client, items) -> None:
    sign_in(client, "an")
    assert f"<dt>Tỉnh, thành phố</dt><dd>{UNKNOWN}</dd>" in client.get("/bai/doc060").text
    assert "<dt>Tỉnh, thành phố</dt><dd>Nghệ An</dd>" in client.get("/bai/doc061").text
