"""Turn a catalog Spec into finished text: title, lead, body paragraphs and author.

Composed articles draw paragraphs from the topic pools with a generator seeded by the slug, so
every build is identical and no two articles share most of their paragraphs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from demo.content import common, pools_policy, pools_service
from demo.content.catalog import Spec

POOLS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "bhxh_bat_buoc": pools_policy.BHXH_BAT_BUOC,
    "bhxh_tu_nguyen": pools_policy.BHXH_TU_NGUYEN,
    "bhyt": pools_policy.BHYT,
    "bhtn": pools_policy.BHTN,
    "luong_huu_chi_tra": pools_service.LUONG_HUU_CHI_TRA,
    "thu_no_dong": pools_service.THU_NO_DONG,
    "chuyen_doi_so_vssid": pools_service.CHUYEN_DOI_SO_VSSID,
    "truyen_thong_chien_dich": pools_service.TRUYEN_THONG_CHIEN_DICH,
}

# Modern -> old tone placement, only at a syllable end and never after "q" (as in "quý").
_OLD_TONE = {
    modern: old
    for pairs in (
        ("òa", "oà"),
        ("óa", "oá"),
        ("ỏa", "oả"),
        ("õa", "oã"),
        ("ọa", "oạ"),
        ("òe", "oè"),
        ("óe", "oé"),
        ("ỏe", "oẻ"),
        ("õe", "oẽ"),
        ("ọe", "oẹ"),
        ("ùy", "uỳ"),
        ("úy", "uý"),
        ("ủy", "uỷ"),
        ("ũy", "uỹ"),
        ("ụy", "uỵ"),
    )
    for modern, old in (pairs, (pairs[0].capitalize(), pairs[1].capitalize()))
}
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?![^\W\d_])")


@dataclass(frozen=True)
class Text:
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    author: str
    comments: tuple[str, ...] = ()  # reader comments shown under a post, not part of its body
    province: str | None = None  # the one province a composed article is about, when it names it


def old_tone(text: str) -> str:
    """'Ủy ban ... hòa' -> 'Uỷ ban ... hoà': the pre-reform spelling some outlets still use."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


def compose(
    spec: Spec, province: str | None, when: datetime, previous: Sequence[frozenset[str]] = ()
) -> tuple[Text, frozenset[str]]:
    """The article's text and the set of templates it used.

    `previous` holds the template sets of the articles composed before; templates are picked to
    overlap them as little as possible, so same-topic articles stay distinct stories.
    """
    rng = random.Random("pressmon-demo:" + spec.slug)
    author = person(rng)[0]
    used: frozenset[str] = frozenset()
    if spec.text is not None:
        text = Text(
            spec.title,
            spec.text["lead"],
            spec.text["body"],
            author,
            spec.text.get("comments", ()),
        )
    else:
        text, used = _from_pools(spec, province, when, rng, author, previous)
    if "old-tone" in spec.features:
        text = Text(
            old_tone(text.title),
            old_tone(text.lead),
            tuple(old_tone(p) for p in text.paragraphs + (common.OLD_TONE,)),
            text.author,
        )
    return text, used


def _from_pools(
    spec: Spec,
    province: str | None,
    when: datetime,
    rng: random.Random,
    author: str,
    previous: Sequence[frozenset[str]],
) -> tuple[Text, frozenset[str]]:
    primary = POOLS[spec.topics[0]]
    secondary = next((POOLS[t] for t in spec.topics[1:] if t in POOLS), None)
    size = rng.randint(4, 11)
    n_extra = (2 if size >= 7 else 1) if secondary else 0
    n_primary = min(len(primary["body"]) - 2, (3 if secondary else 4) + max(0, size - 9))
    n_general = min(3, max(0, size - n_primary - n_extra - 1))
    picker = _Picker(rng, previous)
    # National and sector stories name their province in the lead, so what they are about is plain.
    leads = [lead for lead in primary["leads"] if province or "{co_quan}" in lead]
    lead = picker.pick(leads, 1)[0]
    chosen = picker.pick(primary["body"], n_primary)
    extra = picker.pick(secondary["body"], n_extra) if secondary else []
    quote = picker.pick(common.QUOTES, 1)
    general = picker.pick(common.GENERAL, n_general)
    paragraphs = chosen[:2] + quote + chosen[2:] + extra + general
    if "pre-merger" in spec.features:
        paragraphs.insert(1, common.PRE_MERGER)
    slots = fill_slots(spec.title, province, when, rng)
    lead_text, body = lead.format(**slots), tuple(p.format(**slots) for p in paragraphs)
    # "About" a province: named in the title, lead or first paragraph, or repeatedly in the
    # body; one passing mention deep in a long body is not enough.
    place = slots["tinh"]
    opening = f"{spec.title} {lead_text} {body[0]}"
    named = place in opening or sum(p.count(place) for p in body) >= 2
    text = Text(spec.title, lead_text, body, author, province=place if named else None)
    return text, frozenset(picker.picked)


class _Picker:
    """Picks templates in a seeded order, preferring those that overlap earlier articles least."""

    def __init__(self, rng: random.Random, previous: Sequence[frozenset[str]]) -> None:
        self._rng = rng
        self._previous = previous
        self.picked: set[str] = set()

    def pick(self, candidates: Sequence[str], count: int) -> list[str]:
        pool = list(candidates)
        self._rng.shuffle(pool)
        out: list[str] = []
        for _ in range(count):
            best = min((c for c in pool if c not in out), key=self._cost)
            out.append(best)
            self.picked.add(best)
        return out

    def _cost(self, candidate: str) -> tuple[int, int]:
        selection = self.picked | {candidate}
        overlaps = [len(selection & earlier) for earlier in self._previous]
        return max(overlaps, default=0), sum(overlaps)


def fill_slots(
    title: str, province: str | None, when: datetime, rng: random.Random
) -> dict[str, str]:
    """Values for every template slot; a random "roaming" province when `province` is None."""
    place = province or rng.choice(common.ROAMING_PROVINCES)
    xa = rng.choice(common.COMMUNES.get(province, common.COMMUNES[None]))
    co_quan = f"BHXH tỉnh {place}"
    name, female = person(rng)
    month = when.month
    slots = {
        "co_quan": co_quan,
        "tinh": place,
        "tinh_cu": "Bến Tre" if "Bến Tre" in title else "Trà Vinh",
        "xa": xa,
        "nguoi": name,
        "ong_ba": "Bà" if female else "Ông",
        "ong_ba_thuong": "bà" if female else "ông",
        "chuc_vu": rng.choice(common.ROLES).format(co_quan=co_quan, xa=xa),
        "nu": f"{rng.choice(common.SURNAMES)} {rng.choice(common.GIVEN_FEMALE)}",
        "nam": f"{rng.choice(common.SURNAMES)} {rng.choice(common.GIVEN_MALE)}",
        "n1": _thousands(rng.randint(120, 2400)),
        "n2": _thousands(rng.randint(20_000, 480_000)),
        "n3": _thousands(rng.randint(600_000, 2_400_000)),
        "n_qua": str(rng.randint(30, 450)),
        "pct": f"{rng.randint(12, 96)},{rng.randint(1, 9)}%",  # headlines' shares, as ever
        "tien": f"{rng.randint(2, 90)},{rng.randint(1, 9)} tỷ đồng",
        "chi_phi": f"{rng.randint(120, 680)} triệu đồng",
        "ngay": f"Ngày {when.day}/{month}",
        "thang": str(month),
        "thang_truoc": str(12 if month == 1 else month - 1),
    }
    return slots | _shares(slots["pct"])


# What each pool sentence's percentage measures, and the range it plausibly falls in: a year's
# growth in coverage is a few percent, BHYT covers nine in ten, not anything from 12% to 96%.
SHARES: Mapping[str, tuple[float, float]] = {
    "pct_tang": (1.5, 9.5),  # people in mandatory BHXH, year on year
    "pct_tu_nguyen": (2.0, 6.5),  # of the labour force in voluntary BHXH
    "pct_bao_phu": (88.0, 97.5),  # of the population with a BHYT card
    "pct_giam": (2.0, 15.0),  # fewer unemployment claims, year on year
    "pct_tai_khoan": (62.0, 92.0),  # pensions paid into a personal account
    "pct_no": (30.0, 75.0),  # of the debt paid once an inspection is announced
    "pct_dien_tu": (85.0, 99.0),  # of BHXH filings made electronically
}


def _shares(pct: str) -> dict[str, str]:
    """Each share slot: the headline's drawn "12,1%"-"96,9%" scaled into the share's own range,
    so no extra draw moves the ones after it."""
    position = (float(pct.rstrip("%").replace(",", ".")) - 12.1) / (96.9 - 12.1)
    return {
        slot: f"{low + position * (high - low):.1f}".replace(".", ",") + "%"
        for slot, (low, high) in SHARES.items()
    }


def person(rng: random.Random) -> tuple[str, bool]:
    """A Vietnamese full name and whether it is a woman's."""
    female = rng.random() < 0.5
    given = rng.choice(common.GIVEN_FEMALE if female else common.GIVEN_MALE)
    return f"{rng.choice(common.SURNAMES)} {given}", female


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")
