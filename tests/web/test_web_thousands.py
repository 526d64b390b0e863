"""Counts of a thousand or more read the Vietnamese way (1.234) on the queue and the report."""

from __future__ import annotations

from tests.web.conftest import flagged

MANY = 1204  # with the seed's 4 flagged articles (3 in group C1): 1.208 in all, 1.207 in C1


def test_queue_and_report_counts_group_thousands_with_dots(archive, client, login) -> None:
    archive.upsert(
        [flagged(3, "review", 0.5, id=f"nhieu{n:04d}", title=f"Bài {n}") for n in range(MANY)]
    )
    login(client, "binh")

    queue = client.get("/hang-doi").text
    assert "Tất cả <b>1.208</b>" in queue
    assert "Chưa xử lý <b>1.208</b>" in queue

    report = client.get("/bao-cao").text
    assert "(1.207 bài)" in report
