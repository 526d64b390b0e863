"""/api/counts without `den` reaches today, as `pressmon counts` without --to does (and /bao-phu,
whose range ends today): a range with no article yet in its last weeks ended at its last
article, or answered no week at all, while the command line gave those weeks with their 0."""

from __future__ import annotations

from tests.web.conftest import sign_in


def test_the_weeks_up_to_today_are_counted_with_their_zero(client) -> None:
    sign_in(client, "an")
    # No article of the seed is about Cao Bằng; today is Wednesday 20/05/2026.
    data = client.get("/api/counts?tu=04/05/2026&tinh=Cao Bằng").json()
    assert data["buckets"] == ["2026-05-04", "2026-05-11", "2026-05-18"]
    assert data["rows"] == {"": [0, 0, 0]}
    assert data["counted_to"] == "2026-05-20"
    assert data["partial_buckets"] == ["2026-05-18"]


def test_a_range_from_a_day_ahead_gets_its_week(client) -> None:
    sign_in(client, "an")
    data = client.get("/api/counts?tu=25/05/2026").json()
    assert data["buckets"] == ["2026-05-25"]
    assert data["total"] == 0
