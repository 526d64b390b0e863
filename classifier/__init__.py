"""Leaf library: Vietnamese text -> relevance, and a misinformation triage score with reasons.

Public API of the flagger (implementation modules are free to change behind it).
"""

from classifier.claims import ClaimMatch, KnownClaim, KnownClaims
from classifier.examples import LabelledExample, load_shipped, read_jsonl
from classifier.facts import FactCheckFailure, OfficialFacts
from classifier.flagger import Flagger, Thresholds, Weights, uncertainty
from classifier.links import Channels
from classifier.model import TRUSTED, TrainedModel, load, save
from classifier.training import load_extra, train
from classifier.types import ArticleText, Assessment, Reason, Relevance

__all__ = [
    "TRUSTED",
    "ArticleText",
    "Assessment",
    "Channels",
    "ClaimMatch",
    "FactCheckFailure",
    "Flagger",
    "KnownClaim",
    "KnownClaims",
    "LabelledExample",
    "OfficialFacts",
    "Reason",
    "Relevance",
    "Thresholds",
    "TrainedModel",
    "Weights",
    "load",
    "load_extra",
    "load_shipped",
    "read_jsonl",
    "save",
    "train",
    "uncertainty",
]
