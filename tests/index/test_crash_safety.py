"""A bulk import killed with SIGKILL leaves a sound archive holding every committed batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.sqlite_backend import SQLiteArchive
from index.types import Query

BATCH = 250
KILL_AFTER = 2_000

# The child imports nothing from the tests: it builds its own documents and reports each
# committed batch (upsert returns only after its transaction commits) on stdout.
CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from index.sqlite_backend import SQLiteArchive
    from index.types import Document

    archive = SQLiteArchive(Path(sys.argv[1]), batch_size={batch})
    start = datetime(2024, 1, 1, tzinfo=UTC)
    done = 0
    while True:
        batch = [
            Document(
                id=f"doc-{{n}}", url=f"https://baodemo.vn/{{n}}", canonical_url=f"https://baodemo.vn/{{n}}",
                outlet="bao_demo", outlet_name="Báo Demo", kind="provincial",
                title=f"Bản tin bảo hiểm xã hội số {{n}}",
                body="Người lao động tra cứu quá trình đóng bảo hiểm trên ứng dụng. " * 20,
                published_at=start + timedelta(minutes=n), crawled_at=start,
                province="Huế", topics=("bhxh_bat_buoc",),
            )
            for n in range(done, done + {batch})
        ]
        archive.upsert(batch)
        done += len(batch)
        print(done, flush=True)
    """
).format(batch=BATCH)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_bulk_import_loses_only_the_open_batch(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    committed = 0
    try:
        assert child.stdout is not None
        for line in child.stdout:
            committed = int(line)
            if committed >= KILL_AFTER:
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert committed >= KILL_AFTER, "the child stopped before it was killed"

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    archive = SQLiteArchive(path)
    stored = archive.stats().documents
    assert stored >= committed and stored % BATCH == 0  # whole batches only
    assert all(archive.get(f"doc-{n}") is not None for n in range(committed))
    assert archive.search(Query(text="tra cứu")).total == stored
    assert archive.search(Query(text="tra cuu")).total == stored
    archive.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO articles_folded (articles_folded) VALUES ('integrity-check')")
