"""/nhat-ky in pages of 50, newest first, as the queue pages: the filters kept by the pager's links
and the CSV's, a page past the end showing the last one, a bad page number refused in words as
on the queue, and the CSV holding every page."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

from pressmon.web.routes import audit
from pressmon.web.routes.audit import PAGE_SIZE

ROLE_CHANGES = 2 * PAGE_SIZE + 7  # two full pages and a short third


def _changes(accounts, clock) -> None:
    """Role changes to An's account by Lê Chi, one a second, the n-th's detail «lần n»."""
    for n in range(1, ROLE_CHANGES + 1):
        clock.advance(timedelta(seconds=1))
        accounts.record("chi", "an", "set-role", f"lần {n}")


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return body.split("<tr>")[1:]


def _numbers(html: str) -> list[int]:
    return [int(n) for row in _rows(html) for n in re.findall(r"lần (\d+)", row)]


def test_the_audit_log_is_shown_page_by_page_newest_first(client, login, accounts, clock) -> None:
    _changes(accounts, clock)
    login(client, "binh")
    first = client.get("/nhat-ky?nguoi=chi")
    assert first.status_code == 200
    assert _numbers(first.text) == list(range(ROLE_CHANGES, ROLE_CHANGES - PAGE_SIZE, -1))
    assert "← Trang trước" not in first.text and "Trang 1" in first.text
    assert 'href="/nhat-ky?nguoi=chi&trang=2">Trang sau →' in first.text
    assert 'href="/nhat-ky.csv?nguoi=chi"' in first.text  # every page, no page number
    second = client.get("/nhat-ky?nguoi=chi&trang=2")
    assert _numbers(second.text) == list(range(ROLE_CHANGES - PAGE_SIZE, 7, -1))
    assert 'href="/nhat-ky?nguoi=chi&trang=1">← Trang trước' in second.text
    third = client.get("/nhat-ky?nguoi=chi&trang=3")
    assert _numbers(third.text) == list(range(7, 0, -1))
    assert "Trang sau" not in third.text and "Trang 3" in third.text
    assert _numbers(client.get("/nhat-ky?nguoi=chi&trang=40").text) == _numbers(third.text)


def test_the_filters_still_apply_on_every_page(client, login, accounts, clock) -> None:
    _changes(accounts, clock)
    login(client, "binh")
    assert _numbers(client.get("/nhat-ky?nguoi=an&trang=2").text) == []
    only = client.get("/nhat-ky?thao_tac=account:set-role&trang=2")
    assert len(_rows(only.text)) == PAGE_SIZE


def test_a_bad_page_number_is_refused_as_on_the_queue(client, login, accounts, clock) -> None:
    _changes(accounts, clock)
    login(client, "binh")
    for bad in ("-1", "0", "abc", "99999999"):
        audit = client.get(f"/nhat-ky?trang={bad}")
        queue = client.get(f"/hang-doi?trang={bad}")
        assert audit.status_code == queue.status_code == 422, bad
        assert "Trang:" in audit.text and "trang:" not in audit.text
        said = re.search(r"Trang: [^<]+", queue.text)
        assert said is not None and said.group(0) in audit.text


def test_the_csv_holds_every_page(client, login, accounts, clock) -> None:
    _changes(accounts, clock)
    login(client, "binh")
    response = client.get("/nhat-ky.csv?nguoi=chi&trang=2")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))[1:]
    assert [row[5] for row in rows] == [f"lần {n}" for n in range(ROLE_CHANGES, 0, -1)]


def test_past_the_last_page_served_the_page_says_to_narrow_the_dates(
    client, login, accounts, clock, monkeypatch
) -> None:
    monkeypatch.setattr(audit, "LAST_PAGE", 2)  # as 50,000 entries would, with fewer
    _changes(accounts, clock)
    login(client, "binh")
    last = client.get("/nhat-ky?trang=9")
    assert "Trang 2" in last.text and "Trang sau" not in last.text
    assert "Chỉ xem được 100 sự kiện mới nhất khớp bộ lọc" in last.text
    assert "thu hẹp khoảng ngày" in last.text
    assert "Chỉ xem được" not in client.get("/nhat-ky?trang=1").text
