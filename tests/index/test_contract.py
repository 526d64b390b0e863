"""The one behaviour contract every archive backend meets (run per backend by `archive`)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from index.base import Archive
from index.errors import DocumentNotFound, QueryError
from index.types import UNKNOWN_GROUP, Document, Query, ReviewEvent
from tests.index.index_factories import make_doc


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


SCAM_WARNING = make_doc(
    "scam",
    outlet="bao_ha_noi",
    outlet_name="Báo Hà Nội",
    kind="provincial",
    title="Cảnh báo tin giả về rút lương hưu",
    body="Cơ quan bảo hiểm khuyến cáo: tin giả <script>alert('x')</script> lan truyền "
    "trên mạng xã hội về việc rút lương hưu sớm.",
    published_at=datetime(2024, 1, 7, 16, 59, 59, tzinfo=UTC),  # Sunday 23:59:59 in Hà Nội
    province="Hà Nội",
    provinces=("Hà Nội",),
    topics=("truc_loi_lua_dao", "luong_huu_chi_tra"),
    risk=0.9,
    tier="urgent",
    date_source="visible-text",
    date_reason="the visible byline (metadata: offset-mislabelled)",
    date_disagreements=(
        "json-ld:datePublished=2024-01-07T23:59:59+08:00 (-60 min): offset-mislabelled",
    ),
    seo_title="Mạo danh cơ quan bảo hiểm để lừa đảo",
)
JOINING = make_doc(
    "joining",
    outlet="bao_quoc_gia",
    outlet_name="Báo Quốc Gia",
    kind="national",
    title="Một doanh nghiệp gia nhập hiệp hội",
    body="Doanh nghiệp vừa gia nhập hiệp hội và cam kết đóng đủ bảo hiểm cho công nhân.",
    published_at=datetime(2024, 1, 7, 17, 0, 0, tzinfo=UTC),  # Monday 00:00 in Hà Nội
    province=None,
    provinces=("Cần Thơ",),
)
PENSION = make_doc(
    "pension",
    outlet="bao_can_tho",
    outlet_name="Báo Cần Thơ",
    kind="provincial",
    title="Bảo hiểm xã hội Cần Thơ chi trả lương hưu tháng hai",
    body="Bảo hiểm xã hội thành phố chi trả lương hưu đúng hạn cho người hưởng.",
    published_at=datetime(2024, 2, 15, 2, 0, tzinfo=UTC),
    province="Cần Thơ",
    provinces=("Cần Thơ",),
    topics=("luong_huu_chi_tra",),
    risk=0.5,
    tier="review",
)
HEALTH_NFD = make_doc(
    "health",
    title=nfd("Học sinh được cấp thẻ bảo hiểm y tế"),
    body=nfd("Trường học phối hợp cấp thẻ bảo hiểm y tế cho học sinh Đắk Lắk."),
    published_at=datetime(2023, 12, 31, 17, 0, tzinfo=UTC),  # Monday 2024-01-01 local
    province=nfd("Đắk Lắk"),
    provinces=(nfd("Đắk Lắk"),),
    topics=("bhyt",),
)
UNACCENTED = make_doc(
    "unaccented",
    outlet="bao_quoc_gia",
    outlet_name="Báo Quốc Gia",
    kind="national",
    title="Thong bao ve bao hiem xa hoi",
    body="Ban doc gui thu hoi ve bao hiem xa hoi bat buoc.",
    published_at=datetime(2024, 3, 1, 1, 0, tzinfo=UTC),
    topics=("bhxh_bat_buoc",),
    risk=0.1,
    tier="low",
)
CORPUS = (SCAM_WARNING, JOINING, PENSION, HEALTH_NFD, UNACCENTED)
ALL_IDS = {d.id for d in CORPUS}


@pytest.fixture
def filled(archive: Archive) -> Archive:
    assert archive.upsert(CORPUS) == len(CORPUS)
    archive.refresh()
    return archive


def ids(archive: Archive, **query: Any) -> set[str]:
    return {hit.document.id for hit in archive.search(Query(page_size=100, **query)).hits}


def ranked(archive: Archive, **query: Any) -> list[tuple[str, str]]:
    return [(h.document.id, h.match) for h in archive.search(Query(page_size=100, **query)).hits]


# -- storage ------------------------------------------------------------------------------


def test_upsert_is_idempotent_and_counts_new(filled: Archive) -> None:
    assert filled.upsert(CORPUS) == 0
    assert filled.upsert([*CORPUS, make_doc("extra")]) == 1
    filled.refresh()
    assert filled.stats().documents == len(CORPUS) + 1


def test_get_round_trips_every_field_in_nfc(filled: Archive) -> None:
    stored = filled.get("health")
    assert stored is not None
    assert stored.title == "Học sinh được cấp thẻ bảo hiểm y tế"
    assert stored.province == "Đắk Lắk"
    assert stored.published_at == HEALTH_NFD.published_at
    assert filled.get("scam") == SCAM_WARNING
    assert filled.get("no-such-id") is None


def test_replacing_text_reindexes_it(filled: Archive) -> None:
    filled.upsert([make_doc("pension", title="Tin khác hẳn", body="Không còn nội dung cũ.")])
    filled.refresh()
    assert "pension" not in ids(filled, text="chi trả")
    assert "pension" not in ids(filled, text="chi tra")
    assert ids(filled, text="khác hẳn") == {"pension"}


def test_delete(filled: Archive) -> None:
    assert filled.delete("pension") is True
    filled.refresh()
    assert filled.get("pension") is None
    assert "pension" not in ids(filled, text="lương hưu")
    assert "pension" not in ids(filled, text="luong huu")
    assert filled.delete("pension") is False


# -- text search ----------------------------------------------------------------------------


def test_the_seo_title_is_searched_and_ranked_below_the_title(filled: Archive) -> None:
    assert ranked(filled, text="mạo danh") == [("scam", "exact")]
    assert ranked(filled, text="mao danh") == [("scam", "folded")]
    filled.upsert([make_doc("fraud", title="Cảnh giác lừa đảo qua điện thoại")])
    filled.refresh()
    assert ranked(filled, text="lừa đảo") == [("fraud", "exact"), ("scam", "exact")]


def test_replacing_the_seo_title_reindexes_it(filled: Archive) -> None:
    filled.upsert([replace(SCAM_WARNING, seo_title="Tin giả về lương hưu")])
    filled.refresh()
    assert ids(filled, text="mạo danh") == set()
    assert ids(filled, text="mao danh") == set()
    assert filled.get("scam") == replace(SCAM_WARNING, seo_title="Tin giả về lương hưu")


def test_words_typed_with_diacritics_match_only_as_typed(filled: Archive) -> None:
    assert ranked(filled, text="giả") == [("scam", "exact")]
    assert ranked(filled, text="lương giả") == [("scam", "exact")]
    assert ranked(filled, text="nhập") == [("joining", "exact")]


def test_words_typed_bare_also_match_accented_text_ranked_after(filled: Archive) -> None:
    assert ranked(filled, text="gia") == [("joining", "exact"), ("scam", "folded")]
    # Mixed: "gia" may match any accented form, "cảnh" only as typed.
    assert ranked(filled, text="gia cảnh") == [("scam", "folded")]
    assert ranked(filled, text='"tin gia"') == [("scam", "folded")]


def test_query_without_diacritics_finds_accented_text_where_its_words_stand_together_first(
    filled: Archive,
) -> None:
    hits = ranked(filled, text="bao hiem xa hoi")
    assert set(hits[:2]) == {("unaccented", "exact"), ("pension", "folded")}
    assert hits[2:] == [("scam", "folded")]  # "bảo hiểm ... mạng xã hội": every word, apart


def test_words_typed_bare_rank_where_they_stand_together_first_on_every_page(
    archive: Archive,
) -> None:
    # "so" is also a word as typed ("so với"), but a query typed without any diacritic says
    # nothing of which word was meant: the words standing together ("sổ BHXH") say more.
    archive.upsert(
        [
            make_doc(
                "apart",
                title="BHXH tỉnh báo cáo",
                body="Số thu tăng 5% so với năm trước.",
                published_at=datetime(2024, 3, 2, tzinfo=UTC),
            ),
            make_doc(
                "together",
                title="Cấp lại sổ",
                body="Người lao động được cấp lại sổ BHXH.",
                published_at=datetime(2024, 3, 1, tzinfo=UTC),
            ),
            make_doc("other", title="Lịch tiếp công dân", body="Lịch tiếp công dân tháng này."),
        ]
    )
    archive.refresh()
    text = "so bhxh"
    assert ranked(archive, text=text) == [("together", "folded"), ("apart", "exact")]
    for size, expected in (
        (1, [[("together", "folded")], [("apart", "exact")], []]),
        (2, [[("together", "folded"), ("apart", "exact")], []]),
    ):
        pages = [
            archive.search(Query(text=text, page=n, page_size=size))
            for n in range(1, len(expected) + 1)
        ]
        assert [[(h.document.id, h.match) for h in p.hits] for p in pages] == expected
        assert {(p.total, p.total_exact) for p in pages} == {(2, True)}
    by_date = archive.search(Query(text=text, sort="date", page_size=10)).hits
    assert [h.document.id for h in by_date] == ["apart", "together"]  # newest first, as ever
    # Filtered, the same order among the articles the filters keep.
    archive.upsert(
        [make_doc("national", kind="national", body="Cấp lại sổ BHXH cho người lao động.")]
    )
    archive.refresh()
    for kinds, kept in (({"provincial"}, ["together", "apart"]), ({"national"}, ["national"])):
        hits = archive.search(Query(text=text, kinds=frozenset(kinds), page_size=10)).hits
        assert [h.document.id for h in hits] == kept, kinds


def test_every_exact_match_ranks_before_every_folded_one_on_every_page(archive: Archive) -> None:
    # Were exact matches only boosted, the short title holding the words with diacritics would
    # outscore the long body holding them as typed.
    filler = " ".join(f"Đoạn {i} kể chuyện khác của địa phương." for i in range(60))
    archive.upsert(
        [
            make_doc(
                "long",
                title="Bản tin tổng hợp",
                body=f"{filler} Ve tro cap that nghiep, lien he so lao dong. {filler}",
            ),
            make_doc("short", title="Trợ cấp thất nghiệp", body="Trợ cấp thất nghiệp."),
            make_doc("other", title="Lịch tiếp công dân", body="Lịch tiếp công dân tháng này."),
        ]
    )
    archive.refresh()
    text = '"tro cap that nghiep"'  # quoted: its words are no words to find together
    assert ranked(archive, text=text) == [("long", "exact"), ("short", "folded")]
    for size, expected in (
        (1, [[("long", "exact")], [("short", "folded")], []]),  # inside, past, beyond the tiers
        (2, [[("long", "exact"), ("short", "folded")], []]),  # a page straddling them
    ):
        pages = [
            archive.search(Query(text=text, page=n, page_size=size))
            for n in range(1, len(expected) + 1)
        ]
        assert [[(h.document.id, h.match) for h in p.hits] for p in pages] == expected
        assert {(p.total, p.total_exact) for p in pages} == {(2, True)}


@pytest.mark.parametrize("form", [str, nfd], ids=["nfc", "nfd"])
def test_nfc_and_nfd_queries_find_nfc_and_nfd_documents(filled: Archive, form) -> None:
    assert ranked(filled, text=form("thẻ bảo hiểm y tế")) == [("health", "exact")]
    assert ids(filled, provinces=frozenset({form("Đắk Lắk")})) == {"health"}


def test_invisible_characters_in_a_query_do_not_split_its_words(filled: Archive) -> None:
    # Zero-width space, soft hyphen, word joiner: pasted from a web page or a chat app.
    assert ids(filled, text="lư\u200bơng h\u00adưu") == {"pension", "scam"}
    assert ids(filled, text='"chi tr\u2060ả lương hưu"') == {"pension"}


def test_phrases_keep_word_order(filled: Archive) -> None:
    assert ids(filled, text='"chi trả lương hưu"') == {"pension"}
    assert ids(filled, text='"lương hưu chi trả"') == set()
    assert ids(filled, text='"chi tra luong huu"') == {"pension"}


def test_words_split_at_every_character_that_is_not_a_letter_or_digit(archive: Archive) -> None:
    # Elasticsearch's standard tokenizer alone would keep "TP.HCM" and "1.000.000" whole.
    archive.upsert(
        [
            make_doc(
                "wage",
                title="TP.HCM tăng lương tối thiểu",
                body="Mức mới 1.000.000 đồng từ ngày 1.7.2025, tăng 10,5% (#chinh_sach).",
            ),
            make_doc("other", title="Tin khác", body="Hà Nội chi trả 2.000.000 đồng."),
        ]
    )
    archive.refresh()
    for text in ("tp hcm", "TP.HCM", "TP HCM", '"1.000.000 đồng"', '"1 000 000 đồng"'):
        assert ranked(archive, text=text) == [("wage", "exact")], text
    for text in ("1.7.2025", "10,5", "chinh_sach", "chinh sach"):
        assert ids(archive, text=text) == {"wage"}, text
    assert ids(archive, text='"000 000 đồng"') == {"wage", "other"}
    # The marks fall on the words (a backend may mark the phrase whole or word by word).
    (hit,) = archive.search(Query(text='"1.000.000 đồng"')).hits
    marked = re.findall("<mark>(.*?)</mark>", hit.snippet)
    assert marked and all(part in "1.000.000 đồng" for part in marked)
    assert "1.000.000 đồng" in hit.snippet.replace("<mark>", "").replace("</mark>", "")


def test_all_words_are_required(filled: Archive) -> None:
    assert ids(filled, text="lương hưu Cần Thơ") == {"pension"}
    assert ids(filled, text="lương hưu xyzzy") == set()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        'tin "giả',
        "NOT giả",
        "giả OR gia",
        "giả AND",
        "*",
        "giả*",
        "(giả",
        "giả)",
        "title:giả",
        "NEAR(giả lương)",
        "^giả",
        "- giả",
        "+",
        "\x00giả\x1f",
        "'; DROP TABLE x;--",
        "{}[]\\",
        "giả" * 100,
        "🙂 giả",
        "\u200bgiả",
        "a" * 10_000,
    ],
)
def test_hostile_queries_give_results_or_a_query_error(filled: Archive, text: str) -> None:
    try:
        page = filled.search(Query(text=text))
    except QueryError as err:
        assert str(err) and "Traceback" not in str(err)
    else:
        assert page.total >= len(page.hits)


def test_capital_and_and_not_are_operators(filled: Archive) -> None:
    # AND is what words without an operator mean already; NOT is the dash reviewers know.
    assert ids(filled, text="bảo hiểm AND lương") == ids(filled, text="bảo hiểm lương") != set()
    assert ids(filled, text="lương hưu NOT giả") == {"pension"}
    assert ids(filled, text='lương hưu NOT "tin giả"') == {"pension"}
    assert ids(filled, text="bao hiem NOT luong") == {"joining", "unaccented", "health"}


def test_lower_case_and_not_are_words_and_other_syntax_plain_text(filled: Archive) -> None:
    # Like lower-case "or": an English "and" or "not" in an article can be searched for.
    assert ids(filled, text="lương and hưu") == set()
    assert ids(filled, text="lương hưu not giả") == set()
    assert "scam" in ids(filled, text='tin "giả')


def test_or_requires_either_side(filled: Archive) -> None:
    assert ids(filled, text="nhập OR giả") == {"joining", "scam"}
    assert ids(filled, text='"thẻ bảo hiểm" OR "rút lương hưu"') == {"health", "scam"}
    assert ids(filled, text="lương hưu OR xyzzy") == {"pension", "scam"}  # OR binds two words
    assert ids(filled, text="giả or") == set()  # lower-case "or" is a word like any other


def test_minus_excludes_words_and_phrases(filled: Archive) -> None:
    assert ids(filled, text="lương hưu -giả") == {"pension"}
    assert ids(filled, text='lương hưu -"tin giả"') == {"pension"}
    assert ids(filled, text="bao hiem -luong") == {"joining", "unaccented", "health"}
    # A bare exclusion leaves out the accented forms too; an accented one only that spelling.
    assert ids(filled, text="hiệp hội -gia") == set()
    assert ids(filled, text="hiệp hội -giả") == {"joining"}
    assert filled.counts(Query(text="lương hưu -giả")).total == 1


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212"], ids=["en", "em", "minus"])
def test_a_dash_from_word_before_a_word_excludes_as_the_minus_does(
    filled: Archive, dash: str
) -> None:
    # Word and Outlook write a typed `-` as a dash: read as required, it found the opposite.
    assert ids(filled, text=f"lương hưu {dash}giả") == {"pension"}
    assert ids(filled, text=f'lương hưu {dash}"tin giả"') == {"pension"}
    assert filled.counts(Query(text=f"lương hưu {dash}giả")).total == 1
    # Between spaces (a copied title) or inside a word it is punctuation, as `-` is there.
    assert ids(filled, text=f"lương hưu {dash} giả") == {"scam"}
    assert ids(filled, text=f"tin{dash}giả") == {"scam"}


def test_a_query_of_exclusions_alone_is_a_query_error(filled: Archive) -> None:
    with pytest.raises(QueryError, match="loại trừ"):
        filled.search(Query(text="-giả"))


@pytest.mark.parametrize("text", ["!!!", "—", '""', "()", "*", "-"])
def test_text_without_a_word_is_a_query_error_not_the_whole_archive(
    filled: Archive, text: str
) -> None:
    with pytest.raises(QueryError, match="không có từ nào để tìm"):
        filled.search(Query(text=text))
    with pytest.raises(QueryError, match="không có từ nào để tìm"):
        filled.counts(Query(text=text))


@pytest.fixture
def filled_with_synonyms(archive_with_synonyms: Archive) -> Archive:
    archive_with_synonyms.upsert(
        [
            *CORPUS,
            make_doc("abbrev", title="BHXH tỉnh nhắc NLĐ kiểm tra quá trình đóng", body="BHYT."),
        ]
    )
    archive_with_synonyms.refresh()
    return archive_with_synonyms


def test_abbreviations_and_expansions_match_each_other(filled_with_synonyms: Archive) -> None:
    # Every form finds the same articles; a group with a form typed without diacritics (BHXH)
    # may be met in any spelling, so unaccented text counts too (ranked as a folded match).
    both = {"pension", "unaccented", "abbrev"}
    for text in ("bảo hiểm xã hội", "BHXH", "bhxh", "bao hiem xa hoi", '"Bảo hiểm xã hội"'):
        assert ids(filled_with_synonyms, text=text) == both, text
    assert ranked(filled_with_synonyms, text="BHXH")[-1] == ("unaccented", "folded")
    assert ids(filled_with_synonyms, text='"người lao động"') == {"abbrev"}
    assert ids(filled_with_synonyms, text="BHXH OR BHYT") == {*both, "health"}
    assert ids(filled_with_synonyms, text="BHYT -BHXH") == {"health"}
    total = filled_with_synonyms.search(Query(text="BHXH")).total
    assert filled_with_synonyms.counts(Query(text="BHXH")).total == total


# Long enough that bm25 alone ranks a short article holding the query's words apart above it.
FILLER = " ".join(f"Đoạn {i} kể chuyện khác của địa phương." for i in range(30))
MEANT_EXACT = [("meant", "exact"), ("apart", "exact")]
APART_EXACT = [("apart", "exact"), ("meant", "exact")]


@pytest.mark.parametrize(
    ("text", "apart", "meant", "expected"),
    [
        # Typed next to each other, loose words mean the phrase.
        (
            "chậm đóng",
            ("Chậm trễ", "Chậm trễ vì đóng cửa."),
            "Doanh nghiệp chậm đóng.",
            MEANT_EXACT,
        ),
        # Quoted alone, a word is plain relevance: bm25 decides.
        (
            '"chậm" đóng',
            ("Chậm trễ", "Chậm trễ vì đóng cửa."),
            "Doanh nghiệp chậm đóng.",
            APART_EXACT,
        ),
        # Typed in another order than the text's: the words side by side say more than bm25.
        (
            "tự nguyện BHXH",
            ("Tự chọn", "BHXH tỉnh ghi nhận nguyện vọng."),
            "Người dân đóng BHXH tự nguyện.",
            MEANT_EXACT,
        ),
        (
            "tu nguyen bhxh",
            ("Tự chọn", "BHXH tỉnh ghi nhận nguyện vọng."),
            "Người dân đóng BHXH tự nguyện.",
            [("meant", "folded"), ("apart", "folded")],
        ),
        # "nghi" lost its diacritics ("nghỉ"): that it also matches as typed ("nghi ngờ") is no
        # sign of what was meant, where the words stand together is.
        (
            "tuổi nghi hưu",
            ("Tuổi trẻ", "Nghi ngờ về lương hưu."),
            "Quy định tuổi nghỉ hưu mới.",
            [("meant", "folded"), ("apart", "exact")],
        ),
    ],
    ids=["phrase", "quoted-word", "other-order", "other-order-bare", "one-word-bare"],
)
def test_loose_words_rank_where_they_stand_together_before_bm25_of_them_apart(
    archive: Archive,
    text: str,
    apart: tuple[str, str],
    meant: str,
    expected: list[tuple[str, str]],
) -> None:
    title, body = apart
    archive.upsert(
        [
            make_doc("apart", title=title, body=body),
            make_doc("meant", title="Tin tổng hợp", body=f"{FILLER} {meant}"),
        ]
    )
    archive.refresh()
    assert ranked(archive, text=text) == expected


def test_words_typed_bare_stand_together_in_any_form_of_their_group(
    filled_with_synonyms: Archive,
) -> None:
    archive = filled_with_synonyms
    archive.upsert(
        [
            make_doc("apart", title="BHXH tỉnh báo cáo", body="Số thu tăng 5% so với năm trước."),
            make_doc("written", title="Sổ bảo hiểm xã hội", body="Cấp lại cho người lao động."),
        ]
    )
    archive.refresh()
    assert ranked(archive, text="so bhxh") == [("written", "folded"), ("apart", "exact")]


def test_a_dotted_abbreviation_finds_it_whole_dotted_and_written_out(
    filled_with_synonyms: Archive,
) -> None:
    filled_with_synonyms.upsert(
        [
            make_doc("dotted", title="Cấp lại thẻ B.H.Y.T cho học sinh"),
            make_doc("letters", title="Bảng chữ cái: b, h, y và t"),  # the letters, not together
            make_doc("city", title="TP.HCM chi trả lương hưu"),
        ]
    )
    filled_with_synonyms.refresh()
    bhyt = ids(filled_with_synonyms, text="BHYT") | {"dotted"}
    assert "health" in bhyt and "abbrev" in bhyt
    for text in ("B.H.Y.T", "b.h.y.t", "B.H.Y.T.", "bhyt OR B.H.Y.T"):
        assert ids(filled_with_synonyms, text=text) == bhyt, text
    assert ids(filled_with_synonyms, text='"thẻ B.H.Y.T"') == {"dotted"}
    assert "dotted" not in ids(filled_with_synonyms, text="thẻ -B.H.Y.T")
    assert ids(filled_with_synonyms, text="TP.HCM") == {"city"}


def test_a_form_holding_another_groups_form_matches_it_written_out(
    filled_with_synonyms: Archive,
) -> None:
    filled_with_synonyms.upsert(
        [
            make_doc("short", title="Vận động tham gia BHXH tự nguyện"),
            make_doc("long", title="Vận động tham gia bảo hiểm xã hội tự nguyện"),
            make_doc("abbr", title="Vận động tham gia BHXHTN"),
        ]
    )
    filled_with_synonyms.refresh()
    for text in ("BHXH tự nguyện", "bảo hiểm xã hội tự nguyện", "BHXHTN"):
        assert ids(filled_with_synonyms, text=text) == {"short", "long", "abbr"}, text


def test_without_a_synonym_table_an_abbreviation_is_a_word(filled: Archive) -> None:
    assert ids(filled, text="BHXH") == set()


def test_snippets_escape_the_text_and_mark_the_words(filled: Archive) -> None:
    (hit,) = (h for h in filled.search(Query(text="giả")).hits if h.document.id == "scam")
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>giả</mark>" in hit.snippet
    assert hit.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippets_show_whole_words(archive: Archive) -> None:
    body = "Người hưởng nhận tiền " * 30 + "BHYT " + "Chính sách hỗ trợ " * 40
    archive.upsert([make_doc("long", body=body)])
    archive.refresh()
    (hit,) = archive.search(Query(text="BHYT")).hits
    shown = hit.snippet.replace("<mark>", "").replace("</mark>", "").strip("… ")
    start = body.index(shown)
    end = start + len(shown)
    assert "BHYT" in shown
    assert not (start and body[start - 1].isalnum()) and not body[end].isalnum(), shown


def test_snippets_mark_the_matched_words_only(filled_with_synonyms: Archive) -> None:
    # BHYT matched the abbreviation: the words of its expansion standing apart are not marked;
    # "cảnh" was typed with diacritics: "cạnh" is another word, even in a folded hit.
    filled_with_synonyms.upsert(
        [
            make_doc("clinic", body="Trạm y tế xã cấp thẻ BHYT; bảo hiểm xe máy thì khác."),
            make_doc("rivals", body="Cạnh tranh gay gắt, hoàn cảnh khó khăn vì tin giả."),
        ]
    )
    filled_with_synonyms.refresh()
    (clinic,) = (
        h for h in filled_with_synonyms.search(Query(text="BHYT")).hits if h.document.id == "clinic"
    )
    assert "<mark>BHYT</mark>" in clinic.snippet
    assert "Trạm y tế xã" in clinic.snippet and "bảo hiểm xe" in clinic.snippet
    (rivals,) = (
        h
        for h in filled_with_synonyms.search(Query(text="gia cảnh")).hits
        if h.document.id == "rivals"
    )
    assert rivals.match == "folded"
    assert "<mark>cảnh</mark>" in rivals.snippet and "Cạnh tranh" in rivals.snippet


def test_titles_are_marked_whole_and_escaped(filled_with_synonyms: Archive) -> None:
    # A hit matching in its title only shows the body's start unmarked: the marked title tells
    # why it matched. As the snippet marks: words, synonym forms, folded forms of a folded hit.
    long_title = "<b>Tin giả</b> về BHYT: " + "cảnh báo " * 30 + "tin giả"
    filled_with_synonyms.upsert([make_doc("titled", title=long_title, body="Nội dung khác.")])
    filled_with_synonyms.refresh()
    (titled,) = (
        h for h in filled_with_synonyms.search(Query(text="giả")).hits if h.document.id == "titled"
    )
    assert "<mark>" not in titled.snippet
    assert titled.marked_title == (
        "&lt;b&gt;Tin <mark>giả</mark>&lt;/b&gt; về BHYT: "
        + "cảnh báo " * 30
        + "tin <mark>giả</mark>"
    )
    marked = {
        h.document.id: (h.match, h.marked_title)
        for h in filled_with_synonyms.search(Query(text="BHXH")).hits
    }
    assert marked == {
        "pension": (
            "exact",
            "<mark>Bảo hiểm xã hội</mark> Cần Thơ chi trả lương hưu tháng hai",
        ),
        "abbrev": ("exact", "<mark>BHXH</mark> tỉnh nhắc NLĐ kiểm tra quá trình đóng"),
        "unaccented": (
            "folded",
            "Thong bao ve <mark>bao hiem xa hoi</mark>",
        ),
    }


# -- filters, sort, pagination -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ALL_IDS),
        ({"date_from": date(2024, 1, 8)}, {"joining", "pension", "unaccented"}),
        ({"date_to": date(2024, 1, 7)}, {"scam", "health"}),
        ({"date_from": date(2024, 1, 8), "date_to": date(2024, 1, 8)}, {"joining"}),
        ({"date_from": date(2024, 1, 1), "date_to": date(2024, 1, 1)}, {"health"}),
        ({"outlets": frozenset({"bao_quoc_gia"})}, {"joining", "unaccented"}),
        ({"kinds": frozenset({"provincial"})}, {"scam", "pension", "health"}),
        ({"provinces": frozenset({"Cần Thơ"})}, {"joining", "pension"}),
        ({"provinces": frozenset({"Hà Nội", "Đắk Lắk"})}, {"scam", "health"}),
        ({"topics": frozenset({"luong_huu_chi_tra"})}, {"scam", "pension"}),
        ({"topics": frozenset({"bhyt", "bhxh_bat_buoc"})}, {"health", "unaccented"}),
        ({"tiers": frozenset({"review", "low"})}, {"pension", "unaccented"}),
        ({"review_statuses": frozenset({"unstarted"})}, ALL_IDS),
        ({"review_statuses": frozenset({"false"})}, set()),
        ({"flagged_only": True}, {"scam", "pension"}),
        ({"text": "lương hưu", "provinces": frozenset({"Hà Nội"})}, {"scam"}),
        ({"text": "bao hiem", "kinds": frozenset({"national"})}, {"joining", "unaccented"}),
        ({"text": "bảo hiểm", "kinds": frozenset({"national"})}, {"joining"}),
    ],
)
def test_filters(filled: Archive, query: dict[str, Any], expected: set[str]) -> None:
    assert ids(filled, **query) == expected
    assert filled.search(Query(**query)).total == len(expected)


def test_review_status_filter_follows_reviews(filled: Archive) -> None:
    filled.record_review(_event("pension", "unstarted", "false"))
    filled.refresh()
    assert ids(filled, review_statuses=frozenset({"false"})) == {"pension"}


def test_sort_by_date_is_newest_first(filled: Archive) -> None:
    by_date = [h.document.id for h in filled.search(Query(sort="date", page_size=10)).hits]
    assert by_date == ["unaccented", "pension", "joining", "scam", "health"]
    with_text = filled.search(Query(text="bao hiem", sort="date")).hits
    assert [h.document.id for h in with_text] == [
        "unaccented",
        "pension",
        "joining",
        "scam",
        "health",
    ]
    matches = {h.document.id: h.match for h in with_text}
    assert matches["unaccented"] == "exact" and matches["pension"] == "folded"


def test_pagination_covers_every_hit_once(filled: Archive) -> None:
    pages = [filled.search(Query(sort="date", page=n, page_size=2)) for n in (1, 2, 3, 4)]
    assert [len(p.hits) for p in pages] == [2, 2, 1, 0]
    assert {p.total for p in pages} == {5}
    seen = [h.document.id for p in pages for h in p.hits]
    assert sorted(seen) == sorted(ALL_IDS)


@pytest.mark.parametrize("page,size", [(0, 20), (1, 0), (-1, 10), (1, 10_000)])
def test_bad_pages_are_query_errors(filled: Archive, page: int, size: int) -> None:
    with pytest.raises(QueryError):
        filled.search(Query(page=page, page_size=size))


def test_a_page_says_how_far_its_order_reaches_and_serves_up_to_there(filled: Archive) -> None:
    # Pagers stop at `last_reachable_page`: that page is served, the next one refused.
    ranked = filled.search(Query(text="bảo hiểm", sort="relevance"))
    last = ranked.last_reachable_page
    assert ranked.reachable is not None and last is not None
    assert filled.search(Query(text="bảo hiểm", sort="relevance", page=last)).hits == ()
    with pytest.raises(QueryError):
        filled.search(Query(text="bảo hiểm", sort="relevance", page=last + 1))
    by_date = filled.search(Query(text="bảo hiểm", sort="date"))
    assert by_date.reachable is None or by_date.reachable >= ranked.reachable


# -- counts ---------------------------------------------------------------------------------


def test_a_range_of_days_ending_before_it_starts_is_a_query_error(filled: Archive) -> None:
    reversed_days = Query(date_from=date(2024, 2, 15), date_to=date(2024, 2, 1))
    for query in (reversed_days, replace(reversed_days, text="bảo hiểm")):
        with pytest.raises(QueryError, match="Khoảng ngày không hợp lệ"):
            filled.search(query)
        with pytest.raises(QueryError, match="Khoảng ngày không hợp lệ"):
            filled.counts(query)
        with pytest.raises(QueryError, match="Khoảng ngày không hợp lệ"):
            filled.count_matches(query)
    assert ids(filled, date_from=date(2024, 2, 15), date_to=date(2024, 2, 15)) == {"pension"}


def test_iter_documents_of_a_query_walks_every_match_newest_first(filled: Archive) -> None:
    filled.record_review(_event("pension", "unstarted", "false"))
    filled.record_review(_event("unaccented", "unstarted", "no_violation"))
    filled.refresh()
    decided = Query(review_statuses=frozenset({"false", "no_violation"}), page=7, sort="relevance")
    walked = [d.id for d in filled.iter_documents(page_size=1, query=decided)]
    assert walked == ["unaccented", "pension"]
    folded = [d.id for d in filled.iter_documents(page_size=1, query=Query(text="bao hiem"))]
    assert folded == [
        h.document.id for h in filled.search(Query(text="bao hiem", sort="date")).hits
    ]
    assert [d.id for d in filled.iter_documents(page_size=2)] == [
        d.id for d in sorted(CORPUS, key=lambda d: d.published_at, reverse=True)
    ]


def test_weeks_start_on_monday_in_the_archive_timezone(filled: Archive) -> None:
    table = filled.counts(Query(date_from=date(2024, 1, 1), date_to=date(2024, 1, 14)))
    assert table.buckets == (date(2024, 1, 1), date(2024, 1, 8))
    # scam (Sunday 23:59:59 local) and health (Monday 1 Jan local) | joining (Monday 8 Jan 00:00)
    assert dict(table.rows) == {"": (2, 1)}


def test_counts_zero_fill_the_query_range(filled: Archive) -> None:
    table = filled.counts(
        Query(date_from=date(2023, 12, 1), date_to=date(2024, 3, 31)), interval="month"
    )
    assert table.buckets == (
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
        date(2024, 3, 1),
    )
    assert dict(table.rows) == {"": (0, 3, 1, 1)}
    assert table.interval == "month" and table.group_by is None


def test_open_range_spans_the_data(filled: Archive) -> None:
    table = filled.counts(Query(), interval="month")
    assert table.buckets[0] == date(2024, 1, 1) and table.buckets[-1] == date(2024, 3, 1)
    assert table.total == len(CORPUS)
    empty = filled.counts(Query(text="xyzzy"))
    assert empty.total == 0


def test_counts_by_province_topic_outlet_kind(filled: Archive) -> None:
    query = Query(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    by_province = filled.counts(query, group_by="province", interval="month")
    assert {k: sum(v) for k, v in by_province.rows.items()} == {
        "Hà Nội": 1,
        "Cần Thơ": 1,
        "Đắk Lắk": 1,
        UNKNOWN_GROUP: 2,
    }
    by_topic = filled.counts(query, group_by="topic", interval="month")
    assert {k: sum(v) for k, v in by_topic.rows.items()} == {
        "truc_loi_lua_dao": 1,
        "luong_huu_chi_tra": 2,
        "bhyt": 1,
        "bhxh_bat_buoc": 1,
        UNKNOWN_GROUP: 1,
    }
    by_kind = filled.counts(query, group_by="kind", interval="month")
    assert {k: sum(v) for k, v in by_kind.rows.items()} == {"provincial": 3, "national": 2}
    by_outlet = filled.counts(query, group_by="outlet", interval="week")
    assert sum(by_outlet.rows["bao_quoc_gia"]) == 2
    assert all(len(row) == len(by_outlet.buckets) for row in by_outlet.rows.values())


def test_filtered_groups_appear_even_when_empty(filled: Archive) -> None:
    table = filled.counts(
        Query(
            provinces=frozenset({"Hà Nội", "Huế"}),
            date_from=date(2024, 1, 1),
            date_to=date(2024, 1, 31),
        ),
        group_by="province",
        interval="month",
    )
    assert dict(table.rows) == {"Hà Nội": (1,), "Huế": (0,)}
    # Asked decomposed (NFD) or in the old spelling: one row, under the name as stored.
    asked = frozenset({nfd("Đắk Lắk"), "Khánh Hoà"})
    table = filled.counts(
        Query(provinces=asked, date_to=date(2024, 1, 31)), group_by="province", interval="month"
    )
    assert {group: sum(counts) for group, counts in table.rows.items()} == {
        "Đắk Lắk": 1,
        "Khánh Hòa": 0,
    }


@pytest.mark.parametrize(
    "query",
    [
        Query(),
        Query(text="bảo hiểm"),
        Query(text="bao hiem"),
        Query(text="giả"),
        Query(provinces=frozenset({"Cần Thơ"}), date_from=date(2024, 1, 1)),
        Query(flagged_only=True, date_to=date(2024, 2, 29)),
    ],
)
def test_counts_sum_to_the_search_total(filled: Archive, query: Query) -> None:
    total = filled.search(query).total
    for interval in ("week", "month"):
        assert filled.counts(query, interval=interval).total == total
    assert filled.counts(query, group_by="province").total == total
    assert filled.count_matches(replace(query, page=3, sort="date")) == total


def test_unknown_grouping_is_a_query_error(filled: Archive) -> None:
    with pytest.raises(QueryError):
        filled.counts(Query(), group_by="author")  # type: ignore[arg-type]


# -- reviews and stats ----------------------------------------------------------------------


def _event(
    doc_id: str, before: str, after: str, *, minutes: int = 0, note: str = ""
) -> ReviewEvent:
    return ReviewEvent(
        document_id=doc_id,
        actor="kiemduyet",
        note=note,
        status_before=before,
        status_after=after,
        at=datetime(2024, 3, 2, 8, minutes, tzinfo=UTC),
        detail={"lý do": "đối chiếu văn bản"},
    )


def test_reviews_append_and_survive_reupsert(filled: Archive) -> None:
    first = _event("scam", "unstarted", "in_progress", minutes=1, note="Kiểm tra nguồn")
    second = _event("scam", "in_progress", "no_violation", minutes=5)
    filled.record_review(first)
    filled.record_review(second)
    filled.upsert([SCAM_WARNING])  # a re-crawl carries the default status
    filled.refresh()
    stored = filled.get("scam")
    assert stored is not None and stored.review_status == "no_violation"
    assert tuple(filled.review_history("scam")) == (first, second)
    assert tuple(filled.review_history("pension")) == ()


def test_history_is_in_time_order(filled: Archive) -> None:
    later = _event("scam", "unstarted", "in_progress", minutes=30)
    earlier = _event("scam", "in_progress", "false", minutes=10)
    filled.record_review(later)
    filled.record_review(earlier)
    filled.refresh()
    assert [e.at for e in filled.review_history("scam")] == [earlier.at, later.at]


def test_review_histories_are_each_documents_history_read_in_batches(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the leadership report reads for its decided items: per id asked, in that order,
    exactly its `review_history` (an id without events, or unknown, has an empty one), however
    the ids fall into batches."""
    monkeypatch.setattr("index.sqlite_backend.HISTORY_BATCH", 2)
    monkeypatch.setattr("index.elastic.HISTORY_BATCH", 2)
    events = [
        _event("scam", "unstarted", "in_progress", minutes=30),
        _event("pension", "unstarted", "false", minutes=3, note="Trái thông cáo"),
        _event("scam", "in_progress", "false", minutes=10),
        _event("unaccented", "unstarted", "no_violation", minutes=1),
        _event("scam", "false", "false", minutes=10, note="cùng thời điểm, ghi sau"),
    ]
    for event in events:
        filled.record_review(event)
    filled.refresh()
    asked = ["scam", "missing", "unaccented", "joining", "pension"]
    histories = filled.review_histories(asked)
    assert list(histories) == asked
    assert {i: tuple(h) for i, h in histories.items()} == {
        i: tuple(filled.review_history(i)) for i in asked
    }
    assert tuple(histories["scam"]) == (events[2], events[4], events[0])
    assert tuple(histories["missing"]) == tuple(histories["joining"]) == ()
    assert dict(filled.review_histories([])) == {}


def test_review_events_across_documents_newest_first_with_filters(filled: Archive) -> None:
    events = [
        _event("scam", "unstarted", "in_progress", minutes=1),
        _event("pension", "unstarted", "no_violation", minutes=2),
        _event("scam", "in_progress", "false", minutes=3),
    ]
    events[1] = dataclasses.replace(events[1], actor="binh")
    for event in events:
        filled.record_review(event)
    filled.refresh()
    assert list(filled.review_events()) == events[::-1]
    assert list(filled.review_events(actor="binh")) == [events[1]]
    assert list(filled.review_events(since=events[1].at, until=events[2].at)) == [events[1]]
    assert list(filled.review_events(limit=1)) == [events[2]]
    assert list(filled.review_events(action="reopen")) == []


def test_review_activity_names_each_document_acted_on_in_the_range_once(filled: Archive) -> None:
    """One read of the log for the leadership report: which documents had a decision, a
    follow-up or an escalation in a time range, each with its latest such event; notes,
    assignments and other statuses leave a document out. The log outlives its articles."""

    def at(hour: int, minute: int) -> datetime:
        return datetime(2024, 3, 2, hour, minute, tzinfo=UTC)

    events = [
        ReviewEvent("scam", "an", at(8, 1), "unstarted", "in_progress"),
        ReviewEvent("scam", "an", at(8, 3), "in_progress", "false", "Trái thông cáo"),
        ReviewEvent(
            "scam",
            "binh",
            at(8, 5),
            "false",
            "false",
            "Báo cáo tuần",
            "follow_up",
            {"follow_up": "reported_to_leadership"},
        ),
        ReviewEvent("pension", "an", at(8, 2), "unstarted", "unstarted", "Hỏi lại", "note"),
        ReviewEvent(
            "pension",
            "tinh",
            at(8, 4),
            "unstarted",
            "unstarted",
            "Lan trên Zalo",
            "escalate",
            {"province": "Cần Thơ"},
        ),
        ReviewEvent("joining", "an", at(9, 0), "unstarted", "no_violation", "Không vi phạm"),
        ReviewEvent(
            "unaccented",
            "an",
            at(8, 10),
            "unstarted",
            "unstarted",
            "",
            "assign",
            {"assignee": "an"},
        ),
    ]
    for event in events:
        filled.record_review(event)
    filled.refresh()
    acted = {"follow_up", "escalate"}
    decided = {"false", "no_violation"}
    start, end = at(8, 0), at(9, 0)  # 09:00 itself is after the range
    found = filled.review_activity(since=start, until=end, actions=acted, statuses=decided)
    assert dict(found) == {"scam": at(8, 5), "pension": at(8, 4)}
    assert dict(filled.review_activity(since=start, until=end, statuses=decided)) == {
        "scam": at(8, 3)
    }
    ict = timezone(timedelta(hours=7))  # the same instants, written in Hà Nội time
    since, until = at(8, 0).astimezone(ict), at(8, 4).astimezone(ict)
    assert dict(filled.review_activity(since=since, until=until, statuses=decided)) == {
        "scam": at(8, 3)
    }
    assert dict(filled.review_activity(since=start, until=end, actions={"note", "assign"})) == {
        "pension": at(8, 2),
        "unaccented": at(8, 10),
    }
    assert dict(filled.review_activity(since=at(9, 0), until=at(9, 1), statuses=decided)) == {
        "joining": at(9, 0)  # `since` is in the range
    }
    assert dict(filled.review_activity(since=start, until=end)) == {}  # nothing asked
    filled.delete("pension")
    filled.refresh()
    assert "pension" in filled.review_activity(since=start, until=end, actions=acted)


def test_a_system_event_keeps_the_status_and_its_detail(filled: Archive) -> None:
    """An article edited at its source after a decision: the system's event (pressmon's
    "content_changed") is stored like any other, its list-valued detail intact, and a status
    it leaves as it was stays (a later re-crawl does not reset it either)."""
    decided = _event("scam", "unstarted", "false", minutes=1, note="Trái thông cáo")
    changed = ReviewEvent(
        document_id="scam",
        actor="system",
        at=datetime(2024, 3, 2, 8, 9, tzinfo=UTC),
        status_before="false",
        status_after="false",
        note="Bài gốc đã được sửa sau khi thu thập lại, thay đổi: tiêu đề, nội dung.",
        action="content_changed",
        detail={"changed": ["title", "body"], "tier": "urgent", "risk": 0.93, "risk_before": None},
    )
    filled.record_review(decided)
    filled.upsert([replace(SCAM_WARNING, title="Cảnh báo tin giả về rút lương hưu (đã sửa)")])
    filled.record_review(changed)
    filled.refresh()
    assert tuple(filled.review_history("scam")) == (decided, changed)
    stored = filled.get("scam")
    assert stored is not None and stored.review_status == "false"
    assert stored.title.endswith("(đã sửa)")
    assert list(filled.review_events(action="content_changed")) == [changed]
    assert list(filled.review_events(actor="system")) == [changed]


def test_review_of_an_unknown_document_is_refused(filled: Archive) -> None:
    with pytest.raises(DocumentNotFound):
        filled.record_review(_event("missing", "unstarted", "false"))
    filled.refresh()
    assert tuple(filled.review_history("missing")) == ()


def test_stats(filled: Archive) -> None:
    filled.record_review(_event("joining", "unstarted", "out_of_scope"))
    filled.refresh()
    stats = filled.stats()
    assert (stats.documents, stats.flagged, stats.reviewed) == (5, 2, 1)
    assert stats.first_published == HEALTH_NFD.published_at
    assert stats.last_published == UNACCENTED.published_at
    assert stats.last_crawled == max(d.crawled_at for d in CORPUS)


def test_empty_archive(archive: Archive) -> None:
    stats = archive.stats()
    assert (stats.documents, stats.flagged, stats.first_published) == (0, 0, None)
    assert archive.search(Query(text="bảo hiểm")).total == 0
    assert archive.counts(Query()).buckets == ()


def test_many_documents_in_several_batches(archive: Archive) -> None:
    base = datetime(2024, 5, 6, tzinfo=UTC)
    docs: list[Document] = [
        make_doc(
            f"bulk-{i}",
            title=f"Bản tin số {i}",
            body="Tin về bảo hiểm thất nghiệp.",
            published_at=base + timedelta(hours=i),
        )
        for i in range(1_234)
    ]
    assert archive.upsert(iter(docs)) == len(docs)
    archive.refresh()
    assert archive.search(Query(text="thất nghiệp")).total == len(docs)
    assert archive.counts(Query(text="that nghiep"), interval="month").total == len(docs)


def pension_copy(story_id: str, **changes: Any) -> Document:
    """PENSION as another outlet published it, clustered into `story_id`."""
    return replace(
        PENSION,
        id="pension-copy",
        url="https://khac.vn/a",
        canonical_url="https://khac.vn/a",
        outlet="bao_khac",
        outlet_name="Báo Khác",
        story_id=story_id,
        **changes,
    )


def test_stories_count_syndicated_copies_once(archive: Archive) -> None:
    from dataclasses import replace

    original = replace(PENSION, story_id=PENSION.id)
    copy = pension_copy(PENSION.id, published_at=PENSION.published_at + timedelta(days=20))
    archive.upsert([original, copy, SCAM_WARNING])
    archive.refresh()
    query = Query(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    articles = archive.counts(query, interval="month")
    stories = archive.counts(query, interval="month", unit="stories")
    assert dict(articles.rows) == {"": (1, 1, 1)} and articles.unit == "articles"
    assert dict(stories.rows) == {"": (1, 1, 1)} and stories.unit == "stories"  # one per month
    whole = Query(date_from=date(2024, 2, 1), date_to=date(2024, 2, 29))
    copy_same_month = replace(copy, published_at=PENSION.published_at + timedelta(days=1))
    archive.upsert([copy_same_month])
    archive.refresh()
    assert archive.counts(whole, interval="month").total == 2
    assert archive.counts(whole, interval="month", unit="stories").total == 1
    by_outlet = archive.counts(whole, group_by="outlet", interval="week", unit="stories")
    assert {k: sum(v) for k, v in by_outlet.rows.items()} == {"bao_can_tho": 1, "bao_khac": 1}


def test_story_filter_finds_a_storys_copies(archive: Archive) -> None:
    # The review queue lists one story's copies (?cau_chuyen=) and counts each row's copies.
    copy = pension_copy("s-pension")
    archive.upsert([replace(PENSION, story_id="s-pension"), copy, SCAM_WARNING, JOINING])
    archive.refresh()
    story = frozenset({"s-pension"})
    assert ids(archive, stories=story) == {"pension", "pension-copy"}
    assert ids(archive, stories=story | {"s-none"}, outlets=frozenset({"bao_khac"})) == {
        "pension-copy"
    }
    assert ids(archive, stories=frozenset({"s-none"})) == set()
    assert archive.counts(Query(stories=story)).total == 2
    flagged = archive.triage(Query(stories=story), 10).entries
    assert {e.id for e in flagged} == {"pension", "pension-copy"}
    assert len(archive.triage(Query(), 10).entries) == 3  # absent: every flagged article


def test_story_filter_finds_the_article_that_founded_the_story(archive: Archive) -> None:
    # A story is named after its first article (story_id = id); a later copy carries that name.
    # An article that founded a story and was later clustered into another is no longer in it.
    archive.upsert(
        [
            replace(SCAM_WARNING, story_id="scam"),
            replace(JOINING, story_id="scam"),
            replace(PENSION, story_id="scam"),
        ]
    )
    archive.refresh()
    assert ids(archive, stories=frozenset({"scam"})) == {"scam", JOINING.id, "pension"}
    assert ids(archive, stories=frozenset({"pension"})) == set()
    assert ids(archive, stories=frozenset({"scam"}), flagged_only=True) == {
        d.id for d in (SCAM_WARNING, JOINING, PENSION) if d.tier in ("urgent", "review")
    }


def test_story_ids_read_each_documents_story(archive: Archive) -> None:
    # The review queue reads them to show one row per story (?gop=1).
    archive.upsert([replace(PENSION, story_id="s-pension"), SCAM_WARNING])
    archive.refresh()
    assert archive.story_ids(["scam", "missing", "pension"]) == {
        "scam": None,
        "pension": "s-pension",
    }
    assert archive.story_ids([]) == {}


@pytest.mark.parametrize(
    ("original_at", "copy_at", "interval", "cells"),
    [
        # Sunday 23:30 and Monday 00:10 in Hà Nội (16:30Z, 17:10Z): two weeks, one story
        (
            datetime(2024, 1, 7, 16, 30, tzinfo=UTC),
            datetime(2024, 1, 7, 17, 10, tzinfo=UTC),
            "week",
            (1, 2),
        ),
        # both on the Sunday
        (
            datetime(2024, 1, 7, 16, 30, tzinfo=UTC),
            datetime(2024, 1, 7, 16, 50, tzinfo=UTC),
            "week",
            (1, 1),
        ),
        # 31 December 23:30 and 1 January 00:10: two months and two years, one story
        (
            datetime(2023, 12, 31, 16, 30, tzinfo=UTC),
            datetime(2023, 12, 31, 17, 10, tzinfo=UTC),
            "month",
            (1, 2),
        ),
    ],
)
def test_a_story_across_two_buckets_is_one_story_of_the_range(
    archive: Archive,
    original_at: datetime,
    copy_at: datetime,
    interval: Any,
    cells: tuple[int, ...],
) -> None:
    original = replace(PENSION, published_at=original_at, story_id=PENSION.id)
    copy = replace(
        original,
        id="pension-copy",
        url="https://khac.vn/a",
        canonical_url="https://khac.vn/a",
        outlet="bao_khac",
        outlet_name="Báo Khác",
        published_at=copy_at,
    )
    other = replace(SCAM_WARNING, published_at=copy_at + timedelta(hours=2), story_id=None)
    archive.upsert([original, copy, other])
    archive.refresh()
    hanoi = timezone(timedelta(hours=7))
    query = Query(
        date_from=original_at.astimezone(hanoi).date(),
        date_to=copy_at.astimezone(hanoi).date() + timedelta(days=1),
    )
    stories = archive.counts(query, interval=interval, unit="stories")
    assert dict(stories.rows) == {"": cells}
    assert stories.total == 2  # the syndicated story and the other article
    assert archive.counts(query, interval=interval).total == 3
    by_outlet = archive.counts(query, group_by="outlet", interval=interval, unit="stories")
    assert by_outlet.total == 3  # grouped: each outlet's placement of the story


def test_interactive_pages_count_up_to_the_limit_and_paging_reaches_every_match(
    archive_counting_to_3: Archive,
) -> None:
    archive = archive_counting_to_3
    days = range(1, 6)
    archive.upsert(
        make_doc(
            f"d{day}", body="Chi trả lương hưu.", published_at=datetime(2024, 3, day, tzinfo=UTC)
        )
        for day in days
    )
    archive.refresh()
    for text in ("lương hưu", "luong huu", ""):
        first = archive.search(Query(text=text, sort="date", page_size=2))
        assert (first.total, first.total_exact, first.more_after) == (3, False, True)
        relevance = archive.search(Query(text=text, page_size=20))
        assert (relevance.total, relevance.total_exact) == (3, False)
        pages = [
            archive.search(Query(text=text, sort="date", page=n, page_size=2)) for n in (1, 2, 3)
        ]
        assert [len(p.hits) for p in pages] == [2, 2, 1]
        found = [h.document.id for p in pages for h in p.hits]
        assert found == [f"d{day}" for day in reversed(days)]
        bulk = archive.search(Query(text=text, sort="date", page_size=100))
        assert (bulk.total, bulk.total_exact, bulk.more_after) == (5, True, False)
    assert [d.id for d in archive.iter_documents(page_size=2)] == [f"d{d}" for d in reversed(days)]
    few = archive.search(
        Query(text="lương hưu", sort="date", page_size=2, date_to=date(2024, 3, 3))
    )
    assert (few.total, few.total_exact) == (3, True)
    for text in ("lương hưu", "luong huu", ""):  # past the count limit, counted whole
        assert archive.count_matches(Query(text=text, page=9, page_size=2)) == 5
        assert archive.count_matches(Query(text=text, date_from=date(2024, 3, 4))) == 2
