"""Relevance order pages through the first matches only (SQLite ranks 5,000, Elasticsearch
pages through 10,000): the pager stops at the last page the order serves, never offering one the
archive refuses, and the page says that sorting by date reaches the rest."""

from __future__ import annotations

import pytest

from index.sqlite_query import RANK_WINDOW
from index.types import Hit, SearchPage
from pressmon.web.routes.search import pager
from tests.web.conftest import make_doc

MATCHING = RANK_WINDOW + 10


@pytest.fixture
def past_the_ranked(archive, document_factory) -> None:
    archive.upsert(
        document_factory(n % 300, id=f"many{n}", title=f"Tăng lương hưu đợt {n}")
        for n in range(MATCHING)
    )


def test_the_pager_stops_at_the_last_ranked_page_and_offers_the_date_order(
    as_reviewer, past_the_ranked
) -> None:
    client, _ = as_reviewer
    first = client.get("/tim-kiem?q=lương hưu")
    last = RANK_WINDOW // 20
    assert f"Trang 1 / {last}" in first.text
    assert "Xếp theo mức phù hợp chỉ xem được 5.000 kết quả đầu tiên" in first.text
    assert 'href="/tim-kiem?q=l%C6%B0%C6%A1ng+h%C6%B0u&amp;xep=date"' in first.text
    end = client.get(f"/tim-kiem?q=lương hưu&trang={last}")
    assert end.status_code == 200 and f"Trang {last} / {last}" in end.text
    assert "Trang sau" not in end.text and 'role="alert"' not in end.text
    # By date every page is served: no cap, no note.
    by_date = client.get("/tim-kiem?q=lương hưu&xep=date")
    assert f"Trang 1 / {-(-MATCHING // 20)}" in by_date.text
    assert "chỉ xem được" not in by_date.text


def test_the_api_says_how_far_its_order_pages(as_reviewer, past_the_ranked) -> None:
    client, _ = as_reviewer
    ranked = client.get("/api/search", params={"q": "lương hưu"}).json()
    assert ranked["reachable"] == RANK_WINDOW and ranked["total"] > RANK_WINDOW
    assert ranked["last_reachable_page"] == RANK_WINDOW // 20
    by_date = client.get("/api/search", params={"q": "lương hưu", "xep": "date"}).json()
    assert by_date["reachable"] is None and by_date["last_reachable_page"] is None


def _page(total: int, *, exact: bool = True, page: int = 1, full: bool = True) -> SearchPage:
    hits = (Hit(document=make_doc(1), score=0.0, snippet="", marked_title="", match="exact"),) * (
        20 if full else 3
    )
    return SearchPage(total, hits, page, 20, total_exact=exact, reachable=5_000)


def test_pager_caps_at_the_reachable_page() -> None:
    assert pager(_page(12_345)) == {"pages": 250, "more": False, "out_of_reach": True}
    assert pager(_page(10_000, exact=False)) == {"pages": 250, "more": False, "out_of_reach": True}
    assert pager(_page(5_000)) == {"pages": 250, "more": False, "out_of_reach": False}
    assert pager(_page(4_321)) == {"pages": 217, "more": False, "out_of_reach": False}


def test_a_count_capped_below_the_reach_pages_on_up_to_it() -> None:
    # count_limit 100: the total says "more than 100", the pager offers next pages up to 250.
    assert pager(_page(100, exact=False, page=249)) == {
        "pages": None,
        "more": True,
        "out_of_reach": False,
    }
    assert pager(_page(100, exact=False, page=250)) == {
        "pages": None,
        "more": False,
        "out_of_reach": True,
    }
    assert pager(_page(100, exact=False, page=250, full=False))["out_of_reach"] is False


def test_the_api_says_no_reach_when_every_match_is_paged_through(as_reviewer, many_few) -> None:
    # A few matches by relevance: all of them are served, so no cap of 5,000 nor page 250.
    client, _ = as_reviewer
    ranked = client.get("/api/search", params={"q": "lương hưu"}).json()
    assert 3 <= ranked["total"] < RANK_WINDOW and ranked["total_exact"] is True
    assert ranked["reachable"] is None and ranked["last_reachable_page"] is None


@pytest.fixture
def many_few(archive, document_factory) -> None:
    archive.upsert(
        document_factory(n, id=f"few{n}", title=f"Tăng lương hưu đợt {n}") for n in range(3)
    )


@pytest.mark.parametrize(
    ("total", "exact", "applies"),
    [(294, True, None), (5_000, True, None), (5_001, True, 5_000), (100, False, 5_000)],
)
def test_the_reach_applies_only_when_it_may_leave_matches_out(
    total: int, exact: bool, applies: int | None
) -> None:
    # A capped count (more than 100) may hide more than 5,000 matches: the cap still applies.
    assert _page(total, exact=exact).reach_that_applies == applies
