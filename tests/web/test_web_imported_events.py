"""`pressmon index import` keeps a file's actors and times but marks its events imported, so a
forged file cannot put words in a local account's mouth (issue 14, item 5)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from click.testing import CliRunner

from index.records import document_to_record, event_to_record
from index.transfer import export_jsonl, import_jsonl
from index.types import ReviewEvent
from pressmon.cli import main

FORGED = ReviewEvent(
    document_id="doc003",
    actor="chi",  # a local admin's name
    at=datetime(2001, 1, 1, tzinfo=UTC),
    status_before="unstarted",
    status_after="false",
    note="Quyết định giả mạo",
)


def _file(archive) -> str:
    line = {
        "document": document_to_record(archive.get("doc003")),
        "reviews": [event_to_record(FORGED)],
    }
    return json.dumps(line, ensure_ascii=False) + "\n"


def test_imported_events_are_marked_and_shown_as_from_a_file(as_reviewer, archive) -> None:
    import_jsonl(archive, io.StringIO(_file(archive)))
    [event] = archive.review_history("doc003")
    assert (event.actor, event.at, event.imported) == ("chi", FORGED.at, True)
    client, _ = as_reviewer
    assert "chi (nhập từ tệp)" in client.get("/bai/doc003").text
    [shown] = client.get("/api/items/doc003").json()["history"]
    assert shown["imported"] is True and shown["actor_label"] == "chi (nhập từ tệp)"
    assert "chi (nhập từ tệp)" in client.get("/bai/doc003/nhat-ky.csv").text


def test_a_file_cannot_unmark_its_events(archive) -> None:
    sneaky = _file(archive).replace('"detail": {}', '"detail": {"imported": false}')
    assert '"imported": false' in sneaky
    import_jsonl(archive, io.StringIO(sneaky))
    assert [e.imported for e in archive.review_history("doc003")] == [True]


def test_reimport_and_round_trip_add_nothing(as_reviewer, archive) -> None:
    client, token = as_reviewer
    client.post(
        "/api/items/doc003/decide",
        json={"action": "note", "note": "ghi chú tại chỗ"},
        headers={"X-CSRF-Token": token},
    )
    import_jsonl(archive, io.StringIO(_file(archive)))
    import_jsonl(archive, io.StringIO(_file(archive)))  # the same file again
    out = io.StringIO()
    export_jsonl(archive, out)
    import_jsonl(archive, io.StringIO(out.getvalue()))  # back into the archive it came from
    history = archive.review_history("doc003")
    assert sorted((e.actor, e.imported) for e in history) == [("an", False), ("chi", True)]


def test_cli_import_marks_events(archive, tmp_path) -> None:
    source = tmp_path / "forged.jsonl"
    source.write_text(_file(archive), encoding="utf-8")
    target = tmp_path / "target.sqlite3"
    result = CliRunner().invoke(main, ["--archive", str(target), "index", "import", str(source)])
    assert result.exit_code == 0, result.output
    from index import open_archive

    imported = open_archive("sqlite", path=target, timezone="Asia/Ho_Chi_Minh")
    try:
        assert [e.imported for e in imported.review_history("doc003")] == [True]
    finally:
        imported.close()
