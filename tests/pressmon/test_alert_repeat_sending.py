"""A province sending an item up again is an alert that says so: its subject and first line read
"chuyển lại" with the how-many-th time, so the Center tells it apart from the first; another
province's first sending of the same item still reads as a first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from index.types import ReviewEvent
from pressmon.alerts.messages import alert_message
from pressmon.alerts.model import Alert
from pressmon.alerts.sendings import sending_alert
from tests.web.conftest import flagged

DOCUMENT = flagged(32, "review", 0.64, title="Cuộc gọi giả danh BHXH")
START = datetime(2026, 5, 20, 3, tzinfo=UTC)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _sent(hours: int, actor: str, province: str) -> ReviewEvent:
    return ReviewEvent(
        DOCUMENT.id,
        actor,
        START + timedelta(hours=hours),
        "in_progress",
        "in_progress",
        f"ghi chú {hours}",
        "escalate",
        {"province": province},
    )


def _alert(history: list[ReviewEvent]) -> Alert:
    alert = sending_alert(DOCUMENT, history, link=lambda i: f"/bai/{i}", name=str.upper)
    assert alert is not None
    return alert


def test_a_repeat_sending_by_the_same_province_says_it_is_sent_again() -> None:
    history = [
        _sent(0, "nghean", "Nghệ An"),
        _sent(1, "hatinh", "Hà Tĩnh"),
        _sent(2, "nghean", "Nghệ An"),
    ]
    first, other, again = (alert_message(_alert(history[:n]), TZ) for n in (1, 2, 3))

    assert first.subject == "[pressmon] BHXH Nghệ An chuyển lên Trung tâm: Cuộc gọi giả danh BHXH"
    assert other.subject == "[pressmon] BHXH Hà Tĩnh chuyển lên Trung tâm: Cuộc gọi giả danh BHXH"
    assert again.subject == (
        "[pressmon] BHXH Nghệ An chuyển lại lên Trung tâm (lần 2): Cuộc gọi giả danh BHXH"
    )
    assert again.body.startswith("BHXH Nghệ An chuyển lại lên Trung tâm (lần 2).\n")
    assert _alert(history).sent_times == 2


def test_an_alert_queued_before_the_count_was_kept_reads_as_a_first_sending() -> None:
    stored = _alert([_sent(0, "nghean", "Nghệ An")]).to_json()
    del stored["sent_times"]
    old = alert_message(Alert.from_json(stored), TZ)
    assert old.subject.startswith("[pressmon] BHXH Nghệ An chuyển lên Trung tâm:")
