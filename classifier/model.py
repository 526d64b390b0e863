"""The flagging model: features, calibrated logistic regression, and safe skops persistence."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from classifier.errors import ModelNotFoundError, UntrustedModelError
from classifier.text import syllables_vi, tokenize_vi

# Everything skops may load beyond its own safe defaults. A test pins this list: a lambda or a
# new custom class sneaking into the pipeline makes it fail instead of being trusted silently.
# (An isotonic-calibrated model holds every name but `_SigmoidCalibration`.)
TRUSTED = [
    "classifier.text.syllables_vi",
    "classifier.text.tokenize_vi",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
]
_FORMAT = 1
# Isotonic calibration overfits small data (scikit-learn's guide: prefer sigmoid below ~1,000).
_ISOTONIC_FROM = 1000


def build_pipeline(n_examples: int) -> Pipeline:
    """TF-IDF over words (1–2 grams) and syllables (1–3 grams) into calibrated LR."""
    words = TfidfVectorizer(
        tokenizer=tokenize_vi,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        min_df=1,
        sublinear_tf=True,
        max_features=60_000,
    )
    syllables = TfidfVectorizer(
        tokenizer=syllables_vi,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 3),
        min_df=2,
        sublinear_tf=True,
        max_features=120_000,
    )
    method = "isotonic" if n_examples >= _ISOTONIC_FROM else "sigmoid"
    classifier = CalibratedClassifierCV(
        LogisticRegression(class_weight="balanced", C=4.0, solver="liblinear", max_iter=1000),
        method=method,
        cv=3,
    )
    return Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("syllables", syllables)])),
            ("classifier", classifier),
        ]
    )


@dataclass(frozen=True)
class TrainedModel:
    """A fitted pipeline plus the version of the data it was trained on."""

    pipeline: Pipeline
    data_version: str

    def risk(self, texts: Sequence[str]) -> list[float]:
        """Calibrated probability of label 1 (needs review) for each text."""
        return [scored.risk for scored in self.score(texts, term_limit=0)]

    def score(self, texts: Sequence[str], term_limit: int = 8) -> list[Scored]:
        """Risk and the terms that pushed it up (tf-idf value × mean coefficient), per text.

        Featurises once per text: segmentation is the expensive step, shared by both outputs.
        """
        if not texts:
            return []
        matrix = self.pipeline.named_steps["features"].transform(list(texts)).tocsr()
        risks = self.pipeline.named_steps["classifier"].predict_proba(matrix)[:, 1]
        results = []
        for n, risk in enumerate(risks):
            start, end = matrix.indptr[n], matrix.indptr[n + 1]
            indices = matrix.indices[start:end]
            pushes = matrix.data[start:end] * self._coefficients[indices]
            order = np.argsort(-pushes)[:term_limit]
            top = tuple(
                (self._names[indices[k]], round(float(pushes[k]), 4))
                for k in order
                if pushes[k] > 0
            )
            results.append(Scored(float(risk), top))
        return results

    @cached_property
    def _coefficients(self) -> np.ndarray:
        calibrated = self.pipeline.named_steps["classifier"]
        return np.mean([c.estimator.coef_[0] for c in calibrated.calibrated_classifiers_], axis=0)

    @cached_property
    def _names(self) -> list[str]:
        # "words__bảo_hiểm cảnh_báo" -> "bảo hiểm cảnh báo"
        names = self.pipeline.named_steps["features"].get_feature_names_out()
        return [name.split("__", 1)[-1].replace("_", " ") for name in names]


@dataclass(frozen=True)
class Scored:
    risk: float
    terms: tuple[tuple[str, float], ...]


def compact(pipeline: Pipeline) -> Pipeline:
    """Plain-int vocabularies: skops writes each numpy scalar as its own file (10 MB)."""
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        vectorizer.vocabulary_ = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
    return pipeline


def save(model: TrainedModel, path: Path) -> None:
    """Write the model as a skops file (no pickle), creating parent folders."""
    import skops.io as sio

    compact(model.pipeline)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": _FORMAT, "pipeline": model.pipeline, "data_version": model.data_version}
    tmp = path.with_name(path.name + ".tmp")
    sio.dump(payload, tmp)
    tmp.replace(path)


def load(path: Path) -> TrainedModel:
    """Load a skops model file, trusting only `TRUSTED` beyond skops' safe defaults.

    Raises:
        ModelNotFoundError: the file does not exist.
        UntrustedModelError: the file is not a skops archive, is corrupt, or holds other types.
    """
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    if not path.is_file():
        raise ModelNotFoundError(f"Model file {str(path)!r} does not exist; run `pressmon train`.")
    if not zipfile.is_zipfile(path):
        raise UntrustedModelError(f"Model file {str(path)!r} is not a skops archive (not a zip).")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        unexpected = sorted(set(untrusted) - set(TRUSTED))
        if unexpected:
            raise UntrustedModelError(
                f"Model file {str(path)!r} holds untrusted types {unexpected}; refusing to load. "
                f"Only {TRUSTED} are allowed."
            )
        payload = sio.load(path, trusted=TRUSTED)
    except UntrustedModelError:
        raise
    except UntrustedTypesFoundException as err:
        raise UntrustedModelError(f"Model file {str(path)!r}: {err}") from err
    except Exception as err:  # skops raises many kinds on a damaged archive; all mean "unusable"
        raise UntrustedModelError(
            f"Model file {str(path)!r} is corrupt or truncated ({type(err).__name__}: {err}); "
            "retrain with `pressmon train`."
        ) from err
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        raise UntrustedModelError(f"Model file {str(path)!r} has an unknown layout.")
    pipeline, data_version = payload.get("pipeline"), payload.get("data_version")
    if not isinstance(pipeline, Pipeline) or not isinstance(data_version, str):
        raise UntrustedModelError(f"Model file {str(path)!r} does not hold a flagging pipeline.")
    return TrainedModel(pipeline=pipeline, data_version=data_version)


def model_version(path: Path, data_version: str) -> str:
    """Content hash of the model file plus the training-data version, e.g. "3fa2c1d09b7e+d41c"."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"{digest}+{data_version[:8]}"
