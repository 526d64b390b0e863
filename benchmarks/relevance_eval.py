"""Precision / recall of the relevance rules on the VietNews BHXH subset in ../shared.

Also times province attribution (vntext.provinces) over the same articles.

    .venv/bin/python benchmarks/relevance_eval.py [--shared ../shared] [--json] [--disagreements N]

Two label sets, printed side by side:
- proxy: the subset's own "strong" flag (a term in title/abstract, or >= 3 term matches) vs the
  1,500 random articles with no term at all. These labels come from term positions, like the rules
  themselves, so agreement with them is partly circular; articles mentioning a term only in
  passing (790) are left out of the proxy score and reported separately.
- hand: HAND_LABELS below, judged by reading title, abstract and the term contexts of stratified
  random samples (ids only; no text from ../shared is stored here).

What the hand labels showed: 54 of the 180 hand-labelled articles disagree with the proxy; the
rules were right on 47. The proxy's ">= 3 terms" articles are mostly off-topic (18 of 60 on
topic): "BHXH, BHYT, BHTN" listed once in a wage, bonus or labour-dispute story is three matches;
"cán bộ hưu trí" is a group of people; foreign pension and health-insurance systems. The rules'
own misses: policy round-ups ("quy định có hiệu lực từ tháng ...") with one BHXH item mid-body,
long health-system articles whose many BHYT mentions are diluted by length, "Bảo hiểm" alone
naming the agency in a title, and a reader's letter about a low pension.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from classifier.relevance import RelevanceModel  # noqa: E402
from vntext.provinces import Gazetteer  # noqa: E402

DATASET = Path("data/raw/vietnews-bhxh")

# Article ids judged on-topic or not by reading title, abstract and every term in context.
# "On-topic": about Vietnamese social / health / unemployment insurance or pensions (policy,
# benefits, contributions and debts, fraud, the BHXH agency). Not on-topic: the terms used in
# passing (a BHYT card in a crime story, "BHXH, BHYT, BHTN" listed in a wage story), retirees as
# a group ("cán bộ hưu trí"), foreign pension or health-insurance systems.
# TUNING: 105 articles, 35 drawn at random from each stratum (term in title/abstract; >= 3 terms;
# passing mention); the rules were adjusted while reading them.
TUNING_ON_TOPIC = """
    test/013837 test/019220 test/019456 train/016121 train/016338 train/019976 train/061226
    train/061752 train/061893 train/062669 train/063056 train/065184 train/065216 train/066577
    train/066716 train/068946 train/074266 train/079001 train/089375 train/089861 train/090564
    train/090628 train/091562 train/091799 train/092102 train/093737 train/093858 train/096580
    train/098784 train/101178 train/102120 train/102411 train/102738 train/103574 train/103732
    train/104768 train/105274 val/013436 val/015566 val/019863 val/021502 val/021631 val/022479
""".split()
TUNING_OFF_TOPIC = """
    test/004076 test/005079 test/014524 test/016158 test/016742 test/017259 test/019057
    train/001592 train/002263 train/004820 train/009732 train/012100 train/012201 train/015939
    train/016345 train/016626 train/017435 train/018944 train/023299 train/025138 train/025833
    train/027755 train/030520 train/041652 train/042766 train/042817 train/043033 train/056693
    train/060494 train/065890 train/068177 train/069891 train/072505 train/073548 train/076252
    train/078154 train/080241 train/081087 train/082121 train/082148 train/083485 train/083551
    train/084873 train/089619 train/090643 train/091195 train/092567 train/093061 train/100223
    train/101517 train/102376 train/104336 train/105230 val/001487 val/002353 val/002438
    val/004297 val/009283 val/018355 val/021737 val/022217 val/022220
""".split()
# HELD_OUT: 75 more (25 per stratum, seed 424242), labelled after the rules were frozen.
HELD_OUT_ON_TOPIC = """
    test/000533 test/004290 test/014744 test/019617 train/010208 train/010984 train/014514
    train/017225 train/019509 train/060591 train/063113 train/064102 train/064131 train/068481
    train/072840 train/074592 train/076600 train/088711 train/088739 train/089541 train/095668
    train/095809 train/097651 train/099089 train/101037 train/102257 train/102798 val/003802
    val/014565 val/017143 val/020127 val/020648
""".split()
HELD_OUT_OFF_TOPIC = """
    test/003695 test/003714 test/004555 test/004871 test/005989 test/012976 test/013176
    test/016437 test/021702 train/002502 train/004234 train/014116 train/014241 train/017139
    train/017840 train/021405 train/024593 train/027171 train/031494 train/037218 train/037681
    train/040527 train/054487 train/061047 train/061847 train/061991 train/062555 train/065607
    train/067853 train/071629 train/074885 train/086196 train/090071 train/096636 train/097796
    train/100596 val/004118 val/012519 val/015147 val/018232 val/021226 val/021680 val/022467
""".split()
HAND_TUNING = {**dict.fromkeys(TUNING_ON_TOPIC, True), **dict.fromkeys(TUNING_OFF_TOPIC, False)}
HAND_HELD_OUT = {
    **dict.fromkeys(HELD_OUT_ON_TOPIC, True),
    **dict.fromkeys(HELD_OUT_OFF_TOPIC, False),
}
HAND_LABELS = {**HAND_TUNING, **HAND_HELD_OUT}
# Stratum sizes in the subset, to weight the stratified samples back to the 1,277 articles.
STRATA = {"title_or_abstract": 308, "three_or_more": 179, "passing": 790}


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str  # abstract + body, as the crawler would hand it over (lead first)
    proxy: str  # "strong" | "passing" | "none"
    stratum: str  # a STRATA key, or "none"


def load(shared: Path) -> list[Article]:
    folder = shared / DATASET
    articles = []
    for name, mentions in (
        ("bhxh_articles.jsonl", True),
        ("other_articles_random1500.jsonl", False),
    ):
        with (folder / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if not mentions:
                    stratum = "none"
                elif row["term_in_title_or_abstract"]:
                    stratum = "title_or_abstract"
                else:
                    stratum = "three_or_more" if row["n_term_matches"] >= 3 else "passing"
                proxy = {"none": "none", "passing": "passing"}.get(stratum, "strong")
                text = row["abstract"] + "\n" + row["body"]
                articles.append(Article(row["id"], row["title"], text, proxy, stratum))
    return articles


@dataclass(frozen=True)
class Scores:
    tp: float
    fp: float
    fn: float
    tn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def score(pairs: Iterable[tuple[bool, bool]], weights: Iterable[float] | None = None) -> Scores:
    cells = {"tp": 0.0, "fp": 0.0, "fn": 0.0, "tn": 0.0}
    for (truth, predicted), weight in zip(pairs, weights or iter(lambda: 1.0, None), strict=False):
        cell = ("tp" if predicted else "fn") if truth else ("fp" if predicted else "tn")
        cells[cell] += weight
    return Scores(**{k: round(v, 1) for k, v in cells.items()})


def evaluate(model: RelevanceModel, articles: list[Article]) -> dict[str, Any]:
    predicted: dict[str, bool] = {}
    elapsed: dict[str, float] = {"none": 0.0, "mentions": 0.0}
    for article in articles:
        started = time.process_time()  # CPU time: other processes on the machine do not count
        predicted[article.id] = model.assess(article.title, article.text).relevant
        elapsed["none" if article.stratum == "none" else "mentions"] += (
            time.process_time() - started
        )
    counts = {"none": sum(a.stratum == "none" for a in articles)}
    counts["mentions"] = len(articles) - counts["none"]
    proxy = score((a.proxy == "strong", predicted[a.id]) for a in articles if a.proxy != "passing")
    passing = [a for a in articles if a.proxy == "passing"]

    def hand(labels: dict[str, bool], weighted: bool = False) -> dict[str, float]:
        chosen = [a for a in articles if a.id in labels]
        drawn = {s: sum(a.stratum == s for a in chosen) for s in STRATA}
        weights = [STRATA[a.stratum] / drawn[a.stratum] for a in chosen] if weighted else None
        return score(((labels[a.id], predicted[a.id]) for a in chosen), weights).as_dict()

    return {
        "articles": len(articles),
        "ms_per_article_with_terms": round(
            1000 * elapsed["mentions"] / max(counts["mentions"], 1), 3
        ),
        "ms_per_article_without_terms": round(1000 * elapsed["none"] / max(counts["none"], 1), 3),
        "proxy_strong_vs_random": proxy.as_dict(),
        "passing_mentions_flagged_relevant": f"{sum(predicted[a.id] for a in passing)}"
        f"/{len(passing)}",
        "hand_held_out": hand(HAND_HELD_OUT),
        "hand_held_out_weighted_to_subset": hand(HAND_HELD_OUT, weighted=True),
        "hand_tuning": hand(HAND_TUNING),
        "hand_all": hand(HAND_LABELS),
    }


def time_attribution(gazetteer: Gazetteer, articles: list[Article]) -> float:
    """CPU ms per article to attribute a national article to provinces (title + whole text)."""
    started = time.process_time()
    for article in articles:
        gazetteer.attribute(article.title, article.text, "national", None)
    return round(1000 * (time.process_time() - started) / max(len(articles), 1), 3)


def disagreements(
    model: RelevanceModel, articles: list[Article], n: int, seed: int
) -> list[dict[str, object]]:
    wrong = []
    for article in articles:
        result = model.assess(article.title, article.text)
        if article.proxy != "none" and result.relevant != (article.proxy == "strong"):
            wrong.append(
                {
                    "id": article.id,
                    "proxy": article.proxy,
                    "predicted": result.relevant,
                    "score": result.score,
                    "title": article.title,
                    "reasons": list(result.reasons[:6]),
                }
            )
    random.Random(seed).shuffle(wrong)
    return wrong[:n]


def _table(name: str, s: dict[str, float]) -> str:
    return (
        f"{name:<34} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}   "
        f"confusion: TP={s['tp']} FP={s['fp']} FN={s['fn']} TN={s['tn']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--topics", type=Path, default=REPO / "config" / "topics.yaml")
    parser.add_argument("--provinces", type=Path, default=REPO / "config" / "provinces.yaml")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--disagreements", type=int, default=0, help="show N proxy disagreements")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not (args.shared / DATASET).is_dir():
        print(f"no dataset at {args.shared / DATASET}", file=sys.stderr)
        return 2
    model = RelevanceModel.from_yaml(args.topics)
    articles = load(args.shared)
    result = evaluate(model, articles)
    gazetteer = Gazetteer.load(args.provinces)
    result["attribution_ms_per_article"] = time_attribution(gazetteer, articles)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(
            f"{result['articles']} articles; ms/article: "
            f"{result['ms_per_article_with_terms']} with a term, "
            f"{result['ms_per_article_without_terms']} without (CPU time, rules only)"
        )
        print(_table("proxy: strong vs random", result["proxy_strong_vs_random"]))
        print(f"{'proxy: passing → relevant':<34} {result['passing_mentions_flagged_relevant']}")
        print(_table(f"hand, held-out (n={len(HAND_HELD_OUT)})", result["hand_held_out"]))
        print(_table("hand, held-out, weighted", result["hand_held_out_weighted_to_subset"]))
        print(_table(f"hand, tuning (n={len(HAND_TUNING)})", result["hand_tuning"]))
        print(_table(f"hand, all (n={len(HAND_LABELS)})", result["hand_all"]))
        print(f"province attribution: {result['attribution_ms_per_article']} ms/article (CPU time)")
    for row in disagreements(model, articles, args.disagreements, args.seed):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
