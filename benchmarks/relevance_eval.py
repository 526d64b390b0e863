"""Precision / recall of the relevance rules on the VietNews BHXH subset in ../shared.

    .venv/bin/python benchmarks/relevance_eval.py [--shared ../shared] [--json] [--disagreements N]

Two label sets, printed side by side:
- proxy: the subset's own "strong" flag (a term in title/abstract, or >= 3 term matches) vs the
  1,500 random articles with no term at all. These labels come from term positions, like the rules
  themselves, so agreement with them is partly circular; articles mentioning a term only in
  passing (790) are left out of the proxy score and reported separately.
- hand: HAND_LABELS below, judged by reading title, abstract and the term contexts of a random
  sample plus the proxy disagreements (ids only; no text from ../shared is stored here).
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from classifier.relevance import RelevanceModel  # noqa: E402

DATASET = Path("data/raw/vietnews-bhxh")

# id -> on-topic (True) or not, judged by reading title, abstract and every term in context.
# "On-topic": about Vietnamese social / health / unemployment insurance or pensions (policy,
# benefits, contributions and debts, fraud, the BHXH agency). Not on-topic: the terms used in
# passing (a BHYT card in a crime story, "BHXH, BHYT, BHTN" listed in a wage story), retirees as
# a group ("cán bộ hưu trí"), foreign pension or health-insurance systems.
# TUNING: 105 articles, 35 drawn at random from each stratum (term in title/abstract; >= 3 terms;
# passing mention); the rules were adjusted while reading them.
HAND_TUNING: dict[str, bool] = {
    "test/004076": False, "test/005079": False, "test/013837": True, "test/014524": False,
    "test/016158": False, "test/016742": False, "test/017259": False, "test/019057": False,
    "test/019220": True, "test/019456": True, "train/001592": False, "train/002263": False,
    "train/004820": False, "train/009732": False, "train/012100": False, "train/012201": False,
    "train/015939": False, "train/016121": True, "train/016338": True, "train/016345": False,
    "train/016626": False, "train/017435": False, "train/018944": False, "train/019976": True,
    "train/023299": False, "train/025138": False, "train/025833": False, "train/027755": False,
    "train/030520": False, "train/041652": False, "train/042766": False, "train/042817": False,
    "train/043033": False, "train/056693": False, "train/060494": False, "train/061226": True,
    "train/061752": True, "train/061893": True, "train/062669": True, "train/063056": True,
    "train/065184": True, "train/065216": True, "train/065890": False, "train/066577": True,
    "train/066716": True, "train/068177": False, "train/068946": True, "train/069891": False,
    "train/072505": False, "train/073548": False, "train/074266": True, "train/076252": False,
    "train/078154": False, "train/079001": True, "train/080241": False, "train/081087": False,
    "train/082121": False, "train/082148": False, "train/083485": False, "train/083551": False,
    "train/084873": False, "train/089375": True, "train/089619": False, "train/089861": True,
    "train/090564": True, "train/090628": True, "train/090643": False, "train/091195": False,
    "train/091562": True, "train/091799": True, "train/092102": True, "train/092567": False,
    "train/093061": False, "train/093737": True, "train/093858": True, "train/096580": True,
    "train/098784": True, "train/100223": False, "train/101178": True, "train/101517": False,
    "train/102120": True, "train/102376": False, "train/102411": True, "train/102738": True,
    "train/103574": True, "train/103732": True, "train/104336": False, "train/104768": True,
    "train/105230": False, "train/105274": True, "val/001487": False, "val/002353": False,
    "val/002438": False, "val/004297": False, "val/009283": False, "val/013436": True, "val/015566": True,
    "val/018355": False, "val/019863": True, "val/021502": True, "val/021631": True, "val/021737": False,
    "val/022217": False, "val/022220": False, "val/022479": True,
}
# HELD_OUT: 75 more (25 per stratum, seed 424242), labelled after the rules were frozen.
HAND_HELD_OUT: dict[str, bool] = {
    "test/000533": True, "test/003695": False, "test/003714": False, "test/004290": True,
    "test/004555": False, "test/004871": False, "test/005989": False, "test/012976": False,
    "test/013176": False, "test/014744": True, "test/016437": False, "test/019617": True,
    "test/021702": False, "train/002502": False, "train/004234": False, "train/010208": True,
    "train/010984": True, "train/014116": False, "train/014241": False, "train/014514": True,
    "train/017139": False, "train/017225": True, "train/017840": False, "train/019509": True,
    "train/021405": False, "train/024593": False, "train/027171": False, "train/031494": False,
    "train/037218": False, "train/037681": False, "train/040527": False, "train/054487": False,
    "train/060591": True, "train/061047": False, "train/061847": False, "train/061991": False,
    "train/062555": False, "train/063113": True, "train/064102": True, "train/064131": True,
    "train/065607": False, "train/067853": False, "train/068481": True, "train/071629": False,
    "train/072840": True, "train/074592": True, "train/074885": False, "train/076600": True,
    "train/086196": False, "train/088711": True, "train/088739": True, "train/089541": True,
    "train/090071": False, "train/095668": True, "train/095809": True, "train/096636": False,
    "train/097651": True, "train/097796": False, "train/099089": True, "train/100596": False,
    "train/101037": True, "train/102257": True, "train/102798": True, "val/003802": True,
    "val/004118": False, "val/012519": False, "val/014565": True, "val/015147": False, "val/017143": True,
    "val/018232": False, "val/020127": True, "val/020648": True, "val/021226": False, "val/021680": False,
    "val/022467": False,
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
    for name, mentions in (("bhxh_articles.jsonl", True), ("other_articles_random1500.jsonl", False)):
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
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score(pairs: Iterable[tuple[bool, bool]], weights: Iterable[float] | None = None) -> Scores:
    cells = {"tp": 0.0, "fp": 0.0, "fn": 0.0, "tn": 0.0}
    for (truth, predicted), weight in zip(pairs, weights or iter(lambda: 1.0, None)):
        cell = ("tp" if predicted else "fn") if truth else ("fp" if predicted else "tn")
        cells[cell] += weight
    return Scores(**{k: round(v, 1) for k, v in cells.items()})


def evaluate(model: RelevanceModel, articles: list[Article]) -> dict[str, object]:
    predicted: dict[str, bool] = {}
    elapsed: dict[str, float] = {"none": 0.0, "mentions": 0.0}
    for article in articles:
        started = time.process_time()  # CPU time: other processes on the machine do not count
        predicted[article.id] = model.assess(article.title, article.text).relevant
        elapsed["none" if article.stratum == "none" else "mentions"] += time.process_time() - started
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
        "ms_per_article_with_terms": round(1000 * elapsed["mentions"] / max(counts["mentions"], 1), 3),
        "ms_per_article_without_terms": round(1000 * elapsed["none"] / max(counts["none"], 1), 3),
        "proxy_strong_vs_random": proxy.as_dict(),
        "passing_mentions_flagged_relevant": f"{sum(predicted[a.id] for a in passing)}/{len(passing)}",
        "hand_held_out": hand(HAND_HELD_OUT),
        "hand_held_out_weighted_to_subset": hand(HAND_HELD_OUT, weighted=True),
        "hand_tuning": hand(HAND_TUNING),
        "hand_all": hand(HAND_LABELS),
    }


def disagreements(model: RelevanceModel, articles: list[Article], n: int, seed: int) -> list[dict[str, object]]:
    wrong = []
    for article in articles:
        result = model.assess(article.title, article.text)
        if article.proxy != "none" and result.relevant != (article.proxy == "strong"):
            wrong.append({"id": article.id, "proxy": article.proxy, "predicted": result.relevant,
                          "score": result.score, "title": article.title, "reasons": list(result.reasons[:6])})
    random.Random(seed).shuffle(wrong)
    return wrong[:n]


def _table(name: str, s: dict[str, float]) -> str:
    return (f"{name:<34} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}   "
            f"confusion: TP={s['tp']} FP={s['fp']} FN={s['fn']} TN={s['tn']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--topics", type=Path, default=REPO / "config" / "topics.yaml")
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
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{result['articles']} articles; ms/article: {result['ms_per_article_with_terms']} with a term, "
              f"{result['ms_per_article_without_terms']} without (CPU time, rules only)")
        print(_table("proxy: strong vs random", result["proxy_strong_vs_random"]))
        print(f"{'proxy: passing → relevant':<34} {result['passing_mentions_flagged_relevant']}")
        print(_table(f"hand, held-out (n={len(HAND_HELD_OUT)})", result["hand_held_out"]))
        print(_table("hand, held-out, weighted", result["hand_held_out_weighted_to_subset"]))
        print(_table(f"hand, tuning (n={len(HAND_TUNING)})", result["hand_tuning"]))
        print(_table(f"hand, all (n={len(HAND_LABELS)})", result["hand_all"]))
    for row in disagreements(model, articles, args.disagreements, args.seed):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
