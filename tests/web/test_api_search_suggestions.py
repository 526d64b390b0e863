"""/api/search answers a query that finds nothing with the rewrites /tim-kiem offers (an
abbreviation slip corrected from config/synonyms.yaml among them), each with its count, in the
page's order, so the Center's portal or a script can offer them too; with results, none are
looked for."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from pressmon.web.routes import api

# A suggestion as /tim-kiem writes it: the link's text, then its count.
_OFFERED = re.compile(r'<a href="/tim-kiem\?q=[^"]*">([^<]*)</a> \(([^)]*) bài\)')


@pytest.fixture
def with_groups(signed_in_with_synonyms) -> TestClient:
    return signed_in_with_synonyms("[BHXH, bảo hiểm xã hội]", "[BHTN, bảo hiểm thất nghiệp]")


def test_a_slip_that_finds_nothing_answers_the_page_s_suggestions(with_groups) -> None:
    answer = with_groups.get("/api/search", params={"q": "BHXN"}).json()
    assert answer["total"] == 0 and answer["hits"] == []
    bhxh = with_groups.get("/api/search", params={"q": "BHXH"}).json()["total"]
    assert bhxh > 0
    assert answer["suggestions"] == [{"text": "BHXH", "total": bhxh, "total_exact": True}]


@pytest.mark.parametrize("q", ["BHXN", "bhxn OTP"])
def test_the_suggestions_are_the_page_s_in_its_order(with_groups, q: str) -> None:
    answer = with_groups.get("/api/search", params={"q": q}).json()
    assert answer["total"] == 0 and answer["suggestions"]
    page = with_groups.get("/tim-kiem", params={"q": q}).text
    offered = [(html.unescape(text), count) for text, count in _OFFERED.findall(page)]
    assert offered == [(s["text"], str(s["total"])) for s in answer["suggestions"]]


def test_a_query_that_finds_articles_looks_for_no_suggestion(
    with_groups, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> None:
        raise AssertionError("suggestions counted for a query that finds articles")

    monkeypatch.setattr(api, "suggestions", refused)
    answer = with_groups.get("/api/search", params={"q": "BHXH"}).json()
    assert answer["total"] > 0 and answer["suggestions"] == []


def test_nothing_to_suggest_is_an_empty_list(with_groups) -> None:
    answer = with_groups.get("/api/search", params={"q": "xyzzyq"}).json()
    assert answer["total"] == 0 and answer["suggestions"] == []


def test_the_schema_describes_the_suggestions(with_groups) -> None:
    schemas = with_groups.get("/api/openapi.json").json()["components"]["schemas"]
    field = schemas["SearchResult"]["properties"]["suggestions"]
    assert field["items"]["$ref"] == "#/components/schemas/SearchSuggestion"
    assert "nothing matches" in field["description"]
    assert set(schemas["SearchSuggestion"]["properties"]) == {"text", "total", "total_exact"}
