"""Leaf library: Vietnamese text -> relevance, and a misinformation triage score with reasons.

Public API of the flagger (implementation modules are free to change behind it).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from classifier.claims import ClaimMatch, KnownClaim, KnownClaims
    from classifier.examples import LabelledExample, load_shipped, read_jsonl
    from classifier.facts import FactCheckFailure, OfficialFacts
    from classifier.flagger import Flagger, Thresholds, Weights, uncertainty
    from classifier.links import Channels
    from classifier.model import TRUSTED, TrainedModel, load, save
    from classifier.training import load_extra, train
    from classifier.types import ArticleText, Assessment, Reason, Relevance

# Where each public name lives. Loaded on first use (PEP 562), so importing a light submodule
# such as classifier.errors or classifier.types does not import scikit-learn and underthesea:
# the CLI's fast commands depend on it (tests/test_cli_start.py).
_HOMES = {
    "ClaimMatch": "claims",
    "KnownClaim": "claims",
    "KnownClaims": "claims",
    "LabelledExample": "examples",
    "load_shipped": "examples",
    "read_jsonl": "examples",
    "FactCheckFailure": "facts",
    "OfficialFacts": "facts",
    "Flagger": "flagger",
    "Thresholds": "flagger",
    "Weights": "flagger",
    "uncertainty": "flagger",
    "Channels": "links",
    "TRUSTED": "model",
    "TrainedModel": "model",
    "load": "model",
    "save": "model",
    "load_extra": "training",
    "train": "training",
    "ArticleText": "types",
    "Assessment": "types",
    "Reason": "types",
    "Relevance": "types",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'classifier' has no attribute {name!r}")
    return getattr(import_module(f"classifier.{_HOMES[name]}"), name)


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
