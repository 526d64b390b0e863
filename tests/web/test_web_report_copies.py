"""The leadership report says which of its items are copies of one content (`Document.story_id`:
a scam post reposted in several groups): each category's heading counts its distinct contents
beside its items, a copy's row says how many other copies the report lists, the summary gives
the distinct contents beside the items listed, and the workbook's last column "Mã nội dung" the
story id to group copies by. Every copy keeps its row, in the same order: each is a publication
of its own, with its own link and saved copy."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from tests.web.conftest import flagged

PERIOD = "tu=01/05/2026&den=31/05/2026"
STORY = "giaymoi1"  # the founding copy's id, as ingestion gives it


def _item(n: int, name: str, story_id: str | None, category: str = "C2") -> object:
    return flagged(
        n,
        "urgent",
        0.8,
        id=name,
        story_id=story_id,
        category=category,
        title=f"Giấy mời nhận tiền BHXH, bản {name}",
        url=f"https://nhom.vn/{name}",
        canonical_url=f"https://nhom.vn/{name}",
    )


@pytest.fixture
def copies(archive):
    archive.upsert(
        [
            _item(3, "giaymoi1", STORY),
            _item(4, "giaymoi2", STORY),
            _item(5, "giaymoi3", STORY),
            _item(6, "giaymoi4", STORY, category="C1"),  # the same post, classed otherwise
            _item(7, "rieng1", "rieng1"),  # alone in its story
            _item(8, "rieng2", None),  # never clustered
        ]
    )
    return archive


def _headings(page: str) -> dict[str, str]:
    return {h.split(" ", 1)[0]: h for h in re.findall(r"<h3>([^<]*)</h3>", page)}


def _rows(page: str) -> dict[str, str]:
    """Item id -> its row, in page order."""
    return {
        m.group(1): m.group(0)
        for m in re.finditer(r'<tr><td class="doc"><a href="/bai/([^"]+)">.*?</tr>', page, re.S)
    }


def _copies_line(row: str) -> str | None:
    found = re.search(r'<div class="small muted story-copies">([^<]*)</div>', row)
    return found.group(1) if found else None


def test_a_category_counts_its_contents_and_a_copy_says_how_many_others(as_lead, copies) -> None:
    client, _ = as_lead
    page = client.get(f"/bao-cao?{PERIOD}").text
    headings = _headings(page)
    assert headings["C2"] == "C2 · Văn bản, giấy mời giả (5 bài, 3 nội dung)"
    assert "nội dung" not in headings["C1"]  # its items are distinct contents, as before
    rows = _rows(page)
    # Every copy keeps its row, newest published first as before.
    c2 = [i for i in rows if i.startswith(("giaymoi", "rieng")) and i != "giaymoi4"]
    assert c2 == ["giaymoi1", "giaymoi2", "giaymoi3", "rieng1", "rieng2"]
    for copy in ("giaymoi1", "giaymoi2", "giaymoi3", "giaymoi4"):  # the C1 copy counts too
        assert _copies_line(rows[copy]) == "Cùng nội dung với 3 bài khác trong báo cáo"
    for alone in ("rieng1", "rieng2", "doc001", "doc002"):
        assert _copies_line(rows[alone]) is None


def test_the_summary_counts_the_distinct_contents_listed(as_lead, copies) -> None:
    client, _ = as_lead
    page = client.get(f"/bao-cao?{PERIOD}").text
    summary = re.search(r'<p id="tom-tat">([^<]*)</p>', page)
    assert summary is not None
    # The seed's 4 items, 4 copies of one post and 2 items alone: 10 items, 7 contents.
    assert "Có 10 tin cần xác minh (7 nội dung khác nhau) đăng trong kỳ;" in summary.group(1)


def test_the_workbook_gives_each_item_its_content_id_last(as_lead, copies) -> None:
    client, _ = as_lead
    sheet = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{PERIOD}").content))[
        "Bài cần xác minh"
    ]
    header = [c.value for c in sheet[1]]
    # Added last: a spreadsheet reading the columns before it by position reads them still.
    assert header[-2:] == ["Đơn vị kết luận", "Mã nội dung"] and len(header) == 25
    content = {
        row[header.index("Đường dẫn")]: row[-1]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert len(content) == 10  # every copy keeps its row
    for name in ("giaymoi1", "giaymoi2", "giaymoi3", "giaymoi4"):
        assert content[f"https://nhom.vn/{name}"] == STORY
    assert content["https://nhom.vn/rieng1"] == "rieng1"
    assert content["https://nhom.vn/rieng2"] == "rieng2"  # never clustered: a content of its own
