"""Served over loopback with urllib, every page comes back byte-identical to the build."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from demo.model import PLACEHOLDER_ORIGIN, DemoSite
from demo.server import DemoServer, serve_demo


@pytest.fixture(scope="module")
def server(site: DemoSite):
    with serve_demo(site=site) as running:
        yield running


def _get(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def test_every_page_is_byte_identical(site: DemoSite, server: DemoServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    paths = sorted(site.pages)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda p: _get(server.url(p)), paths))
    for path, (status, content_type, body) in zip(paths, results, strict=True):
        page = site.pages[path]
        assert status == page.status == 200, path
        assert content_type == page.content_type
        assert body == site.body_for(path, server.base_url), path
        assert PLACEHOLDER_ORIGIN.encode() not in body
    assert set(paths) <= set(server.fetched())


def test_urls_in_pages_point_at_the_server(site: DemoSite, server: DemoServer) -> None:
    _, _, feed = _get(server.url("/bao-quoc-gia/rss/an-sinh.rss"))
    assert (server.base_url + "/bao-quoc-gia/an-sinh/").encode() in feed


def test_query_order_and_missing_pages(site: DemoSite, server: DemoServer) -> None:
    listing = "/bhxh-demo/tintuc/Pages/tin-tong-hop.aspx?CateID=0&page=2"
    status, _, body = _get(server.url("/bhxh-demo/tintuc/Pages/tin-tong-hop.aspx?page=2&CateID=0"))
    assert status == 200 and body == site.body_for(listing, server.base_url)
    status, _, _ = _get(server.url("/khong-co-trang-nay.html"))
    assert status == 404
    status, _, body = _get(server.url("/robots.txt"), method="HEAD")
    assert status == 200 and body == b""
    assert "/khong-co-trang-nay.html" in server.fetched()


def test_two_servers_and_close(site: DemoSite) -> None:
    with serve_demo(site=site) as first, serve_demo(site=site) as second:
        assert first.base_url != second.base_url
        assert _get(first.url("/"))[0] == _get(second.url("/"))[0] == 200
    with pytest.raises(OSError):
        urllib.request.urlopen(first.url("/"), timeout=2)
