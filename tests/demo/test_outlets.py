"""Each outlet states dates and metadata its own way; a new outlet must add its check here."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from parsel import Selector

from demo.model import DemoArticle, DemoSite


def _page(site: DemoSite, article: DemoArticle) -> Selector:
    return Selector(text=site.pages[article.path].body.decode("utf-8"))


def _one(html: Selector, query: str) -> str:
    found = html.css(query).get()
    assert found is not None, f"nothing matches {query!r}"
    return found


def _no_structured_dates(html: Selector) -> None:
    assert not html.css('script[type="application/ld+json"]')
    assert not html.css("time")


def _sector(article: DemoArticle, html: Selector) -> None:
    _no_structured_dates(html)
    assert not html.css('meta[property^="article:"]')
    assert not html.css("h1")  # the portal puts its headline in an <h2>
    when = article.published_at
    visible = _one(html, "span.date::text")
    assert re.fullmatch(
        r"(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật), \d{2}/\d{2}/\d{4} \d{2}:\d{2} \(GMT\+7\)", visible
    )
    assert visible.split(", ")[1].startswith(f"{when:%d/%m/%Y %H:%M}")


def _national(article: DemoArticle, html: Selector) -> None:
    data = json.loads(_one(html, 'script[type="application/ld+json"]::text'))
    assert data["@type"] == "NewsArticle" and "articleBody" not in data
    assert datetime.fromisoformat(data["datePublished"]) == article.published_at
    assert data["headline"] == article.title
    assert "6/7/2026" in _one(html, ".today::text")  # a "today" header date to ignore


def _provincial_a(article: DemoArticle, html: Selector) -> None:
    _no_structured_dates(html)
    stamp = _one(html, 'meta[property="article:published_time"]::attr(content)')
    assert datetime.fromisoformat(stamp).tzinfo is None  # naive: local Asia/Ho_Chi_Minh time
    assert stamp == article.published_at.replace(tzinfo=None).isoformat()
    title = unicodedata.normalize("NFC", _one(html, "h1.titlenews::text"))  # one page is NFD
    assert len(html.css("h1")) == 2 and title == article.title


def _provincial_b(article: DemoArticle, html: Selector) -> None:
    assert not html.css('script[type="application/ld+json"]')
    stamp = _one(html, "time.time::attr(datetime)")
    assert datetime.fromisoformat(stamp) == article.published_at
    assert _one(html, "time.time::text") == f"{article.published_at:%d/%m/%Y - %H:%M}"


def _forum(article: DemoArticle, html: Selector) -> None:
    meta = _one(html, 'meta[property="article:published_time"]::attr(content)')
    assert datetime.fromisoformat(meta).utcoffset() == UTC.utcoffset(None)
    assert datetime.fromisoformat(meta) == article.published_at
    assert (
        datetime.fromisoformat(_one(html, "time.entry-date::attr(datetime)"))
        == article.published_at
    )


CHECKS: dict[str, Callable[[DemoArticle, Selector], None]] = {
    "bhxh_demo": _sector,
    "bao_quoc_gia": _national,
    "bao_tinh_a": _provincial_a,
    "bao_tinh_b": _provincial_b,
    "dien_dan_bhxh": _forum,
}


def test_every_outlet_has_a_check(site: DemoSite) -> None:
    assert set(CHECKS) == {o.id for o in site.outlets}


@pytest.mark.parametrize("outlet_id", sorted(CHECKS))
def test_outlet_markup(site: DemoSite, outlet_id: str) -> None:
    articles = [a for a in site.articles if a.outlet == outlet_id and not a.challenge]
    assert articles
    for article in articles:
        html = _page(site, article)
        CHECKS[outlet_id](article, html)
        text = unicodedata.normalize("NFC", " ".join(html.xpath("//body//text()").getall()))
        if site.outlet(outlet_id).press:
            assert "Giấy phép" in text  # footer with a licence date, never the publication date
        assert article.title in text
