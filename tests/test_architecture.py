"""The layering the owner fixed: classifier/ and index/ are leaves that import nothing else of
ours."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"crawlers", "classifier", "index", "pressmon", "demo", "benchmarks", "tests"}
LEAVES = {"classifier": {"classifier"}, "index": {"index"}}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_leaf_packages_import_only_themselves(leaf: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted((_imported_packages(path) & OURS) - LEAVES[leaf])
        for path in (ROOT / leaf).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
