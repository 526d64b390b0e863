"""/nhat-ky names what each row is about as people recognise it: an item by its title (escaped,
shortened when long) linking to its page, its id kept in the link's tooltip; an alert's channel
in words ("In ra màn hình", "E-mail …"), not its code (`console`, `mailto:`). The CSV keeps the
values as stored."""

from __future__ import annotations

import csv
import io
import re

from pressmon.audit import AuditEntry, channel_label, stored_detail
from pressmon.web.routes.audit import TITLE_CHARS
from tests.web.conftest import HOSTILE_TITLE, make_doc
from tests.web.test_web_audit_log import _seed

LONG_TITLE = "Bảo hiểm xã hội " * 20


def _rows(page: str) -> list[str]:
    return page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]


def _visible(row: str) -> str:
    return re.sub(r"<[^>]+>", " ", row)


def test_items_are_named_by_title_and_alerts_by_channel_words(
    client, login, accounts, settings, clock, archive
) -> None:
    _seed(client, login, accounts, settings, clock)
    archive.upsert([make_doc(3, title=LONG_TITLE)])
    login(client, "binh")
    newest, _account, decision, _start = _rows(client.get("/nhat-ky").text)

    assert "In ra màn hình" in newest and "console" not in newest
    assert 'href="/bai/doc001" title="Mã bài: doc001"' in newest
    assert "<script>" not in newest and "&lt;script&gt;alert(1)&lt;/script&gt;" in newest
    assert "doc001" not in _visible(newest)

    shown = LONG_TITLE[:TITLE_CHARS].rstrip() + "…"
    assert f">{shown}</a>" in decision and "doc003" not in _visible(decision)


def test_the_csv_keeps_the_stored_subject_and_channel(
    client, login, accounts, settings, clock
) -> None:
    _seed(client, login, accounts, settings, clock)
    login(client, "binh")
    text = client.get("/nhat-ky.csv").text.lstrip("\ufeff")
    alert = list(csv.reader(io.StringIO(text)))[1]
    assert alert[4] == "doc001" and alert[5] == "console"
    assert HOSTILE_TITLE not in text


def test_each_channel_has_words_and_the_csv_its_stored_text() -> None:
    assert channel_label("console") == "In ra màn hình (chưa cấu hình máy chủ thư)"
    assert channel_label("mailto:an@bhxh.test") == "E-mail an@bhxh.test"
    assert channel_label("https://hook.test/x") == "Webhook https://hook.test/x"
    entry = AuditEntry(
        at=None,  # type: ignore[arg-type]
        actor="system",
        action="alert:sent",
        subject="doc001",
        detail="HTTP 500",
        channel="mailto:an@bhxh.test",
    )
    assert stored_detail(entry) == "an@bhxh.test: HTTP 500"
