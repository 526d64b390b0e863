"""/bao-phu and the leadership report count an article naming a pre-merger province under the
province that holds it now; the counting rule says so, or a reader looking for a province that
no longer exists (or surprised by a merged one's figure) is left to guess where it went."""

from __future__ import annotations

from tests.web.conftest import sign_in

NOTE = (
    "Tỉnh, thành phố tính theo 34 đơn vị hiện nay: bài nêu tên tỉnh cũ trước khi sáp nhập "
    "(trước 01/07/2025) được tính vào tỉnh, thành phố hiện nay có tỉnh cũ đó"
)


def test_the_counting_rule_explains_old_provinces(client) -> None:
    sign_in(client, "binh")
    for page in ("/bao-phu", "/bao-cao"):
        html = client.get(f"{page}?tu=04/05/2026&den=10/05/2026").text
        assert NOTE in html, page
