"""A stored article whose update fetch answers a passing shell page ("Vui lòng chờ…"), through the
real crawler on a loopback site: the stored copy stays, the new version is not recorded, and the
next run fetches the edit again and stores it. Before, the shell's version was recorded as read,
so the edit the sitemap announced was never fetched."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest

from tests.crawlers.loopback_crawl import (
    SHELL_PAGE,
    FeedSite,
    article_page,
    crawl_and_read,
    serving,
    write_source,
)

FIRST = article_page("BHXH tự nguyện đến từng hộ ở Nghệ An", "Nghệ An")
EDITED = article_page("BHXH tự nguyện đến từng hộ ở Nghệ An (cập nhật)", "Nghệ An")


class _Site(FeedSite):
    """FeedSite with a sitemap giving each page's <lastmod>; the source reads only the sitemap (a
    feed listing the page without one could come first and record no modification time)."""

    pages: ClassVar[dict[str, bytes]] = {"a": FIRST}
    hits: ClassVar[Counter[str]] = Counter()
    lastmod: ClassVar[dict[str, str]] = {"a": "2026-05-12T09:00:00+07:00"}

    def do_GET(self) -> None:
        if self.path.strip("/") != "sitemap.xml":
            super().do_GET()
            return
        urls = "".join(
            f"<url><loc>{self.base}/tin/{name}.html</loc><lastmod>{stamp}</lastmod></url>"
            for name, stamp in self.lastmod.items()
        )
        xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        self._send(200, xml.encode(), "application/xml")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("update-shell")
    with serving(_Site) as base:
        write_source(
            folder, base, kind="other", province=None, feeds=None, sitemaps=[f"{base}/sitemap.xml"]
        )
        start = datetime.now(UTC).replace(microsecond=0)

        def crawl(hours: int) -> dict[str, Any]:
            at = start + timedelta(hours=hours)
            return crawl_and_read(folder, at, _Site, ("outcome", "modified"))

        first = crawl(0)
        # The site edits the article and bumps <lastmod>, but answers a "please wait" page first.
        _Site.lastmod["a"] = "2026-05-13T10:15:00+07:00"
        _Site.pages["a"] = SHELL_PAGE
        shell = crawl(2)
        _Site.pages["a"] = EDITED
        yield [first, shell, crawl(4), crawl(6)]


def test_a_shell_answered_for_an_update_keeps_the_stored_copy_and_its_version(
    runs: list[dict[str, Any]],
) -> None:
    first, shell = runs[0], runs[1]
    assert shell["hits"] == {"a": 1}
    assert shell["titles"] == first["titles"] == ["BHXH tự nguyện đến từng hộ ở Nghệ An"]
    assert shell["seen"] == first["seen"]  # the shell's version is not recorded as read
    assert shell["counters"]["retry_later"] == 1


def test_the_edit_is_fetched_the_next_run_and_then_no_more(runs: list[dict[str, Any]]) -> None:
    after, again = runs[2], runs[3]
    assert after["hits"] == {"a": 1}
    assert after["titles"] == ["BHXH tự nguyện đến từng hộ ở Nghệ An (cập nhật)"]
    assert after["seen"]["a"][0] == "stored" and after["seen"] != runs[0]["seen"]
    assert again["hits"] == {}
