"""JSONL export/import between two real SQLite archives."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from index.errors import RecordError
from index.records import document_to_record
from index.sqlite_backend import SQLiteArchive
from index.transfer import export_jsonl, import_jsonl
from index.types import Document, Query, ReviewEvent
from vntext.normalize import INVISIBLE

sqlite_backend = pytest.importorskip(
    "index.sqlite_backend", reason="the SQLite backend has not landed yet"
)

ICT = timezone(timedelta(hours=7))


def _doc(n: int, **overrides: object) -> Document:
    values: dict[str, object] = dict(
        id=f"doc-{n}",
        url=f"https://baodemo.vn/bai-{n}.html",
        canonical_url=f"https://baodemo.vn/bai-{n}.html",
        outlet="bao_demo",
        outlet_name="Báo Demo",
        kind="provincial",
        title=f"Bài {n}: chi trả lương hưu qua tài khoản",
        body='Bảo hiểm xã hội tỉnh hướng dẫn người dân cài đặt VssID. "Trích dẫn" <b>thẻ</b>',
        published_at=datetime(2025, 3, n, 20, 15, tzinfo=ICT),
        crawled_at=datetime(2025, 3, n, 21, 0, tzinfo=ICT),
        province="Cần Thơ",
        provinces=("Cần Thơ", "Hà Nội"),
        topics=("luong_huu_chi_tra", "chuyen_doi_so_vssid"),
        relevance_reasons=("từ khóa: lương hưu",),
        story_id=f"story-{n}",
        date_source="visible-text",
        date_reason="the visible byline (metadata: offset-mislabelled)",
        date_disagreements=(
            f"json-ld:datePublished=2025-03-{n:02d}T20:15:00+08:00 (-60 min): offset-mislabelled",
        ),
        seo_title=f"Bài {n}: nhận lương hưu qua tài khoản ngân hàng",
        extraction={"title": "css", "body": "trafilatura"},
        risk=0.12 * n,
        tier="review",
        category="mạo danh",
        stance="cảnh báo",
        flag_details={"reasons": [{"code": "claim", "text": "Tuyên bố lạ"}]},
        model_version="m-2025.03",
    )
    values.update(overrides)
    return Document(**values)  # type: ignore[arg-type]


def _event(n: int, step: int, before: str, after: str) -> ReviewEvent:
    return ReviewEvent(
        document_id=f"doc-{n}",
        actor="chuyên viên Lan",
        at=datetime(2025, 3, 10, 9, step, tzinfo=ICT),
        status_before=before,
        status_after=after,
        note=f"bước {step}",
        action="status",
        detail={"source": "hotline", "step": step},
    )


@pytest.fixture
def archives(tmp_path: Path) -> Iterator[tuple[object, object]]:
    a = sqlite_backend.SQLiteArchive(tmp_path / "a.db")
    b = sqlite_backend.SQLiteArchive(tmp_path / "b.db")
    yield a, b
    a.close()
    b.close()


def _fill(archive) -> None:
    archive.upsert([_doc(n) for n in range(1, 6)])
    archive.record_review(_event(2, 1, "unstarted", "in_progress"))
    archive.record_review(_event(2, 2, "in_progress", "false"))
    archive.record_review(_event(4, 1, "unstarted", "no_violation"))
    archive.refresh()


def _imported(text: str) -> str:
    """An export as it reads after import elsewhere: every review event marked imported."""
    lines = []
    for line in text.splitlines():
        data = json.loads(line)
        for event in data["reviews"]:
            event["detail"] = dict(sorted({**event["detail"], "imported": True}.items()))
        lines.append(json.dumps(data, ensure_ascii=False) + "\n")
    return "".join(lines)


def _export(archive) -> str:
    out = io.StringIO()
    export_jsonl(archive, out)
    return out.getvalue()


def test_round_trip_between_two_archives_is_exact(archives) -> None:
    a, b = archives
    _fill(a)
    text = _export(a)
    assert import_jsonl(b, io.StringIO(text)) == 5
    assert _export(b) == _imported(text)  # the same, events marked as read from a file
    assert b.get("doc-2").review_status == "false"
    assert [e.note for e in b.review_history("doc-2")] == ["bước 1", "bước 2"]


def test_lines_have_stable_field_order_and_offsets(archives) -> None:
    a, _ = archives
    _fill(a)
    lines = [json.loads(line) for line in _export(a).splitlines()]
    assert len(lines) == 5
    assert list(lines[0]) == ["document", "reviews"]
    assert list(lines[0]["document"]) == [f.name for f in fields(Document)]
    reviewed = next(line for line in lines if line["reviews"])
    assert list(reviewed["reviews"][0]) == [f.name for f in fields(ReviewEvent)]
    for line in lines:
        moment = datetime.fromisoformat(line["document"]["published_at"])
        assert moment.utcoffset() is not None


def test_import_twice_does_not_duplicate_reviews(archives) -> None:
    a, b = archives
    _fill(a)
    text = _export(a)
    import_jsonl(b, io.StringIO(text))
    import_jsonl(b, io.StringIO(text))
    assert len(b.review_history("doc-2")) == 2
    assert b.stats().documents == 5
    assert _export(b) == _imported(text)
    import_jsonl(b, io.StringIO(_export(b)))  # an export of imported events: still the same
    assert _export(b) == _imported(text)


def test_import_replays_only_missing_events(archives) -> None:
    a, b = archives
    _fill(a)
    b.upsert([_doc(2)])
    b.record_review(_event(2, 1, "unstarted", "in_progress"))
    import_jsonl(b, io.StringIO(_export(a)))
    statuses = [e.status_after for e in b.review_history("doc-2")]
    assert statuses == ["in_progress", "false"]


def test_malformed_line_names_the_line_and_writes_nothing_from_its_batch(archives) -> None:
    a, b = archives
    _fill(a)
    lines = _export(a).splitlines()
    lines.insert(3, '{"document": {"id": "x"')
    with pytest.raises(RecordError, match="dòng 4"):
        import_jsonl(b, io.StringIO("\n".join(lines)))
    assert b.stats().documents == 0


def test_an_export_saved_with_a_byte_order_mark_imports_whole(archives) -> None:
    a, b = archives
    _fill(a)
    assert import_jsonl(b, io.StringIO("\ufeff" + _export(a))) == 5
    assert _export(b) == _imported(_export(a))


@pytest.mark.parametrize(
    "bad",
    [
        '["not", "an", "object"]',
        '{"reviews": []}',
        '{"document": {"id": "x"}}',
    ],
)
def test_shapeless_lines_are_record_errors(archives, bad: str) -> None:
    _, b = archives
    with pytest.raises(RecordError, match="dòng 1"):
        import_jsonl(b, io.StringIO(bad + "\n"))


def test_naive_datetimes_are_refused(archives) -> None:
    a, b = archives
    _fill(a)
    line = json.loads(_export(a).splitlines()[0])
    line["document"]["published_at"] = "2025-03-01T08:00:00"
    with pytest.raises(RecordError, match="thiếu độ lệch UTC"):
        import_jsonl(b, io.StringIO(json.dumps(line)))


def test_review_under_another_document_is_refused(archives) -> None:
    a, b = archives
    _fill(a)
    line = json.loads(next(row for row in _export(a).splitlines() if '"reviews": [{' in row))
    line["reviews"][0]["document_id"] = "doc-elsewhere"
    with pytest.raises(RecordError):
        import_jsonl(b, io.StringIO(json.dumps(line)))


def test_base_pager_visits_every_document_once(archives) -> None:
    a, _ = archives
    a.upsert([_doc(n, published_at=datetime(2025, 3, 1, tzinfo=UTC)) for n in range(1, 8)])
    a.refresh()
    ids = [d.id for d in a.iter_documents(page_size=3)]
    assert sorted(ids) == [f"doc-{n}" for n in range(1, 8)]


def test_an_export_of_the_previous_version_is_imported_as_codes(archives) -> None:
    """Before codes, exports held the Vietnamese names of tiers, statuses and follow-ups."""
    a, b = archives
    _fill(a)
    a.record_review(
        ReviewEvent(
            "doc-2",
            "lãnh đạo Hà",
            datetime(2025, 3, 10, 10, 0, tzinfo=ICT),
            "false",
            "false",
            action="follow_up",
            detail={"follow_up": "reported_to_leadership"},
        )
    )
    current = _export(a)
    names = {
        "review": "nên xem",
        "unstarted": "Chưa xử lý",
        "in_progress": "Đang xác minh",
        "false": "Sai sự thật",
        "no_violation": "Không vi phạm",
        "reported_to_leadership": "Đã báo cáo lãnh đạo",
    }
    previous = []
    for line in current.splitlines():
        data = json.loads(line)
        document = data["document"]
        document["tier"], document["review_status"] = (
            names[document["tier"]],
            names[document["review_status"]],
        )
        for event in data["reviews"]:
            event["status_before"] = names[event["status_before"]]
            event["status_after"] = names[event["status_after"]]
            if "follow_up" in event["detail"]:
                event["detail"]["follow_up"] = names[event["detail"]["follow_up"]]
        previous.append(json.dumps(data, ensure_ascii=False))
    assert any("Đã báo cáo lãnh đạo" in line for line in previous)

    assert import_jsonl(b, io.StringIO("\n".join(previous) + "\n")) == 5
    assert _export(b) == _imported(current)
    assert import_jsonl(b, io.StringIO(current)) == 5  # already held: nothing replayed twice
    assert len(b.review_history("doc-2")) == 3


def test_an_export_without_date_reasoning_or_seo_title_is_imported_with_them_empty(
    archives,
) -> None:
    """Exports written before the archive kept the date's reasoning and the SEO title."""
    a, b = archives
    _fill(a)
    newer = ("date_reason", "date_disagreements", "seo_title")
    older = []
    for line in _export(a).splitlines():
        data = json.loads(line)
        data["document"] = {k: v for k, v in data["document"].items() if k not in newer}
        older.append(json.dumps(data, ensure_ascii=False))

    assert import_jsonl(b, io.StringIO("\n".join(older) + "\n")) == 5
    imported = b.get("doc-2")
    assert (imported.seo_title, imported.date_reason, imported.date_disagreements) == ("", "", ())
    assert imported == replace(a.get("doc-2"), seo_title="", date_reason="", date_disagreements=())
    assert [e.note for e in b.review_history("doc-2")] == ["bước 1", "bước 2"]


class _HistoriesInBatches(SQLiteArchive):
    """Refuses a read of one document's history; counts the batched reads."""

    batches = 0

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        raise AssertionError(f"the history of {document_id!r} read on its own")

    def review_histories(self, document_ids: Sequence[str]) -> Mapping[str, Sequence[ReviewEvent]]:
        self.batches += 1
        return super().review_histories(document_ids)


def test_histories_are_read_a_batch_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """On Elasticsearch each read of the log is a round trip: one per batch, not per document."""
    monkeypatch.setattr("index.transfer.BATCH", 2)
    a = sqlite_backend.SQLiteArchive(tmp_path / "a.db")
    _fill(a)
    text = _export(a)
    a.close()
    with _HistoriesInBatches(tmp_path / "batched.db") as b:
        assert import_jsonl(b, io.StringIO(text)) == 5
        assert b.batches == 3  # 5 documents, 2 a batch
        b.batches = 0
        assert _export(b) == _imported(text)
        assert b.batches == 3


def test_a_document_twice_in_one_batch_has_its_events_replayed_once(archives) -> None:
    a, b = archives
    _fill(a)
    line = next(line for line in _export(a).splitlines() if '"doc-2"' in line.split(",")[0])
    import_jsonl(b, io.StringIO(f"{line}\n{line}\n"))
    assert [e.note for e in b.review_history("doc-2")] == ["bước 1", "bước 2"]


def _line(document: Document) -> str:
    """An export line for `document` as given, as an older export or Elasticsearch wrote it."""
    record = {"document": document_to_record(document), "reviews": []}
    return json.dumps(record, ensure_ascii=False) + "\n"


PLAIN = dict(title="Chi trả lương hưu", body="Người dân cài đặt VssID.", seo_title="")


@pytest.mark.parametrize(
    ("field", "given", "stored", "note"),
    [
        ("title", "\u200bRút bả\u200bo hiểm", "Rút bảo hiểm", "title: bỏ 2 ký tự vô hình"),
        (
            "body",
            "Nhận tiền bả\u200bo hiể\u00adm ở Thanh Ho\u200bá.",
            "Nhận tiền bảo hiểm ở Thanh Hóa.",
            "body: bỏ 3 ký tự vô hình",
        ),
        ("seo_title", "Lừ\u2060a rút bảo hi\ufeffểm", "Lừa rút bảo hiểm", "seo_title: bỏ 2 ký"),
        (  # what ingest removes besides: terminal escapes and control characters
            "body",
            "Rút\x1b[31m bảo\x07 hiểm\r\nngay ",
            "Rút bảo hiểm\nngay",
            "body: bỏ 1 chuỗi điều khiển terminal; body: bỏ 1 ký tự điều khiển",
        ),
    ],
)
def test_an_export_with_hidden_words_is_stored_as_an_ingest_stores_it(
    archives, field: str, given: str, stored: str, note: str
) -> None:
    """An export written before ingestion cleaned text, or from Elasticsearch, which keeps it."""
    _, b = archives
    reasons = {"reasons": [{"kind": "sentence", "text": "Rút bả\u200bo hiểm"}]}
    doc = _doc(1, **{**PLAIN, field: given}, flag_details=reasons)
    heard: list[str] = []
    assert import_jsonl(b, io.StringIO(_line(doc)), cleaned=heard.append) == 1

    kept = b.get("doc-1")
    assert getattr(kept, field) == stored
    assert kept.flag_details == {"reasons": [{"kind": "sentence", "text": "Rút bảo hiểm"}]}
    assert INVISIBLE.isdisjoint(_export(b))
    for text in ("bảo hiểm", "bao hiem", '"bảo hiểm"'):
        assert [hit.document.id for hit in b.search(Query(text=text)).hits] == ["doc-1"]
    assert len(heard) == 1 and heard[0].startswith(f"dòng 1: {note}")
    assert "flag_details: bỏ 1 ký tự vô hình" in heard[0]


def test_an_seo_title_equal_to_its_cleaned_headline_is_dropped(archives) -> None:
    _, b = archives
    doc = _doc(1, title="Rút bả\u200bo hiểm", seo_title="Rút bảo hi\u00adểm")
    import_jsonl(b, io.StringIO(_line(doc)))
    assert (b.get("doc-1").title, b.get("doc-1").seo_title) == ("Rút bảo hiểm", "")


def test_a_clean_export_round_trips_byte_identical_and_nothing_is_reported(archives) -> None:
    a, b = archives
    a.upsert(
        [_doc(n, body="Đoạn một:\tbảo hiểm «xã hội» 😀\n\nĐoạn hai — “trích dẫn”.") for n in (1, 2)]
    )
    a.refresh()
    text = _export(a)
    heard: list[str] = []
    assert import_jsonl(b, io.StringIO(text), cleaned=heard.append) == 2
    assert _export(b) == text
    assert heard == []


@pytest.mark.parametrize(
    ("field", "where"),
    [("outlet_name", "document"), ("url", "document"), ("note", "reviews")],
)
def test_a_lone_surrogate_outside_the_text_is_a_record_error_naming_its_field(
    archives, field: str, where: str
) -> None:
    """JSON "\\ud800" cannot be stored anywhere; in title or body it becomes U+FFFD, as in an
    ingest, but an id, URL or review note is not guessed at."""
    a, b = archives
    _fill(a)
    lines = [json.loads(line) for line in _export(a).splitlines()]
    held = lines[1][where] if where == "document" else lines[1][where][0]
    held[field] = "\ud800" + held[field]
    lines[0]["document"]["title"] = "\udfff" + lines[0]["document"]["title"]
    text = "".join(json.dumps(line) + "\n" for line in lines)  # ASCII: surrogates escaped
    shown = "reviews" if where == "reviews" else field
    with pytest.raises(RecordError, match=rf"dòng 2: trường {shown} có ký tự không hợp lệ"):
        import_jsonl(b, io.StringIO(text))
    assert b.stats().documents == 0  # nothing from the batch

    del lines[1]
    assert import_jsonl(b, io.StringIO("".join(json.dumps(x) + "\n" for x in lines))) == 4
    first = lines[0]["document"]
    assert b.get(first["id"]).title == "\ufffd" + first["title"].removeprefix("\udfff")
