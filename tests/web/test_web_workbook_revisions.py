"""The progress workbook (/bao-phu.xlsx) lists the changes to weekly counts already reported
(`pressmon counts --freeze`) for the weeks it covers: a reported number that changed is never
hidden. Before, nothing passed them, so the sheet was never written."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from index.base import Archive
from index.types import Query
from pressmon.settings import Settings
from pressmon.snapshots import SnapshotStore
from tests.web.conftest import NOW, make_doc, sign_in

SHEET = "Điều chỉnh số liệu"


def _freeze(settings: Settings, archive: Archive, week: date, at: datetime) -> None:
    table = archive.counts(Query(date_from=week, date_to=week + timedelta(days=6)))
    store = SnapshotStore(settings.archive.state_path, clock=lambda: at)
    try:
        store.freeze(week, table)
    finally:
        store.close()


def test_a_revised_week_is_listed_in_the_progress_workbook(client, archive, settings) -> None:
    published = make_doc(9).published_at.astimezone(settings.tz).date()
    week = published - timedelta(days=published.weekday())
    _freeze(settings, archive, week, NOW - timedelta(days=1))
    archive.upsert([make_doc(9, id="late", url="https://baomau.vn/muon.html")])
    _freeze(settings, archive, week, NOW)
    sign_in(client, "binh")

    inside = f"tu={week:%d/%m/%Y}&den={week + timedelta(days=6):%d/%m/%Y}"
    book = load_workbook(io.BytesIO(client.get(f"/bao-phu.xlsx?{inside}").content))
    rows = list(book[SHEET].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    week_cell, _, group, original, revised, delta, revision, frozen_at, revised_at = rows[0]
    assert week_cell.date() == week and group == "Tất cả"
    assert (revised - original, delta, revision) == (1, 1, 1)
    assert revised_at == NOW.astimezone(settings.tz).replace(tzinfo=None, microsecond=0)

    later = week + timedelta(days=14)
    after = f"tu={later:%d/%m/%Y}&den={later + timedelta(days=6):%d/%m/%Y}"
    book = load_workbook(io.BytesIO(client.get(f"/bao-phu.xlsx?{after}").content))
    assert SHEET not in book.sheetnames  # a period without revised weeks has no such sheet
