"""`pressmon demo`'s sample "Chuyển Trung tâm" alerts the Center as the web app's does: the
demo shows the province → Center road end to end, the alert included, in the office's words."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.types import Document
from pressmon.alerts.messages import alert_message
from pressmon.alerts.store import AlertStore
from pressmon.demo_run import DemoPaths, demo_settings, escalate_sample
from pressmon.review.escalations import EscalationStore
from pressmon.settings import Settings
from pressmon.wiring import archive_from, notifier_from

PUBLISHED = datetime(2026, 5, 12, 3, 0, tzinfo=UTC)


@pytest.fixture
def sent_up(tmp_path: Path) -> tuple[Settings, list[str]]:
    """A demo archive holding one urgent Hà Nội post, sent up by the demo's sample; (settings,
    what the demo printed)."""
    paths = DemoPaths.beside(tmp_path / "archive.db")
    paths.sources.write_text(
        "- {id: baomau, name: Báo Mẫu, kind: provincial, province: Hà Nội, domain: baomau.vn}\n",
        encoding="utf-8",
    )
    settings = demo_settings(paths, None)
    scam = Document(
        id="doc001",
        url="https://baomau.vn/bai-1.html",
        canonical_url="https://baomau.vn/bai-1.html",
        outlet="baomau",
        outlet_name="Báo Mẫu",
        kind="provincial",
        title="Cán bộ BHXH gọi điện đòi mã OTP",
        body="Nhiều người nhận cuộc gọi tự xưng cán bộ BHXH yêu cầu cung cấp mã OTP.",
        published_at=PUBLISHED,
        crawled_at=PUBLISHED,
        province="Hà Nội",
        provinces=("Hà Nội",),
        tier="urgent",
        risk=0.93,
    )
    with archive_from(settings) as archive:
        archive.upsert([scam])
    said: list[str] = []
    escalate_sample(settings, said.append)
    return settings, said


def test_the_demo_sending_alerts_the_center_naming_the_city_as_its_office(sent_up) -> None:
    settings, said = sent_up
    assert "Cảnh báo cho Trung tâm đã vào hàng gửi" in "\n".join(said)

    console = io.StringIO()
    assert notifier_from(settings, console=console).send_due() == 1  # as the demo's server does
    printed = console.getvalue()
    assert "[pressmon] BHXH Hà Nội chuyển lên Trung tâm: Cán bộ BHXH gọi điện đòi mã OTP" in printed
    assert "Xem và xử lý: http://127.0.0.1:8000/bai/doc001" in printed
    sent = EscalationStore(settings.archive.state_path).get("doc001")
    assert sent is not None and sent.province == "Hà Nội"
    assert "BHXH Hà Nội đã cảnh báo người dân" in sent.note and "tỉnh" not in sent.note


def test_the_demo_sender_is_named_once_with_its_office(sent_up) -> None:
    # "BHXH Hà Nội (trình diễn) (BHXH Hà Nội)" named the office twice wherever the sender shows.
    settings, _ = sent_up
    [delivery] = AlertStore(settings.archive.state_path).claim_due(
        datetime.now(UTC) + timedelta(minutes=1)
    )
    body = alert_message(delivery.alert, settings.tz).body
    assert "Người chuyển: Cán bộ trình diễn (BHXH Hà Nội), " in body
