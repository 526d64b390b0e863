"""The flagging model: features, calibrated logistic regression, and safe skops persistence."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
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
        tokenizer=tokenize_vi, token_pattern=None, lowercase=False,
        ngram_range=(1, 2), min_df=1, sublinear_tf=True, max_features=60_000,
    )
    syllables = TfidfVectorizer(
        tokenizer=syllables_vi, token_pattern=None, lowercase=False,
        ngram_range=(1, 3), min_df=2, sublinear_tf=True, max_features=120_000,
    )
    method = "isotonic" if n_examples >= _ISOTONIC_FROM else "sigmoid"
    classifier = CalibratedClassifierCV(
        LogisticRegression(class_weight="balanced", C=4.0, max_iter=2000),
        method=method, cv=3,
    )
    return Pipeline([
        ("features", FeatureUnion([("words", words), ("syllables", syllables)])),
        ("classifier", classifier),
    ])


@dataclass(frozen=True)
class TrainedModel:
    """A fitted pipeline plus the version of the data it was trained on."""

    pipeline: Pipeline
    data_version: str

    def risk(self, texts: Sequence[str]) -> list[float]:
        """Calibrated probability of label 1 (needs review) for each text."""
        if not texts:
            return []
        return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]

    def top_terms(self, text: str, limit: int = 6) -> list[tuple[str, float]]:
        """Features of `text` that pushed the score up most: tf-idf value × mean coefficient."""
        row = self.pipeline.named_steps["features"].transform([text]).tocsr()
        coef = _mean_coefficients(self.pipeline.named_steps["classifier"])
        names = self.pipeline.named_steps["features"].get_feature_names_out()
        contributions = [(int(i), float(v * coef[i])) for i, v in zip(row.indices, row.data)]
        contributions = [c for c in contributions if c[1] > 0]
        contributions.sort(key=lambda c: c[1], reverse=True)
        return [(_readable(names[i]), round(w, 4)) for i, w in contributions[:limit]]


def _mean_coefficients(calibrated: CalibratedClassifierCV) -> np.ndarray:
    coefs = [c.estimator.coef_[0] for c in calibrated.calibrated_classifiers_]
    return np.mean(coefs, axis=0)


def _readable(feature_name: str) -> str:
    # "words__bảo_hiểm cảnh_báo" -> "bảo hiểm cảnh báo"
    return feature_name.split("__", 1)[-1].replace("_", " ")


def save(model: TrainedModel, path: Path) -> None:
    """Write the model as a skops file (no pickle), creating parent folders."""
    import skops.io as sio

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
