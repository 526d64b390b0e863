"""What the coverage page's tables count, said on the page where the rows do not add up to the
total a reader compares them with."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from index.base import Archive
from tests.web.conftest import make_doc

MAY = "tu=01/05/2026&den=20/05/2026"


def _section(html: str, title: str) -> str:
    return html.split(f"<h2>{title}</h2>", 1)[1].split("</section>", 1)[0]


def test_the_topic_table_says_why_it_adds_up_to_more_than_the_articles(
    as_lead, archive: Archive
) -> None:
    client, _ = as_lead
    archive.upsert([make_doc(7, id="two-topics", topics=("luong_huu_chi_tra", "bhyt"))])
    html = client.get(f"/bao-phu?{MAY}").text
    headline = re.search(r"<b>([\d.]+)</b> tin, bài\.", html)
    assert headline, html
    total = int(headline.group(1).replace(".", ""))
    topics = _section(html, "Chủ đề")
    summed = sum(
        int(n.replace(".", "")) for n in re.findall(r'<td class="num">([\d.]+)</td>', topics)
    )
    assert summed == total + 1
    assert (
        f"Một bài có thể thuộc nhiều chủ đề nên các dòng cộng lại ({summed}) nhiều hơn số tin, "
        f"bài ({total})."
    ) in topics
    report = client.get(f"/bao-cao?{MAY}").text
    assert "Một bài có thể thuộc nhiều chủ đề" in _section(report, "Chủ đề")
    book = load_workbook(io.BytesIO(client.get(f"/bao-cao.xlsx?{MAY}").content))
    cells = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value]
    assert any(c.startswith("Một bài có thể thuộc nhiều chủ đề") for c in cells)


def test_no_topic_note_when_the_rows_add_up(as_lead) -> None:
    client, _ = as_lead
    assert "thuộc nhiều chủ đề" not in client.get(f"/bao-phu?{MAY}").text
