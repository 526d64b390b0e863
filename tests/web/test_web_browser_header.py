"""The header in a real Chromium: on a 390 px phone no link breaks mid-phrase; at 1366 px it
keeps its row."""

from __future__ import annotations

import pytest

from tests.web.test_web_browser import page, pytestmark, server  # noqa: F401 (fixtures, marks)

# Every clickable thing in the header with the lines its text takes on screen: a link broken
# mid-phrase ("Cài đặt / cảnh báo") has two distinct line tops.
_HEADER_LINKS = """() => [...document.querySelectorAll('header.top a, header.top button')]
.map(link => {
  const range = document.createRange();
  range.selectNodeContents(link);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  const box = link.getBoundingClientRect();
  return {text: link.innerText.trim(), lines: tops.size, left: box.left, top: box.top,
          right: box.right, bottom: box.bottom};
})"""

# Who signs in: the lead (eight links, a middling label), a reviewer at the Center and one in a
# province, whose label is the longest ("… · Người xác minh · BHXH Hồ Chí Minh").
SIGN_INS = [("binh", "matkhau-binh-2"), ("an", "matkhau-an-1"), ("hcm", "matkhau-hcm-5")]


@pytest.fixture
def signed_in(page, server, accounts):  # noqa: F811
    accounts.add(
        "hcm", "matkhau-hcm-5", "reviewer", "Nguyễn Thị Thanh Hương", province="Hồ Chí Minh"
    )

    def sign_in(username: str, password: str) -> None:
        page.context.clear_cookies()
        page.goto(server + "/dang-nhap")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.press("input[name=password]", "Enter")
        page.wait_for_url("**/hang-doi")

    return sign_in


def _no_sideways_scroll(browser_page) -> bool:
    return browser_page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize(("username", "password"), SIGN_INS)
def test_on_a_390_px_phone_no_header_link_breaks_onto_two_lines(
    page,  # noqa: F811
    server,  # noqa: F811
    signed_in,
    username: str,
    password: str,
) -> None:
    signed_in(username, password)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/hang-doi", "/canh-bao"):
        page.goto(server + path)
        links = page.evaluate(_HEADER_LINKS)
        texts = [link["text"] for link in links]
        assert "Cài đặt cảnh báo" in texts and "Đăng xuất" in texts
        broken = [link["text"] for link in links if link["lines"] != 1]
        assert broken == [], f"{path}: {broken}"
        assert all(link["right"] <= 390 for link in links), links
        assert _no_sideways_scroll(page), path
    assert page.console_errors == []


@pytest.mark.parametrize(("username", "password"), SIGN_INS)
def test_on_a_1366_px_screen_the_header_keeps_its_row(
    page,  # noqa: F811
    server,  # noqa: F811
    signed_in,
    username: str,
    password: str,
) -> None:
    signed_in(username, password)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(server + "/hang-doi")
    links = {link["text"]: link for link in page.evaluate(_HEADER_LINKS)}
    assert all(link["lines"] == 1 for link in links.values()), links
    # Brand, navigation, then the account, its alert settings and sign-out side by side.
    brand = links.pop("Theo dõi báo chí BHXH")
    settings, sign_out = links.pop("Cài đặt cảnh báo"), links.pop("Đăng xuất")
    first = links.pop("Hàng đợi xác minh")
    assert brand["right"] < first["left"]
    assert all(settings["left"] > nav["right"] for nav in links.values()), links
    assert settings["right"] < sign_out["left"] and settings["top"] == sign_out["top"]
    header = page.locator("header.top").bounding_box()
    assert header is not None and header["height"] < 90, header
    assert _no_sideways_scroll(page)
