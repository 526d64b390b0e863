"""How the story clusterer reads the demo year: stories, the largest one, chance merges, length.

Usage:
    .venv/bin/python benchmarks/demo_year_stories.py [--until 2026-12-04]

Clusters every article of build_year() in order, each as ingest gives it (title, newline, text).
A chance merge is an article whose story holds another that is not its intended copy (a
syndicated copy's original, a scam repost's or warning's other write-ups of the same claim).
The goal: under 1% of articles, at about the length of one lead and one pool paragraph.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date

from demo.year.generate import YearArticle, build_year
from vntext.stories import StoryClusterer


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--until", type=date.fromisoformat, default=date(2026, 12, 4))
    args = parser.parse_args()

    start = time.perf_counter()
    articles = build_year(args.until).articles
    built = time.perf_counter() - start
    clusterer = StoryClusterer()
    story = {a.url: clusterer.assign(a.url, f"{a.title}\n{a.text}") for a in articles}
    members: dict[str, list[YearArticle]] = defaultdict(list)
    for article in articles:
        members[story[article.url]].append(article)
    merged = sum(1 for a in articles if any(b.copy_of != a.copy_of for b in members[story[a.url]]))
    largest = max(members.values(), key=len)
    coverage = [len(a.text.split()) for a in articles if a.role == "coverage"]
    print(f"articles            {len(articles):>8}  (build_year {built:.1f} s)")
    print(f"stories             {len(members):>8}")
    print(f"largest story       {len(largest):>8}  ({len({a.title for a in largest})} titles)")
    print(f"chance merges       {merged:>8}  ({100 * merged / len(articles):.2f}%)")
    print(f"words per coverage  {sum(coverage) / len(coverage):>8.1f}")


if __name__ == "__main__":
    main()
