"""Links judged by their registrable domain; phone numbers by kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.errors import ReferenceDataError
from classifier.links import Channels
from vntext.deobfuscate import clean

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def channels() -> Channels:
    return Channels.load(ROOT / "config" / "channels.yaml")


@pytest.mark.parametrize(
    ("text", "verdict", "brand"),
    [
        ("https://baohiemxahoi.gov.vn/tintuc", "official", "bhxh"),
        ("dichvucong.gov.vn", "official", "government"),
        ("https://vietcombank.com.vn/khuyen-mai", "official", "vietcombank"),
        ("tracuu.hcm.edu.vn", "official", None),
        ("https://vietcombank.vn-xyz.top/login", "lookalike", "vietcombank"),
        ("acb-hotro.net", "lookalike", "acb"),
        ("https://b1dv.com/xac-thuc", "lookalike", "bidv"),
        ("nganhang-hotro.com", "lookalike", "generic"),
        ("thuongtet-bhxh.com", "lookalike", "bhxh"),
        ("https://sites.google.com/view/nhan-qua", "wrapped", None),
        ("nhanqua-tet.xyz", "lookalike", "generic"),
        ("mua-sam-vui.top", "throwaway", None),
        ("k8x7zq2.com", "throwaway", None),
        ("t.me/kiemtienonline", "messenger", None),
        ("bit.ly/abc123", "shortener", None),
        ("vtmoney.onelink.me/abc", "official", "viettel"),
        ("some-shop.com", "unknown", None),
        ("cuahangabc.vn", "unknown", None),
    ],
)
def test_link_verdicts(channels: Channels, text: str, verdict: str, brand: str | None) -> None:
    links = channels.links(clean(text).folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [(verdict, brand)]


@pytest.mark.parametrize(
    ("text", "verdict", "brand"),
    [
        # "pay" is one letter from a four-letter brand token; a short common word names no brand.
        ("https://pay.muasamvui.vn/don-hang", "unknown", None),
        ("pay.shopvui.com", "unknown", None),
        # Four letters or more still read as a misspelling.
        ("https://bhxk.com/tra-cuu", "lookalike", "bhxh"),
    ],
)
def test_a_three_letter_label_is_no_misspelt_brand(
    channels: Channels, text: str, verdict: str, brand: str | None
) -> None:
    links = channels.links(clean(text).folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [(verdict, brand)]


def test_words_that_look_like_hosts_are_not_links(channels: Channels) -> None:
    folded = clean("Tại TP.HCM, v.v., giá 2.000.000 đồng; gọi 1900.9068.xin cảm ơn").folded
    assert channels.links(folded) == []


@pytest.mark.parametrize(
    ("text", "digits", "kind"),
    [
        ("goi 0912345678", "0912345678", "mobile"),
        ("zalo 84912345678", "0912345678", "mobile"),
        ("tong dai 19009068", "19009068", "hotline"),
        ("van phong 02838247247", "02838247247", "landline"),
    ],
)
def test_phone_kinds(channels: Channels, text: str, digits: str, kind: str) -> None:
    phones = channels.phones(clean(text).folded)
    assert [(p.digits, p.kind) for p in phones] == [(digits, kind)]


def test_brands_named_in_text(channels: Channels) -> None:
    named = {
        m.brand.id for m in channels.brands_named(clean("Vietcombank và BHXH thông báo").folded)
    }
    assert named == {"vietcombank", "bhxh"}


@pytest.mark.parametrize(
    ("text", "brands"),
    [
        ("Cơ quan Bảo hiểm xã hội nhắc người lao động", {"bhxh"}),  # a name of four words
        ("Bảo hiểm nhân thọ và xã hội hóa y tế", set()),  # its words, not standing together
        ("Ứng dụng Home Credit gửi tin", {"homecredit"}),
        ("Chương trình home stay và credit card", set()),
        ("Tải bhxhonline về máy", set()),  # a name inside a longer word is not the name
    ],
)
def test_brands_named_as_whole_words(channels: Channels, text: str, brands: set[str]) -> None:
    assert {m.brand.id for m in channels.brands_named(clean(text).folded)} == brands


def test_malformed_channels_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "channels.yaml"
    path.write_text("brands: [{id: x}]\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="channels.yaml"):
        Channels.load(path)
