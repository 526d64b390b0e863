"""An item alerted, then edited at its source and urgent again, is alerted again; the same content
scored again never is. Through a real SMTP server (aiosmtpd) and a real webhook receiver on
loopback, and the audit log over HTTP."""

from __future__ import annotations

import csv
import email.utils
import io
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pressmon.alerts.store import AlertStore, Preference
from tests.web.conftest import flagged, make_doc

SCAM = flagged(1, "urgent", 0.93, title="Dịch vụ rút BHXH một lần nhanh trong 7 ngày")
# The site edits the page into another scam: a new headline and text, still urgent.
EDITED = replace(
    SCAM,
    title="Rút BHXH một lần chỉ trong 3 ngày, phí 10%",
    body="Ưu đãi mới: phí dịch vụ chỉ còn 10%, liên hệ Zalo 0123.456.789 để rút BHXH một lần.",
)
AGAIN_SUBJECT = (
    "[pressmon] Tin cần xem ngay (nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần 2): "
)


def test_an_alerted_item_edited_into_another_scam_is_alerted_again_once(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, hook, url = receivers
    channels = {"port": port, "recipients": {"lead": ["lanhdao@bhxh.test"]}, "webhooks": [url]}
    assert make_notifier(**channels).notify([SCAM]) == 1
    assert make_notifier(**channels).send_due() == 2

    # Scored again with the same content (another model, another risk): never a second alert,
    # whatever its spelling of the same text (the archive's NFC against a fresh page's NFD).
    clock.advance(timedelta(hours=1))
    rescored = replace(SCAM, risk=0.97, model_version="test-2")
    nfd = replace(rescored, body=unicodedata.normalize("NFD", SCAM.body))
    assert make_notifier(**channels).notify([rescored, nfd]) == 0

    # Edited at its source and urgent again: a new alert, saying why, then no more.
    clock.advance(timedelta(hours=1))
    notifier = make_notifier(**channels)
    assert notifier.notify([EDITED]) == 1
    assert notifier.send_due() == 2
    assert notifier.notify([EDITED, replace(EDITED, risk=0.99)]) == 0
    assert notifier.send_due() == 0

    subjects = [m["Subject"] for m in mailbox.messages]
    assert subjects == [
        "[pressmon] Tin cần xem ngay: Dịch vụ rút BHXH một lần nhanh trong 7 ngày",
        AGAIN_SUBJECT + "Rút BHXH một lần chỉ trong 3 ngày, phí 10%",
    ]
    body = mailbox.messages[1].get_content()
    assert body.startswith(
        "Tin cần xem ngay (nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần 2)."
    )
    assert "Tiêu đề: Rút BHXH một lần chỉ trong 3 ngày, phí 10%" in body
    first, second = hook.payloads
    assert (first["document_id"], first["sequence"]) == ("doc001", 1)
    assert (second["document_id"], second["sequence"]) == ("doc001", 2)
    assert first["version"] and second["version"] and first["version"] != second["version"]
    assert second["title"] == EDITED.title


def test_a_scam_taken_down_then_put_back_is_alerted_again(receivers, make_notifier) -> None:
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    assert notifier.notify([SCAM]) == 1
    notifier.send_due()
    # The page now says something harmless (not flagged), then the same scam comes back.
    cleaned = make_doc(1, title="Trang đang bảo trì", body="Nội dung đã được gỡ.")
    assert notifier.notify([cleaned]) == 0
    assert notifier.notify([SCAM]) == 1
    assert notifier.notify([SCAM]) == 0
    notifier.send_due()
    assert [m["Subject"].startswith(AGAIN_SUBJECT) for m in mailbox.messages] == [False, True]


def test_an_item_first_alerted_as_a_known_claim_then_urgent_with_the_same_text_is_not(
    receivers, make_notifier
) -> None:
    """Scoring alone (no edit) moving an item from one trigger to another is no new content."""
    _mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    assert notifier.notify([replace(SCAM, tier="review", risk=0.6)]) == 1
    assert notifier.notify([SCAM]) == 0


def test_the_re_alert_reaches_the_provinces_and_digest_of_the_new_content(
    receivers, make_notifier, accounts, settings, clock
) -> None:
    """The edit made the item about Nghệ An: that office hears of the second alert only. A digest
    reader finds the item once in the next digest, as the second alert (the first, still waiting,
    is superseded: the source no longer says that)."""
    mailbox, port, _hook, _url = receivers
    accounts.add("nghean", "matkhau-nghe-an-4", "reviewer", "Hồ Thị Nga", province="Nghệ An")
    store = AlertStore(settings.archive.state_path)
    store.set_preference("nghean", Preference(email="nga@nghean.bhxh.test"))
    store.set_preference("binh", Preference(email="binh@bhxh.test", digest=True))
    notifier = make_notifier(port=port, digest_time="07:30")
    notifier.notify([SCAM])
    notifier.send_due()
    assert mailbox.messages == []  # about Hà Nội only, and Bình reads the digest
    clock.advance(timedelta(hours=1))
    moved = replace(EDITED, province="Nghệ An", provinces=("Nghệ An", "Hà Nội"))
    assert notifier.notify([moved]) == 1
    notifier.send_due()
    [to_nga] = mailbox.messages
    assert to_nga["To"] == "nga@nghean.bhxh.test"
    assert to_nga["Subject"].startswith(AGAIN_SUBJECT)

    clock.advance(timedelta(days=1))
    assert notifier.send_due() == 1
    digest = mailbox.messages[-1]
    assert digest["To"] == "binh@bhxh.test" and "1 tin" in digest["Subject"]
    assert digest["Date"] and digest["Message-ID"].endswith("@bhxh.test>")
    text = digest.get_content()
    assert "1. Tin cần xem ngay (nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần 2)" in text
    assert "Tiêu đề: Rút BHXH một lần chỉ trong 3 ngày, phí 10%" in text
    assert SCAM.title not in text
    binh = [e for e in store.events("doc001") if e.channel == "mailto:binh@bhxh.test"]
    assert [(e.outcome, e.sequence, e.detail) for e in binh] == [
        ("sent", 2, "trong bản tổng hợp hằng ngày"),
        ("superseded", 1, "thay bằng cảnh báo lần 2"),
    ]

    # Edited again after that digest went out: the next digest has the third alert.
    clock.advance(timedelta(hours=1))
    assert notifier.notify([replace(moved, body=moved.body + " Hạn chót hôm nay.")]) == 1
    clock.advance(timedelta(days=1))
    notifier.send_due()
    assert "cảnh báo lần 3" in mailbox.messages[-1].get_content()


def test_an_alert_held_by_quiet_hours_is_superseded_by_the_edit_made_meanwhile(
    receivers, make_notifier, clock
) -> None:
    mailbox, port, hook, url = receivers
    clock.now = datetime(2026, 5, 20, 16, 0, tzinfo=UTC)  # 23:00 in Hà Nội
    notifier = make_notifier(
        port=port,
        recipients={"lead": ["lanhdao@bhxh.test"]},
        webhooks=[url],
        quiet_hours="22:00-06:30",
    )
    notifier.notify([SCAM])
    clock.advance(timedelta(hours=2))
    notifier.notify([EDITED])
    clock.now = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)  # 06:30
    assert notifier.send_due() == 2
    [mail] = mailbox.messages
    assert mail["Subject"] == AGAIN_SUBJECT + EDITED.title
    assert [p["sequence"] for p in hook.payloads] == [2]
    outcomes = sorted((e.channel, e.outcome, e.sequence) for e in notifier.store.events())
    assert outcomes == [
        (url, "sent", 2),
        (url, "superseded", 1),
        ("mailto:lanhdao@bhxh.test", "sent", 2),
        ("mailto:lanhdao@bhxh.test", "superseded", 1),
    ]


def test_the_audit_log_records_the_second_alert(
    receivers, make_notifier, client, login, clock
) -> None:
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    notifier.notify([SCAM])
    notifier.send_due()
    clock.advance(timedelta(minutes=5))
    notifier.notify([EDITED])
    notifier.send_due()
    assert len(mailbox.messages) == 2

    login(client, "binh")
    response = client.get("/nhat-ky.csv?thao_tac=alert:sent")
    header, *rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    detail = header.index("Chi tiết")
    details = [row[detail] for row in rows if "doc001" in ",".join(row)]
    assert details == [
        "lanhdao@bhxh.test: nội dung đã thay đổi sau cảnh báo trước, cảnh báo lần 2",
        "lanhdao@bhxh.test",
    ]
    [latest, earliest] = notifier.store.events("doc001")
    assert (latest.sequence, earliest.sequence) == (2, 1)


def test_a_known_false_claim_back_in_an_edited_item_is_alerted_again(
    receivers, make_notifier
) -> None:
    """The page first repeated a debunked claim, then was rewritten repeating it again in other
    words: the claim reappears, so it is announced again; the same words again are not."""
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    claim = flagged(2, "review", 0.61)
    reworded = replace(claim, body="Lại có người tự xưng cán bộ BHXH gọi điện xin mã OTP.")
    assert notifier.notify([claim]) == 1
    notifier.send_due()
    assert notifier.notify([reworded]) == 1
    assert notifier.notify([reworded, replace(reworded, risk=0.7)]) == 0
    notifier.send_due()
    assert [m["Subject"].split(":")[0] for m in mailbox.messages] == [
        "[pressmon] Thông tin sai đã biết xuất hiện lại",
        "[pressmon] Thông tin sai đã biết xuất hiện lại (nội dung đã thay đổi sau cảnh báo trước,"
        " cảnh báo lần 2)",
    ]


def test_alert_mails_carry_a_date_and_an_id_and_a_re_alert_follows_the_first(
    receivers, make_notifier
) -> None:
    """Without Date and Message-ID (smtplib adds neither) mail servers and filters take alerts
    for spam and readers show no time; a retry keeps its id, the second alert about an item
    refers to the first so mail readers thread them."""
    mailbox, port, _hook, _url = receivers
    notifier = make_notifier(port=port, recipients={"lead": ["lanhdao@bhxh.test"]})
    mailbox.refuse = 1
    notifier.notify([SCAM])
    notifier.send_due()  # refused once: retried later with the same id
    notifier.clock.advance(timedelta(minutes=5))
    notifier.send_due()
    notifier.notify([EDITED])
    notifier.send_due()
    first, second = mailbox.messages
    for mail in (first, second):
        assert email.utils.parsedate_to_datetime(mail["Date"]).tzinfo is not None
    assert first["Message-ID"] == "<pressmon.doc001.1@bhxh.test>"
    assert second["Message-ID"] == "<pressmon.doc001.2@bhxh.test>"
    assert second["In-Reply-To"] == second["References"] == first["Message-ID"]
    assert first["In-Reply-To"] is None
