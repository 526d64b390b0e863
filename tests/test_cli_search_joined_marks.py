"""Words of a match standing together are one mark, not a mark per word: `pressmon search
"lương hưu"` shows «lương hưu», not «lương» «hưu», and the API's snippet and marked_title
`<mark>lương hưu</mark>`, on either backend."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from index.elastic_mapping import document_to_source
from index.elastic_query import search_page
from index.types import Query
from pressmon.cli import main
from tests.index.index_factories import make_doc

BODY = "BHXH chi trả lương hưu đúng hạn; lương, hưu và </mark> <mark> <b>lương</b> hưu."


def _search(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_words_standing_together_are_one_mark(tmp_path: Path) -> None:
    with open_archive("sqlite", path=tmp_path / "pressmon.db") as archive:
        archive.upsert([make_doc("p", title="Lương hưu tháng 7", body=BODY)])
    title_line, _link, snippet_line = _search(tmp_path, "lương hưu").splitlines()[1:4]
    assert title_line.endswith("  «Lương hưu» tháng 7")
    assert snippet_line.startswith("    BHXH chi trả «lương hưu» đúng hạn; «lương», «hưu» và")
    (hit,) = json.loads(_search(tmp_path, "lương hưu", "--json"))["hits"]
    assert hit["marked_title"] == "<mark>Lương hưu</mark> tháng 7"
    # Marks apart by more than spaces stay apart; the document's own tags stay escaped text.
    assert hit["snippet"] == (
        "BHXH chi trả <mark>lương hưu</mark> đúng hạn; <mark>lương</mark>, <mark>hưu</mark> và "
        "&lt;/mark&gt; &lt;mark&gt; &lt;b&gt;<mark>lương</mark>&lt;/b&gt; <mark>hưu</mark>."
    )
    (phrase,) = json.loads(_search(tmp_path, '"chi trả lương hưu"', "--json"))["hits"]
    assert "<mark>chi trả lương hưu</mark> đúng hạn" in phrase["snippet"]


def test_an_elasticsearch_highlight_is_joined_too() -> None:
    doc = make_doc("p", title="Tin", body="chi trả lương hưu")
    raw = {
        "_id": "p",
        "_score": 1.0,
        "_source": document_to_source(doc),
        "highlight": {"body": ["chi trả <mark>lương</mark> <mark>hưu</mark>"]},
    }
    response = {"hits": {"total": {"value": 1}, "hits": [raw]}}
    (found,) = search_page(response, Query(text="lương hưu")).hits
    assert found.snippet == "chi trả <mark>lương hưu</mark>"
