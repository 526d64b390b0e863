"""Province attribution with and without the namesake rule, on the real VietNews BHXH articles.

The rule (`vntext.namesakes`) drops province names that are part of a person's or a street's
name ("anh Nguyễn Hà Nam", "đường Hà Giang"). This attributes each of the 1,277 articles in
../shared/data/raw/vietnews-bhxh as a national article (title; abstract as the lead, then the
body) with the gazetteer as configured and with its `namesakes` lists emptied, and prints the
totals per province and every article whose main province or province set changes, with the
mentions the rule dropped (read at run time from ../shared, never copied into the repository).

    .venv/bin/python benchmarks/province_namesakes.py [--shared ../shared] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from classifier.corpora import _despace  # noqa: E402
from vntext.namesakes import Namesakes  # noqa: E402
from vntext.normalize import normalize_text  # noqa: E402
from vntext.provinces import Attribution, Gazetteer  # noqa: E402

# ../shared beside the checkout; a git worktree elsewhere names it in PRESSMON_SHARED_DIR.
SHARED = Path(os.environ.get("PRESSMON_SHARED_DIR") or REPO / ".." / "shared")
DATASET = Path("data/raw/vietnews-bhxh")
CONTEXT = 45  # characters either side of a dropped mention, printed, never stored


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str  # the abstract as the first paragraph (the lead), then the body


@dataclass(frozen=True)
class Change:
    id: str
    before: Attribution
    after: Attribution
    dropped: tuple[str, ...]  # each dropped mention in context


def load(shared: Path, name: str = "bhxh_articles.jsonl") -> list[Article]:
    articles = []
    with (shared / DATASET / name).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = _despace(row["abstract"]) + "\n\n" + _despace(row["body"])
            articles.append(Article(row["id"], _despace(row["title"]), text))
    return articles


def dropped(before: Gazetteer, after: Gazetteer, article: Article) -> tuple[str, ...]:
    found = []
    for part in (article.title, article.text):
        text = normalize_text(part)
        kept = {m.start for m in after.mentions(text)}
        for m in before.mentions(text):
            if m.start not in kept:
                left = text[max(0, m.start - CONTEXT) : m.start].replace("\n", " ")
                right = text[m.end : m.end + 15].replace("\n", " ")
                found.append(f"…{left}[{m.surface}]{right}…")
    return tuple(found)


def without_namesakes(gazetteer: Gazetteer) -> Gazetteer:
    before = Gazetteer(gazetteer.provinces, gazetteer.pre_2025, gazetteer._names.values())
    before.namesakes = Namesakes()
    return before


def compare(articles: list[Article], gazetteer: Gazetteer) -> dict[str, Any]:
    before = without_namesakes(gazetteer)
    main: dict[str, Counter[str]] = {"before": Counter(), "after": Counter()}
    sets: dict[str, Counter[str]] = {"before": Counter(), "after": Counter()}
    changes = []
    for article in articles:
        results = {
            "before": before.attribute(article.title, article.text, "national", None),
            "after": gazetteer.attribute(article.title, article.text, "national", None),
        }
        for when, result in results.items():
            main[when].update([result.province] if result.province else [])
            sets[when].update(result.provinces)
        old, new = results["before"], results["after"]
        if (old.province, set(old.provinces)) != (new.province, set(new.provinces)):
            changes.append(Change(article.id, old, new, dropped(before, gazetteer, article)))
    return {"main": main, "sets": sets, "changes": changes, "articles": len(articles)}


def report(result: dict[str, Any]) -> str:
    main, sets, changes = result["main"], result["sets"], result["changes"]
    lines = [
        f"{result['articles']} articles; with a main province: "
        f"{sum(main['before'].values())} -> {sum(main['after'].values())}; "
        f"province attributions (set entries): "
        f"{sum(sets['before'].values())} -> {sum(sets['after'].values())}",
        f"articles whose main province or province set changes: {len(changes)}",
        "",
        "per province (main before -> after; set before -> after), changed rows only:",
    ]
    for province in sorted(set(sets["before"]) | set(sets["after"])):
        m0, m1 = main["before"][province], main["after"][province]
        s0, s1 = sets["before"][province], sets["after"][province]
        if (m0, s0) != (m1, s1):
            lines.append(f"  {province:<14} main {m0} -> {m1}; set {s0} -> {s1}")
    lines.append("")
    for change in changes:
        lines.append(
            f"{change.id}: {change.before.province} {list(change.before.provinces)} -> "
            f"{change.after.province} {list(change.after.provinces)}"
        )
        lines.extend(f"    {d}" for d in change.dropped)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--file",
        default="bhxh_articles.jsonl",
        help="other_articles_random1500.jsonl: the same news corpus on every other topic",
    )
    parser.add_argument("--json", action="store_true", help="ids and provinces only, as JSON")
    parser.add_argument(
        "--mentions", action="store_true", help="every dropped mention, changed or not"
    )
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.load(REPO / "config" / "provinces.yaml")
    articles = load(args.shared, args.file)
    if args.mentions:
        before = without_namesakes(gazetteer)
        every = [(a.id, d) for a in articles for d in dropped(before, gazetteer, a)]
        print(f"{len(every)} mentions dropped in {len({i for i, _ in every})} articles")
        print("\n".join(f"{i}: {d}" for i, d in every))
        return 0
    result = compare(articles, gazetteer)
    if args.json:
        summary = {
            "articles": result["articles"],
            "main": {k: dict(v) for k, v in result["main"].items()},
            "sets": {k: dict(v) for k, v in result["sets"].items()},
            "changes": [
                {
                    "id": c.id,
                    "before": [c.before.province, list(c.before.provinces)],
                    "after": [c.after.province, list(c.after.provinces)],
                }
                for c in result["changes"]
            ],
        }
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
