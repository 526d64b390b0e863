"""Readers for the real evaluation corpora in the team's `../shared/data/raw`, by form.

Nothing here is shipped training data: these corpora are read from where they lie, for evaluation
and (with `pressmon train --extra`) research training. Each reader returns `EvalItem`s in every
form a user meets the text in: a press article as full text, as title + abstract (an RSS item, a
share, a search snippet), as title alone and as its body without the title (pasted from the page
below the headline), and a genuine article also as one sentence of its body; an SMS; a social
comment.

Labels: 1 = needs review (scam, fake news), 0 = ordinary content, None = no veracity label (an
advertising SMS, an offensive comment): reported as a share flagged, never scored.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from classifier.errors import TrainingDataError
from vntext.normalize import nfc
from vntext.segment import split_sentences

FORMS = ("full", "title+abstract", "title", "body", "sms", "comment", "post", "sentence")


@dataclass(frozen=True)
class EvalItem:
    """One text as a user meets it, with what is known about it."""

    title: str
    text: str
    label: int | None
    form: str
    corpus: str
    group: str  # items sharing a group (article, template, domain) stay on one side of a split
    kind: str = ""  # the corpus's own class: "ham", "spam", "offensive", "fake", "real"…
    key: str = ""  # stable id of the underlying text: "<corpus>:<row or article id>"


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: str  # under data/raw
    register: str  # press | sms | social | news
    reader: Callable[[Path], list[EvalItem]]
    note: str


_SPACED_PUNCT = re.compile(r" ([,.;:!?%)”])|([(“]) ")


def _despace(text: str) -> str:
    """VietNews keeps the tokeniser's spaces around punctuation ("BHXH , BHYT ."): undo them."""
    return _SPACED_PUNCT.sub(lambda m: m.group(1) or m.group(2), nfc(text)).strip()


def _press_forms(
    title: str, abstract: str, body: str, *, corpus: str, group: str, label: int | None, kind: str
) -> list[EvalItem]:
    full = f"{abstract}\n{body}".strip()
    key = f"{corpus}:{group.split(':', 1)[-1]}"
    return [
        EvalItem(title, full, label, "full", corpus, group, kind, key),
        EvalItem(title, abstract, label, "title+abstract", corpus, group, kind, key),
        EvalItem(title, "", label, "title", corpus, group, kind, key),
        EvalItem("", full, label, "body", corpus, group, kind, key),
    ]


# A sentence quoted alone is this long: shorter pieces are captions and datelines.
_QUOTED_SENTENCE = range(40, 301)


def _one_sentence(body: str, key: str) -> str | None:
    """One sentence of a genuine article's body, the same on every run: a sentence quoted alone
    (in a post, a search result, a reviewer's paste) is a form users meet. Only for genuine
    articles: one sentence of a false article need not be false."""
    sentences = [s for s in split_sentences(body) if len(s) in _QUOTED_SENTENCE]
    if not sentences:
        return None
    pick = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % len(sentences)
    return sentences[pick]


def _genuine_press_forms(
    title: str, abstract: str, body: str, *, corpus: str, group: str
) -> list[EvalItem]:
    items = _press_forms(title, abstract, body, corpus=corpus, group=group, label=0, kind="press")
    key = items[0].key
    sentence = _one_sentence(body, key)
    if sentence is not None:
        items.append(EvalItem("", sentence, 0, "sentence", corpus, group, "press", key))
    return items


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    except FileNotFoundError as err:
        raise TrainingDataError(f"Không có tệp kho ngữ liệu {str(path)!r}.") from err


def read_vietnews_bhxh(folder: Path) -> list[EvalItem]:
    """The 487 articles that are strongly about social insurance (term in title/abstract or ≥ 3)."""
    items: list[EvalItem] = []
    for row in _jsonl(folder / "bhxh_articles.jsonl"):
        if not (row["term_in_title_or_abstract"] or int(str(row["n_term_matches"])) >= 3):
            continue
        items += _genuine_press_forms(
            _despace(str(row["title"])),
            _despace(str(row["abstract"])),
            _despace(str(row["body"])),
            corpus="vietnews-bhxh",
            group=f"vietnews:{row['id']}",
        )
    return items


def read_vietnews_other(folder: Path) -> list[EvalItem]:
    """1,500 random articles of the same news corpus on every other topic."""
    items: list[EvalItem] = []
    for row in _jsonl(folder / "other_articles_random1500.jsonl"):
        items += _genuine_press_forms(
            _despace(str(row["title"])),
            _despace(str(row["abstract"])),
            _despace(str(row["body"])),
            corpus="vietnews-other",
            group=f"vietnews:{row['id']}",
        )
    return items


def read_binhvq(folder: Path) -> list[EvalItem]:
    """1,000 news titles (form title) and 1,000 single sentences of articles (form sentence)."""
    items: list[EvalItem] = []
    for name, form in (("demo-title.txt", "title"), ("demo-full.txt", "sentence")):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.strip():
                title, text = (
                    (nfc(line.strip()), "") if form == "title" else ("", nfc(line.strip()))
                )
                key = f"binhvq-news:{name}:{n}"
                items.append(EvalItem(title, text, 0, form, "binhvq-news", key, "press", key))
    return items


_RSS_ITEM = re.compile(r"<item>(.*?)</item>", re.S)
_RSS_FIELD = re.compile(r"<(title|description)>\s*(.*?)\s*</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def read_vnexpress_rss(folder: Path) -> list[EvalItem]:
    """Headlines with their one-sentence summary from a real VnExpress RSS file (2017)."""
    items: list[EvalItem] = []
    for path in sorted(folder.glob("*.xml")):
        for n, raw in enumerate(_RSS_ITEM.findall(path.read_text(encoding="utf-8"))):
            fields = dict(_RSS_FIELD.findall(raw))
            description = fields.get("description", "").replace("<![CDATA[", "").replace("]]>", "")
            title = nfc(unescape(_TAG.sub(" ", fields.get("title", ""))).strip())
            summary = nfc(" ".join(unescape(_TAG.sub(" ", description)).split()))
            group = f"vnexpress-rss:{path.name}:{n}"
            items.append(
                EvalItem(
                    title, summary, 0, "title+abstract", "vnexpress-rss", group, "press", group
                )
            )
            items.append(EvalItem(title, "", 0, "title", "vnexpress-rss", group, "press", group))
    return items


def _csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError as err:
        raise TrainingDataError(f"Không có tệp kho ngữ liệu {str(path)!r}.") from err


def read_vietsmishing(folder: Path) -> list[EvalItem]:
    """2,353 SMS from the collectors' phones (57 labelled smishing; labels are noisy)."""
    rows = _csv_rows(folder / "labeled_sms_data_phones.csv")
    return [
        EvalItem(
            "",
            nfc(r["content"]),
            int(float(r["label"])),
            "sms",
            "sms-vietsmishing",
            template_key(r["content"]),
            r.get("sender_type", ""),
            f"sms-vietsmishing:{n}",
        )
        for n, r in enumerate(rows)
    ]


def read_vietsmishing_reported(folder: Path) -> list[EvalItem]:
    """235 scam SMS reported by the public (213 labelled scam), heavily obfuscated."""
    rows = _csv_rows(folder / "reported_sms_other.csv")
    return [
        EvalItem(
            "",
            nfc(r["content"]),
            int(float(r["label"])),
            "sms",
            "sms-reported",
            template_key(r["content"]),
            r.get("sender_type", ""),
            f"sms-reported:{n}",
        )
        for n, r in enumerate(rows)
    ]


def read_vie_spam(folder: Path) -> list[EvalItem]:
    """6,599 SMS of about 2015: ham (chat, OTP and bank notices) and spam (advertising, not
    fraud)."""
    items = []
    lines = (folder / "corpus.txt").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        kind, _, text = line.partition("\t")
        if not text.strip():
            continue
        label = 0 if kind == "ham" else None
        items.append(
            EvalItem(
                "",
                nfc(text.strip()),
                label,
                "sms",
                "sms-vie-spam",
                template_key(text),
                kind,
                f"sms-vie-spam:{n}",
            )
        )
    return items


def read_lekhang(folder: Path) -> list[EvalItem]:
    """261 SMS of 2020–2022: ham (OTPs, vaccination, a BHXH notice) and spam (gambling, loans)."""
    items = []
    for name, kind, label in (("ham-vn.txt", "ham", 0), ("spam-vn.txt", "spam", None)):
        for n, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines()):
            if line.strip():
                text = nfc(line.strip())
                items.append(
                    EvalItem(
                        "",
                        text,
                        label,
                        "sms",
                        "sms-lekhang",
                        template_key(text),
                        kind,
                        f"sms-lekhang:{name}:{n}",
                    )
                )
    return items


_VIHSD_KIND = {"0": "clean", "1": "offensive", "2": "hate"}


def read_vihsd(folder: Path) -> list[EvalItem]:
    """33,400 Facebook/YouTube comments; label 0 for clean ones, None for offensive and hate."""
    items = []
    for split in ("train", "dev", "test"):
        for n, r in enumerate(_csv_rows(folder / f"{split}.csv")):
            kind = _VIHSD_KIND.get(r["label_id"], "unknown")
            items.append(
                EvalItem(
                    "",
                    nfc(r["free_text"]),
                    0 if kind == "clean" else None,
                    "comment",
                    "vihsd",
                    f"vihsd:{split}:{n}",
                    kind,
                    f"vihsd:{split}:{n}",
                )
            )
    return items


def read_vfnd(folder: Path) -> list[EvalItem]:
    """VFND press articles (1 = fake) as full text, title and body alone, grouped by publishing
    domain."""
    items: list[EvalItem] = []
    for n, r in enumerate(_csv_rows(folder / "csv" / "vn_news_223_tdlfr.csv")):
        title, _, body = nfc(r["text"]).strip().partition("\n")
        label = int(r["label"])
        group = f"domain:{r.get('domain') or 'unknown'}"
        kind = "fake" if label else "real"
        key = f"vfnd:{n}"
        items.append(EvalItem(title.strip(), body.strip(), label, "full", "vfnd", group, kind, key))
        items.append(EvalItem(title.strip(), "", label, "title", "vfnd", group, kind, key))
        items.append(EvalItem("", body.strip(), label, "body", "vfnd", group, kind, key))
    return items


CORPORA: tuple[Corpus, ...] = (
    Corpus(
        "vietnews-bhxh",
        "vietnews-bhxh",
        "press",
        read_vietnews_bhxh,
        "487 real articles about social insurance (2010–2019)",
    ),
    Corpus(
        "vietnews-other",
        "vietnews-bhxh",
        "press",
        read_vietnews_other,
        "1,500 real articles on other topics",
    ),
    Corpus(
        "vnexpress-rss",
        "html/vnexpress.net",
        "press",
        read_vnexpress_rss,
        "25 real VnExpress RSS items (2017)",
    ),
    Corpus(
        "binhvq-news",
        "binhvq-news-sample",
        "press",
        read_binhvq,
        "1,000 real titles and 1,000 article sentences",
    ),
    Corpus(
        "sms-vietsmishing",
        "sms-vietsmishing",
        "sms",
        read_vietsmishing,
        "2,353 real SMS 2020–2025 (57 smishing, noisy labels)",
    ),
    Corpus(
        "sms-reported",
        "sms-vietsmishing",
        "sms",
        read_vietsmishing_reported,
        "235 publicly reported SMS (213 scams)",
    ),
    Corpus(
        "sms-vie-spam",
        "sms-vie-spam",
        "sms",
        read_vie_spam,
        "6,599 real SMS about 2015 (ham; spam = advertising)",
    ),
    Corpus(
        "sms-lekhang",
        "sms-lekhang",
        "sms",
        read_lekhang,
        "261 real SMS 2020–2022 (ham; spam = gambling and loan ads)",
    ),
    Corpus(
        "vihsd",
        "vihsd",
        "social",
        read_vihsd,
        "33,400 real social comments (clean / offensive / hate)",
    ),
    Corpus("vfnd", "vfnd", "news", read_vfnd, "223 real articles labelled fake / real (2017–2019)"),
)


def available(raw_dir: Path) -> list[Corpus]:
    """The corpora whose folder exists under `raw_dir` (../shared/data/raw)."""
    return [c for c in CORPORA if (raw_dir / c.folder).is_dir()]


def load(corpus: Corpus, raw_dir: Path) -> list[EvalItem]:
    return corpus.reader(raw_dir / corpus.folder)


_TEMPLATE_NOISE = re.compile(r"[\d]+|https?://\S+|\b\w*\d\w*\b")


def template_key(text: str) -> str:
    """Messages from one template (numbers, codes and links differ) share a key.

    Used to split SMS so that no template is on both sides of a train/test split.
    """
    from vntext.normalize import fold

    words = fold(_TEMPLATE_NOISE.sub(" ", text.lower())).split()
    return " ".join(words[:8])
