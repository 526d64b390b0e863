"""The real `elasticsearch` client against a loopback HTTP server answering canned JSON.

Proves the built bodies go out unchanged (method, path, body) and driver errors are translated.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from index.elastic import ElasticsearchArchive
from index.elastic_mapping import (
    SCHEMA_META_KEY,
    SCHEMA_VERSION,
    document_to_source,
    documents_index,
    event_to_source,
    reviews_index,
)
from index.elastic_query import (
    count_body,
    query_clause,
    rest_tier_body,
    search_body,
    tiered_bodies,
    walk_body,
)
from index.elastic_reviews import activity_body, events_body, histories_body
from index.errors import (
    BackendUnavailable,
    DocumentNotFound,
    QueryError,
    SchemaVersionError,
    SearchIndexError,
)
from index.types import Document, Query, ReviewEvent

Route = tuple[int, Any]
CURRENT_SCHEMA = {SCHEMA_META_KEY: SCHEMA_VERSION}


class FakeCluster:
    """Canned answers keyed on (method, path), or a list of them given in turn (the last one
    repeats); records every request it receives."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route | list[Route]] = {
            ("HEAD", "/pm"): (200, None),
            ("HEAD", "/pm-reviews"): (200, None),
            ("GET", "/pm/_mapping"): (200, {"pm": {"mappings": {"_meta": CURRENT_SCHEMA}}}),
            ("GET", "/pm-reviews/_mapping"): (200, {"pm-reviews": {"mappings": {}}}),
        }
        self.requests: list[tuple[str, str, bytes]] = []


def _handler(cluster: FakeCluster) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = self.path.split("?")[0]
            cluster.requests.append((self.command, self.path, body))
            route = cluster.routes.get(
                (self.command, path),
                (404, {"error": {"type": "index_not_found_exception"}, "status": 404}),
            )
            if isinstance(route, list):
                route = route.pop(0) if len(route) > 1 else route[0]
            status, payload = route
            data = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def cluster() -> Iterator[tuple[FakeCluster, str]]:
    fake = FakeCluster()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _archive(url: str) -> ElasticsearchArchive:
    client = Elasticsearch(url, max_retries=0, request_timeout=10)
    return ElasticsearchArchive(url, index_name="pm", client=client)


def _doc(doc_id: str = "d1") -> Document:
    return Document(
        id=doc_id,
        url=f"https://baodemo.vn/{doc_id}",
        canonical_url=f"https://baodemo.vn/{doc_id}",
        outlet="bao_demo",
        outlet_name="Báo Demo",
        kind="national",
        title="Cảnh báo giả danh cán bộ BHXH",
        body="Người dân cần cảnh giác với cuộc gọi lạ.",
        published_at=datetime(2025, 2, 3, 1, tzinfo=UTC),
        crawled_at=datetime(2025, 2, 3, 2, tzinfo=UTC),
    )


def _requests(fake: FakeCluster, method: str, path: str) -> list[Any]:
    return [
        json.loads(body) if body else None
        for m, p, body in fake.requests
        if m == method and p.split("?")[0] == path
    ]


def test_missing_indices_are_created_with_their_definitions(cluster) -> None:
    fake, url = cluster
    fake.routes[("HEAD", "/pm")] = (404, None)
    fake.routes[("HEAD", "/pm-reviews")] = (404, None)
    fake.routes[("PUT", "/pm")] = (200, {"acknowledged": True})
    fake.routes[("PUT", "/pm-reviews")] = (200, {"acknowledged": True})
    _archive(url)
    assert _requests(fake, "PUT", "/pm") == [documents_index()]
    assert _requests(fake, "PUT", "/pm-reviews") == [reviews_index()]


def test_a_newer_schema_is_refused(cluster) -> None:
    fake, url = cluster
    newer = {"pm": {"mappings": {"_meta": {"pressmon_schema": 99}}}}
    fake.routes[("GET", "/pm/_mapping")] = (200, newer)
    with pytest.raises(SchemaVersionError):
        _archive(url)


def _search_answer(*hits: dict[str, Any], total: int | None = None) -> dict[str, Any]:
    return {"hits": {"total": {"value": len(hits) if total is None else total}, "hits": list(hits)}}


def _hit(doc: Document, named: str, highlight: dict[str, Any] | None = None) -> dict[str, Any]:
    hit = {"_id": doc.id, "_score": 2.0, "_source": document_to_source(doc)}
    hit["matched_queries"] = ["exact", "folded"] if named == "exact" else ["folded"]
    if highlight:
        hit["highlight"] = highlight
    return hit


def _msearch_requests(fake: FakeCluster) -> list[list[Any]]:
    return [
        [json.loads(line) for line in body.decode().splitlines()]
        for m, p, body in fake.requests
        if m == "POST" and p.split("?")[0] == "/pm/_msearch"
    ]


def test_search_sends_the_built_body_and_parses_the_answer(cluster) -> None:
    fake, url = cluster
    doc = _doc()
    highlight = {"body": ["<mark>Cảnh</mark> báo"]}
    fake.routes[("POST", "/pm/_search")] = (200, _search_answer(_hit(doc, "exact", highlight)))
    query = Query(text='"cảnh báo"', page=2, page_size=5)  # a phrase typed with diacritics
    page = _archive(url).search(query)
    assert _requests(fake, "POST", "/pm/_search") == [search_body(query, "Asia/Ho_Chi_Minh")]
    assert _msearch_requests(fake) == []
    assert page.total == 1 and page.hits[0].document == doc and page.hits[0].match == "exact"
    assert page.hits[0].snippet == "<mark>Cảnh</mark> báo"


def test_count_matches_is_one_search_reading_no_hit(cluster) -> None:
    fake, url = cluster
    fake.routes[("POST", "/pm/_search")] = (200, _search_answer(total=12_345))
    query = Query(text="canh giac", page=700, page_size=20)  # past the result window
    assert _archive(url).count_matches(query) == 12_345
    assert _requests(fake, "POST", "/pm/_search") == [count_body(query, "Asia/Ho_Chi_Minh")]
    assert _msearch_requests(fake) == []


def test_a_page_past_the_exact_tier_reads_the_folded_tier_next(cluster) -> None:
    fake, url = cluster
    exact_doc, folded_doc = _doc("e1"), _doc("f1")
    # Page 2 of 5: the query matches 3 documents exactly and 4 in all.
    fake.routes[("POST", "/pm/_msearch")] = (
        200,
        {"responses": [_search_answer(total=3), _search_answer(total=4)]},
    )
    highlight = {"body.folded": ["cần <mark>canh</mark> giác"]}
    fake.routes[("POST", "/pm/_search")] = (
        200,
        _search_answer(_hit(folded_doc, "folded", highlight)),
    )
    query = Query(text="canh giac", page=2, page_size=5)
    page = _archive(url).search(query)
    tiers = tiered_bodies(query, "Asia/Ho_Chi_Minh")
    assert tiers is not None
    assert _msearch_requests(fake) == [[{}, tiers[0], {}, tiers[1]]]
    (rest,) = _requests(fake, "POST", "/pm/_search")
    assert rest == rest_tier_body(query, "Asia/Ho_Chi_Minh", _search_answer(total=3))
    assert (rest["from"], rest["size"]) == (2, 5)  # the 3 exact ones came first
    assert [(h.document, h.match) for h in page.hits] == [(folded_doc, "folded")]
    assert (page.total, page.hits[0].snippet) == (4, "cần <mark>canh</mark> giác")
    assert exact_doc.id not in {h.document.id for h in page.hits}


def test_a_page_inside_the_exact_tier_takes_one_round_trip(cluster) -> None:
    fake, url = cluster
    docs = [_doc(f"e{i}") for i in range(2)]
    answer = _search_answer(*(_hit(d, "exact") for d in docs), total=2)
    fake.routes[("POST", "/pm/_msearch")] = (
        200,
        {"responses": [answer, _search_answer(total=7)]},
    )
    page = _archive(url).search(Query(text="canh giac", page_size=2))
    assert _requests(fake, "POST", "/pm/_search") == []
    assert [h.document.id for h in page.hits] == ["e0", "e1"] and page.total == 7


def test_upsert_is_one_scripted_bulk_and_counts_created(cluster) -> None:
    fake, url = cluster
    answer = {
        "errors": False,
        "items": [
            {"update": {"_id": "d1", "status": 201, "result": "created"}},
            {"update": {"_id": "d2", "status": 200, "result": "updated"}},
        ],
    }
    fake.routes[("PUT", "/_bulk")] = fake.routes[("POST", "/_bulk")] = (200, answer)
    assert _archive(url).upsert([_doc("d1"), _doc("d2")]) == 1
    ((_, _, payload),) = [r for r in fake.requests if r[1].startswith("/_bulk")]
    lines = [json.loads(line) for line in payload.decode().splitlines()]
    assert lines[0] == {"update": {"_index": "pm", "_id": "d1", "retry_on_conflict": 3}}
    assert lines[1]["upsert"] == document_to_source(_doc("d1"))
    assert lines[1]["script"]["params"]["doc"] == document_to_source(_doc("d1"))
    assert "review_status" in lines[1]["script"]["source"]


def test_bulk_item_failures_raise(cluster) -> None:
    fake, url = cluster
    rejected = {"type": "es_rejected_execution_exception"}
    item = {"update": {"_id": "d1", "status": 429, "error": rejected}}
    answer = {"errors": True, "items": [item]}
    fake.routes[("PUT", "/_bulk")] = fake.routes[("POST", "/_bulk")] = (200, answer)
    with pytest.raises(BackendUnavailable):
        _archive(url).upsert([_doc("d1")])


@pytest.mark.parametrize(
    "status,error",
    [
        (503, BackendUnavailable),
        (429, BackendUnavailable),
        (500, BackendUnavailable),
        (400, QueryError),
    ],
)
def test_http_errors_are_translated(cluster, status: int, error: type[Exception]) -> None:
    fake, url = cluster
    failed = (status, {"error": {"type": "boom"}, "status": status})
    fake.routes[("POST", "/pm/_search")] = fake.routes[("POST", "/pm/_msearch")] = failed
    for text in ("bảo hiểm", "bhxh"):  # one query; tier by tier
        with pytest.raises(error) as raised:
            _archive(url).search(Query(text=text))
        assert raised.value.__cause__ is not None
    # One search of a multi-search failing fails the page alike.
    item = {"error": {"type": "boom"}, "status": status}
    fake.routes[("POST", "/pm/_msearch")] = (200, {"responses": [_search_answer(), item]})
    with pytest.raises(error):
        _archive(url).search(Query(text="bhxh"))


def test_connection_refused_is_backend_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"  # nothing listens here any more
    with pytest.raises(BackendUnavailable):
        _archive(url)


def test_an_invalid_url_is_refused_without_echoing_it() -> None:
    with pytest.raises(SearchIndexError) as raised:
        ElasticsearchArchive("elastic:s3cret@::bad", index_name="pm")
    assert "s3cret" not in str(raised.value)


def test_get_missing_is_none_and_review_of_missing_is_document_not_found(cluster) -> None:
    fake, url = cluster
    archive = _archive(url)
    assert archive.get("nope") is None
    event = ReviewEvent(
        document_id="nope",
        actor="a",
        at=datetime(2025, 1, 1, tzinfo=UTC),
        status_before="unstarted",
        status_after="in_progress",
    )
    with pytest.raises(DocumentNotFound):
        archive.record_review(event)


def test_get_many_is_one_mget_per_chunk_in_the_order_asked(cluster, monkeypatch) -> None:
    monkeypatch.setattr("index.elastic.GET_MANY_CHUNK", 2)
    fake, url = cluster
    first, second = _doc("d1"), _doc("d2")
    fake.routes[("POST", "/pm/_mget")] = [
        (
            200,
            {
                "docs": [
                    {"_id": "d2", "found": True, "_source": document_to_source(second)},
                    {"_id": "gone", "found": False},
                ]
            },
        ),
        (200, {"docs": [{"_id": "d1", "found": True, "_source": document_to_source(first)}]}),
    ]
    assert _archive(url).get_many(["d2", "gone", "d1"]) == [second, first]
    assert _requests(fake, "POST", "/pm/_mget") == [{"ids": ["d2", "gone"]}, {"ids": ["d1"]}]
    assert _requests(fake, "GET", "/pm/_doc/d1") == []  # never a read per document


def test_review_activity_pages_through_every_document_acted_on(cluster, monkeypatch) -> None:
    monkeypatch.setattr("index.elastic_reviews.ACTIVITY_PAGE", 2)
    fake, url = cluster
    since, until = datetime(2026, 5, 17, 17, tzinfo=UTC), datetime(2026, 5, 24, 17, tzinfo=UTC)
    latest = datetime(2026, 5, 20, 3, tzinfo=UTC)
    millis = latest.timestamp() * 1000

    def page(*ids: str) -> Route:
        buckets = [
            {"key": {"document_id": i}, "doc_count": 2, "latest": {"value": millis}} for i in ids
        ]
        return 200, {
            "aggregations": {
                "documents": {"buckets": buckets, "after_key": {"document_id": ids[-1]}}
            }
        }

    fake.routes[("POST", "/pm-reviews/_search")] = [page("a", "b"), page("c")]
    found = _archive(url).review_activity(
        since=since, until=until, actions={"escalate"}, statuses={"false"}
    )
    assert found == {"a": latest, "b": latest, "c": latest}
    assert _requests(fake, "POST", "/pm-reviews/_search") == [
        activity_body(since, until, {"escalate"}, {"false"}),
        activity_body(since, until, {"escalate"}, {"false"}, after={"document_id": "b"}),
    ]


def test_review_histories_are_one_search_per_batch_of_documents(cluster, monkeypatch) -> None:
    """The leadership report's decided items: their histories in a search per HISTORY_BATCH
    ids, never one per item; a batch whose events fill the answer is read on from where the
    answer ended."""
    monkeypatch.setattr("index.elastic.HISTORY_BATCH", 2)
    monkeypatch.setattr("index.elastic_reviews.MAX_REVIEW_EVENTS", 3)
    fake, url = cluster
    at = datetime(2026, 5, 20, 3, tzinfo=UTC)

    def history(document_id: str, count: int) -> list[ReviewEvent]:
        return [
            ReviewEvent(document_id, "an", at + timedelta(minutes=n), "unstarted", "false")
            for n in range(count)
        ]

    def answer(*events: ReviewEvent) -> Route:
        hits = [{"_source": event_to_source(e, n)} for n, e in enumerate(events)]
        return 200, {"hits": {"hits": hits}}

    d1, d2, d3, d4 = history("d1", 1), history("d2", 2), history("d3", 1), history("d4", 5)
    fake.routes[("POST", "/pm-reviews/_search")] = [
        answer(*d1, *d3),  # the batch d3, d1
        answer(*d2, d4[0]),  # the batch d2, d4: full, ending inside d4's history
        answer(*d4[:3]),  # d4 alone fills the answer: as review_history reads it
        answer(),  # the batch d5
    ]
    found = _archive(url).review_histories(["d3", "d1", "d2", "d4", "d5"])
    assert list(found) == ["d3", "d1", "d2", "d4", "d5"]
    assert found == {
        "d3": tuple(d3),
        "d1": tuple(d1),
        "d2": tuple(d2),
        "d4": tuple(d4[:3]),
        "d5": (),
    }
    assert _requests(fake, "POST", "/pm-reviews/_search") == [
        histories_body(["d1", "d3"]),
        histories_body(["d2", "d4"]),
        histories_body(["d4"]),
        histories_body(["d5"]),
    ]


def test_review_histories_of_many_documents_take_few_requests(cluster) -> None:
    fake, url = cluster
    fake.routes[("POST", "/pm-reviews/_search")] = (200, {"hits": {"hits": []}})
    asked = [f"doc{n:04d}" for n in range(2000)]  # the leadership report's most items
    found = _archive(url).review_histories(asked)
    assert list(found) == asked and not any(found.values())
    searches = _requests(fake, "POST", "/pm-reviews/_search")
    assert len(searches) == 4  # 500 documents a search
    assert [s["query"]["terms"]["document_id"] for s in searches] == [
        asked[n : n + 500] for n in range(0, 2000, 500)
    ]


def test_the_documents_of_a_query_are_read_past_the_result_window(cluster, monkeypatch) -> None:
    """Every decided item (retraining, similar items): `search` refuses pages past the window,
    `iter_documents` walks on with `search_after`."""
    monkeypatch.setattr("index.elastic_query.MAX_RESULT_WINDOW", 2)
    fake, url = cluster
    docs = [_doc(f"d{n}") for n in range(3)]

    def hit(doc: Document) -> dict[str, Any]:
        millis = int(doc.published_at.timestamp() * 1000)
        return {"_id": doc.id, "_source": document_to_source(doc), "sort": [millis, doc.id]}

    fake.routes[("POST", "/pm/_search")] = [
        (200, _search_answer(hit(docs[0]), hit(docs[1]))),
        (200, _search_answer(hit(docs[2]))),
    ]
    decided = Query(review_statuses=frozenset({"false", "no_violation"}))
    archive = _archive(url)
    with pytest.raises(QueryError, match="Chỉ xem được 2 kết quả đầu tiên"):
        archive.search(replace(decided, page=2, page_size=2))
    assert list(archive.iter_documents(2, query=decided)) == docs
    after = [int(docs[1].published_at.timestamp() * 1000), "d1"]
    assert _requests(fake, "POST", "/pm/_search") == [
        walk_body(decided, "Asia/Ho_Chi_Minh", None, 2),
        walk_body(decided, "Asia/Ho_Chi_Minh", None, 2, after),
    ]
    assert _requests(fake, "POST", "/pm/_search")[1]["query"] == (
        query_clause(decided, "Asia/Ho_Chi_Minh")  # what `search` matches
    )


def test_review_events_are_read_past_one_search_to_the_limit(cluster, monkeypatch) -> None:
    """The audit CSV asks 50,000 events: pages of at most MAX_REVIEW_EVENTS, each after the
    last one's final event, never a silent cut at one search's worth."""
    monkeypatch.setattr("index.elastic.MAX_REVIEW_EVENTS", 2)
    fake, url = cluster
    at = datetime(2026, 5, 20, 3, tzinfo=UTC)
    events = [
        ReviewEvent(f"d{n}", "an", at - timedelta(minutes=n), "unstarted", "false")
        for n in range(4)
    ]

    def page(*numbers: int) -> Route:
        hits = [
            {
                "_source": event_to_source(events[n], 100 - n),
                "sort": [int(events[n].at.timestamp() * 1000), 100 - n, f"d{n}"],
            }
            for n in numbers
        ]
        return 200, {"hits": {"hits": hits}}

    fake.routes[("POST", "/pm-reviews/_search")] = [
        page(0, 1),
        page(2),  # 3 asked: the second page asks 1
        page(0, 1),
        page(2, 3),
        page(),  # 10 asked: a page short of its size is the end
    ]
    archive = _archive(url)
    assert archive.review_events(actor="an", limit=3) == tuple(events[:3])
    assert archive.review_events(actor="an", limit=10) == tuple(events)
    after = [int(events[1].at.timestamp() * 1000), 99, "d1"]

    def asked(size: int, after: list[Any] | None = None) -> dict[str, Any]:
        return events_body(since=None, until=None, actor="an", action=None, size=size, after=after)

    last = [int(events[3].at.timestamp() * 1000), 97, "d3"]
    assert _requests(fake, "POST", "/pm-reviews/_search") == [
        asked(2),
        asked(1, after),
        asked(2),
        asked(2, after),
        asked(2, last),
    ]


def test_delete_reports_whether_it_deleted(cluster) -> None:
    fake, url = cluster
    fake.routes[("DELETE", "/pm/_doc/d1")] = (200, {"result": "deleted"})
    archive = _archive(url)
    assert archive.delete("d1") is True
    assert archive.delete("d2") is False


def test_an_index_of_schema_1_with_vietnamese_names_must_be_reindexed(cluster) -> None:
    fake, url = cluster
    older = {"pm": {"mappings": {"_meta": {"pressmon_schema": 1}}}}
    fake.routes[("GET", "/pm/_mapping")] = (200, older)
    with pytest.raises(SchemaVersionError, match="pressmon index export.*pressmon index import"):
        _archive(url)


@pytest.mark.parametrize("older", [2, 3])
def test_an_index_split_otherwise_must_be_reindexed(cluster, older: int) -> None:
    fake, url = cluster
    fake.routes[("GET", "/pm/_mapping")] = (
        200,
        {"pm": {"mappings": {"_meta": {"pressmon_schema": older}}}},
    )
    with pytest.raises(SchemaVersionError, match="pressmon index export.*pressmon index import"):
        _archive(url)
    assert _requests(fake, "PUT", "/pm/_mapping") == []  # nothing changed in place


def test_an_index_to_reindex_opens_for_export_only(cluster) -> None:
    fake, url = cluster
    older = {"pm": {"mappings": {"_meta": {"pressmon_schema": 3}}}}
    fake.routes[("GET", "/pm/_mapping")] = (200, older)
    source = document_to_source(_doc())
    del source["seo_title"]  # as written by schema 2
    fake.routes[("POST", "/pm/_search")] = (
        200,
        {"hits": {"total": {"value": 1}, "hits": [{"_id": "d1", "_source": source}]}},
    )
    client = Elasticsearch(url, max_retries=0, request_timeout=10)
    archive = ElasticsearchArchive(url, index_name="pm", client=client, exporting=True)
    assert [d.id for d in archive.iter_documents()] == ["d1"]
    with pytest.raises(SchemaVersionError, match="lược đồ 3"):
        archive.search(Query(text="bhxh"))
    with pytest.raises(SchemaVersionError):
        archive.upsert([_doc()])
    fake.routes[("GET", "/pm/_mapping")] = (
        200,
        {"pm": {"mappings": {"_meta": {"pressmon_schema": 1}}}},
    )
    with pytest.raises(SchemaVersionError, match="bản pressmon đã ghi nó"):
        ElasticsearchArchive(url, index_name="pm", client=client, exporting=True)
