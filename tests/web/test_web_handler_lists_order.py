"""The handler lists — the queue's *Người xử lý* filter, /nhat-ky's *Người thực hiện* filter and the
item page's *Phân công* — list people in Vietnamese alphabetical order of their names, not in the
order their accounts were made ("Đỗ Hà" before "Lê Chi", though "Đ" sorts after "L" by code)."""

from __future__ import annotations

import re

import pytest

from pressmon.web import AccountStore

ORDER = ["Đỗ Hà", "Lê Chi", "Nguyễn Văn An", "Trần Thị Bình"]


def _options(page: str, name: str) -> list[str]:
    found = re.search(rf'<select name="{name}">(.*?)</select>', page, re.S)
    assert found is not None, name
    return re.findall(r'<option value="[^"-][^"]*"[^>]*>([^<]*)</option>', found.group(1))


@pytest.mark.parametrize(
    ("path", "select"),
    [("/hang-doi", "nguoi"), ("/nhat-ky", "nguoi"), ("/bai/doc001", "assignee")],
)
def test_people_are_listed_by_name(as_lead, accounts: AccountStore, path: str, select: str) -> None:
    accounts.add("ha", "matkhau-ha-5", "reviewer", "Đỗ Hà")
    client, _ = as_lead
    listed = [n for n in _options(client.get(path).text, select) if n in ORDER]
    assert listed == ORDER
