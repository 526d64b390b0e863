"""The report's and /bao-phu's "Tỷ lệ" columns read alike: one decimal with a decimal comma on
every row ("17,0%" beside "18,8%", not "17%"), the figure right after its bar, no space before."""

from __future__ import annotations

import re

import pytest

from pressmon.web.formatting import percent


def test_percent_has_one_decimal_always() -> None:
    assert [percent(v) for v in (17.0, 18.8, 0.0, 1234.5)] == ["17,0%", "18,8%", "0,0%", "1.234,5%"]


@pytest.mark.parametrize("path", ["/bao-cao", "/bao-phu"])
def test_every_share_in_the_tables_is_written_alike(as_lead, path: str) -> None:
    client, _ = as_lead
    cells = re.findall(r"</progress>([^<]*)</td>", client.get(path).text)
    assert cells, "no Tỷ lệ cell"
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d%", c) for c in cells), cells
