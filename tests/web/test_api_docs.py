"""/api/docs works offline: only this server's assets, each served; the schema is typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.urls.append(value)


def test_api_docs_use_only_local_assets_which_are_served(as_reviewer) -> None:
    client, _token = as_reviewer
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.text
    assert "Tài liệu API" in html and 'href="/api/docs"' in html  # in the nav of every page
    assert 'href="/api/docs"' in client.get("/hang-doi").text
    parser = _Assets()
    parser.feed(html)
    assert "/static/swagger-ui/swagger-ui-bundle.js" in parser.urls
    assert "/static/swagger-ui/swagger-ui.css" in parser.urls
    assert "/static/api-docs.js" in parser.urls
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from other hosts
    for url in parser.urls:
        if url.startswith("/static/"):
            asset = client.get(url)
            assert asset.status_code == 200, url
            assert asset.content, url
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    # Every other page keeps running no script at all.
    assert "script-src 'none'" in client.get("/hang-doi").headers["Content-Security-Policy"]
    init = client.get("/static/api-docs.js").text
    assert '"/api/openapi.json"' in init and "validatorUrl: null" in init


def test_api_docs_need_sign_in(client) -> None:
    response = client.get("/api/docs", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/dang-nhap")


def test_openapi_lists_typed_response_schemas(as_reviewer) -> None:
    client, _token = as_reviewer
    spec = client.get("/api/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in (
        "Me",
        "SearchResult",
        "ItemDetail",
        "QueuePage",
        "DecisionResult",
        "Counts",
        "DocumentFull",
        "DocumentSummary",
        "ReviewEventOut",
    ):
        assert name in schemas, name
    expected = {
        ("/api/me", "get"): "Me",
        ("/api/search", "get"): "SearchResult",
        ("/api/items/{document_id}", "get"): "ItemDetail",
        ("/api/queue", "get"): "QueuePage",
        ("/api/items/{document_id}/decide", "post"): "DecisionResult",
        ("/api/counts", "get"): "Counts",
    }
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert documented == set(expected)  # a new API route is added to this table
    for (path, method), schema in expected.items():
        content = spec["paths"][path][method]["responses"]["200"]["content"]
        assert content["application/json"]["schema"]["$ref"] == f"#/components/schemas/{schema}"
    document = schemas["DocumentFull"]["properties"]
    assert {"title", "tier", "tier_label", "risk", "body", "flag_details"} <= set(document)
    assert "body" not in schemas["DocumentSummary"]["properties"]
    assert "/api/docs" not in spec["paths"]  # the page itself is not part of the API


def test_answers_match_their_schemas(as_reviewer) -> None:
    client, _token = as_reviewer
    item = client.get("/api/items/doc001").json()
    assert item["document"]["tier_label"] == "cần xem ngay" and item["history"] == []
    assert item["document"]["published_at"] == "2026-05-19T01:00:00+00:00"
    queue = client.get("/api/queue").json()
    assert "body" not in queue["items"][0]["document"]
    counts = client.get("/api/counts").json()
    assert counts["total"] == sum(sum(row) for row in counts["rows"].values())


# The refusals each API route documents besides the ones every route may answer.
REFUSALS = {
    ("/api/me", "get"): set(),
    ("/api/search", "get"): {"400"},
    ("/api/items/{document_id}", "get"): {"404"},
    ("/api/queue", "get"): {"400"},
    ("/api/items/{document_id}/decide", "post"): {"404", "409", "413"},
    ("/api/counts", "get"): {"400"},
}
EVERY_ROUTE = {"401", "403", "422", "500", "503"}


def test_openapi_documents_every_refusal_as_the_json_error_shape(as_reviewer) -> None:
    client, _token = as_reviewer
    spec = client.get("/api/openapi.json").json()
    assert set(spec["components"]["schemas"]["ApiError"]["properties"]) == {"ok", "error", "status"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's own 422 shape
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert documented == set(REFUSALS)  # a new API route is added to this table
    for (path, method), own in REFUSALS.items():
        responses = spec["paths"][path][method]["responses"]
        assert set(responses) == {"200"} | EVERY_ROUTE | own, (path, method)
        for status in EVERY_ROUTE | own:
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema["$ref"] == "#/components/schemas/ApiError", (path, method, status)
