"""Every article is discoverable from its own source's feeds, sitemaps or listings, and the
robots.txt trap is both discoverable and disallowed (so a crawler that ignores robots fails)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import pytest
from parsel import Selector
from protego import Protego

from demo.model import PLACEHOLDER_ORIGIN, DemoSite
from demo.sources import demo_sources

BASE = PLACEHOLDER_ORIGIN


def _path(url: str) -> str:
    assert url.startswith(BASE), url
    return url[len(BASE) :]


def _xml(site: DemoSite, url: str) -> ET.Element:
    return ET.fromstring(site.pages[_path(url)].body.removeprefix(b"\xef\xbb\xbf").lstrip())


def _feed_links(site: DemoSite, url: str) -> set[str]:
    root = _xml(site, url)
    links = {el.text.strip() for el in root.iter("link") if el.text and el.text.strip()}
    links |= {
        href for el in root.iter("{http://www.w3.org/2005/Atom}link") if (href := el.get("href"))
    }
    return links


def _sitemap_links(site: DemoSite, url: str) -> set[str]:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = _xml(site, url)
    locs = set()
    for el in root.iter(f"{ns}loc"):
        assert el.text is not None, "an empty <loc>"
        locs.add(el.text.strip())
    if root.tag == f"{ns}sitemapindex":
        return set().union(*(_sitemap_links(site, loc) for loc in locs))
    return locs


def _listing_links(site: DemoSite, listing: dict) -> set[str]:
    found: set[str] = set()
    url: str | None = listing["url"]
    for _ in range(listing["max_pages"]):
        if url is None:
            break
        html = Selector(text=site.pages[_path(url)].body.decode("utf-8"))
        found |= {urljoin(url, href) for href in html.css("a::attr(href)").getall()}
        following = html.css(listing["next_page"] + "::attr(href)").get()
        url = urljoin(url, following) if following else None
    assert url is None, f"{listing['url']}: more pages than max_pages"
    return found


def discovered(site: DemoSite) -> dict[str, set[str]]:
    """Article URLs per source id, as seen by a crawler reading only the configured entry points."""
    out: dict[str, set[str]] = {}
    for source in demo_sources(BASE):
        pattern = re.compile(source["article_pattern"])
        links: set[str] = set()
        for feed in source["feeds"]:
            links |= _feed_links(site, feed)
        for sitemap in source["sitemaps"]:
            links |= _sitemap_links(site, sitemap)
        for listing in source["listings"]:
            links |= _listing_links(site, listing)
        # searched in path + query, as crawlers.spiders.source does
        out[source["id"]] = {u for u in links if u.startswith(BASE) and pattern.search(_path(u))}
    return out


@pytest.fixture(scope="module")
def found(site: DemoSite) -> dict[str, set[str]]:
    return discovered(site)


def test_every_article_is_reachable_from_its_own_source(
    site: DemoSite, found: dict[str, set[str]]
) -> None:
    for article in site.articles:
        assert BASE + article.path in found[article.outlet], article.path


def test_nothing_else_matches_an_article_pattern(
    site: DemoSite, found: dict[str, set[str]]
) -> None:
    expected = {a.path for a in site.articles} | set(site.forbidden_paths)
    assert {_path(u) for urls in found.values() for u in urls} == expected
    owners = [sid for sid, urls in found.items() for _ in urls]
    assert len(owners) == len(expected)  # no URL claimed by two sources


def test_each_entry_point_kind_is_needed(site: DemoSite) -> None:
    """Some articles are only in sitemaps (off-topic sections), some pages only in listings."""
    sources = demo_sources(BASE)
    only_sitemap = set()
    for source in sources:
        via_feed = set().union(*(_feed_links(site, f) for f in source["feeds"]))
        via_listing = set().union(*(_listing_links(site, li) for li in source["listings"]))
        only_sitemap |= {
            a.path
            for a in site.articles
            if a.outlet == source["id"] and BASE + a.path not in via_feed | via_listing
        }
    assert only_sitemap
    challenge = next(a for a in site.articles if a.challenge)
    assert challenge.path in _only_listing_paths(site)


def _only_listing_paths(site: DemoSite) -> set[str]:
    out = set()
    for source in demo_sources(BASE):
        in_feeds_or_maps = set().union(
            *(_feed_links(site, f) for f in source["feeds"]),
            *(_sitemap_links(site, s) for s in source["sitemaps"]),
        )
        for listing in source["listings"]:
            out |= {
                _path(u)
                for u in _listing_links(site, listing) - in_feeds_or_maps
                if u.startswith(BASE)
            }
    return out


def test_robots_txt_disallows_the_trap_only(site: DemoSite, found: dict[str, set[str]]) -> None:
    robots_text = site.pages["/robots.txt"].body.decode("ascii")
    protego = Protego.parse(robots_text)
    stdlib = RobotFileParser()
    stdlib.parse(robots_text.splitlines())
    assert site.forbidden_paths
    for path in site.forbidden_paths:
        assert BASE + path in set().union(*found.values())  # the trap is discoverable...
        assert not protego.can_fetch(BASE + path, "pressmon")  # ...but disallowed
        assert not stdlib.can_fetch("pressmon", BASE + path)
        assert site.pages[path].body  # and would break the numbers if fetched
    for article in site.articles:
        assert protego.can_fetch(BASE + article.path, "pressmon"), article.path
    for source in demo_sources(BASE):
        for url in [
            *source["feeds"],
            *source["sitemaps"],
            *(li["url"] for li in source["listings"]),
        ]:
            assert protego.can_fetch(url, "pressmon"), url
