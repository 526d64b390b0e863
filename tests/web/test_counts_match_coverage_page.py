"""`pressmon counts`, the coverage page (/bao-phu) and /api/counts give the same figures for the
same range: all count press only (sector, national, provincial), and a forum or social-media post is
counted only when `--kind` names it, as the page's kind table shows it apart."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from index.base import Archive
from pressmon.cli import main
from pressmon.settings import Settings
from tests.web.conftest import make_doc, sign_in

EVERY_KIND = ("--kind", "sector", "--kind", "national", "--kind", "provincial", "--kind", "other")
PRESS = ("Báo ngành", "Báo trung ương", "Báo địa phương")
NON_PRESS = "Nguồn khác (diễn đàn, mạng xã hội)"


def _forum_posts() -> list:
    """Non-press items: one beside the seed's press articles, one alone in March."""
    forum = {"outlet": "dien_dan", "outlet_name": "Diễn đàn BHXH", "kind": "other"}
    return [
        make_doc(5, id="forum-may", url="https://diendan.example/a", **forum),
        replace(
            make_doc(70, id="forum-march", url="https://diendan.example/b", **forum),
            province=None,
            provinces=(),
            topics=(),
        ),
    ]


@dataclass(frozen=True)
class Case:
    name: str
    start: date
    end: date
    press: int  # what both must say
    non_press: int  # what the page's kind table shows apart, and `--kind other` counts


CASES = [
    Case("year so far", date(2026, 1, 1), date(2026, 5, 20), press=7, non_press=2),
    Case("a week with a forum post", date(2026, 5, 11), date(2026, 5, 17), press=4, non_press=1),
    Case("a forum post alone", date(2026, 3, 1), date(2026, 3, 31), press=0, non_press=1),
    Case("press only", date(2026, 4, 27), date(2026, 5, 3), press=1, non_press=0),
]


def _cli(archive_path: Path, settings: Settings, *args: str) -> dict:
    result = CliRunner().invoke(
        main,
        ["--archive", str(archive_path), "counts", "--json", *args],
        env={"PRESSMON_SOURCES": str(settings.sources_file)},
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _cli_totals(archive_path: Path, settings: Settings, *args: str) -> dict[str, int]:
    """Group name -> articles over the range, groups with none left out."""
    data = _cli(archive_path, settings, *args)
    return {data["labels"][g]: sum(row) for g, row in data["rows"].items() if sum(row)}


def _page(client: TestClient, case: Case) -> tuple[int, dict[str, dict[str, int]]]:
    """The page's headline total and its CSV tables (name -> count, zero rows left out)."""
    query = f"tu={case.start:%d/%m/%Y}&den={case.end:%d/%m/%Y}"
    html = client.get(f"/bao-phu?{query}").text
    found = re.search(r"<b>([\d.]+)</b> tin, bài\.", html)
    assert found, html[:2000]
    tables: dict[str, dict[str, int]] = {}
    text = client.get(f"/bao-phu.csv?{query}").text.lstrip("\ufeff")
    for table, group, count, _ in list(csv.reader(io.StringIO(text)))[1:]:
        if int(count):
            tables.setdefault(table, {})[group] = int(count)
    return int(found.group(1).replace(".", "")), tables


@pytest.fixture
def page_and_cli(client: TestClient, archive: Archive, settings: Settings):
    archive.upsert(_forum_posts())
    sign_in(client, "binh")  # a lead: the CSV export is for leads
    return client, settings.archive.path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_counts_and_coverage_page_agree(page_and_cli, settings: Settings, case: Case) -> None:
    client, archive_path = page_and_cli
    window = ("--from", case.start.isoformat(), "--to", case.end.isoformat())
    total, tables = _page(client, case)
    cli = _cli(archive_path, settings, *window)
    api = client.get(f"/api/counts?tu={case.start}&den={case.end}").json()
    assert total == cli["total"] == api["total"] == case.press
    assert cli["kinds"] == api["kinds"] == ["national", "provincial", "sector"]
    other = client.get(f"/api/counts?tu={case.start}&den={case.end}&loai_hinh=other").json()
    assert other["total"] == case.non_press and other["kinds"] == ["other"]

    for group, table in (
        ("province", "Tỉnh, thành phố"),
        ("outlet", "Cơ quan báo chí"),
        ("topic", "Chủ đề"),
    ):
        by = _cli_totals(archive_path, settings, "--by", group, *window)
        assert by == tables.get(table, {}), group

    kinds = tables.get("Loại hình", {})
    press_kinds = {k: n for k, n in kinds.items() if k in PRESS}
    assert _cli_totals(archive_path, settings, "--by", "kind", *window) == press_kinds
    # Non-press only when named: the page lists it apart from the total, --kind counts it.
    assert kinds.get(NON_PRESS, 0) == case.non_press
    assert _cli(archive_path, settings, "--kind", "other", *window)["total"] == case.non_press
    every = _cli_totals(archive_path, settings, "--by", "kind", *EVERY_KIND, *window)
    assert every == kinds

    targets = _cli(archive_path, settings, "--targets", *window)["targets"]
    assert {t["target_name"]: t["count"] for t in targets if t["count"]} == tables.get(
        "Chỉ tiêu", {}
    )


def test_text_output_says_it_counts_press_only(page_and_cli, settings: Settings) -> None:
    _, archive_path = page_and_cli
    runner = CliRunner(env={"PRESSMON_SOURCES": str(settings.sources_file)})
    march = ("--from", "2026-03-01", "--to", "2026-03-31")
    out = runner.invoke(main, ["--archive", str(archive_path), "counts", *march]).stdout
    assert "Tổng: 0\n" in out  # the forum post alone, once "Tổng: 1"
    assert out.endswith(
        "Chỉ tính báo chí (báo ngành, trung ương, địa phương); diễn đàn, mạng xã hội không "
        "tính (thêm --kind other để đếm).\n"
    )
    asked = runner.invoke(
        main, ["--archive", str(archive_path), "counts", "--kind", "other", *march]
    ).stdout
    assert "Tổng: 1\n" in asked
    assert asked.endswith(f"Tính: {NON_PRESS} — có cả nguồn không phải báo chí.\n")
    local = runner.invoke(
        main, ["--archive", str(archive_path), "counts", "--kind", "provincial"]
    ).stdout
    assert local.endswith("Chỉ tính: Báo địa phương.\n")
