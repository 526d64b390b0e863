"""The error page names a bad query parameter as its form labels it ("Trang: …", not "trang: …")
and leads back to the page the user was on — the failing page without its bad query string, or
this site's page the Referer names — never to a foreign address; the API keeps the names as sent.
Every parameter of every route has a label (a new one without fails here)."""

from __future__ import annotations

import re

import pytest

from pressmon.web.error_context import PARAM_LABELS, back_link
from tests.web.test_web_hostile_params import PARAMS


def _back(page: str) -> tuple[str, str]:
    found = re.search(r'<a href="([^"]*)">← ([^<]*)</a>', page)
    assert found, page
    return found.group(1), found.group(2)


@pytest.mark.parametrize("param", [p for p in PARAMS if p.where in ("query", "path")], ids=str)
def test_every_query_and_path_parameter_has_a_label(param) -> None:
    assert param.name in PARAM_LABELS


def test_a_bad_page_number_is_named_as_labelled_and_leads_back_to_its_page(as_reviewer) -> None:
    client, _ = as_reviewer
    response = client.get("/tim-kiem?q=l%C6%B0%C6%A1ng&trang=abc")
    assert response.status_code == 422
    assert "Trang: phải là số nguyên" in response.text and "trang:" not in response.text
    assert _back(response.text) == ("/tim-kiem", "Về trang tìm kiếm")


def test_an_items_bad_part_leads_back_to_the_item(as_reviewer) -> None:
    client, _ = as_reviewer
    response = client.get("/bai/doc001?phan=0")
    assert response.status_code == 422 and "Phần bài:" in response.text
    assert _back(response.text) == ("/bai/doc001", "Về trang bài viết")


def test_an_export_leads_back_to_the_page_that_offers_it(as_lead) -> None:
    client, _ = as_lead
    response = client.get("/bao-phu.csv?tu=01/01/1800")
    assert response.status_code == 400
    assert _back(response.text) == ("/bao-phu", "Về trang độ phủ tin bài")


def test_a_missing_item_leads_back_to_the_page_the_user_came_from(as_reviewer) -> None:
    client, _ = as_reviewer
    response = client.get("/bai/khong-co", headers={"Referer": "http://testserver/bao-phu?tu=x"})
    assert response.status_code == 404
    assert _back(response.text) == ("/bao-phu", "Về trang độ phủ tin bài")


@pytest.mark.parametrize(
    "referer",
    ["https://evil.example/tim-kiem", "//evil.example/tim-kiem", "javascript:alert(1)", ""],
)
def test_a_foreign_or_missing_referer_leads_to_the_queue(as_reviewer, referer: str) -> None:
    client, _ = as_reviewer
    response = client.get("/bai/khong-co", headers={"Referer": referer})
    assert _back(response.text) == ("/hang-doi", "Về hàng đợi xác minh")
    assert "evil" not in response.text


def test_the_api_keeps_the_parameters_name(as_reviewer) -> None:
    client, _ = as_reviewer
    response = client.get("/api/search?trang=abc")
    assert response.status_code == 422
    assert response.json()["ok"] is False and "trang: phải là số nguyên" in response.json()["error"]


def test_back_link_never_leaves_the_site_nor_loops() -> None:
    def back(path: str, referer: str) -> str:
        link = back_link(
            method="GET", path=path, query="", status=404, host="testserver", referer=referer
        )
        return link.href

    assert back("/nhat-ky", "http://testserver/nhat-ky") == "/hang-doi"
    assert back("/x", "http://testserver/bai/abc/ban-luu") == "/bai/abc"
    assert back("/x", "http://testserver/bai/a%22b") == "/hang-doi"
