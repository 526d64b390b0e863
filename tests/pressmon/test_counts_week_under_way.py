"""`pressmon counts` without --to reaches today, as /bao-phu does: the week (month) under way
with no article yet was left out of the table, and a range begun in it or ahead printed only a
header and "Tổng: 0", with nothing saying the week had begun or not yet."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import archive_cmds, main
from pressmon.coverage import open_end

PUBLISHED = datetime(2026, 3, 20, 3, 0, tzinfo=UTC)  # Friday 20/03/2026, in the week of 16/03
TODAY = date(2026, 3, 25)


class _Wednesday(datetime):
    """`pressmon counts` read on Wednesday 25/03/2026, 10:00 in Vietnam."""

    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 3, 25, 3, 0, tzinfo=UTC).astimezone(tz)


@pytest.fixture
def counts(
    one_article_archive: Callable[[datetime], Path], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., str]:
    monkeypatch.setattr(archive_cmds, "datetime", _Wednesday)

    def run(*args: str, published: datetime = PUBLISHED) -> str:
        archive = one_article_archive(published)
        result = CliRunner().invoke(main, ["--archive", str(archive), "counts", *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def test_the_week_under_way_shows_with_its_zero(counts) -> None:
    shown = counts("--from", "2026-03-16")
    assert "16/03/2026  1" in shown
    assert "23/03/2026  0" in shown
    assert "tuần từ 23/03/2026 chỉ tính đến 25/03/2026" in shown
    data = json.loads(counts("--json", "--from", "2026-03-16"))
    assert data["buckets"] == ["2026-03-16", "2026-03-23"]
    assert data["counted_to"] == "2026-03-25"


def test_a_range_begun_this_week_shows_the_week(counts) -> None:
    shown = counts("--from", "2026-03-23")
    assert "23/03/2026  0" in shown
    assert "tuần từ 23/03/2026 chỉ tính đến 25/03/2026" in shown


def test_a_range_begun_ahead_says_it_has_not_begun(counts) -> None:
    shown = counts("--from", "2026-04-06")
    assert "06/04/2026  0" in shown
    assert "tuần từ 06/04/2026 chưa tới, chưa có số liệu" in shown


def test_an_outlet_with_no_article_is_a_row_of_zeros(counts) -> None:
    shown = counts(
        "--by", "outlet", "--interval", "month", "--from", "2026-02-01", "--outlet", "tuoitre"
    )
    assert "Tuổi Trẻ" in shown.splitlines()[2]
    assert "02/2026  03/2026" in shown.splitlines()[0]


def test_an_article_dated_ahead_is_still_counted(counts) -> None:
    data = json.loads(
        counts("--json", "--from", "2026-03-16", published=datetime(2026, 3, 31, 3, tzinfo=UTC))
    )
    assert data["buckets"] == ["2026-03-16", "2026-03-23", "2026-03-30"]
    assert data["total"] == 1


def test_open_end() -> None:
    march = (date(2026, 3, 16),)
    assert open_end(march, "week", None, None, TODAY) == TODAY
    assert open_end(march, "week", None, date(2026, 3, 22), TODAY) is None
    assert open_end(march, "month", None, None, TODAY) is None  # March is under way
    assert open_end((), "week", date(2026, 4, 6), None, TODAY) == date(2026, 4, 6)
