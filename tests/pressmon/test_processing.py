"""From an extracted article to the archived Document: the date's reasoning and the SEO title
travel with it, so a reviewer sees why the date was chosen and a search finds the SEO wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest

from classifier.flagger import Flagger
from classifier.relevance import RelevanceModel
from classifier.types import Assessment
from crawlers.items import ExtractedArticle
from crawlers.sources import Source
from pressmon.processing import FLAG_FIELDS, ArticleProcessor, with_assessment
from vntext.provinces import Gazetteer
from vntext.stories import StoryClusterer

CONFIG = Path(__file__).resolve().parents[2] / "config"
SOURCE = Source(id="bao_demo", name="Báo Demo", kind="national", domain="baodemo.vn")
ARTICLE = ExtractedArticle(
    url="https://baodemo.vn/chi-tra-luong-huu.html",
    canonical_url="https://baodemo.vn/chi-tra-luong-huu.html",
    title="Bảo hiểm xã hội chi trả lương hưu tháng 7 qua tài khoản",
    body="Bảo hiểm xã hội Việt Nam cho biết lương hưu tháng 7 được chi trả qua tài khoản "
    "ngân hàng của người hưởng từ ngày 2.",
    published_at=datetime(2025, 7, 1, 5, 40, tzinfo=UTC),
    date_source="visible-text",
    seo_title="Lương hưu tháng 7 về tài khoản từ ngày 2",
    date_field="byline",
    date_reason="the visible byline (metadata: offset-mislabelled)",
    date_disagreements=(
        "json-ld:datePublished=2025-07-01T12:40:00+08:00 (-60 min): offset-mislabelled",
    ),
)


@pytest.fixture(scope="module")
def processor() -> ArticleProcessor:
    return ArticleProcessor(
        relevance=RelevanceModel.from_yaml(CONFIG / "topics.yaml"),
        gazetteer=Gazetteer.load(CONFIG / "provinces.yaml"),
        flagger=cast(Flagger, object()),  # prepare never flags
        clusterer=StoryClusterer(),
    )


def _prepared(processor: ArticleProcessor, article: ExtractedArticle):
    prepared = processor.prepare(article, SOURCE, datetime(2025, 7, 1, 6, tzinfo=UTC))
    assert prepared is not None, "the test article is about social insurance"
    return prepared.document


def test_the_date_reasoning_and_a_differing_seo_title_are_kept(processor) -> None:
    document = _prepared(processor, ARTICLE)
    assert document.date_source == "visible-text"
    assert document.date_reason == ARTICLE.date_reason
    assert document.date_disagreements == ARTICLE.date_disagreements
    assert document.seo_title == "Lương hưu tháng 7 về tài khoản từ ngày 2"


def test_an_seo_title_equal_to_the_headline_is_not_stored_twice(processor) -> None:
    document = _prepared(processor, replace(ARTICLE, seo_title=ARTICLE.title))
    assert document.seo_title == ""


def test_the_seo_title_is_cleaned_like_the_title(processor) -> None:
    dirty = replace(ARTICLE, seo_title="Lương hưu\x1b[31m tháng 7\x07 về tài khoản")
    assert _prepared(processor, dirty).seo_title == "Lương hưu tháng 7 về tài khoản"


def test_www_and_the_bare_host_of_the_outlet_are_one_article(processor) -> None:
    # A feed linking www. and a sitemap not, with no canonical link on the page to agree on.
    bare = replace(ARTICLE, canonical_url="")
    www = replace(bare, url="https://www.baodemo.vn/chi-tra-luong-huu.html")
    assert _prepared(processor, www).id == _prepared(processor, bare).id
    assert (
        _prepared(processor, www).canonical_url == "https://www.baodemo.vn/chi-tra-luong-huu.html"
    )
    # Another outlet's www. host is not folded into this one's.
    elsewhere = replace(bare, url="https://www.baokhac.vn/chi-tra-luong-huu.html")
    other = replace(elsewhere, url="https://baokhac.vn/chi-tra-luong-huu.html")
    assert _prepared(processor, elsewhere).id != _prepared(processor, other).id


def test_a_score_changes_only_the_flag_fields_rescore_copies(processor) -> None:
    """`pressmon rescore` copies FLAG_FIELDS onto a stored article: a field `with_assessment`
    set beyond them would be lost there."""
    document = _prepared(processor, ARTICLE)
    assessment = Assessment(0.9, "urgent", "C1", "Điều 11", "asserts", (), "v-test")
    scored = with_assessment(document, assessment, 0.5)
    changed = {name for name in vars(document) if getattr(scored, name) != getattr(document, name)}
    assert changed == set(FLAG_FIELDS)
