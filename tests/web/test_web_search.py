"""/tim-kiem and /api/search: filters, highlights, pagination, hostile queries."""

from __future__ import annotations

import pytest


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


def test_search_page_explains_the_syntax(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/tim-kiem").text
    assert "Cách gõ từ khoá" in html
    for example in ("BHXH OR BHYT", "-từ", "&#34;cụm từ&#34;", "synonyms.yaml"):
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


def test_no_match_suggests_a_query_that_finds_articles(as_reviewer) -> None:
    client, _ = as_reviewer
    html = client.get("/tim-kiem", params={"q": "OTP xyzzy"}).text
    assert "Không có kết quả. Thử:" in html
    assert 'href="/tim-kiem?q=OTP+OR+xyzzy"' in html
