"""A real SQLite archive seeded with a few Vietnamese articles, a real account store, the app."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from index import open_archive
from index.base import Archive
from index.types import Document
from pressmon.alerts.dispatch import Notifier
from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.settings import Settings
from pressmon.web import AccountStore, create_app
from pressmon.wiring import notifier_from
from tests.web.alert_receivers import Hook, Mailbox, smtp_server, webhook_server

# Real argon2id, cheap parameters: the default costs ~0.4 s per hash on the 2-core test machine.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
NOW = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)
PASSWORDS = {"an": "matkhau-an-1", "binh": "matkhau-binh-2", "chi": "matkhau-chi-3"}
HOSTILE_TITLE = "Cảnh báo <script>alert(1)</script> giả mạo BHXH"
HOSTILE_BODY = (
    "Đoạn mở đầu <img src=x onerror=alert(1)> về lương hưu.\n\n"
    "Nhiều người nhận được cuộc gọi tự xưng cán bộ BHXH yêu cầu cung cấp mã OTP."
)


class Clock:
    """A settable clock shared by the app and the account store."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def make_doc(n: int, **overrides: object) -> Document:
    published = NOW - timedelta(days=n, hours=2)
    values: dict[str, object] = dict(
        id=f"doc{n:03d}",
        url=f"https://baomau.vn/bai-{n}.html",
        canonical_url=f"https://baomau.vn/bai-{n}.html",
        outlet="baomau",
        outlet_name="Báo Mẫu",
        kind="provincial",
        title=f"Người dân Hà Nội hỏi về lương hưu tháng {n}",
        body="Bảo hiểm xã hội thành phố cho biết việc chi trả lương hưu diễn ra đúng hạn.",
        published_at=published,
        crawled_at=published + timedelta(hours=1),
        province="Hà Nội",
        provinces=("Hà Nội",),
        topics=("luong_huu_chi_tra",),
        extraction={"title": "json-ld", "body": "trafilatura"},
    )
    values.update(overrides)
    return Document(**values)  # type: ignore[arg-type]


def flagged(n: int, tier: str, risk: float, **overrides: object) -> Document:
    details = {
        "reasons": [
            {"kind": "sentence", "text": "yêu cầu cung cấp mã OTP", "weight": 0.4, "detail": {}},
            {"kind": "term", "text": "cán bộ BHXH", "weight": 0.2, "detail": {}},
            {
                "kind": "fact-check",
                "text": "BHXH không gọi điện yêu cầu mã OTP",
                "weight": 0.3,
                "detail": {"nguồn": "Thông cáo BHXH"},
            },
            {"kind": "stance", "text": "Bài khẳng định nội dung", "weight": 0.1, "detail": {}},
            {
                "kind": "known-claim",
                "weight": 0.45,
                "text": "Nội dung gần trùng thông tin BHXH đã bác bỏ: "
                '"Cán bộ BHXH gọi điện xin mã OTP" '
                "Đính chính chính thức: BHXH không bao giờ gọi điện xin mã OTP.",
                "detail": {
                    "claim_id": "otp-call",
                    "strength": "strong",
                    "source_url": "https://bhxh.example/dinh-chinh",
                    "date": "2025-03-01",
                    "category": "C1",
                    "evidence": "tự xưng cán bộ BHXH, mã OTP",
                },
            },
        ],
        "article11_clause": "Khoản 3 Điều 11",
        "known_claims": [
            {
                "claim": "Cán bộ BHXH gọi điện xin mã OTP",
                "correction": (
                    "BHXH Việt Nam không yêu cầu người dân cung cấp mã OTP qua điện thoại."
                ),
                "url": "javascript:alert(1)",
            }
        ],
        "uncertainty": 0.1 * (n % 5),
    }
    values: dict[str, object] = dict(
        title=f"Tin đồn cán bộ BHXH gọi điện đòi mã OTP số {n}",
        body="Nhiều người nhận được cuộc gọi tự xưng cán bộ BHXH yêu cầu cung cấp mã OTP.",
        topics=("truc_loi_lua_dao",),
        risk=risk,
        tier=tier,
        category="C1",
        stance="asserts",
        flag_details=details,
        model_version="test-1",
    )
    values.update(overrides)
    return make_doc(n, **values)


def first_arguments(monkeypatch: pytest.MonkeyPatch, target: object, method: str) -> list[Any]:
    """The first argument of every call to `target.method` from now on (each call still runs):
    how many reads a page makes, and of what."""
    calls: list[Any] = []
    real = getattr(target, method)

    def recorded(first: Any, *rest: Any) -> Any:
        calls.append(first)
        return real(first, *rest)

    monkeypatch.setattr(target, method, recorded)
    return calls


COPIED_STORY = "s-rut-mot-lan"


def story_copy(n: int, title: str, tier: str = "urgent", **overrides: Any) -> Document:
    """Copy `n` of one post reposted in several groups (story COPIED_STORY): "`title`, bản n",
    flagged, at its own URL."""
    return flagged(
        n,
        tier,
        0.8,
        story_id=COPIED_STORY,
        title=f"{title}, bản {n}",
        url=f"https://nhom.vn/bai-{n}",
        canonical_url=f"https://nhom.vn/bai-{n}",
        **overrides,
    )


def seed_documents() -> list[Document]:
    return [
        flagged(1, "urgent", 0.93, title=HOSTILE_TITLE, body=HOSTILE_BODY),
        flagged(
            2,
            "review",
            0.61,
            outlet="baokhac",
            outlet_name="Báo Khác",
            province="Cần Thơ",
            provinces=("Cần Thơ",),
            category="C5",
        ),
        flagged(3, "urgent", 0.85),
        flagged(4, "review", 0.55, review_status="unstarted"),
        make_doc(5),
        make_doc(6, kind="national", province=None, provinces=()),
        make_doc(20, province="Đắk Lắk", provinces=("Đắk Lắk",)),
    ]


@pytest.fixture
def document_factory():
    """make_doc(n, **overrides): an ordinary (unflagged) article published n days before NOW."""
    return make_doc


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    archive = open_archive("sqlite", path=tmp_path / "archive.sqlite3", timezone="Asia/Ho_Chi_Minh")
    archive.upsert(seed_documents())
    yield archive
    archive.close()


@pytest.fixture
def accounts(tmp_path: Path, clock: Clock) -> AccountStore:
    store = AccountStore(tmp_path / "state.sqlite3", clock=clock, hasher=FAST_HASHER)
    store.add("an", PASSWORDS["an"], "reviewer", "Nguyễn Văn An")
    store.add("binh", PASSWORDS["binh"], "lead", "Trần Thị Bình")
    store.add("chi", PASSWORDS["chi"], "admin", "Lê Chi")
    return store


SOURCES = """
- {id: baomau, name: Báo Mẫu, kind: provincial, province: Hà Nội, domain: baomau.vn}
- {id: baokhac, name: Báo Khác, kind: provincial, province: Cần Thơ, domain: baokhac.vn}
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    repo = Path(__file__).resolve().parents[2]
    config = tmp_path / "config"
    config.mkdir()
    (config / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    shutil.copy(repo / "config" / "provinces.yaml", config / "provinces.yaml")
    return Settings.model_validate(
        {
            "sources_file": str(config / "sources.yaml"),
            "targets_file": str(repo / "config" / "targets.yaml"),
            "provinces_file": str(config / "provinces.yaml"),
            "archive": {
                "path": str(tmp_path / "archive.sqlite3"),
                "state_path": str(tmp_path / "state.sqlite3"),
            },
            "web": {"session_secret": "test-secret-not-for-production"},
        }
    )


@pytest.fixture
def app(settings: Settings, archive: Archive, accounts: AccountStore, clock: Clock):
    # The flagged seed articles came without HTML: their text is their saved copy, as on ingest.
    EvidenceKeeper.from_settings(settings).keep_ingested(seed_documents(), NOW)
    return create_app(settings, archive=archive, accounts=accounts, clock=clock)


@pytest.fixture
def client(app) -> TestClient:
    return TestClient(app, base_url="http://testserver")


def option_values(page: str, select: str) -> list[str]:
    """The values of the options of `<select name="select">` on `page`, in order."""
    found = re.search(rf'<select name="{select}">(.*?)</select>', page, flags=re.S)
    assert found is not None, select
    return re.findall(r'<option value="([^"]*)"', found.group(1))


def sign_in(client: TestClient, username: str, password: str | None = None) -> str:
    """Sign in through the real form; returns the session's CSRF token."""
    form = client.get("/dang-nhap")
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert found is not None, "no CSRF token on the sign-in page"
    token = found.group(1)
    response = client.post(
        "/dang-nhap",
        data={
            "username": username,
            "password": password or PASSWORDS[username],
            "csrf_token": token,
            "next": "/hang-doi",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client.get("/api/me").json()["csrf_token"]


def act(client: TestClient, token: str, item: str, *forms: dict[str, str]) -> None:
    """Send each form to the item page's action route in turn, as a signed-in reviewer does;
    every one must be accepted (303 back to the item)."""
    for form in forms:
        response = client.post(
            f"/bai/{item}/xu-ly", data={"csrf_token": token, **form}, follow_redirects=False
        )
        assert response.status_code == 303, response.text


@pytest.fixture
def login():
    return sign_in


@pytest.fixture
def as_reviewer(client: TestClient) -> tuple[TestClient, str]:
    return client, sign_in(client, "an")


@pytest.fixture
def as_lead(client: TestClient) -> tuple[TestClient, str]:
    return client, sign_in(client, "binh")


@pytest.fixture
def as_admin(client: TestClient) -> tuple[TestClient, str]:
    return client, sign_in(client, "chi")


@pytest.fixture
def receivers() -> Iterator[tuple[Mailbox, int, Hook, str]]:
    """A real SMTP server and a real webhook receiver on loopback: (mailbox, SMTP port, hook,
    webhook URL)."""
    with smtp_server() as (mailbox, port), webhook_server() as (hook, url):
        yield mailbox, port, hook, url


def with_alerts(settings: Settings, **alerts: Any) -> Settings:
    """`settings` sending alerts through the loopback SMTP server (`alerts`: its port, recipients,
    webhooks...), its links under a public address."""
    values = {"host": "127.0.0.1", "tls": "none", "from": "pressmon@bhxh.test", **alerts}
    return settings.model_copy(
        update={
            "alerts": settings.alerts.model_validate(values),
            "web": settings.web.model_copy(update={"public_url": "https://pressmon.bhxh.test"}),
        }
    )


@pytest.fixture
def make_notifier(settings: Settings, accounts: AccountStore, clock: Clock):
    """notifier_from over the test's state database (accounts already in it); each call is
    another process's."""

    def make(**alerts: Any) -> Notifier:
        return notifier_from(with_alerts(settings, **alerts), clock=clock)

    return make


@pytest.fixture
def signed_in_with_synonyms(settings, archive, accounts, clock, tmp_path: Path):
    """A signed-in reviewer's client of a site started with these synonym groups (the lines of
    config/synonyms.yaml's list): `signed_in_with_synonyms("[BHXH, bảo hiểm xã hội]")`."""

    def make(*groups: str) -> TestClient:
        path = tmp_path / "config" / "synonyms.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("synonyms:\n" + "".join(f"  - {g}\n" for g in groups), encoding="utf-8")
        app = create_app(
            settings.model_copy(update={"synonyms_file": path}),
            archive=archive,
            accounts=accounts,
            clock=clock,
        )
        client = TestClient(app, base_url="http://testserver")
        sign_in(client, "an")
        return client

    return make
