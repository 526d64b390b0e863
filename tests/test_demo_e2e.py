"""The whole pipeline over the demo press site on loopback, against the numbers it was built
with."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from demo.expected import ExpectedNumbers, expected_numbers
from demo.server import serve_demo
from demo.sources import demo_sources
from demo.year.expected import year_numbers
from demo.year.generate import build_year
from index.types import UNKNOWN_GROUP
from pressmon.companions import Companions
from pressmon.review.escalations import EscalationStore
from pressmon.web.formatting import number

REPO = Path(__file__).resolve().parents[1]
# `pressmon counts` counts press only unless --kind names the kinds: every kind, forums included.
EVERY_KIND = tuple(
    arg for kind in ("sector", "national", "provincial", "other") for arg in ("--kind", kind)
)


@dataclass(frozen=True)
class DemoRun:
    env: dict[str, str]
    base_url: str
    first: str  # output of the first crawl
    second: str  # output of a second crawl over the same site
    first_progress: str  # stderr of the first crawl: its progress lines (not a terminal)


def pressmon(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressmon", *args],
        env=env,
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def expected() -> ExpectedNumbers:
    return expected_numbers()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoRun]:
    folder = tmp_path_factory.mktemp("e2e")
    with serve_demo() as site:
        sources = folder / "sources.yaml"
        sources.write_text(
            yaml.safe_dump(demo_sources(site.base_url), allow_unicode=True), encoding="utf-8"
        )
        env = {
            **os.environ,
            "PRESSMON_ARCHIVE": str(folder / "archive.db"),
            "PRESSMON_ARCHIVE__STATE_PATH": str(folder / "state.db"),
            "PRESSMON_SOURCES": str(sources),
            "PRESSMON_MODEL": str(folder / "model" / "flagger.skops"),
            "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
            "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        }
        first = pressmon(env, "crawl")
        assert first.returncode == 0, first.stderr[-3000:]
        second = pressmon(env, "crawl")
        assert second.returncode == 0, second.stderr[-3000:]
        yield DemoRun(env, site.base_url, first.stdout, second.stdout, first.stderr)


def _counts(run: DemoRun, *args: str) -> dict:
    result = pressmon(run.env, "counts", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _path(url: str) -> str:
    """The demo's page key: path and query (the sector site's ids live in the query)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _flagged_paths(run: DemoRun) -> set[str]:
    result = pressmon(run.env, "flagged", "--json")
    assert result.returncode == 0, result.stderr
    return {_path(json.loads(line)["url"]) for line in result.stdout.splitlines()}


def _window(expected: ExpectedNumbers) -> tuple[str, ...]:
    last_sunday = expected.weeks[-1] + timedelta(days=6)
    return ("--from", expected.weeks[0].isoformat(), "--to", last_sunday.isoformat())


def test_weekly_counts_match_the_site(demo_run: DemoRun, expected: ExpectedNumbers) -> None:
    counts = _counts(demo_run, *_window(expected))  # press only: the forum's posts left out
    assert counts["kinds"] == ["national", "provincial", "sector"]
    assert counts["buckets"] == [w.isoformat() for w in expected.weeks]
    assert counts["rows"][""] == [expected.press_per_week[w] for w in expected.weeks]
    assert counts["total"] == expected.press < expected.relevant
    assert _counts(demo_run, "--stories", *_window(expected))["total"] == expected.press_stories
    every = _counts(demo_run, *EVERY_KIND, *_window(expected))
    assert every["rows"][""] == [expected.per_week[w] for w in expected.weeks]
    assert every["total"] == expected.relevant
    assert _counts(demo_run, "--kind", "other", *_window(expected))["total"] == (
        expected.relevant - expected.press
    )


@pytest.mark.parametrize("group", ["outlet", "kind", "province"])
def test_grouped_counts_match_the_site(
    demo_run: DemoRun, expected: ExpectedNumbers, group: str
) -> None:
    counts = _counts(demo_run, "--by", group, *EVERY_KIND, *_window(expected))
    truth = getattr(expected, f"per_week_{group}")
    actual = {g: row for g, row in counts["rows"].items() if any(row)}
    unknown = actual.pop(UNKNOWN_GROUP, [0] * len(expected.weeks))
    assert actual == {g: [truth[g][w] for w in expected.weeks] for g in truth}
    assert sum(unknown) == expected.relevant - sum(sum(row) for row in actual.values())


@pytest.mark.parametrize("group", ["outlet", "kind"])
def test_grouped_counts_are_press_unless_asked(
    demo_run: DemoRun, expected: ExpectedNumbers, group: str
) -> None:
    counts = _counts(demo_run, "--by", group, *_window(expected))
    truth = getattr(expected, f"per_week_{group}")
    press = {
        g: [weeks[w] for w in expected.weeks]
        for g, weeks in truth.items()
        if (g if group == "kind" else expected.outlet_kinds[g]) != "other"
    }
    assert {g: row for g, row in counts["rows"].items() if any(row)} == press
    assert counts["total"] == expected.press


def test_every_article_carries_its_primary_topic(
    demo_run: DemoRun, expected: ExpectedNumbers
) -> None:
    counts = _counts(demo_run, "--by", "topic", *EVERY_KIND, *_window(expected))
    for topic, weeks in expected.per_week_primary_topic.items():
        row = counts["rows"].get(topic, [0] * len(expected.weeks))
        assert all(row[i] >= weeks[w] for i, w in enumerate(expected.weeks)), topic


def test_flagged_items_are_exactly_the_false_pages(
    demo_run: DemoRun, expected: ExpectedNumbers
) -> None:
    flagged = _flagged_paths(demo_run)
    assert flagged == set(expected.flagged_paths)
    assert not flagged & expected.debunk_paths


def test_challenge_and_forbidden_pages_are_not_stored(
    demo_run: DemoRun, expected: ExpectedNumbers
) -> None:
    exported = pressmon(demo_run.env, "index", "export", "-")
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    stored = {_path(record["document"]["canonical_url"]) for record in records}
    assert len(stored) == expected.relevant
    assert not stored & (
        expected.challenge_paths | expected.forbidden_paths | expected.offtopic_paths
    )


def test_second_run_adds_nothing(demo_run: DemoRun, expected: ExpectedNumbers) -> None:
    assert f"Xong (hoàn tất): lưu {expected.relevant} bài từ" in demo_run.first
    assert "Xong (hoàn tất): lưu 0 bài từ" in demo_run.second


def test_crawl_progress_goes_to_stderr_as_plain_lines(
    demo_run: DemoRun, expected: ExpectedNumbers
) -> None:
    lines = [line for line in demo_run.first_progress.splitlines() if "Thu thập" in line]
    assert lines, demo_run.first_progress[-2000:]
    assert lines[-1].strip().endswith(f"{expected.relevant} bài về BHXH")
    assert "\r" not in demo_run.first_progress  # no bar when stderr is not a terminal
    assert "Thu thập" not in demo_run.first
    assert _counts(demo_run)["total"] == expected.press


def test_ingest_of_the_same_articles_adds_nothing(demo_run: DemoRun, tmp_path: Path) -> None:
    before = _counts(demo_run)["total"]
    hits = json.loads(pressmon(demo_run.env, "search", "BHYT", "--limit", "5", "--json").stdout)[
        "hits"
    ]
    lines = "\n".join(
        json.dumps(
            {
                "title": h["document"]["title"],
                "text": h["document"]["body"],
                "url": h["document"]["url"],
                "outlet": h["document"]["outlet"],
                "published_at": h["document"]["published_at"],
            },
            ensure_ascii=False,
        )
        for h in hits
    )
    path = tmp_path / "again.jsonl"
    path.write_text(lines, encoding="utf-8")
    result = pressmon(demo_run.env, "ingest", str(path))
    assert result.returncode == 0, result.stderr
    assert "(0 bài mới)" in result.stdout
    assert _counts(demo_run)["total"] == before


def test_diacritic_free_search_finds_the_articles(demo_run: DemoRun) -> None:
    # Typed with diacritics, words match as typed; typed without, they also match accented text.
    exact = json.loads(pressmon(demo_run.env, "search", "tự nguyện", "--json").stdout)
    folded = json.loads(pressmon(demo_run.env, "search", "tu nguyen", "--json").stdout)
    assert exact["total"] > 0 and folded["total"] > exact["total"]


YEAR_UNTIL = date(2026, 12, 4)
YEAR_SCALE = 0.02  # 529 articles: the full year (16,583) takes minutes; README gives its timing


def test_demo_command_crawls_the_site_and_ingests_the_year_exactly(
    tmp_path: Path, expected: ExpectedNumbers
) -> None:
    env = {**os.environ, "PRESSMON_MODEL": str(tmp_path / "model.skops")}
    archive = str(tmp_path / "demo.db")
    result = pressmon(
        env,
        "--archive",
        archive,
        "demo",
        "--no-serve",
        "--year-scale",
        str(YEAR_SCALE),
        "--until",
        YEAR_UNTIL.isoformat(),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "thu thập bằng trình thu thập thật (crawler)" in out
    assert "Năm demo: 529 bài mô phỏng của 60 cơ quan, 01/01/2026–04/12/2026 (quy mô 2%)" in out
    assert "nạp bằng `pressmon ingest`" in out
    assert "Số tin, bài về BHXH/BHYT theo tuần" in out
    assert "Chỉ tính báo chí (báo ngành, trung ương, địa phương)" in out
    assert "Tin cần xem xét" in out and "[cần xem ngay]" in out
    # A provincial office's sample "Chuyển Trung tâm", recorded as the web app records one.
    assert "Mẫu chuyển Trung tâm: BHXH " in out
    escalations = EscalationStore(Companions.of(Path(archive)).state).all()
    assert len(escalations) == 1
    sent = next(iter(escalations.values()))
    assert sent.username == "demo-tinh" and sent.note

    year = year_numbers(build_year(YEAR_UNTIL, YEAR_SCALE))
    run = DemoRun(
        env={**env, "PRESSMON_ARCHIVE": archive},
        base_url="",
        first="",
        second="",
        first_progress="",
    )
    window = ("--from", "2026-01-01", "--to", (year.weeks[-1] + timedelta(days=6)).isoformat())
    counts = _counts(run, *window)  # press only, as the demo printed it
    assert counts["buckets"] == [w.isoformat() for w in year.weeks]
    assert counts["rows"][""] == [
        year.press_per_week[w] + expected.press_per_week.get(w, 0) for w in year.weeks
    ]
    assert counts["total"] == year.press + expected.press
    assert f"Tổng: {number(year.press + expected.press)}\n" in out
    assert _counts(run, *EVERY_KIND, *window)["total"] == year.total + expected.relevant
    by_outlet = {g: sum(r) for g, r in _counts(run, "--by", "outlet", *window)["rows"].items()}
    site_outlets = {o: sum(weeks.values()) for o, weeks in expected.per_week_outlet.items()}
    kinds = {**expected.outlet_kinds, **year.outlet_kinds}
    assert {g: n for g, n in by_outlet.items() if n} == {
        o: year.per_outlet.get(o, 0) + site_outlets.get(o, 0)
        for o in {*year.per_outlet, *site_outlets}
        if kinds[o] != "other"
    }
    provincial = _counts(run, "--by", "province", "--kind", "provincial", *window)["rows"]
    site_papers = {"Vĩnh Long": site_outlets["bao_tinh_a"], "Nghệ An": site_outlets["bao_tinh_b"]}
    assert {g: sum(r) for g, r in provincial.items() if sum(r)} == {
        p: n + site_papers.get(p, 0) for p, n in year.provincial_per_province.items()
    }
    flagged = pressmon(run.env, "flagged", "--json")
    assert flagged.returncode == 0, flagged.stderr
    urls = {json.loads(line)["url"] for line in flagged.stdout.splitlines()}
    assert {u for u in urls if ".demo-nam.invalid/" in u} == set(year.flagged_urls)
    assert {_path(u) for u in urls if ".demo-nam.invalid/" not in u} == set(expected.flagged_paths)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_served_ui_answers_on_loopback(demo_run: DemoRun) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pressmon", "serve", "--port", str(port)],
        env=demo_run.env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/login", timeout=2
                ) as response:
                    assert response.status == 200
                    assert "Đăng nhập" in response.read().decode("utf-8")
                    return
            except OSError:
                if server.poll() is not None:
                    assert server.stderr is not None  # started with stderr=PIPE
                    pytest.fail(server.stderr.read())
                time.sleep(0.1)
        pytest.fail("the web app did not answer")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_each_urgent_item_is_alerted_once_across_crawls(demo_run: DemoRun) -> None:
    """No SMTP in the demo: each alert is printed once by the crawl that flagged the item."""
    from pressmon.alerts.store import AlertStore

    flagged = [
        json.loads(line) for line in pressmon(demo_run.env, "flagged", "--json").stdout.splitlines()
    ]
    urgent = {f["id"] for f in flagged if f["tier"] == "urgent"}
    store = AlertStore(Path(demo_run.env["PRESSMON_ARCHIVE__STATE_PATH"]))
    events = store.events()
    alerted = {e.document_id for e in events}
    assert urgent and urgent <= alerted <= {f["id"] for f in flagged}
    assert sorted(e.document_id for e in events) == sorted(alerted)  # one each, the 2nd crawl none
    assert {(e.channel, e.outcome) for e in events} == {("console", "sent")}
