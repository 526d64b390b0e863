"""Scam kinds that used to stay below review, and genuine texts sharing their words.

Every text here is invented for these tests: betting invitations, teencode escort offers and
fake unpaid-order lures reach review; calls, teen chat, operator promotions and press reports on
gambling rings stay below it.
"""

from __future__ import annotations

import pytest

from classifier.cues import scam_signals
from classifier.flagger import Flagger
from classifier.links import Channels
from classifier.types import ArticleText
from vntext.deobfuscate import clean

REVIEW = 0.5


def _risk(flagger: Flagger, text: str) -> float:
    return flagger.assess(ArticleText(title="", text=text)).risk


@pytest.mark.parametrize(
    "text",
    [
        "Quy khach dang ky dich vu de nhan thong bao tat ca cuoc goi nho khi may tat nguon, "
        "lien he 0912345678.",
        "Anh oi chuyen tiep giup em tat ca cuoc goi sang so 0987654321 nhe.",
        "Ban da song ca cuoc doi voi nghe giao, lien he 0912345678 de gap lai lop cu.",
    ],
)
def test_a_whole_call_typed_without_diacritics_is_not_betting(
    flagger: Flagger, channels: Channels, text: str
) -> None:
    # Folded, "tất cả cuộc gọi" reads "tat ca cuoc goi", which holds "cá cược".
    assert "vice" not in scam_signals(clean(text), channels).families
    assert _risk(flagger, text) < REVIEW


def test_betting_typed_without_diacritics_is_still_betting(channels: Channels) -> None:
    text = "Ban tham gia ca cuoc bong da, lien he zalo 0912345678 de nhan code"
    assert "vice" in scam_signals(clean(text), channels).families


BETTING = {
    "odds": "Mua giai moi: ti le keo Ngoai hang Anh hap dan, nap 2 thuong 1 cho thanh vien "
    "moi, vao cutt.ly/Hq4Ts",
    "glued odds, dropped letters": "Sân chơi mới: tỷlệ cược chuẩn châu Âu, nạp 1 thưởg 1, cược "
    "tặg 350ngìn cho ae tại t.ly/Pk2w",
    "stake on events": "Chi can dat cuoc vao 5 tran cuoi tuan la duoc hoan ve, dang ky o "
    "bit.ly/Tr7wQ",
    "withdraw without deposit": "Game bai doi thuong: choi thu mien phi, thang la rut ngay khong "
    "can nap, tai o tinyurl.com/gbx2",
    "sign-up bonus": "Tai ung dung hom nay nhan luon 150k, moi ban be them 50k, vao ngay "
    "thang79.top",
}
NOT_BETTING = {
    "network figure": "Quy khach luu y: ty le cuoc goi thanh cong cua mang dat 99%, chi tiet tai "
    "bit.ly/Mg5tw",
    "operator top-up": "(TB) VinaPhone tặng 20% khi Quý khách nạp thẻ hôm nay, nạp 50.000đ nhận "
    "thêm ưu đãi. Chi tiết tại vinaphone.com.vn",
    "press ring": "Công an tỉnh triệt phá đường dây cá cược bóng đá qua mạng, các đối tượng mời "
    "người chơi nạp 1 thưởng 1 và quảng cáo tỷ lệ cược cao để thu hút con bạc.",
    "fare rise": "Gia cuoc tang 10% tu thang sau, quy khach xem chi tiet tai bit.ly/Tk3pr",
}


@pytest.mark.parametrize("name", BETTING)
def test_betting_invitations_reach_review(flagger: Flagger, name: str) -> None:
    assert _risk(flagger, BETTING[name]) >= REVIEW


@pytest.mark.parametrize("name", NOT_BETTING)
def test_betting_words_in_promotions_and_news_stay_below_review(
    flagger: Flagger, name: str
) -> None:
    assert _risk(flagger, NOT_BETTING[name]) < REVIEW


UNPAID_ORDER_LURE = (
    "Gio hang cua ban dang cho: co phai ban quen thanh toan don hang hom thu Sau? Uu dai chi "
    "giu den het dem nay, hoan tat tai https://is.gd/Wm3kQ"
)
UNPAID_ORDER_GENUINE = {
    "chat": "Em quên thanh toán đơn hàng hôm qua rồi, mai chị nhắc em chuyển khoản nhé.",
    "shop's own site": "Shopee: Bạn có quên thanh toán cho đơn hàng 2412ABC không? Đơn sẽ tự hủy "
    "sau 24 giờ. Xem tại shopee.vn",
    "press": "Nhiều người nhận tin nhắn hỏi có quên thanh toán đơn hàng không kèm đường dẫn lạ; "
    "cơ quan chức năng khuyến cáo không bấm vào.",
}


def test_a_forgotten_order_behind_a_short_link_reaches_review(
    flagger: Flagger, channels: Channels
) -> None:
    # The cues alone say so: the model's reading of the wording varies with its training.
    signals = scam_signals(clean(UNPAID_ORDER_LURE), channels)
    assert "bait" in signals.families and signals.score >= REVIEW
    assert _risk(flagger, UNPAID_ORDER_LURE) >= REVIEW


@pytest.mark.parametrize("name", UNPAID_ORDER_GENUINE)
def test_forgotten_payments_said_plainly_stay_below_review(flagger: Flagger, name: str) -> None:
    assert _risk(flagger, UNPAID_ORDER_GENUINE[name]) < REVIEW


ESCORT_TEENCODE = {
    "service": "4nh 0i, b3n e c0 nhi3u b3 x1nh d3p, ck0 4nh thu gi4n c4 t0i, t3le: hoamailq",
    "company": "C0 d0n c4 t0i n4y k0 4nh? 3m nk4n ph0ng ri3ng, 4nh tk0ai m4i, z4lo: thuytrang",
}
TEEN_CHAT = {
    "apology": "ck0 e xin l4i nk4, hum n4y e b4n qu4 k0 di dc",
    "praise": "b4i h4t n4y h4y qu4 tr0i, nge ma nk0 ng4y x4, ck0 1 like",
}


def test_teencode_pairs_are_read_only_beside_look_alike_digits() -> None:
    assert clean("ck0 e nk4t dinh tk0ai m4i").folded == "cho e nhat dinh thoai mai"
    # "ck" alone is a bank transfer, "tk" an account: no digit in the word, no teencode.
    assert clean("a ck 200k vao tk nhe").folded == "a ck 200k vao tk nhe"


@pytest.mark.parametrize("name", ESCORT_TEENCODE)
def test_escort_offers_in_teencode_reach_review(flagger: Flagger, name: str) -> None:
    assert _risk(flagger, ESCORT_TEENCODE[name]) >= REVIEW


@pytest.mark.parametrize("name", TEEN_CHAT)
def test_teen_chat_in_teencode_stays_below_review(flagger: Flagger, name: str) -> None:
    assert _risk(flagger, TEEN_CHAT[name]) < REVIEW


@pytest.mark.parametrize("text", ["Quan tâm Zalo Official Account của ngân hàng", "Zalo nhóm lớp"])
def test_words_after_a_chat_app_are_no_account_without_a_colon(
    channels: Channels, text: str
) -> None:
    assert "contact" not in scam_signals(clean(text), channels).families


def test_doubled_capitals_are_initials_not_a_stretched_word() -> None:
    # "TT" before a look-alike word is "thanh toán" run into it, not "toán" stretched.
    assert clean("g4ii").folded == "gai"
    assert clean("TT0an").folded != "toan"
