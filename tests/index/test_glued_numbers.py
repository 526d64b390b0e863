"""A number typed with separators (a date, a decree's number) is its words together."""

from __future__ import annotations

from index.base import Archive
from index.query_parser import ParsedQuery, parse_query
from index.types import Query
from tests.index.index_factories import make_doc


def test_a_glued_number_is_a_phrase_and_a_date_has_both_spellings() -> None:
    assert parse_query("115/2015/NĐ-CP") == ParsedQuery(phrases=(("115", "2015", "nđ", "cp"),))
    assert parse_query("tăng 7,5%") == ParsedQuery(terms=("tăng",), phrases=(("7", "5"),))
    assert parse_query("1/7") == ParsedQuery(any_of=((("1", "7"), ("01", "07")),))
    assert parse_query("-05.02.2026 BHYT") == ParsedQuery(
        terms=("bhyt",), excluded=(("05", "02", "2026"), ("5", "2", "2026"))
    )
    # Letters joined by dots keep their reading; 31/13 is no date, only a phrase.
    assert parse_query("TP.HCM") == ParsedQuery(terms=("tp", "hcm"), together=(("tp", "hcm"),))
    assert parse_query("31/13") == ParsedQuery(phrases=(("31", "13"),))


def test_a_date_or_decree_number_finds_only_articles_writing_it(archive: Archive) -> None:
    archive.upsert(
        [
            make_doc("date", title="Điều chỉnh trợ cấp", body="Áp dụng từ ngày 01/07 năm nay."),
            make_doc("apart", title="Tăng 7% mức hỗ trợ", body="Có 1 đợt chi trả trong quý."),
            make_doc("decree", title="Hướng dẫn mới", body="Theo Nghị định 12/2024/NĐ-CP."),
            make_doc("other", title="Văn bản khác", body="Nghị định 2024/NĐ-CP số 12 bổ sung."),
        ]
    )
    archive.refresh()

    def found(text: str) -> set[str]:
        return {hit.document.id for hit in archive.search(Query(text=text, page_size=50)).hits}

    assert found("1/7") == {"date"}
    assert found("1-7") == {"date"}
    assert found("12/2024/NĐ-CP") == {"decree"}
