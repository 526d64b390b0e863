"""A province typed by its old name is read as its current province, and the user is told so,
the same way for a unit merged in 2025 ("Quảng Bình → Quảng Trị") and an older one ("Hà Tây",
merged into Hà Nội in 2008), and for their aliases ("Vũng Tàu"): an old name read silently gave
someone another province's figures or account without a word."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main
from pressmon.filters import FilterResolver
from pressmon.web.accounts import AccountStore
from vntext.provinces import Gazetteer

CONFIG = Path(__file__).resolve().parents[2] / "config"
GAZETTEER = Gazetteer.load(CONFIG / "provinces.yaml")
RESOLVER = FilterResolver.build(GAZETTEER, ())
HA_TAY = "Hà Tây → Hà Nội (đơn vị hành chính cũ)"


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ("Quảng Bình", "Quảng Bình → Quảng Trị (sáp nhập 2025)"),
        ("Ha Tay", HA_TAY),
        ("Hà Tây", HA_TAY),
        ("tỉnh Hà Tây", HA_TAY),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế → Huế (đơn vị hành chính cũ)"),
        ("Quảng Nam - Đà Nẵng", "Quảng Nam - Đà Nẵng → Đà Nẵng (đơn vị hành chính cũ)"),
        ("Vung Tau", "Bà Rịa - Vũng Tàu → Hồ Chí Minh (sáp nhập 2025)"),
        ("Bắc Cạn", "Bắc Kạn → Thái Nguyên (sáp nhập 2025)"),
    ],
)
def test_an_old_name_or_its_alias_is_noted(typed: str, note: str) -> None:
    assert RESOLVER.province(typed).note == note


@pytest.mark.parametrize(
    "unit", [u for u in GAZETTEER.units if u.kind != "current"], ids=lambda u: u.name
)
def test_every_old_unit_and_alias_is_read_with_a_note_naming_it(unit) -> None:
    for typed in (unit.name, *unit.aliases):
        found = RESOLVER.province(typed)
        assert found.value == unit.province
        assert found.note is not None and found.note.startswith(f"{unit.name} → {unit.province} (")


@pytest.mark.parametrize("typed", ["Hà Nội", "TP.HCM", "Sài Gòn", "Huế", "Tỉnh Nghệ An"])
def test_a_current_name_or_alias_has_no_note(typed: str) -> None:
    assert RESOLVER.province(typed).note is None


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    at = datetime(2026, 3, 7, 3, tzinfo=UTC)
    with SQLiteArchive(path) as archive:
        archive.upsert(
            [
                Document(
                    id="ha-noi",
                    url="https://vnexpress.net/ha-noi.html",
                    canonical_url="https://vnexpress.net/ha-noi.html",
                    outlet="vnexpress",
                    outlet_name="VnExpress",
                    kind="national",
                    title="Hà Nội chi trả lương hưu",
                    body="Bảo hiểm xã hội Hà Nội chi trả lương hưu đúng hạn.",
                    published_at=at,
                    crawled_at=at,
                    province="Hà Nội",
                    provinces=("Hà Nội",),
                )
            ]
        )
    return path


def _run(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    "command", [("counts",), ("search", "lương hưu"), ("flagged",)], ids=lambda c: c[0]
)
def test_the_command_line_filters_note_a_historical_province(archive_path, command) -> None:
    result = _run("--archive", str(archive_path), *command, "--province", "Ha Tay")
    assert f"Lưu ý: {HA_TAY}" in result.stderr


def test_users_add_and_set_province_note_a_historical_province(tmp_path: Path) -> None:
    users = ("--data-dir", str(tmp_path), "users")
    added = _run(
        *users,
        *("add", "lan", "--role", "reviewer", "--province", "Ha Tay", "--password-stdin"),
        stdin="một mật khẩu đủ dài 2026\n",
    )
    assert f"Lưu ý: {HA_TAY}" in added.stderr
    moved = _run(*users, "set-province", "lan", "Thua Thien Hue")
    assert "Lưu ý: Thừa Thiên Huế → Huế (đơn vị hành chính cũ)" in moved.stderr
    account = AccountStore(tmp_path / "pressmon-state.db").get("lan")
    assert account is not None and account.province == "Huế"
