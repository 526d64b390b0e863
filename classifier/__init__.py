"""Leaf library: Vietnamese text -> relevance, and a misinformation triage score with reasons.

Public API of the flagger (implementation modules are free to change behind it).
"""

from classifier.claims import ClaimMatch, KnownClaim, KnownClaims
from classifier.evaluation import evaluate_default
from classifier.examples import LabelledExample, load_vfnd, load_vietnews, read_jsonl
from classifier.facts import FactCheckFailure, OfficialFacts
from classifier.flagger import Flagger, Thresholds, uncertainty
from classifier.model import TRUSTED, TrainedModel, load, save
from classifier.training import Metrics, evaluate, train, train_default, write_model_card
from classifier.types import ArticleText, Assessment, Reason, Relevance

__all__ = [
    "TRUSTED",
    "ArticleText",
    "Assessment",
    "ClaimMatch",
    "FactCheckFailure",
    "Flagger",
    "KnownClaim",
    "KnownClaims",
    "LabelledExample",
    "Metrics",
    "OfficialFacts",
    "Reason",
    "Relevance",
    "Thresholds",
    "TrainedModel",
    "evaluate",
    "evaluate_default",
    "load",
    "load_vfnd",
    "load_vietnews",
    "read_jsonl",
    "save",
    "train",
    "train_default",
    "uncertainty",
    "write_model_card",
]
