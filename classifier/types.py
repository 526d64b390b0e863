"""Typed values that cross the classifier boundary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

Stance = Literal["asserts", "reports-and-debunks", "neutral"]
Tier = Literal["urgent", "review", "low"]
TIERS: tuple[Tier, ...] = get_args(Tier)  # most urgent first
# The Vietnamese name staff see for each tier. It lives beside `Tier` because the classifier's
# model card prints it and the classifier may import nothing of pressmon; pressmon's label table
# (pressmon.review.labels) takes it from here.
TIER_LABELS: Mapping[str, str] = {
    "urgent": "cần xem ngay",
    "review": "nên xem",
    "low": "không ưu tiên",
}


@dataclass(frozen=True)
class ArticleText:
    """What the flagger reads about one article."""

    title: str
    text: str
    url: str | None = None
    outlet: str | None = None
    outlet_kind: str | None = None  # sector | national | provincial | None (unknown / social)
    published_at: datetime | None = None
    outlet_note: str | None = None  # shown as a reason, e.g. that the outlet was not recognised


@dataclass(frozen=True)
class Reason:
    """One thing that moved the score.

    `kind` is known-claim | fact-check | scam-cue | stance | sentence | term | note (empty or
    foreign text, disputed-forecast context, unknown outlet), in the order a reviewer reads them.
    A "term" is a phrase telling by itself, or the one summary of the model's wording (`detail`:
    `phrases` folded, `shown` as written).
    """

    kind: str
    text: str
    weight: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)  # JSON; keys depend on `kind`


@dataclass(frozen=True)
class Assessment:
    """A triage score with its reasons. Never a verdict: a reviewer decides."""

    risk: float  # calibrated, in [0, 1]
    tier: Tier
    category: str | None  # C1..C8
    article11_clause: str | None
    stance: Stance
    reasons: tuple[Reason, ...]
    model_version: str


@dataclass(frozen=True)
class Relevance:
    """Whether an article is about social insurance, why, and its topics."""

    relevant: bool
    score: float
    topics: tuple[str, ...]
    reasons: tuple[str, ...]  # e.g. "title: bảo hiểm xã hội", "body×3: BHYT"
