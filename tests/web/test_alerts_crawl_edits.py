"""Through real `pressmon crawl` runs of a loopback site, mailing a real SMTP server (aiosmtpd): a
scam post is alerted; read again unchanged it is not; decided by a reviewer, then edited at its
source into another scam and urgent again, it is alerted a second time, said so, and recorded."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from demo.content.scams import PAID_WITHDRAWAL_SERVICE
from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.alerts.store import AlertStore, Preference
from pressmon.web.accounts import AccountStore
from tests.crawlers.loopback_crawl import crawl_env, run_python, write_source
from tests.web.alert_receivers import smtp_server

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-05-12T08:30:00+07:00"}}</script></head><body><article><h1>{title}</h1>
{paragraphs}</article></body></html>"""
SCAM = (PAID_WITHDRAWAL_SERVICE["lead"], *PAID_WITHDRAWAL_SERVICE["body"])
FIRST_TITLE = "Rút BHXH một lần nhanh trong 7 ngày"
EDITED_TITLE = "Rút BHXH một lần chỉ trong 3 ngày, phí 10%"
LEAD = "lanhdao@bhxh.test"


def _page(title: str, paragraphs: tuple[str, ...]) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, paragraphs=text).encode()


class _Site(BaseHTTPRequestHandler):
    """One post, /tin/a.html, listed in a sitemap with its <lastmod>."""

    base: ClassVar[str] = ""
    page: ClassVar[bytes] = b""
    lastmod: ClassVar[str] = ""

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self._send(b"User-agent: *\nAllow: /\n", "text/plain")
        elif self.path == "/sitemap.xml":
            url = f"<url><loc>{self.base}/tin/a.html</loc><lastmod>{self.lastmod}</lastmod></url>"
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{url}</urlset>'
            self._send(xml.encode(), "application/xml")
        elif self.path == "/tin/a.html":
            self._send(self.page, "text/html; charset=utf-8")
        else:
            self.send_response(404)
            self.end_headers()


@dataclass(frozen=True)
class Crawls:
    mails: list[list[EmailMessage]]  # what each crawl mailed
    tiers: list[str | None]
    document_id: str
    state: Path


def _decide(folder: Path, document_id: str) -> None:
    archive = SQLiteArchive(folder / "archive.db")
    at = datetime.now(UTC)
    archive.record_review(
        ReviewEvent(document_id, "an", at, "unstarted", "false", "Dịch vụ rút BHXH trái phép")
    )
    archive.close()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawls]:
    folder = tmp_path_factory.mktemp("alerts-after-edits")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = _Site.base = f"http://127.0.0.1:{server.server_port}"
    write_source(folder, base, kind="other", province=None, sitemaps=[f"{base}/sitemap.xml"])
    # The Center's lead gave their address on /canh-bao: they hear of every alert.
    AccountStore(folder / "state.db").add("binh", "matkhau-lanh-dao-9", "lead", "Trần Thị Bình")
    AlertStore(folder / "state.db").set_preference("binh", Preference(email=LEAD))
    mails: list[list[EmailMessage]] = []
    tiers: list[str | None] = []
    document_id = ""
    try:
        with smtp_server() as (mailbox, port):
            env = crawl_env(folder)
            env |= {
                "PRESSMON_ALERTS__HOST": "127.0.0.1",
                "PRESSMON_ALERTS__PORT": str(port),
                "PRESSMON_ALERTS__TLS": "none",
            }
            versions = [
                # The scam, then read again unchanged (a new <lastmod> only), then edited.
                ("2026-05-12T09:00:00+07:00", _page(FIRST_TITLE, SCAM)),
                ("2026-05-13T09:00:00+07:00", _page(FIRST_TITLE, SCAM)),
                (
                    "2026-05-14T09:00:00+07:00",
                    _page(
                        EDITED_TITLE,
                        (
                            *SCAM[:-1],
                            "Ưu đãi mới: phí dịch vụ chỉ còn 10%, liên hệ Zalo 0123.456.789.",
                        ),
                    ),
                ),
            ]
            for number, (lastmod, page) in enumerate(versions):
                _Site.lastmod, _Site.page = lastmod, page
                before = len(mailbox.messages)
                result = run_python(["-m", "pressmon", "crawl"], env)
                assert result.returncode == 0, result.stderr[-2000:]
                mails.append(mailbox.messages[before:])
                archive = SQLiteArchive(folder / "archive.db")
                [document] = list(archive.iter_documents())
                archive.close()
                tiers.append(document.tier)
                document_id = document.id
                if number == 0:  # a reviewer concludes before the site edits the post
                    _decide(folder, document_id)
        yield Crawls(mails, tiers, document_id, folder / "state.db")
    finally:
        server.shutdown()


def test_the_scam_is_mailed_when_first_crawled(crawls: Crawls) -> None:
    assert crawls.tiers[0] == "urgent"
    [mail] = crawls.mails[0]
    assert mail["To"] == LEAD
    assert mail["Subject"] == f"[pressmon] Tin cần xem ngay: {FIRST_TITLE}"


def test_read_again_unchanged_it_is_not_mailed_again(crawls: Crawls) -> None:
    assert crawls.mails[1] == []


def test_edited_into_another_scam_after_a_decision_it_is_mailed_again(crawls: Crawls) -> None:
    assert crawls.tiers[2] == "urgent"
    [mail] = crawls.mails[2]
    assert mail["Subject"] == (
        "[pressmon] Tin cần xem ngay (nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần 2): "
        f"{EDITED_TITLE}"
    )
    assert f"Tiêu đề: {EDITED_TITLE}" in mail.get_content()


def test_both_alerts_are_in_the_audit_log(crawls: Crawls) -> None:
    events = AlertStore(crawls.state).events(crawls.document_id)
    assert [(e.channel, e.outcome, e.sequence) for e in events] == [
        (f"mailto:{LEAD}", "sent", 2),
        (f"mailto:{LEAD}", "sent", 1),
    ]
    with sqlite3.connect(crawls.state) as db:
        versions = db.execute("SELECT version FROM alerts ORDER BY sequence").fetchall()
    db.close()
    assert len(versions) == 2 and versions[0] != versions[1]
