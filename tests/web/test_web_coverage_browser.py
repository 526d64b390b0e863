"""The coverage page at year scale in a real headless Chromium: the demo year's 16,500 articles,
as the Center would see them on 04/12/2026. Set PRESSMON_SAVE_SCREENSHOTS=1 to refresh
docs/screenshots/coverage.png (shown in README)."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from demo.year.expected import year_numbers
from demo.year.generate import DemoYear, build_year
from index import open_archive
from index.base import Archive
from index.types import Document
from tests.web.test_web_browser import CHROMIUM, LAUNCH_ARGS, _free_port

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (make test installs it via apt)"
    ),
]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "coverage.png"
TODAY = date(2026, 12, 4)


def _documents(year: DemoYear) -> list[Document]:
    """The year's articles as stored documents (the pipeline itself is tested end to end in
    tests/test_demo_e2e.py; here only the page's reading of a year of counts matters)."""
    documents = []
    for article in year.articles:
        outlet = article.outlet
        documents.append(
            Document(
                id=hashlib.sha1(article.url.encode()).hexdigest()[:16],
                url=article.url,
                canonical_url=article.url,
                outlet=outlet.id,
                outlet_name=outlet.name,
                kind=outlet.kind,
                title=article.title,
                body=article.text,
                published_at=article.published_at,
                crawled_at=article.published_at + timedelta(hours=1),
                province=outlet.province,
                provinces=(outlet.province,) if outlet.province else (),
                topics=article.topics,
            )
        )
    return documents


def _box(locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return dict(box)


def _height(locator) -> float:
    return _box(locator)["height"]


@pytest.fixture
def year() -> DemoYear:
    return build_year(TODAY)


@pytest.fixture
def archive(tmp_path: Path, year: DemoYear) -> Iterator[Archive]:
    """Only the demo year (instead of the web tests' seed)."""
    archive = open_archive("sqlite", path=tmp_path / "archive.sqlite3", timezone="Asia/Ho_Chi_Minh")
    archive.upsert(_documents(year))
    archive.refresh()
    yield archive
    archive.close()


@pytest.fixture
def year_server(app, clock) -> Iterator[str]:
    import uvicorn

    clock.now = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)  # 10:00 in Hà Nội
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_coverage_page_reads_at_year_scale(year_server: str, year: DemoYear, tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    numbers = year_numbers(year)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_context(
            viewport={"width": 1360, "height": 1700}, locale="vi-VN"
        ).new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(year_server + "/bao-phu")
        page.fill("input[name=username]", "binh")
        page.fill("input[name=password]", "matkhau-binh-2")
        page.click("button[type=submit]")
        page.goto(year_server + "/bao-phu")

        # The year so far by default, with the one pace figure stated.
        assert page.input_value("input[name=tu]") == "01/01/2026"
        pace = page.locator("#toc-do-can-dat").inner_text()
        assert pace.startswith("Cần ") and "tuần còn lại để đạt 15.000" in pace
        figure = pace.split()[1]  # "Cần 313 bài/tuần ..." -> "313"

        cumulative = page.locator("svg.chart.cumulative")
        assert cumulative.is_visible() and _height(cumulative) > 200
        labels = cumulative.locator("text.line-label").all_text_contents()
        assert "Chỉ tiêu 15.000" in labels and "Kế hoạch đều từ đầu kỳ" in labels
        assert f"Cần {figure}/tuần từ nay" in labels
        provincial = f"{numbers.per_kind['provincial']:,}".replace(",", ".")
        assert f"Đã có {provincial} (đến 04/12/2026)" in labels

        # Weekly bars on their own scale: 49 weeks, the busiest bar most of the plot's height.
        bars = page.locator("svg.chart:not(.cumulative) rect.bar")
        assert bars.count() == len(numbers.weeks)
        tallest = max(_height(bars.nth(i)) for i in range(bars.count()))
        assert tallest > 150

        # 34 provinces, worst first, coloured by status; the same pace rule per row.
        rows = page.locator("table.provinces-progress tbody tr")
        assert rows.count() == 34
        statuses = rows.locator("span.progress-status").all_inner_texts()
        assert set(statuses) <= {"Đạt", "Đúng tiến độ", "Chậm"} and "Chậm" in statuses
        order = {"Chậm": 0, "Đúng tiến độ": 1, "Đạt": 2}
        assert [order[s] for s in statuses] == sorted(order[s] for s in statuses)
        behind = page.locator("span.ps-cham").first.evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        reached = page.locator("span.ps-dung_tien_do").first.evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        assert behind != reached
        assert f'<td class="num">{figure}</td>' in page.content()  # targets table: same figure

        page.screenshot(path=str(tmp_path / "coverage.png"), full_page=False)
        if os.environ.get("PRESSMON_SAVE_SCREENSHOTS"):
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=False)

        # Server-side sort: most articles first.
        page.click("table.provinces-progress th a:has-text('Đã đạt')")
        page.wait_for_url("**sap_xep=so_bai**")
        first = page.locator("table.provinces-progress tbody tr").first.locator("td").first
        per_province = numbers.provincial_per_province
        busiest = max(per_province, key=lambda province: per_province[province])
        assert first.inner_text().startswith(busiest)

        # The leadership report opens with the generated summary, then the provinces behind.
        page.goto(year_server + "/bao-cao")
        summary = page.locator("#tom-tat").inner_text()
        assert summary.startswith("Trong kỳ báo cáo có ") and f"Cần {figure} bài/tuần" in summary
        attention = page.locator("#can-chu-y table.provinces-progress tbody tr")
        behind_count = statuses.count("Chậm")
        assert attention.count() == behind_count and f"{behind_count} cần chú ý" in summary
        assert (
            _box(page.locator("#can-chu-y"))["y"] < _box(page.locator("svg.chart.cumulative"))["y"]
        )
        page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        assert errors == []
        browser.close()
