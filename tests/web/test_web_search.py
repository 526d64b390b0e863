"""/tim-kiem and /api/search: filters, highlights, pagination, hostile queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from index.sqlite_backend import SQLiteArchive
from index.types import Query, SearchPage
from pressmon.web import create_app
from pressmon.web.formatting import at_least
from pressmon.web.routes.search import search_pages


@pytest.fixture
def many(archive, document_factory) -> None:
    archive.upsert(
        [
            document_factory(
                n,
                id=f"many{n}",
                url=f"https://baomau.vn/m{n}.html",
                canonical_url=f"https://baomau.vn/m{n}.html",
                title=f"Tăng lương hưu đợt {n}",
            )
            for n in range(30, 55)
        ]
    )


def test_search_highlights_and_paginates(as_reviewer, many) -> None:
    client, _ = as_reviewer
    first = client.get("/tim-kiem?q=lương hưu&xep=date")
    assert first.status_code == 200
    assert "<mark>" in first.text and "Trang 1 / 2" in first.text
    assert first.text.count('class="hit-title"') == 20
    second = client.get("/tim-kiem?q=lương hưu&xep=date&trang=2")
    assert "Trang 2 / 2" in second.text and "Trang trước" in second.text
    data = client.get("/api/search?q=lương hưu&trang=2").json()
    assert data["page"] == 2 and data["total"] == len(data["hits"]) + 20


def test_a_relevance_page_past_the_ranked_matches_shows_the_last_page(as_reviewer, many) -> None:
    # Relevance ranks the first 5,000 matches only (page 251 on): past the 25 matches, the page
    # asked is the last page all the same, as a page by date is, not a refusal.
    client, _ = as_reviewer
    past = client.get("/tim-kiem?q=lương hưu&trang=300")
    assert past.status_code == 200 and "Trang 2 / 2" in past.text
    data = client.get("/api/search?q=lương hưu&trang=300").json()
    assert data["page"] == 2 and len(data["hits"]) == data["total"] - 20


@pytest.mark.parametrize("order", ["relevance", "date"])
def test_the_api_says_when_it_answers_another_page_than_asked(as_reviewer, many, order) -> None:
    # A client paging on until no hit comes back would read the last page again and again:
    # `requested_page` beside `page` says the answer is the last page, not the one asked.
    client, _ = as_reviewer
    past = client.get("/api/search", params={"q": "lương hưu", "xep": order, "trang": 50}).json()
    assert (past["requested_page"], past["page"]) == (50, 2)
    asked = client.get("/api/search", params={"q": "lương hưu", "xep": order, "trang": 2}).json()
    assert asked["requested_page"] == asked["page"] == 2
    assert client.get("/api/search").json()["requested_page"] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("q=OTP&tinh=Cần Thơ", {"doc002"}),
        ("q=OTP&bao=baokhac", {"doc002"}),
        ("q=OTP&muc=urgent", {"doc001", "doc003"}),
        ("chu_de=truc_loi_lua_dao&tu=17/05/2026", {"doc001", "doc002", "doc003"}),
        ("loai_hinh=national", {"doc006"}),
        ("danh_dau=1&den=16/05/2026", {"doc004"}),
    ],
)
def test_search_filters(as_reviewer, params: str, expected: set[str]) -> None:
    client, _ = as_reviewer
    hits = client.get(f"/api/search?{params}").json()["hits"]
    assert {h["document"]["id"] for h in hits} == expected


@pytest.mark.parametrize("query", ['"', "NOT OR (", "*", "<script>alert(1)</script>", "x" * 5000])
def test_hostile_queries_never_break_the_page(as_reviewer, query: str) -> None:
    client, _ = as_reviewer
    response = client.get("/tim-kiem", params={"q": query})
    assert response.status_code in (200, 400, 422)  # 422: longer than the search box allows
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.parametrize("query", ["!!!", "—", '""', "()", "*", "-"])
def test_a_query_without_a_word_says_so_instead_of_listing_everything(as_reviewer, query) -> None:
    client, _ = as_reviewer
    page = client.get("/tim-kiem", params={"q": query})
    assert page.status_code == 400 and "không có từ nào để tìm" in page.text
    assert 'class="hit-title"' not in page.text
    api = client.get("/api/search", params={"q": query})
    assert api.status_code == 400 and "không có từ nào để tìm" in api.json()["error"]
    assert client.get("/api/search", params={"q": "  "}).json()["hits"]  # blank: every article


def test_search_page_explains_the_syntax(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/tim-kiem").text
    assert "Cách gõ từ khoá" in html
    for example in (
        "BHXH OR BHYT",
        "-từ",
        "&#34;cụm từ&#34;",
        "synonyms.yaml",
        "B.H.Y.T",
        "<code>–</code>",
        "<code>115/2015/NĐ-CP</code>",  # a number with separators is read whole
    ):
        assert example in html or example.replace("&#34;", '"') in html, example


def test_or_and_minus_work_on_the_web(as_reviewer) -> None:
    client, _ = as_reviewer

    def found(q: str) -> set[str]:
        return {
            h["document"]["id"] for h in client.get("/api/search", params={"q": q}).json()["hits"]
        }

    otp = found("OTP")
    assert otp and found("OTP OR xyzzy") == otp
    assert found("OTP -OTP") == set()
    assert found("OTP \u2013OTP") == found("OTP \u2014OTP") == set()  # Word's dashes for `-`
    assert found("OTP \u2013 OTP") == otp  # a dash between spaces is punctuation


def test_no_match_suggests_a_query_that_finds_articles(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/tim-kiem", params={"q": "OTP xyzzy"}).text
    assert "Không có kết quả. Thử:" in html
    assert 'href="/tim-kiem?q=OTP+OR+xyzzy"' in html


@pytest.fixture
def capped_client(settings, accounts, clock, login, document_factory, tmp_path: Path):
    """`capped_client(matching)`: a signed-in client over an archive where `matching` articles
    match "lương hưu" and interactive pages count at most 21 matches."""
    opened: list[SQLiteArchive] = []

    def make(matching: int) -> TestClient:
        archive = SQLiteArchive(tmp_path / "capped.sqlite3", count_limit=21)
        opened.append(archive)
        archive.upsert(
            document_factory(n, id=f"many{n}", title=f"Tăng lương hưu đợt {n}")
            for n in range(30, 30 + matching)
        )
        client = TestClient(
            create_app(settings, archive=archive, accounts=accounts, clock=clock),
            base_url="http://testserver",
        )
        login(client, "an")
        return client

    yield make
    for archive in opened:
        archive.close()


def test_a_total_past_the_count_limit_says_more_than_and_pages_on(capped_client) -> None:
    client = capped_client(25)
    first = client.get("/tim-kiem?q=lương hưu&xep=date")
    assert "Hơn 21 kết quả." in first.text
    assert "Trang 1</span>" in first.text and "Trang sau" in first.text
    second = client.get("/tim-kiem?q=lương hưu&xep=date&trang=2")
    assert second.text.count('class="hit-title"') == 5
    assert "Trang 2</span>" in second.text and "Trang trước" in second.text
    assert "Trang sau" not in second.text
    data = client.get("/api/search?q=lương hưu").json()
    assert (data["total"], data["total_exact"]) == (21, False)


def test_a_page_past_the_end_of_a_capped_count_shows_the_real_last_page(capped_client) -> None:
    # 45 match: 3 pages of 20, the last with 5; the count's bound alone would make 2 the last.
    client = capped_client(45)
    past = client.get("/tim-kiem?q=lương hưu&xep=date&trang=9")
    assert "Trang 3</span>" in past.text and "Trang trước" in past.text
    assert past.text.count('class="hit-title"') == 5 and "Trang sau" not in past.text


class _RecordingPages(SQLiteArchive):
    """Records the (page, page size) of every search asked of it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, count_limit=21)
        self.pages: list[tuple[int, int]] = []

    def search(self, query: Query) -> SearchPage:
        self.pages.append((query.page, query.page_size))
        return super().search(query)


def test_the_real_last_page_is_found_by_a_count_reading_no_hit(document_factory, tmp_path) -> None:
    with _RecordingPages(tmp_path / "capped.sqlite3") as archive:
        archive.upsert(
            document_factory(n, id=f"many{n}", title=f"Tăng lương hưu đợt {n}")
            for n in range(30, 75)
        )
        page = search_pages(archive, Query(text="lương hưu", sort="date", page=9, page_size=20))
    assert (page.page, len(page.hits), page.total) == (3, 5, 21)
    assert archive.pages == [(9, 20), (3, 20)]  # the page asked, then the last: no bulk read


def test_api_search_says_when_its_total_is_exact(as_reviewer, many) -> None:
    client, _ = as_reviewer
    data = client.get("/api/search?q=lương hưu").json()
    assert data["total_exact"] is True and data["total"] > 25


def test_a_title_only_match_is_marked_in_the_title(as_reviewer, archive, document_factory):
    # The snippet is the body's start, unmarked: the title shows why the article matched.
    title = "Cảnh báo <script>alert(1)</script> lừa đảo qua Zalo"
    archive.upsert([document_factory(60, id="zalo", title=title, body="Nội dung khác.")])
    client, _ = as_reviewer
    page = client.get("/tim-kiem?q=zalo").text
    assert (
        '<a class="hit-title" href="/bai/zalo">Cảnh báo &lt;script&gt;alert(1)&lt;/script&gt; '
        "lừa đảo qua <mark>Zalo</mark></a>"
    ) in page
    assert '<p class="snippet">Nội dung khác.</p>' in page
    (hit,) = client.get("/api/search?q=zalo").json()["hits"]
    assert hit["marked_title"] == (
        "Cảnh báo &lt;script&gt;alert(1)&lt;/script&gt; lừa đảo qua <mark>Zalo</mark>"
    )
    assert hit["document"]["title"] == title and "<mark>" not in hit["snippet"]


def test_a_capped_total_reads_in_vietnamese() -> None:
    assert at_least(10_000, False).capitalize() == "Hơn 10.000"
    assert at_least(10_000, True) == "10.000"


@pytest.mark.parametrize(
    ("params", "selected"),
    [
        ("tinh=can tho", "<option selected>Cần Thơ</option>"),
        ("loai_hinh=bao trung uong", '<option value="national" selected>'),
    ],
)
def test_the_form_shows_the_filter_applied_as_typed_in_a_link(as_reviewer, params, selected):
    # A filter typed in a link ("can tho", a kind's name) is read as its stored value: the form
    # shows that value chosen, not "Tất cả" above results it filtered.
    client, _ = as_reviewer
    html = client.get(f"/tim-kiem?q=OTP&{params}").text
    assert selected in html
