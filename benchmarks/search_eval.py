"""Do everyday queries find what their writer meant, typed with diacritics or bare? Real articles.

    .venv/bin/python benchmarks/search_eval.py [--shared ../shared] [--top 10] [--json]

Every article of the real VietNews BHXH subset in ../shared (its BHXH file and its random
articles, read at run time, never copied) goes into a throw-away SQLite archive searching with
config/synonyms.yaml, as pressmon's does. Each query below is written as meant, with its
diacritics, and searched five ways: as written, as people type it on a phone, without the
diacritics (folded), with the last word that has diacritics typed without them (`tăng lương
huu`), and both ways again with the first word moved last (`tự nguyện BHXH` for `BHXH tự
nguyện`), as if typed in another order than the text's. A hit is "meant"
when its title or text holds one of the meant phrases, word by word (case, composition and
punctuation aside), with any synonym form in it written as any form of its group (`sổ BHXH` is
also `sổ bảo hiểm xã hội`). Printed per query and form: how many articles are meant at all, how
many match, and how many of the top N hits by relevance are meant. The queries are the
Center's everyday words, written for this benchmark; none was chosen after seeing its result.
Some bare queries have other readings the writer did not mean (`no dong` is also "nợ đọng"):
those hits count as not meant, as they are for the person who typed it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import product
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.sqlite_backend import SQLiteArchive  # noqa: E402
from index.synonyms import Synonyms  # noqa: E402
from index.text import fold, words  # noqa: E402
from index.types import Document, Query  # noqa: E402
from vntext.normalize import normalize_spelling  # noqa: E402

DATASET = Path("data/raw/vietnews-bhxh")


@dataclass(frozen=True)
class MeantQuery:
    """A query as meant (its first phrase, with diacritics) and every phrase that meets it, each
    also in the other forms of its synonyms (`spellings`)."""

    meant: tuple[str, ...]

    @property
    def bare(self) -> str:
        return fold(self.meant[0])

    @property
    def partly_bare(self) -> str:
        """The meant words with the last that has diacritics typed without them (`tăng lương huu`,
        `so BHXH`): a stand-in for a query where one word lost its diacritics."""
        words = self.meant[0].split()
        last = max(i for i, w in enumerate(words) if fold(w) != w.lower())
        return " ".join([*words[:last], fold(words[last]), *words[last + 1 :]])

    @property
    def reordered(self) -> str:
        """The meant words with the first moved last (`tự nguyện BHXH` for `BHXH tự nguyện`):
        a mechanical stand-in for a query typed in another order than the text's."""
        first, *rest = self.meant[0].split()
        return " ".join([*rest, first])


QUERIES = (
    MeantQuery(("sổ BHXH", "số BHXH")),
    MeantQuery(("lương hưu",)),
    MeantQuery(("thẻ BHYT",)),
    MeantQuery(("trợ cấp thất nghiệp",)),
    MeantQuery(("mức đóng",)),
    MeantQuery(("nợ đóng",)),
    MeantQuery(("chậm đóng",)),
    MeantQuery(("tăng lương hưu",)),
    MeantQuery(("tuổi nghỉ hưu",)),
    MeantQuery(("khám chữa bệnh",)),
    MeantQuery(("chế độ thai sản",)),
    MeantQuery(("BHXH tự nguyện",)),
    MeantQuery(("BHXH một lần",)),
    MeantQuery(("đóng BHXH",)),
    MeantQuery(("hộ nghèo",)),
)


def read_articles(shared: Path) -> Iterator[Document]:
    """The subset's articles as archive documents (title, abstract and body as the text)."""
    start = datetime(2019, 1, 1, tzinfo=UTC)
    for path in sorted((shared / DATASET).glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                row = json.loads(line)
                published = start + timedelta(hours=i)
                yield Document(
                    id=f"{path.stem}-{i}",
                    url=f"https://bao.example.vn/{path.stem}/{i}",
                    canonical_url=f"https://bao.example.vn/{path.stem}/{i}",
                    outlet="bao_mau",
                    outlet_name="Báo Mẫu",
                    kind="national",
                    title=normalize_spelling(row["title"]),
                    body=normalize_spelling(f"{row['abstract']}\n\n{row['body']}"),
                    published_at=published,
                    crawled_at=published,
                )


def _words(text: str) -> list[str]:
    return [w.lower() for w in words(normalize_spelling(text))]


def spellings(phrase: str, synonyms: Synonyms) -> set[str]:
    """`phrase`, space-padded, with each synonym form in it written as every form of its group."""
    run = _words(phrase)
    parts = []
    i = 0
    while i < len(run):
        size = synonyms.form_at(run, i) or 1
        parts.append(synonyms.alternatives(tuple(run[i : i + size])))
        i += size
    return {f" {' '.join(w for part in chosen for w in part)} " for chosen in product(*parts)}


def words_of(document: Document) -> str:
    """The document's title and text as space-padded lower-case words, as `spellings` gives."""
    return " ".join(["", *_words(document.title), *_words(document.body), ""])


def holds(text: str, meant: set[str]) -> bool:
    """Whether `text` (`words_of` a document) holds one of the `meant` spellings."""
    return any(phrase in text for phrase in meant)


def is_meant(document: Document, meant: set[str]) -> bool:
    return holds(words_of(document), meant)


FORMS = ("with diacritics", "bare", "one word bare", "other order", "other order, bare")


def evaluate(
    archive: SQLiteArchive, documents: list[Document], synonyms: Synonyms, top: int
) -> list[dict]:
    rows = []
    texts = [words_of(d) for d in documents]  # once, not once per query
    for query in QUERIES:
        meant = {s for phrase in query.meant for s in spellings(phrase, synonyms)}
        meant_articles = sum(holds(text, meant) for text in texts)
        typings = (
            query.meant[0],
            query.bare,
            query.partly_bare,
            query.reordered,
            fold(query.reordered),
        )
        for form, typed in zip(FORMS, typings, strict=True):
            page = archive.search(Query(text=typed, page_size=top))
            rows.append(
                {
                    "form": form,
                    "typed": typed,
                    "meant_articles": meant_articles,
                    "matches": page.total,
                    "top": len(page.hits),
                    "top_meant": sum(is_meant(hit.document, meant) for hit in page.hits),
                    "best_possible": min(len(page.hits), meant_articles),
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO / "../shared")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not (args.shared / DATASET).is_dir():
        sys.exit(f"{args.shared / DATASET} not found: this benchmark needs ../shared")
    synonyms = Synonyms.from_forms(
        yaml.safe_load((REPO / "config/synonyms.yaml").read_text(encoding="utf-8"))["synonyms"]
    )
    documents = list(read_articles(args.shared))
    with tempfile.TemporaryDirectory() as scratch:
        archive = SQLiteArchive(Path(scratch) / "eval.db", synonyms=synonyms, search_memo_pages=0)
        archive.upsert(documents)
        archive.refresh()
        rows = evaluate(archive, documents, synonyms, args.top)
        archive.close()
    totals = {
        form: {
            key: sum(r[key] for r in rows if r["form"] == form)
            for key in ("top_meant", "top", "best_possible")
        }
        for form in FORMS
    }
    if args.json:
        print(json.dumps({"queries": rows, "totals": totals}, ensure_ascii=False))
        return
    print(f"{len(documents):,} articles; top {args.top} hits by relevance of each query")
    print(f"{'typed':28} {'meant arts':>10} {'matches':>8} {'top meant':>10} {'at best':>8}")
    for r in rows:
        top_meant = f"{r['top_meant']}/{r['top']}"
        print(
            f"{r['typed']:28} {r['meant_articles']:>10,} {r['matches']:>8,} {top_meant:>10} "
            f"{r['best_possible']:>8}"
        )
    for form, total in totals.items():
        share = total["top_meant"] / max(total["top"], 1)
        print(
            f"typed {form}: {total['top_meant']} of {total['top']} top hits meant ({share:.0%}); "
            f"{total['best_possible']} at best"
        )


if __name__ == "__main__":
    main()
