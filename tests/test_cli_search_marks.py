"""`pressmon search` marks the query's matches with «» in the title as in the snippet: a hit
matching in its title only shows why it matched."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from index import open_archive
from pressmon.cli import main
from tests.index.index_factories import make_doc


def test_a_title_only_match_is_marked_in_the_title_line(tmp_path: Path) -> None:
    with open_archive("sqlite", path=tmp_path / "pressmon.db") as archive:
        archive.upsert(
            [make_doc("zalo", title="Cảnh báo <b>lừa đảo</b> qua Zalo", body="Nội dung khác.")]
        )
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "search", "zalo"])
    assert result.exit_code == 0, result.output
    title_line, _link, snippet_line = result.output.splitlines()[1:4]
    assert title_line.endswith("  Cảnh báo <b>lừa đảo</b> qua «Zalo»")
    assert snippet_line == "    Nội dung khác."
    as_json = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "search", "zalo", "--json"])
    (hit,) = json.loads(as_json.output)["hits"]
    assert hit["marked_title"] == "Cảnh báo &lt;b&gt;lừa đảo&lt;/b&gt; qua <mark>Zalo</mark>"
