"""A word typed without diacritics is marked in its accented forms in every hit, exact ones too."""

from __future__ import annotations

from index.base import Archive
from index.query_parser import parse_query
from index.snippets import make_snippet, mark_title
from index.types import Query
from tests.index.index_factories import make_doc


def test_an_exact_hit_marks_the_accented_forms_of_bare_words() -> None:
    # Found exactly through an unrelated "san" (san lấp): "thai sản" is what was asked for.
    body = "Công nhân nữ nghỉ thai sản sáu tháng, còn công trường vẫn san lấp mặt bằng."
    assert make_snippet(body, parse_query("thai san")) == (
        "Công nhân nữ nghỉ <mark>thai sản</mark> sáu tháng, còn công trường vẫn "
        "<mark>san</mark> lấp mặt bằng."
    )
    assert mark_title("Chế độ thai sản", parse_query("thai san")) == (
        "Chế độ <mark>thai sản</mark>"
    )


def test_words_typed_with_diacritics_still_mark_only_their_spelling() -> None:
    body = "Thủ tục thai sản, đất san lấp và sân bóng."
    assert make_snippet(body, parse_query("thai sân")) == (
        "Thủ tục <mark>thai</mark> sản, đất san lấp và <mark>sân</mark> bóng."
    )


def test_a_bare_expansion_is_marked_beside_its_abbreviation(archive_with_synonyms: Archive) -> None:
    archive_with_synonyms.upsert(
        [
            make_doc(
                "centre",
                title="Bảo hiểm xã hội quận mở điểm thu mới",
                body="Bảo hiểm xã hội (BHXH) quận vừa mở thêm một điểm thu tại chợ.",
            )
        ]
    )
    archive_with_synonyms.refresh()
    (hit,) = archive_with_synonyms.search(Query(text="bao hiem xa hoi")).hits
    assert hit.marked_title == "<mark>Bảo hiểm xã hội</mark> quận mở điểm thu mới"
    assert hit.snippet.startswith("<mark>Bảo hiểm xã hội</mark> (<mark>BHXH</mark>)")
