"""The demo year's articles are stories as the clusterer reads them: each coverage article and
forum post its own story, each intended copy (syndicated copy, scam repost, warning write-up)
one story with its original."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from demo.year.generate import build_year
from vntext.stories import StoryClusterer


def test_same_topic_articles_are_distinct_stories_and_copies_one() -> None:
    articles = build_year(date(2026, 3, 31)).articles[:2000]
    clusterer = StoryClusterer()
    story = {a.url: clusterer.assign(a.url, f"{a.title}\n{a.text}") for a in articles}
    intents: dict[str, set[str]] = defaultdict(set)
    stories: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        intents[story[article.url]].add(article.copy_of)
        stories[article.copy_of].add(story[article.url])
    merged = [a for a in articles if len(intents[story[a.url]]) > 1]
    assert len(merged) < 0.01 * len(articles)
    assert all(len(found) == 1 for found in stories.values())
    assert sum(a.role != "coverage" for a in articles) > 20  # the copies were tried
