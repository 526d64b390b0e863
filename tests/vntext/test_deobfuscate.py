"""De-obfuscation: disguised words, links and numbers read back, offsets kept for highlighting."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vntext.deobfuscate import BOUNDARY, clean
from vntext.normalize import fold


def _fold(word: str) -> str:
    return fold(word).lower()


# (typed by a scammer, what a reader understands) — written for these tests.
READ_BACK = [
    ("nh4n t!en h0 tr0", "nhan tien ho tro"),
    ("d!eu k!en NHAN TIEN", "dieu kien nhan tien"),
    ("quy B/H/T/N cua ban", "quy bhtn cua ban"),
    ("B.H.X.H thong bao", "bhxh thong bao"),
    ("cap nhat tai_khoan ngay", "cap nhat tai khoan ngay"),
    ("NhanNgayQuaTang hom nay", "nhan ngay qua tang hom nay"),
    ("nhanngay phanqua", "nhan ngay phan qua"),
    ("Tjen thuong 1OOk", "tien thuong 100k"),
    ("Sim dep O9l2345678 gia 5OOk", "sim dep 0912345678 gia 500k"),  # led by a letter O
    ("Ngayyy cuoi", "ngay cuoi"),
    ("n h a n qua", "nhan qua"),
    ("Đăng ký nhận quà", "dang ky nhan qua"),  # plain Vietnamese is only folded
    ("nhän quå tăng", "nhan qua tang"),  # Latin letters Vietnamese does not use
    ("Nhаn tiеn hỗ trợ", "nhan tien ho tro"),  # Cyrillic а and е
    ("ｎｈａｎ ｎｇａｙ", "nhan ngay"),  # full-width
    ("nh\u200ban ti\u200cen", "nhan tien"),  # zero-width characters
]


@pytest.mark.parametrize(("typed", "folded"), READ_BACK)
def test_disguised_words_read_back(typed: str, folded: str) -> None:
    assert clean(typed).words == folded


@pytest.mark.parametrize(
    ("typed", "link"),
    [
        ("vao bhxh-vn[.]top de nhan", "bhxh-vn.top"),
        ("vao bhxh-vn (.) top de nhan", "bhxh-vn.top"),
        ("truy cap https:// vssid-hotro.xyz ngay", "https://vssid-hotro.xyz"),
        ("website ho-tro. com hom nay", "ho-tro.com"),
        ("bam<link-nhan.win/ab12>ngay", "link-nhan.win/ab12"),
    ],
)
def test_disguised_links_become_one_token(typed: str, link: str) -> None:
    assert link in clean(typed).words.split()


@pytest.mark.parametrize(
    "typed",
    [
        "Giữ hàng cho em đến mai thôi. Cf giúp em",  # a sentence ends, chat slang follows
        "Ghé quán cô Lành. Com tấm ở đó ngon lắm",  # "cơm" typed without its mark
        "Mua đôi dép .ga lăng tặng mẹ",  # a word, then a stray dot
    ],
)
def test_a_dot_spaced_out_after_a_vietnamese_word_joins_no_link(typed: str) -> None:
    assert not any("." in word for word in clean(typed).words.split())


@pytest.mark.parametrize(
    "typed",
    [
        "goi 0912.345.678 ngay",
        "goi 0912 345 678 ngay",
        "goi +84 912 345 678 ngay",
        "goi 0-9-1-2-3-4-5-6-7-8 ngay",
    ],
)
def test_phone_numbers_in_any_grouping_become_digits(typed: str) -> None:
    digits = [w for w in clean(typed).words.split() if w.isdigit()]
    assert digits and digits[0].endswith("912345678")


@pytest.mark.parametrize(
    "number", ["0912345678", "0912.345.678", "0912 345 678", "+84 912 345 678", "1900 1234"]
)
def test_a_phone_number_points_back_to_all_of_its_digits(number: str) -> None:
    # A reason quotes the number a reader would call, not its first digit.
    text = f"Anh goi lai {number} nhe"
    cleaned = clean(text)
    digits = next(w for w in cleaned.folded.split(" ") if w.isdigit())
    start = cleaned.folded.index(digits)
    assert cleaned.excerpt(start, start + len(digits)) == number


def test_codes_and_names_are_not_read_as_disguises() -> None:
    cleaned = clean("Lớp IE224.P11.1 học tại phòng B4, xem Baccarat trên Samsung")
    assert not cleaned.disguised_tokens
    assert "baccarat" in cleaned.words and "samsung" in cleaned.words


@pytest.mark.parametrize(
    "text",
    [
        # A class code whose section starts with the letter O is no number in disguise.
        "Lop Co so du lieu(IT204.O13.2) nghi hoc, lop Mang(NT106.O21) hoc bu",
        # Account and card numbers masked by the bank that prints them.
        "TK xxxx7781902 vua tru 120,000VND, the 412345xxxxxx6612 da lien ket",
        "So tai khoan 19***4466 nhan 2.000.000d",
        # Times of day with their minutes.
        "hop luc 7h30 sang thu hai, 13g45 chieu hoc bu, tan luc 16h15p",
    ],
)
def test_codes_masked_numbers_and_times_are_not_read_as_disguises(text: str) -> None:
    assert not clean(text).disguised_tokens


@pytest.mark.parametrize(
    ("typed", "words", "disguised"),
    [
        # A card payment's merchant descriptor in a bank's notice: prefix, star, the shop's site.
        ("su dung tai AMZ*Amazon.com so tien", "su dung tai amz amazon.com so tien", False),
        ("thanh toan PAYPAL*Steam.com luc", "thanh toan paypal steam.com luc", False),
        # A link glued to words to slip past filters stays a disguise.
        ("bam<link-nhan.win/ab12>ngay", "bam link-nhan.win/ab12 ngay", True),
        ("Tặi*i<fr3e.win/z1r5Dd> ngay", "tai i fr3e.win/z1r5dd ngay", True),
        ("vao bhxh-vn.top.Nhan ngay", "vao bhxh-vn.top nhan ngay", True),
        # Syllables joined by dots, one of them a top-level domain ("co", "la"): no link inside.
        ("Ma.o.cay.lay.ma.o.co.chi.chua", "ma o cay lay ma o co chi chua", False),
        ("Vây.ha.co.mot.ngan.đô.kía...co.moi.", "vay ha co mot ngan do kia co moi", False),
    ],
)
def test_a_link_glued_to_words_is_a_disguise_unless_a_merchant_descriptor_or_dotted_words(
    typed: str, words: str, disguised: bool
) -> None:
    cleaned = clean(typed)
    assert cleaned.words == words
    assert bool(cleaned.disguised_tokens) is disguised


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        # Chat writes a pronoun or "không" as one letter before a word: no word spelt apart.
        ("C ơi mai c về quê ko", "c oi mai c ve que ko"),
        ("t hỏi mẹ rồi, k sao đâu", "t hoi me roi k sao dau"),
        ("ng yêu e đi làm chưa c ạ", "ng yeu e di lam chua c a"),
        ("Mai m rảnh k, t rủ đi ăn", "mai m ranh k t ru di an"),
        # A bank's initials and its product, joined by a hyphen.
        (
            "Chuyen khoan tren ABC-iBanking. Ma giao dich",
            "chuyen khoan tren abc ibanking ma giao dich",
        ),
    ],
)
def test_chat_letters_and_product_names_are_no_disguise(typed: str, words: str) -> None:
    cleaned = clean(typed)
    assert cleaned.words == words
    assert not cleaned.disguised_tokens


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("n å p tiền ngay", "nap"),  # letter by letter, a vowel alone among them
        ("T h ẻ của bạn bị khóa", "the"),
        ("Ѵ à o link nhận quà", "vao"),  # a Cyrillic letter among them
        ("nh ậ n quà", "nhan"),
        ("B H X H thông báo", "bhxh"),  # capitals spelt apart
        # Every word cut by punctuation: pieces that look like a product name stay a disguise.
        ("Nh:aNqua'T,ang ngay", "tang"),
    ],
)
def test_words_spelt_apart_still_read_back_as_a_disguise(typed: str, word: str) -> None:
    cleaned = clean(typed)
    assert word in cleaned.words.split()
    assert any(_fold(t.text) == word for t in cleaned.disguised_tokens)


def test_numbers_amounts_and_dates_stay_whole() -> None:
    assert clean("nộp 2.340.000 đồng trước 17h ngày 24/05/2025").words == (
        "nop 2.340.000 dong truoc 17h ngay 24/05/2025"
    )


def test_clause_ends_are_boundaries_and_not_words() -> None:
    cleaned = clean("Ông đi qua Hàn. Tính ra, mọi việc ổn.")
    assert f"han {BOUNDARY} tinh" in cleaned.folded
    assert BOUNDARY not in cleaned.words.split()


def test_spans_point_back_to_the_original_text() -> None:
    text = "Xin chao! Theo NQ-116 ban da du d!eu k!en nhan tien tai wtudl[.]icu ngay."
    cleaned = clean(text)
    start = cleaned.folded.index("dieu kien")
    assert cleaned.excerpt(start, start + len("dieu kien")) == "d!eu k!en"
    link = cleaned.folded.index("wtudl.icu")
    assert cleaned.excerpt(link, link + len("wtudl.icu")) == "wtudl[.]icu"


def test_marked_and_folded_forms_hold_the_same_tokens() -> None:
    cleaned = clean("Bảo hiểm xã hội Việt Nam, trợ cấp thất nghiệp.")
    assert len(cleaned.marked.split(" ")) == len(cleaned.folded.split(" "))
    assert cleaned.marked.startswith("bảo hiểm xã hội")
    assert cleaned.marked_share > 0.8
    assert clean("Bao hiem xa hoi Viet Nam").marked_share == 0


def test_nfd_input_reads_like_nfc() -> None:
    text = "Bảo hiểm y tế chi trả"
    assert clean(unicodedata.normalize("NFD", text)).words == clean(text).words


def test_a_word_is_cut_at_64_characters_and_a_link_at_400() -> None:
    link = "https://vi-du.vn/" + "a" * 500
    cleaned = clean(f"so {'12.' * 30_000} xem {link}")
    assert [t.text for t in cleaned.tokens] == ["so", "12." * 21 + "1", BOUNDARY, "xem", link[:400]]


@given(st.text(max_size=300))
def test_any_text_is_read_without_error_and_spans_stay_inside(text: str) -> None:
    cleaned = clean(text)
    length = len(unicodedata.normalize("NFC", text))
    for token in cleaned.tokens:
        assert 0 <= token.start <= token.end <= length
