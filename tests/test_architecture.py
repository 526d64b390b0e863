"""The dependency graph: which of our top-level packages each package may import.

Dependencies point one way: vntext is the shared base; classifier, index and crawlers build on it
and nothing else of ours; pressmon wires them (and serves the demo site for `pressmon demo`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANYTHING = None  # benchmarks and tests exercise every part
ALLOWED: dict[str, frozenset[str] | None] = {
    "vntext": frozenset({"vntext"}),
    "classifier": frozenset({"classifier", "vntext"}),
    "index": frozenset({"index", "vntext"}),
    "crawlers": frozenset({"crawlers", "vntext"}),
    "demo": frozenset({"demo"}),
    "pressmon": frozenset({"pressmon", "crawlers", "classifier", "index", "vntext", "demo"}),
    "benchmarks": ANYTHING,
    "tests": ANYTHING,
}
_SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__"}


def _top_level_packages() -> set[str]:
    """Every directory at the repository root that holds Python code."""
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and path.name not in _SKIPPED_DIRS
        and not path.name.startswith(".")
        and any(path.rglob("*.py"))
    }


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_top_level_package_has_an_entry() -> None:
    assert _top_level_packages() == set(ALLOWED)


@pytest.mark.parametrize("package", sorted(name for name, ok in ALLOWED.items() if ok is not None))
def test_package_imports_only_what_it_may(package: str) -> None:
    ours = set(ALLOWED)
    allowed = ALLOWED[package]
    assert allowed is not None
    offenders = {
        str(path.relative_to(ROOT)): sorted((_imported_packages(path) & ours) - allowed)
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _imported_modules(path: Path) -> set[str]:
    """Absolute module names imported, `from pressmon import cli` as pressmon.cli."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_only_the_command_line_imports_the_command_line() -> None:
    """pressmon.cli sits on top of pressmon: a module the CLI imports that imported the CLI back
    (pressmon.demo_run did, for its printing) could not be imported on its own."""
    cli = ROOT / "pressmon" / "cli"
    offenders = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "pressmon").rglob("*.py")
        if cli not in path.parents
        and path.name != "__main__.py"
        and any(
            m == "pressmon.cli" or m.startswith("pressmon.cli.") for m in _imported_modules(path)
        )
    )
    assert offenders == []
