"""`HCM` typed alone (`counts --province HCM`, `?tinh=hcm`, a target's provinces, `users
--province`) was refused while `TP.HCM` and `Saigon` were accepted: it names Thành phố Hồ Chí
Minh now, in typed input only. Article text still reads no province from a bare "HCM", and `HN`
stays refused: it is Hà Nội's initials and Hà Nam's (now Ninh Bình) alike."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main
from pressmon.filters import FilterResolver, UnknownFilterValue
from pressmon.province_names import TYPED_SHORTHANDS, typed_key
from pressmon.web.accounts import AccountStore
from vntext.provinces import Gazetteer

GAZETTEER = Gazetteer.load(Path(__file__).resolve().parents[2] / "config" / "provinces.yaml")
RESOLVER = FilterResolver.build(GAZETTEER, ())
HCM = "Hồ Chí Minh"


@pytest.mark.parametrize("typed", ["HCM", "hcm", "Hcm", " HCM ", "H.C.M", "Tp HCM"])
def test_hcm_alone_names_ho_chi_minh_city(typed: str) -> None:
    found = RESOLVER.province(typed)
    assert (found.value, found.note) == (HCM, None)


@pytest.mark.parametrize("typed", ["HN", "hn"])
def test_hn_is_still_refused(typed: str) -> None:
    with pytest.raises(UnknownFilterValue):
        RESOLVER.province(typed)


def test_article_text_reads_no_province_from_a_bare_hcm() -> None:
    assert GAZETTEER.mentions("Người dân HCM phản ánh chậm chi trả BHXH") == []
    assert [m.province for m in GAZETTEER.mentions("BHXH TP.HCM cho biết")] == [HCM]
    spellings = {typed_key(s) for u in GAZETTEER.units for s in (u.name, *u.aliases)}
    assert "hcm" not in spellings  # the gazetteer, read by text matching, has no such alias


def test_each_shorthand_names_a_current_province_no_gazetteer_spelling_names_otherwise() -> None:
    named = {typed_key(s): u.province for u in GAZETTEER.units for s in (u.name, *u.aliases)}
    for spelling, province in TYPED_SHORTHANDS.items():
        assert province in GAZETTEER.provinces
        assert named.get(typed_key(spelling), province) == province, spelling


def test_the_command_line_takes_hcm(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    with SQLiteArchive(archive) as opened:
        opened.upsert(
            [
                Document(
                    id="hcm",
                    url="https://baomau.vn/hcm.html",
                    canonical_url="https://baomau.vn/hcm.html",
                    outlet="baomau",
                    outlet_name="Báo Mẫu",
                    kind="provincial",
                    title="BHXH TP.HCM chi trả lương hưu",
                    body="Bảo hiểm xã hội TP.HCM chi trả lương hưu đúng hạn.",
                    published_at=datetime(2026, 3, 7, 3, tzinfo=UTC),
                    crawled_at=datetime(2026, 3, 7, 4, tzinfo=UTC),
                    province=HCM,
                    provinces=(HCM,),
                )
            ]
        )
    data = ["--data-dir", str(tmp_path), "--archive", str(archive)]
    counted = CliRunner().invoke(main, [*data, "counts", "--province", "HCM"])
    assert counted.exit_code == 0, counted.output
    assert "Tổng: 1" in counted.stdout

    added = CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "users", "add", "lan", "--role", "reviewer"]
        + ["--province", "hcm", "--password-stdin"],
        input="một mật khẩu đủ dài 2026\n",
    )
    assert added.exit_code == 0, added.output
    account = AccountStore(tmp_path / "pressmon-state.db").get("lan")
    assert account is not None and account.province == HCM
