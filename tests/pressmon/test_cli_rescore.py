"""`pressmon rescore`: archived articles scored again with the current model after a retraining;
only their flags change, reviews never, and the queue gains and loses the right items."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from index.types import Document, Query, ReviewEvent
from pressmon import rescore
from pressmon.alerts.model import trigger_of
from pressmon.cli import main
from pressmon.settings import load_settings
from pressmon.wiring import flagger_from, notifier_from

SCAM = (
    "Hỗ trợ rút BHXH một lần nhanh",
    "Dịch vụ hỗ trợ rút bảo hiểm xã hội một lần nhanh, không cần giấy tờ. Kết bạn Zalo "
    "0912 345 678 để được hướng dẫn nhận tiền, phí 2 triệu.",
)
PLAIN = (
    "BHXH Việt Nam chi trả lương hưu đúng hạn",
    "Bảo hiểm xã hội Việt Nam chi trả lương hưu đúng hạn cho người hưởng trong tháng này.",
)
OLD = "cu+00000000"
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _document(
    doc_id: str, text: tuple[str, str], tier: str, risk: float, version: str, kind: str = "other"
) -> Document:
    return Document(
        id=doc_id,
        url=f"https://example.vn/{doc_id}",
        canonical_url=f"https://example.vn/{doc_id}",
        outlet="example",
        outlet_name="Trang ví dụ",
        kind=kind,
        title=text[0],
        body=text[1],
        published_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        crawled_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
        risk=risk,
        tier=tier,
        flag_details={"reasons": [{"text": "lý do kiểu cũ"}], "uncertainty": 0.5},
        model_version=version,
    )


@pytest.fixture(scope="module")
def version(model_file: Path) -> str:
    settings = load_settings(environ={**os.environ, "PRESSMON_MODEL": str(model_file)})
    return flagger_from(settings, train_if_missing=False).model_version


@pytest.fixture
def archive(
    tmp_path: Path, model_file: Path, version: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Flags the current model disagrees with (it rates SCAM urgent and PLAIN low), one decided
    and one acted-on item, one already scored by the current model, one of another kind."""
    documents = [
        _document("new", SCAM, "low", 0.05, OLD),
        _document("left", PLAIN, "review", 0.5, OLD),
        _document("noted", PLAIN, "urgent", 0.9, OLD),
        _document("decided", SCAM, "review", 0.5, OLD),
        _document("same", PLAIN, "review", 0.5, version),
        _document("sector", SCAM, "low", 0.05, OLD, kind="sector"),
    ]
    return reviewed_archive(tmp_path / "archive.db", documents, model_file, monkeypatch)


def reviewed_archive(
    path: Path, documents: list[Document], model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An archive at `path` of `documents`, where "decided" was concluded and "noted" only has a
    note, for a rescore with `model_file` and no other PRESSMON_ setting."""
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PRESSMON_MODEL", str(model_file))
    with SQLiteArchive(path) as store:
        store.upsert(documents)
        store.record_review(
            ReviewEvent("decided", "lan", AT, "unstarted", "false", note="Tin giả, đã báo")
        )
        store.record_review(
            ReviewEvent("noted", "minh", AT, "unstarted", "unstarted", "Đang hỏi", "note")
        )
    return path


def run_rescore(archive: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--archive", str(archive), "rescore", "--quiet", *args])


def _stored(archive: Path) -> dict[str, Document]:
    with SQLiteArchive(archive) as store:
        return {d.id: d for d in store.iter_documents()}


def _queue(archive: Path) -> dict[str, str]:
    """The review queue's items and their status."""
    with SQLiteArchive(archive) as store:
        return {e.id: e.review_status for e in store.triage(Query(), 100).entries}


def _histories(archive: Path) -> dict[str, list[ReviewEvent]]:
    with SQLiteArchive(archive) as store:
        return {k: list(v) for k, v in store.review_histories(list(_stored(archive))).items()}


def test_rescore_replaces_stale_flags_and_keeps_every_review(archive: Path, version: str) -> None:
    before, histories = _stored(archive), _histories(archive)
    assert _queue(archive) == {
        "left": "unstarted",
        "noted": "unstarted",
        "decided": "false",
        "same": "unstarted",
    }
    result = run_rescore(archive)
    assert result.exit_code == 0, result.output
    # The two newly flagged, nobody having acted on them, are alerted (test_cli_rescore_alerts.py).
    assert result.stdout == (
        f"Đã chấm lại 5 bài bằng mô hình {version}: 2 bài mới cần xem xét, 1 bài không còn cần "
        "xem xét (chưa ai xử lý), 1 bài đã xử lý đổi mức (giữ nguyên kết luận), 1 bài đã xử lý "
        "nay không còn bị đánh dấu (giữ nguyên điểm cũ để vẫn nằm trong hàng đợi), 0 bài không "
        "đổi mức; bỏ qua 1 bài đã chấm bằng mô hình này; xếp 2 cảnh báo để gửi.\n"
    )
    after = _stored(archive)
    # Newly flagged: in the queue, unreviewed. No longer flagged, nobody acted: out of it.
    # Acted on (a note) and no longer flagged: listed as it was. Decided: its decision kept.
    assert _queue(archive) == {
        "new": "unstarted",
        "sector": "unstarted",
        "noted": "unstarted",
        "decided": "false",
        "same": "unstarted",
    }
    for doc_id in ("new", "left", "decided", "sector"):
        assert after[doc_id].model_version == version
        assert after[doc_id].flag_details["reasons"] != [{"text": "lý do kiểu cũ"}]
    assert (after["new"].tier, after["decided"].tier, after["left"].tier) == (
        "urgent",
        "urgent",
        "low",
    )
    assert after["decided"].risk != before["decided"].risk
    assert after["noted"] == before["noted"] and after["same"] == before["same"]
    assert _histories(archive) == histories
    # Only the flag fields changed.
    for doc_id, doc in after.items():
        assert _unflagged(doc) == _unflagged(before[doc_id])


def _unflagged(document: Document) -> Document:
    return replace(
        document,
        risk=None,
        tier=None,
        category=None,
        stance=None,
        model_version=None,
        flag_details={},
    )


def test_dry_run_says_the_same_and_writes_nothing(archive: Path, version: str) -> None:
    before, queue = _stored(archive), _queue(archive)
    result = run_rescore(archive, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Đã chấm lại 5 bài bằng mô hình {version}: 2 bài mới")
    assert result.stdout.endswith(
        "bỏ qua 1 bài đã chấm bằng mô hình này; xếp 2 cảnh báo để gửi. (chạy thử, chưa ghi gì)\n"
    )
    assert _stored(archive) == before and _queue(archive) == queue


def test_same_version_is_skipped_unless_forced(archive: Path, version: str) -> None:
    assert run_rescore(archive).exit_code == 0
    again = run_rescore(archive)
    # The acted-on item kept its old flags (to stay listed), so it is scored again each time.
    assert again.stdout.startswith(f"Đã chấm lại 1 bài bằng mô hình {version}: ")
    assert again.stdout.endswith("; bỏ qua 5 bài đã chấm bằng mô hình này.\n")
    forced = run_rescore(archive, "--force")
    assert forced.stdout.startswith(f"Đã chấm lại 6 bài bằng mô hình {version}: 0 bài mới")
    assert "1 bài không còn cần xem xét (chưa ai xử lý)" in forced.stdout  # "same"
    assert forced.stdout.endswith("4 bài không đổi mức; bỏ qua 0 bài đã chấm bằng mô hình này.\n")
    assert "same" not in _queue(archive)


def test_filters_limit_the_articles_scored(archive: Path, version: str) -> None:
    before = _stored(archive)
    result = run_rescore(archive, "--kind", "sector")
    assert result.stdout.startswith(f"Đã chấm lại 1 bài bằng mô hình {version}: 1 bài mới")
    after = _stored(archive)
    assert after["sector"].tier in {"urgent", "review"} and "sector" in _queue(archive)
    assert {k: v for k, v in after.items() if k != "sector"} == {
        k: v for k, v in before.items() if k != "sector"
    }


def test_a_missing_model_is_refused_before_anything_is_scored(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSMON_MODEL", str(tmp_path / "none.skops"))
    before = _stored(archive)
    result = run_rescore(archive)
    assert result.exit_code == 1
    assert "Không có tệp mô hình" in result.output and "pressmon train" in result.output
    assert _stored(archive) == before and not (tmp_path / "none.skops").exists()


class _CtrlCAfterWriting(SQLiteArchive):
    """Ctrl-C pressed while the second batch is being written."""

    writes = 0

    def upsert(self, documents: Iterable[Document]) -> int:
        written = super().upsert(documents)
        type(self).writes += 1
        if type(self).writes == 2:
            raise KeyboardInterrupt
        return written


def test_an_interrupted_run_keeps_whole_batches_and_leaves_the_rest(
    archive: Path, model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rescore, "BATCH", 2)
    before = _stored(archive)
    settings = load_settings(
        environ={"PRESSMON_MODEL": str(model_file), "PRESSMON_ARCHIVE": str(archive)}
    )
    flagger, notifier = flagger_from(settings), notifier_from(settings)
    with _CtrlCAfterWriting(archive) as store, pytest.raises(KeyboardInterrupt):
        rescore.rescore_archive(store, flagger, None, notifier)
    after = _stored(archive)
    changed = {k for k in after if after[k] != before[k]}
    # Newest first, ties by insertion, latest first: (sector, same), then (decided, noted) cut.
    assert changed == {"sector"}
    assert after["decided"].model_version == OLD and _queue(archive)["decided"] == "false"
    # The batch written had its alert queued: scoring it again later would not alert it. Its
    # trigger (urgent, or a known claim still to review) is the model's call, read from the item.
    assert trigger_of(after["sector"]) is not None
    with sqlite3.connect(archive.with_name("archive-state.db")) as db:
        assert db.execute("SELECT document_id, trigger FROM alerts").fetchall() == [
            ("sector", trigger_of(after["sector"]))
        ]
