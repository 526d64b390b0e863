"""The leadership report reads its decided items' review logs in batches
(`Archive.review_histories`), never one item at a time: on Elasticsearch each read is a round
trip, and a report lists up to 2,000 items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.reports import RecordedStep, leadership_report
from pressmon.settings import Targets
from tests.index.index_factories import make_doc

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2026, 5, 20, 3, tzinfo=UTC)


class _BatchReadsOnly(SQLiteArchive):
    """Refuses a read of one document's history; counts the batched reads."""

    batches = 0

    def review_history(self, document_id: str) -> Sequence[ReviewEvent]:
        raise AssertionError(f"the history of {document_id!r} read on its own")

    def review_histories(self, document_ids: Sequence[str]):
        self.batches += 1
        return super().review_histories(document_ids)


def test_the_report_reads_the_decided_items_histories_in_one_batch(tmp_path: Path) -> None:
    archive = _BatchReadsOnly(tmp_path / "archive.sqlite3", timezone="Asia/Ho_Chi_Minh")
    try:
        archive.upsert(
            make_doc(f"d{n}", published_at=AT - timedelta(days=1), risk=0.9, tier="urgent")
            for n in range(3)
        )
        for n in (0, 1):  # d2 is left unstarted
            archive.record_review(
                ReviewEvent(f"d{n}", "an", AT, "unstarted", "false", f"Sai sự thật {n}")
            )
        archive.record_review(
            ReviewEvent(
                "d1",
                "binh",
                AT + timedelta(minutes=5),
                "false",
                "false",
                "Báo cáo tuần",
                "follow_up",
                {"follow_up": "reported_to_leadership"},
            )
        )
        report = leadership_report(
            archive,
            Targets(targets=(), campaigns=()),
            date_from=date(2026, 5, 18),
            date_to=date(2026, 5, 24),
            now=AT,
            today=date(2026, 5, 20),
            tz=TZ,
        )
    finally:
        archive.close()
    assert archive.batches == 1
    assert report.follow_ups == {"d1": ("reported_to_leadership",)}
    assert report.steps == {
        "d0": (RecordedStep("false", "Sai sự thật 0", "an", AT),),
        "d1": (
            RecordedStep("false", "Sai sự thật 1", "an", AT),
            RecordedStep(
                "reported_to_leadership", "Báo cáo tuần", "binh", AT + timedelta(minutes=5)
            ),
        ),
    }
