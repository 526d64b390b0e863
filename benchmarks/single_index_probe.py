"""Could one FTS5 index serve both searches, exact and without diacritics? Measured, not assumed.

The archive keeps two full-text indexes (`index.sqlite_schema`): the exact one and a folded one
for words typed without diacritics. Ingestion writes both, which is why it reaches about half of
the exact-only floor's rate (`index_bench.py`, issue #18). Python's `sqlite3` cannot register a
tokenizer, so a single index was never tried; this probe compiles one (`single_index_probe.c`,
gcc and SQLite's headers needed) and builds, from the same generated articles in one run:

- exact: the floor, one exact index (`unicode61 remove_diacritics 0`);
- two indexes: the exact one and the folded one, as the archive has them;
- colocated: one index whose tokenizer also stores each accented word's folded form at the
  same position (FTS5 colocated tokens);
- vocabulary: one exact index whose tokenizer folds each new word into a set, the price of
  keeping the folded-to-accented vocabulary that a bare word would be expanded from at query
  time (the query then gives FTS5 every accented form of each word as colocated alternatives).

It reports ingestion CPU per article for each, and for phrases typed without diacritics the
median time of the relevance page (newest 5,000 matches ranked by bm25, as the floor ranks)
on the two-index build's folded table and on the two single-index designs, with a check that
each returns the same rows in the same order.

    python benchmarks/single_index_probe.py [--size 100000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import sysconfig
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.article_corpus import articles  # noqa: E402
from index.sqlite_schema import FOLDED_VALUE  # noqa: E402
from index.sqlite_writes import prepare  # noqa: E402

SOURCE = Path(__file__).with_suffix(".c")
FOLDED_MARK = "\uf8f0"
ALTERNATIVE_MARK = "\uf8f2"
PHRASES = ("luong huu", "bao hiem xa hoi", "so bhxh", "dong bao hiem", "nguoi lao dong")
_PRAGMAS = ("page_size = 8192", "journal_mode = WAL", "synchronous = NORMAL")
_CONTENT = "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT);"
_FTS = (
    "CREATE VIRTUAL TABLE fts USING fts5 (title, body, tags, content='docs', "
    "content_rowid='rowid', tokenize='{tokenizer}');"
)
_FOLDED = (
    "CREATE VIRTUAL TABLE folded USING fts5 (title, body, tags, content='', "
    "tokenize='unicode61 remove_diacritics 2');"
)
_INSERT_FOLDED = (
    "INSERT INTO folded (rowid, title, body, tags) VALUES "
    f"(?, {FOLDED_VALUE.format(value='?')}, {FOLDED_VALUE.format(value='?')}, ?)"
)
BUILDS = {
    "exact": "unicode61 remove_diacritics 0",
    "two indexes": "unicode61 remove_diacritics 0",
    "colocated": "pressmon_probe colocate",
    "vocabulary": "pressmon_probe record",
}


class ProbeError(Exception):
    """The probe's tokenizer could not be built or is not seen by Python's sqlite3."""


def install_tokenizer(build_dir: Path) -> None:
    """Compile the tokenizer and register it on every connection opened from now on."""
    target = build_dir / f"single_index_probe{sysconfig.get_config_var('EXT_SUFFIX')}"
    command = [
        "gcc", "-O2", "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}",
        str(SOURCE), "-lsqlite3", "-o", str(target),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise ProbeError(f"cannot compile {SOURCE.name} (gcc, libsqlite3-dev): {detail}") from error
    spec = importlib.util.spec_from_file_location("single_index_probe", target)
    if spec is None or spec.loader is None:
        raise ProbeError(f"cannot load {target}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.install()
    import sqlite3

    try:
        sqlite3.connect(":memory:").execute(_FTS.format(tokenizer="pressmon_probe"))
    except sqlite3.Error as error:
        raise ProbeError(
            f"Python's sqlite3 does not see the tokenizer ({error}): it must link the "
            "same libsqlite3 as the probe"
        ) from error


def open_build(directory: Path, name: str) -> Any:
    import sqlite3

    path = directory / f"{name.replace(' ', '_')}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in _PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    schema = _CONTENT + _FTS.format(tokenizer=BUILDS[name])
    conn.executescript(schema + (_FOLDED if name == "two indexes" else ""))
    return conn


def ingest(builds: dict[str, Any], size: int, batch: int = 1_000) -> dict[str, float]:
    """CPU ms per article for each build; each batch goes to every build in turn."""
    spent = dict.fromkeys(builds, 0.0)
    stream, next_rowid = articles(size), 1
    while chunk := list(islice(stream, batch)):
        rows = [
            (next_rowid + i, item.row["title"], item.row["body"], item.row["tags"])
            for i, item in enumerate(prepare(chunk))
        ]
        next_rowid += len(rows)
        for name, conn in builds.items():
            statements = [
                ("INSERT INTO docs VALUES (?, ?, ?, ?)", rows),
                ("INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)", rows),
            ]
            if name == "two indexes":
                statements.append((_INSERT_FOLDED, rows))
            started = time.process_time()
            conn.execute("BEGIN")
            for sql, values in statements:
                conn.executemany(sql, values)
            conn.execute("COMMIT")
            spent[name] += time.process_time() - started
    return {name: seconds * 1000 / size for name, seconds in spent.items()}


def fold(word: str) -> str:
    """As the folded index: đ → d, then the combining marks removed, lower case."""
    plain = word.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", plain)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def accented_forms(conn: Any) -> dict[str, set[str]]:
    """Every term of the index under its folded form (the vocabulary a query expands from)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, fts, 'row')")
    forms: dict[str, set[str]] = defaultdict(set)
    for (term,) in conn.execute("SELECT term FROM temp.terms"):
        forms[fold(term)].add(term)
    return forms


def alternatives(forms: Iterable[str]) -> str:
    return ALTERNATIVE_MARK + ALTERNATIVE_MARK.join(sorted(forms))


def matches(phrase: str, forms: dict[str, set[str]] | None) -> str:
    """The MATCH string for a phrase typed without diacritics on a single-index build."""
    words = phrase.split()
    if forms is None:  # colocated: the word as written, or its folded form behind the mark
        return '"' + " ".join(alternatives({w, FOLDED_MARK + w}) for w in words) + '"'
    return '"' + " ".join(alternatives(forms.get(w, set()) | {w}) for w in words) + '"'


def relevance_page(conn: Any, table: str, match: str) -> tuple[list[int], int]:
    sql = (
        f"SELECT rowid FROM (SELECT rowid, bm25({table}, 4.0, 1.0, 0.0) AS score FROM {table} "
        f"WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 5000) ORDER BY score, rowid LIMIT 20"
    )
    count = conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (match,))
    return [row[0] for row in conn.execute(sql, (match,))], count.fetchone()[0]


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[runs // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="where to build (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.dir or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        try:
            install_tokenizer(Path(scratch))
        except ProbeError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        builds = {name: open_build(directory, name) for name in BUILDS}
        cost = ingest(builds, args.size)
        print(f"{args.size:,} articles, ingestion CPU ms per article (ratio to exact):")
        for name, ms in cost.items():
            print(f"  {name:<12} {ms:.4f}  ({cost['exact'] / ms:.2f})")
        forms = accented_forms(builds["vocabulary"])
        print("phrases without diacritics, relevance page, median ms (matches):")
        for phrase in PHRASES:
            folded = '"' + phrase + '"'
            two = builds["two indexes"]
            baseline = relevance_page(two, "folded", folded)
            took = median_ms(partial(relevance_page, two, "folded", folded))
            row = [f"  {phrase!r:<18} two indexes {took:6.1f} ({baseline[1]:,})"]
            for name, vocabulary in (("colocated", None), ("vocabulary", forms)):
                match = matches(phrase, vocabulary)
                page = relevance_page(builds[name], "fts", match)
                same = "same rows" if page == baseline else "DIFFERENT rows"
                took = median_ms(partial(relevance_page, builds[name], "fts", match))
                row.append(f"{name} {took:6.1f} ({same})")
            print(" · ".join(row))
        for conn in builds.values():
            conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
