"""`pressmon classify --json` run in process on JSON lines, with the model at `model_file`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from pressmon.cli import main


def classify(model_file: Path, data_dir: Path, lines: list[dict]) -> tuple[Result, list[dict]]:
    """The run, and the JSON objects it printed on stdout, in order."""
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(data_dir), "classify", "--json"],
        input=stdin,
        env={"PRESSMON_MODEL": str(model_file)},
    )
    rows = [json.loads(row) for row in result.stdout.splitlines() if row.startswith("{")]
    return result, rows
