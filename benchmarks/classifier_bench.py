"""Classifier speed: articles/s per core for ~1,000-word articles, and training time.

Usage:
    .venv/bin/python benchmarks/classifier_bench.py [--articles 200] [--words 1000]
        [--train-docs 10000] [--json out.json]

Articles are built from the project's own synthetic examples, repeated and shuffled to the wanted
length (no ../shared text needed). In the same run it times underthesea `word_tokenize` alone on
the same full texts, so the ratio is meaningful on a busy machine. Single process = one core.
Targets: >= 40 articles/s per core; training on 10,000 documents < 60 s.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from underthesea import word_tokenize

from classifier.examples import LabelledExample, load_shipped
from classifier.flagger import Flagger, Thresholds
from classifier.model import save
from classifier.training import train
from classifier.types import ArticleText

ROOT = Path(__file__).resolve().parents[1]


def make_articles(
    examples: list[LabelledExample], n: int, words: int, seed: int = 1
) -> list[ArticleText]:
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(examples).text)
        body = " ".join(" ".join(parts).split()[:words])
        articles.append(ArticleText(title=rng.choice(examples).title, text=body))
    return articles


def bench_interleaved(
    flagger: Flagger, articles: list[ArticleText], batch: int
) -> tuple[float, float]:
    """Seconds for the flagger and for bare word_tokenize, batch by batch in turn.

    Interleaving keeps the ratio fair when other processes load the machine unevenly.
    """
    assess_s = tokenize_s = 0.0
    for i in range(0, len(articles), batch):
        chunk = articles[i : i + batch]
        start = time.perf_counter()
        for a in chunk:
            word_tokenize(f"{a.title}. {a.text}")
        tokenize_s += time.perf_counter() - start
        start = time.perf_counter()
        flagger.assess_many(chunk)
        assess_s += time.perf_counter() - start
    return assess_s, tokenize_s


def bench_training(examples: list[LabelledExample], n_docs: int) -> tuple[float, float, int]:
    rng = random.Random(2)
    docs = []
    while len(docs) < n_docs:
        e = rng.choice(examples)
        # Vary the slot-filled text a little so documents are not byte-identical repeats.
        words = e.text.split()
        rng.shuffle(words[len(words) // 2 :])
        docs.append(LabelledExample(text=" ".join(words), title=e.title, label=e.label))
    start = time.perf_counter()
    for d in docs:  # the segmentation share of training, timed on the same texts
        word_tokenize(f"{d.title}. {d.text}")
    segment_s = time.perf_counter() - start
    start = time.perf_counter()
    train(docs)
    mean_words = sum(len(d.text.split()) for d in docs) // len(docs)
    return time.perf_counter() - start, segment_s, mean_words


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--train-docs", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    examples = load_shipped()
    with tempfile.TemporaryDirectory() as tmp:
        model_path = Path(tmp) / "m.skops"
        save(train(examples), model_path)
        flagger = Flagger.from_files(
            model_path,
            ROOT / "config" / "known_claims.yaml",
            ROOT / "config" / "official_facts.yaml",
            Thresholds(),
        )
    articles = make_articles(examples, args.articles, args.words)
    flagger.assess_many(articles[:2])  # load the CRF model and warm caches
    word_tokenize("khởi động")

    assess_s, tokenize_s = bench_interleaved(flagger, articles, args.batch)
    train_s, train_segment_s, train_words = (
        bench_training(examples, args.train_docs) if args.train_docs else (0.0, 0.0, 0)
    )

    result = {
        "articles": len(articles),
        "words_per_article": args.words,
        "flagger_articles_per_s": round(len(articles) / assess_s, 1),
        "flagger_ms_per_article": round(1000 * assess_s / len(articles), 1),
        "word_tokenize_articles_per_s": round(len(articles) / tokenize_s, 1),
        "word_tokenize_ms_per_article": round(1000 * tokenize_s / len(articles), 1),
        "speed_ratio_flagger_over_word_tokenize": round(tokenize_s / assess_s, 2),
        "train_docs": args.train_docs,
        "train_mean_words": train_words,
        "train_seconds": round(train_s, 1),
        "train_word_tokenize_seconds": round(train_segment_s, 1),
        "targets": {"articles_per_s_per_core": 40, "train_seconds": 60},
    }
    print(f"{'measure':42} {'value':>10}")
    for key, value in result.items():
        if key != "targets":
            print(f"{key:42} {value!s:>10}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
