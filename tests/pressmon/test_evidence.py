"""Evidence that outlives the page: crawl the demo site, take a flagged page down, and its saved
copy still opens from the web app with the same SHA-256, the SHA-256 of the WARC payload."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from warcio.archiveiterator import ArchiveIterator

from demo.expected import expected_numbers
from demo.server import DemoServer, serve_demo
from demo.sources import demo_sources
from index import open_archive
from pressmon.evidence.inert import inert_html
from pressmon.evidence.warc import Payload
from pressmon.settings import Settings
from pressmon.web import AccountStore, create_app
from tests.web.conftest import sign_in

REPO = Path(__file__).resolve().parents[2]
FORUM = "dien_dan_bhxh"  # the demo outlet whose posts advertise scams
PASSWORD = "matkhau-kiem-chung-1"


@dataclass(frozen=True)
class Crawled:
    folder: Path
    env: dict[str, str]
    site: DemoServer


def _pressmon(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressmon", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    folder = tmp_path_factory.mktemp("evidence")
    with serve_demo() as site:
        sources = [s for s in demo_sources(site.base_url) if s["id"] == FORUM]
        (folder / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), "utf-8")
        env = {
            **os.environ,
            "PRESSMON_ARCHIVE": str(folder / "archive.db"),
            "PRESSMON_ARCHIVE__STATE_PATH": str(folder / "state.db"),
            "PRESSMON_SOURCES": str(folder / "sources.yaml"),
            "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
            "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        }
        result = _pressmon(env, "crawl")
        assert result.returncode == 0, result.stderr[-3000:]
        yield Crawled(folder, env, site)


def _rows(folder: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(folder / "state.db") as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT * FROM evidence ORDER BY final_url").fetchall()


def _warc_payload(path: Path) -> tuple[str, bytes]:
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type in ("response", "resource"):
                return record.rec_type, record.content_stream().read()
    raise AssertionError(f"no payload record in {path}")


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


def _app(folder: Path):
    settings = Settings.model_validate(
        {
            "sources_file": str(folder / "sources.yaml"),
            "provinces_file": str(REPO / "config" / "provinces.yaml"),
            "archive": {"path": str(folder / "archive.db"), "state_path": str(folder / "state.db")},
            "web": {"session_secret": "evidence-test-secret"},
        }
    )
    accounts = AccountStore(
        folder / "state.db", hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    if accounts.get("kiemchung") is None:
        accounts.add("kiemchung", PASSWORD, "reviewer", "Người kiểm chứng")
    archive = open_archive("sqlite", path=folder / "archive.db", timezone="Asia/Ho_Chi_Minh")
    return create_app(settings, archive=archive, accounts=accounts), archive


def test_only_flagged_pages_are_kept_each_with_its_response(crawled: Crawled) -> None:
    rows = _rows(crawled.folder)
    kept = {urlsplit(row["final_url"]).path for row in rows}
    assert kept and kept <= expected_numbers().flagged_paths
    for row in rows:
        record_type, payload = _warc_payload(crawled.folder / "evidence" / row["path"])
        assert record_type == "response" and row["record_type"] == "response"
        assert hashlib.sha256(payload).hexdigest() == row["sha256"]
        assert datetime.fromisoformat(row["fetched_at"]).tzinfo is not None


def test_a_deleted_page_still_opens_from_its_saved_copy_with_the_same_hash(
    crawled: Crawled,
) -> None:
    row = _rows(crawled.folder)[0]
    status, live = _fetch(row["final_url"])
    assert status == 200 and hashlib.sha256(live).hexdigest() == row["sha256"]
    crawled.site.remove(urlsplit(row["final_url"]).path)
    assert _fetch(row["final_url"])[0] == 404  # the author took the post down

    app, archive = _app(crawled.folder)
    try:
        client = TestClient(app, base_url="http://testserver")
        sign_in(client, "kiemchung", PASSWORD)
        document = archive.get(row["document_id"])
        assert document is not None
        item = client.get(f"/bai/{row['document_id']}")
        assert item.status_code == 200
        assert row["sha256"] in item.text and "Bản lưu" in item.text
        saved = client.get(f"/bai/{row['document_id']}/ban-luu")
        assert saved.status_code == 200
        policy = saved.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "sandbox" in policy
        assert document.title.split()[0] in saved.text
        assert "<script" not in saved.text.lower()
    finally:
        archive.close()
    _, payload = _warc_payload(crawled.folder / "evidence" / row["path"])
    assert hashlib.sha256(payload).hexdigest() == row["sha256"]  # nothing changed on disk


def test_an_ingested_flagged_article_keeps_its_text(crawled: Crawled, tmp_path: Path) -> None:
    app, archive = _app(crawled.folder)
    try:
        scam = next(
            archive.get(row["document_id"]) for row in _rows(crawled.folder)
        )  # a known scam text, sent in again from another site
    finally:
        archive.close()
    assert scam is not None
    line = {
        "title": scam.title,
        "text": scam.body,
        "url": "https://mxh.example/bai/lua-dao-1",
        "outlet": "Mạng xã hội",
        "published_at": datetime(2026, 5, 1, 8, tzinfo=UTC).isoformat(),
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    result = _pressmon(crawled.env, "ingest", str(path))
    assert result.returncode == 0, result.stderr[-2000:]
    (row,) = [r for r in _rows(crawled.folder) if r["final_url"] == line["url"]]
    record_type, payload = _warc_payload(crawled.folder / "evidence" / row["path"])
    assert record_type == "resource" and row["record_type"] == "resource"
    assert payload.decode("utf-8") == f"{scam.title}\n\n{scam.body}"
    assert hashlib.sha256(payload).hexdigest() == row["sha256"]


HOSTILE_PAGE = """<!DOCTYPE html><html><head>
<script>document.title = 'ran'</script>
<link rel="stylesheet" href="http://tracker.example/a.css">
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<style>body { background: url(http://tracker.example/bg.png) }</style>
<base href="http://evil.example/"></head>
<body onload="alert(1)"><h1>Tiêu đề</h1>
<img src="http://tracker.example/pixel.gif" alt="pixel" onerror="alert(2)">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<a href="javascript:alert(3)">link</a><iframe src="http://evil.example/"></iframe>
<object data="http://evil.example/x.swf"></object><svg><script>alert(4)</script></svg>
<form action="http://evil.example/"><input name="q"></form>
<p style="color: red">Nội dung</p><p style="background:url(http://tracker.example/x)">x</p>
</body></html>""".encode()


def test_the_saved_copy_is_made_inert() -> None:
    html = inert_html(Payload(HOSTILE_PAGE, "text/html; charset=utf-8", "response"))
    lowered = html.lower()
    for forbidden in ("<script", "<iframe", "<object", "<svg", "<form", "<base", "<link", "<meta"):
        assert forbidden not in lowered, forbidden
    for forbidden in ("onload", "onerror", "javascript:", "tracker.example", "evil.example"):
        assert forbidden not in lowered, forbidden
    assert "Tiêu đề" in html and "Nội dung" in html and 'style="color: red"' in html
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html  # inline images stay


def test_ingested_text_is_shown_escaped() -> None:
    html = inert_html(Payload("<b>đậm</b>".encode(), "text/plain; charset=utf-8", "resource"))
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html and "<b>" not in html
    # Line breaks kept, in a proportional face: monospace fonts split Vietnamese stacked marks.
    assert '<pre style="white-space: pre-wrap; font-family: sans-serif' in html


@pytest.mark.parametrize(
    "css",
    [
        '<p style="background:\\75rl(http://tracker.example/x)">x</p>',
        '<p style="background: U\\000052L( http://tracker.example/x)">x</p>',
        '<style>@\\69mport "http://tracker.example/a.css";</style><p>x</p>',
        "<style>p { background: \\75 \\72 l(http://tracker.example/bg.png) }</style><p>x</p>",
    ],
)
def test_css_escapes_do_not_hide_a_fetch(css: str) -> None:
    """`\\75rl(` is `url(` to a browser: the copy's first wall reads CSS as the browser does."""
    html = inert_html(Payload(css.encode(), "text/html; charset=utf-8", "response"))
    assert "tracker.example" not in html and "<p>x</p>" in html
