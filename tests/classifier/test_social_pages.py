"""A social-network page whose handle names a brand, and is not one of the brand's own pages,
imitates that brand; the reason names the brand. A page that names no brand imitates none."""

from __future__ import annotations

import pytest

from classifier.flagger import Flagger
from classifier.links import Channels
from classifier.types import ArticleText
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    ("link", "brand"),
    [
        ("https://www.tiktok.com/@viettel.cskh.vn", "viettel"),
        ("tiktok.com/@viettel_chamsoc_khachhang/video/1", "viettel"),
        ("facebook.com/bhxh.hotro.vn", "bhxh"),
        ("facebook.com/BaoHiemXaHoiVietNam.HoTro", "bhxh"),
        ("m.facebook.com/bhxhvietnam.hotro", "bhxh"),
        ("facebook.com/baohiemxahoi.vn.official", "bhxh"),
        ("zalo.me/bhxhvietnam.hotro", "bhxh"),
        ("facebook.com/vietcombank.cskh", "vietcombank"),
    ],
)
def test_a_social_handle_naming_a_brand_imitates_it(
    channels: Channels, link: str, brand: str
) -> None:
    links = channels.links(clean(f"Liên hệ {link} để được hỗ trợ.").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [("lookalike", brand)]


@pytest.mark.parametrize(
    ("link", "brand"),
    [
        ("https://www.facebook.com/baohiemxahoi.gov.vn/posts/1", "bhxh"),
        ("zalo.me/bhxhvietnam", "bhxh"),
        ("youtube.com/@baohiemxahoivietnamvss", "bhxh"),
        # Viettel's own, given in its brandname notices (config/channels.yaml).
        ("https://www.tiktok.com/@viettelcskh", "viettel"),
        ("https://www.facebook.com/Vietteltelecom", "viettel"),
    ],
)
def test_a_brands_own_page_is_official(channels: Channels, link: str, brand: str) -> None:
    links = channels.links(clean(f"Chi tiết tại {link}.").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [("official", brand)]


@pytest.mark.parametrize(
    ("link", "verdict", "brand"),
    [
        ("https://ww.facebook.com/CSKHshopmypham/", "support-page", None),
        ("tiktok.com/@hotro.khachhang24h", "support-page", None),
        # The network's own verdict, as for any page that names no one.
        ("facebook.com/quatang.handmade", "official", "platform"),
        ("facebook.com/nguyen.van.an.90", "official", "platform"),
        ("tiktok.com/@tiktokshop.vn", "official", "tiktok"),
        ("zalo.me/0912345678", "messenger", None),
    ],
)
def test_a_social_page_naming_no_brand_imitates_none(
    channels: Channels, link: str, verdict: str, brand: str | None
) -> None:
    links = channels.links(clean(f"Nhắn vào {link} nhé").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [(verdict, brand)]


def test_the_reason_names_the_imitated_brand(flagger: Flagger) -> None:
    text = (
        "Quý khách được nhận tiền hỗ trợ một lần, liên hệ ngay "
        "facebook.com/BaoHiemXaHoiVietNam.HoTro để làm thủ tục."
    )
    reasons = [r.text for r in flagger.assess(ArticleText(title="", text=text)).reasons]
    assert "Nhân danh ngân hàng, BHXH hoặc cơ quan nhà nước (Bảo hiểm xã hội Việt Nam)" in reasons


def test_a_support_page_naming_no_brand_is_not_called_an_imitation(flagger: Flagger) -> None:
    text = "Chị nhắn vào ww.facebook.com/CSKHshopmypham để được hoàn tiền đơn hàng bị lỗi."
    reasons = [r.text for r in flagger.assess(ArticleText(title="", text=text)).reasons]
    assert any(r.startswith("Trang mạng xã hội tự xưng chăm sóc khách hàng") for r in reasons)
    assert not any("giả tên" in r or r.startswith("Nhân danh") for r in reasons), reasons


@pytest.mark.parametrize(
    ("link", "verdict", "brand"),
    [
        # The other hosts of Facebook's pages are the same pages, official or not.
        ("fb.com/baohiemxahoi.gov.vn", "official", "bhxh"),
        ("https://m.facebook.com/baohiemxahoi.gov.vn", "official", "bhxh"),
        ("web.facebook.com/Vietteltelecom", "official", "viettel"),
        ("fb.com/bhxh.hotro.vn", "lookalike", "bhxh"),
        ("https://web.facebook.com/bhxh.hotro.vn", "lookalike", "bhxh"),
        ("mbasic.facebook.com/CSKH.hoantien", "support-page", None),
        ("m.youtube.com/@baohiemxahoivietnamvss", "official", "bhxh"),
    ],
)
def test_another_host_of_a_network_is_the_same_page(
    channels: Channels, link: str, verdict: str, brand: str | None
) -> None:
    links = channels.links(clean(f"Xem tại {link} nhé").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [(verdict, brand)]


@pytest.mark.parametrize(
    ("link", "verdict", "brand"),
    [
        # A group, a personal profile or a YouTube channel goes by the name after its prefix.
        ("facebook.com/groups/bhxh.hotro.online", "lookalike", "bhxh"),
        ("https://www.facebook.com/groups/vietcombank.hotro/posts/1", "lookalike", "vietcombank"),
        ("facebook.com/groups/hotro.hoantien", "support-page", None),
        (
            "facebook.com/people/B%E1%BA%A3o-Hi%E1%BB%83m-X%C3%A3-H%E1%BB%99i/100000000000002",
            "lookalike",
            "bhxh",
        ),
        ("youtube.com/@bhxh.hotro", "lookalike", "bhxh"),
        ("https://www.youtube.com/c/ViettelCSKH", "lookalike", "viettel"),
        ("youtube.com/@tuvan.hotro24h", "support-page", None),
        # A page known by number only, or a personal name, names no brand.
        ("facebook.com/groups/123456789", "official", "platform"),
        ("facebook.com/profile.php?id=100000000000002", "official", "platform"),
        ("facebook.com/people/lan-ph%e1%ba%a1m/100000000000003", "official", "platform"),
        ("youtube.com/watch?v=abcdefghijk", "official", "platform"),
        ("youtube.com/channel/UCyj1", "official", "platform"),
        # A group named after a brand is no more its own than a page is.
        ("fb.com/groups/CSKH.Viettel", "lookalike", "viettel"),
    ],
)
def test_a_group_profile_or_channel_is_judged_by_its_name(
    channels: Channels, link: str, verdict: str, brand: str | None
) -> None:
    links = channels.links(clean(f"Xem tại {link} nhé").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [(verdict, brand)]
