"""Flagger speed per core on 1,000-word articles and on SMS-length texts, and training time.

Usage:
    .venv/bin/python benchmarks/classifier_bench.py [--articles 300] [--words 1000]
        [--sms 3000] [--json out.json]

Texts are built from the project's own written examples (no ../shared text needed): articles by
joining press bodies to the wanted length, SMS-length texts from the written SMS and comments.
One process, so one core. Each measure is run five times and the fastest run kept: the first
also warms the per-word caches of the reader and of the model's tf-idf rows, and a virtual
host's speed swings by 10–20% from run to run, CPU time as much as wall time. Targets: >= 40
articles/s per core (aim 100) and >= 1,000 SMS-length texts/s per core; training on the shipped
data < 60 s; a hostile text of 40,000 characters (`HOSTILE`) assessed in < 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from classifier.claims import KnownClaims
from classifier.examples import LabelledExample, load_shipped
from classifier.facts import OfficialFacts
from classifier.flagger import Flagger, Thresholds
from classifier.links import Channels
from classifier.training import train
from classifier.types import ArticleText

ROOT = Path(__file__).resolve().parents[1]


def make_articles(examples: list[LabelledExample], n: int, words: int) -> list[ArticleText]:
    rng = random.Random(1)
    press = [e for e in examples if e.register == "press"]
    articles = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(press).text)
        body = " ".join(" ".join(parts).split()[:words])
        articles.append(ArticleText(title=rng.choice(press).title, text=body))
    return articles


def make_short(examples: list[LabelledExample], n: int) -> list[ArticleText]:
    rng = random.Random(2)
    short = [e for e in examples if e.register in ("sms", "comment")]
    return [ArticleText(title="", text=rng.choice(short).text) for _ in range(n)]


# A hostile page's text in each shape that once made a step quadratic: one whitespace-free "word"
# of 40,000 characters (dots, digits, glued links, codes, masked numbers, merchant descriptors),
# and 400 words of 360 characters each.
_HOSTILE_UNITS = ("a.b.", "12.", "O9O1", "nh4n<a.co>", "(AB12.3)", "AMZ*ab.com", "B.H.X.H", "xx12")
HOSTILE = (*(u * (40_000 // len(u)) for u in _HOSTILE_UNITS), " ".join(["h0tr0." * 60] * 400))


def slowest_hostile(flagger: Flagger) -> float:
    """Seconds for the slowest hostile text, each assessed alone."""
    slowest = 0.0
    for text in HOSTILE:
        start = time.perf_counter()
        flagger.assess(ArticleText(title="", text=text))
        slowest = max(slowest, time.perf_counter() - start)
    return slowest


def rate(flagger: Flagger, texts: list[ArticleText], batch: int = 50) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for i in range(0, len(texts), batch):
            flagger.assess_many(texts[i : i + batch])
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--sms", type=int, default=3000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    examples = load_shipped()
    start = time.perf_counter()
    model = train(examples)
    train_s = time.perf_counter() - start
    flagger = Flagger(
        model,
        KnownClaims.load(ROOT / "config" / "known_claims.yaml"),
        OfficialFacts.load(ROOT / "config" / "official_facts.yaml"),
        Channels.load(ROOT / "config" / "channels.yaml"),
        Thresholds(),
    )
    articles = make_articles(examples, args.articles, args.words)
    short = make_short(examples, args.sms)
    flagger.assess_many(articles[:2] + short[:2])  # load the sentence splitter
    result = {
        "articles_per_s": round(rate(flagger, articles), 1),
        "words_per_article": args.words,
        "sms_length_texts_per_s": round(rate(flagger, short), 1),
        "slowest_hostile_text_s": round(slowest_hostile(flagger), 2),
        "mean_words_short": round(sum(len(a.text.split()) for a in short) / len(short), 1),
        "train_examples": len(examples),
        "train_seconds": round(train_s, 1),
        "targets": {
            "articles_per_s": 40,
            "sms_per_s": 1000,
            "train_seconds": 60,
            "slowest_hostile_text_s": 2,
        },
    }
    for key, value in result.items():
        if key != "targets":
            print(f"{key:28} {value!s:>10}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
