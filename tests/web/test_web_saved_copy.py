"""The saved copy on the item page, in the API and in the leadership report; the item page puts
the decision panel before the evidence."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

from openpyxl import load_workbook

from pressmon.evidence.keeper import saved_text
from tests.web.conftest import seed_documents

DOC003 = next(d for d in seed_documents() if d.id == "doc003")
SHA256 = hashlib.sha256(saved_text(DOC003).encode("utf-8")).hexdigest()


def test_the_item_page_shows_the_saved_copy_and_its_hash(as_reviewer) -> None:
    client, _ = as_reviewer
    page = client.get("/bai/doc003").text
    assert SHA256 in page and 'href="/bai/doc003/ban-luu"' in page
    assert '<iframe class="saved-copy-frame" sandbox src="/bai/doc003/ban-luu"' in page
    # The decision panel comes first, above the system's assessment and its evidence list.
    assert page.index('class="card decide"') < page.index("Đánh giá của hệ thống")
    assert page.index('class="card decide"') < page.index("Lý do đánh dấu")


def test_the_saved_copy_is_served_inert_and_framable_only_here(as_reviewer) -> None:
    client, _ = as_reviewer
    response = client.get("/bai/doc003/ban-luu")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "sandbox" in policy
    assert "frame-ancestors 'self'" in policy and "script-src" not in policy
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert DOC003.title in response.text
    assert client.get("/bai/doc005/ban-luu").status_code == 404  # not flagged: none kept
    # Every other page keeps the app's own policy.
    assert "script-src 'none'" in client.get("/bai/doc003").headers["content-security-policy"]


def test_the_api_gives_the_saved_copy(as_reviewer) -> None:
    client, _ = as_reviewer
    copy = client.get("/api/items/doc003").json()["saved_copy"]
    assert copy["sha256"] == SHA256 and copy["record_type"] == "resource"
    assert copy["final_url"] == DOC003.url and copy["fetched_at"].startswith("2026-05-20")
    assert client.get("/api/items/doc005").json()["saved_copy"] is None


def test_the_leadership_report_cites_the_saved_copy(as_lead) -> None:
    client, _ = as_lead
    html = client.get("/bao-cao?tu=01/05/2026&den=31/05/2026").text
    assert SHA256[:16] in html and 'href="/bai/doc003/ban-luu"' in html
    workbook = client.get("/bao-cao.xlsx?tu=2026-05-01&den=2026-05-31")
    sheet = load_workbook(io.BytesIO(workbook.content))["Bài cần xác minh"]
    header = [cell.value for cell in sheet[1]]
    at = header.index("Bản lưu: SHA-256")
    assert header[at + 1] == "Bản lưu: thời điểm thu thập"
    rows = {row[2]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[DOC003.title][at : at + 2] == (SHA256, datetime(2026, 5, 20, 10, 0))
