"""extract_article over every article page of the offline demo press site (demo/), in-process.

The demo outlets were written independently of the extractor, one page structure each (JSON-LD,
og: meta only, <time> tag, visible date only, WordPress, a SharePoint sector portal), with NFD
text, old tone placement, broken HTML and week-edge dates mixed in. Its ground truth is exact.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawlers.errors import ChallengePage
from crawlers.extract import extract_article
from crawlers.extract.document import clean_text
from demo.model import PLACEHOLDER_ORIGIN, DemoArticle, DemoSite
from demo.site import build_site

NOW = datetime(2027, 1, 1, tzinfo=UTC)
SITE: DemoSite = build_site()
OUTLETS = {outlet.id: outlet for outlet in SITE.outlets}


def _id(article: DemoArticle) -> str:
    return f"{OUTLETS[article.outlet].structure}:{article.path.rsplit('/', 1)[-1][:40]}"


@pytest.mark.parametrize("article", SITE.articles, ids=_id)
def test_demo_article(article: DemoArticle) -> None:
    page = SITE.pages[article.path]
    url = PLACEHOLDER_ORIGIN + article.path
    if article.challenge:
        with pytest.raises(ChallengePage):
            extract_article(page.body, url, content_type=page.content_type, now=NOW)
        return
    got = extract_article(page.body, url, content_type=page.content_type, now=NOW)
    assert got.title == clean_text(article.title)
    assert got.published_at == article.published_at
    paragraphs = [clean_text(p) for p in article.body.split("\n") if p.strip()]
    got_paragraphs = got.body.split("\n\n")
    assert [p for p in paragraphs if p not in got_paragraphs] == []
    # Nothing else got in; forum posts have no separate sapo, so their lead is the first paragraph.
    assert [p for p in got_paragraphs if p not in paragraphs] in ([], [clean_text(article.lead)])


def test_sector_pages_also_read_with_the_dedicated_sharepoint_parser() -> None:
    sector = [a for a in SITE.articles if OUTLETS[a.outlet].kind == "sector" and not a.challenge]
    assert sector
    for article in sector:
        page = SITE.pages[article.path]
        got = extract_article(
            page.body, PLACEHOLDER_ORIGIN + article.path, parser="baohiemxahoi", now=NOW
        )
        assert (got.title, got.published_at) == (clean_text(article.title), article.published_at)
