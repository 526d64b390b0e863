"""End to end in a real headless Chromium against the app served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.base import Archive

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (make test installs it via apt)"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _seed_coverage(archive: Archive, make_doc) -> None:
    """Twelve weeks of ordinary articles across provinces, so the dashboard has a shape."""
    provinces = [
        "Hà Nội",
        "Hồ Chí Minh",
        "Đà Nẵng",
        "Cần Thơ",
        "Nghệ An",
        "Đắk Lắk",
        "Quảng Ninh",
        "Huế",
    ]
    rng = random.Random(7)
    docs = []
    for n in range(100, 100 + 240):
        province = rng.choice(provinces)
        docs.append(
            make_doc(
                n % 84 + 1,
                id=f"cov{n}",
                url=f"https://baomau.vn/cov-{n}.html",
                canonical_url=f"https://baomau.vn/cov-{n}.html",
                province=province,
                provinces=(province,),
                kind=rng.choice(["provincial"] * 3 + ["national", "sector"]),
                title=f"Bảo hiểm xã hội {province} đẩy mạnh phát triển người tham gia ({n})",
            )
        )
    archive.upsert(docs)


@pytest.fixture
def server(app, archive, document_factory) -> Iterator[str]:
    import uvicorn

    _seed_coverage(archive, document_factory)
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


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.console_errors = []  # CSP violations show up here
        page.on(
            "console",
            lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        yield page
        browser.close()


def test_review_an_item_end_to_end(page, server, archive, tmp_path) -> None:
    page.goto(server + "/hang-doi")
    assert "/dang-nhap" in page.url  # signed out: sent to the login page
    page.fill("input[name=username]", "binh")  # a lead: the report at the end is for leads
    page.fill("input[name=password]", "matkhau-binh-2")
    page.click("button[type=submit]")
    page.wait_for_url("**/hang-doi")
    assert page.locator("h1").inner_text() == "Hàng đợi xác minh"
    rows = page.locator("table.queue tbody tr")
    assert rows.count() == 4
    page.screenshot(path=str(tmp_path / "queue.png"), full_page=True)

    # The hostile article first (highest tier and risk): its markup must stay text.
    page.locator("table.queue tbody tr").first.locator("td.title a").click()
    page.wait_for_url("**/bai/doc001")
    assert "<script>alert(1)</script>" in page.locator("h1.article-title").inner_text()
    assert page.locator("article img").count() == 0
    # The sentence and the claim's evidence, side by side in the body: one mark since 4c91b7b.
    marked = " ".join(page.locator("article mark").all_inner_texts())
    assert "tự xưng cán bộ BHXH" in marked and "mã OTP" in marked
    page.screenshot(path=str(tmp_path / "item.png"), full_page=True)

    page.select_option("#decision-form select[name=status]", "Sai sự thật")
    page.fill(
        "#decision-form textarea[name=note]",
        "Đối chiếu thông cáo của BHXH Việt Nam: thông tin sai.",
    )
    page.click("#decision-form button[type=submit]")
    page.wait_for_url("**/bai/doc001?da_luu=false#nhat-ky")
    assert page.locator("#nhat-ky .notice").inner_text() == "Đã lưu trạng thái “Sai sự thật”."
    audit = page.locator("#nhat-ky table").inner_text()
    assert "Đối chiếu thông cáo của BHXH Việt Nam" in audit and "Sai sự thật" in audit
    assert [e.status_after for e in archive.review_history("doc001")] == ["false"]

    page.goto(server + "/bao-phu?tu=02/03/2026&den=20/05/2026")  # the seed's twelve weeks
    chart = page.locator("svg.chart.cumulative")
    assert chart.is_visible() and chart.bounding_box()["height"] > 150
    assert page.locator("svg.chart:not(.cumulative) rect.bar").count() == 12
    assert "Hồ Chí Minh" in page.locator("section.provinces").inner_text()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    page.goto(server + "/bao-cao")
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()  # @media print hides the navigation
    page.screenshot(path=str(tmp_path / "report-print.png"), full_page=True)

    assert page.dialogs == []  # no alert() ever fired
    assert page.console_errors == []
