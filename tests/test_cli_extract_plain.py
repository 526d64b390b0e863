"""`pressmon extract` without --json shows lists, mappings and missing values as text, not as
Python's `['…']`, `{'title': 'css'}` and `None`, which it used to print."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main

PAGE = Path(__file__).parent / "fixtures/pages/cafef.vn/meth04__cafef_article.excerpt.html"


def test_plain_output_has_no_python_reprs() -> None:
    # An address no configured source owns: no source_id.
    result = CliRunner().invoke(main, ["extract", str(PAGE), "--url", "https://a.vn/x.html"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "date_disagreements: (không có)" in lines
    assert "source_id: (không có)" in lines
    assert "authors: Dương Ngọc" in lines
    methods = next(line for line in lines if line.startswith("methods: "))
    assert methods.startswith("methods: title: css, body: density, ")
    fields = [line for line in lines if line.split(":")[0] in {"authors", "methods", "source_id"}]
    assert not any(mark in line for line in fields for mark in ("[", "{", "None"))
