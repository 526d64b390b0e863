"""The flagging model: features, calibrated logistic regression, and safe skops persistence."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from classifier.errors import ModelNotFoundError, ModelSaveError, UntrustedModelError
from classifier.tfidf_rows import TfidfRows
from classifier.tfidf_rows import problem as tfidf_problem
from vntext.syntax_text import read_problem

log = logging.getLogger(__name__)

# Everything skops may load beyond its own safe defaults. A test pins this list: a lambda or a
# new custom class sneaking into the pipeline makes it fail instead of being trusted silently.
TRUSTED = [
    "classifier.model.FloorNormalizer",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
]
_FORMAT = 2
# Row norm of a 20-word text under the vectorizers below (measured on the shipped data).
EVIDENCE_FLOOR = 37.0


class FloorNormalizer(TransformerMixin, BaseEstimator):
    """L2 normalisation that never scales a row up past the norm of a ~20-word text.

    Plain L2 normalisation gives "chào chị" as much weight as a whole paragraph: two words carry
    the full unit norm, and a short text lands at an extreme. Dividing by max(norm, floor) lets a
    short text say exactly as much as its few words do, so it stays near the prior.
    """

    def __init__(self, floor: float = EVIDENCE_FLOOR) -> None:
        self.floor = floor

    def fit(self, X: object, y: object = None) -> FloorNormalizer:  # noqa: N803 - sklearn API
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True  # stateless

    def transform(self, X: sparse.csr_matrix) -> sparse.csr_matrix:  # noqa: N803 - sklearn API
        X = sparse.csr_matrix(X, dtype=np.float32)
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        scale = 1.0 / np.maximum(norms, self.floor)
        return sparse.diags(scale.astype(np.float32)) @ X


def build_pipeline() -> Pipeline:
    """TF-IDF over folded words (1–3 grams) and characters into calibrated logistic regression.

    The text arrives already read back by `views.model_text`: folded, lower case, words separated
    by single spaces, so diacritics, case and punctuation cannot carry weight. Character n-grams
    inside word boundaries catch variants the word grams have never seen.
    """
    words = TfidfVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        ngram_range=(1, 3),
        min_df=2,
        sublinear_tf=True,
        norm=None,
        max_features=150_000,
        dtype=np.float32,
    )
    characters = TfidfVectorizer(
        analyzer="char_wb",
        lowercase=False,
        ngram_range=(3, 5),
        min_df=3,
        sublinear_tf=True,
        norm=None,
        max_features=150_000,
        dtype=np.float32,
    )
    classifier = CalibratedClassifierCV(
        LogisticRegression(class_weight="balanced", C=1.0, solver="liblinear", max_iter=2000),
        method="sigmoid",
        cv=5,
    )
    union = FeatureUnion(
        [
            ("words", Pipeline([("tfidf", words), ("norm", FloorNormalizer())])),
            ("characters", Pipeline([("tfidf", characters), ("norm", FloorNormalizer())])),
        ]
    )
    return Pipeline([("features", union), ("classifier", classifier)])


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

        `texts` are model inputs (`views.model_text`): folded openings.
        """
        if not texts:
            return []
        # The union's branches transformed one by one: the word block is needed on its own.
        blocks = [norm.transform(rows.transform(texts)) for rows, norm in self._featurisers]
        matrix = sparse.hstack(blocks, format="csr")
        risks = self._calibrated_risk(matrix).tolist()
        if term_limit <= 0:
            return [Scored(r, ()) for r in risks]
        # Words come first in the union: push = tf-idf value × coefficient.
        words = blocks[0]
        pushes = words.multiply(self._coefficients[: words.shape[1]]).tocsr()
        results = []
        for n, risk in enumerate(risks):
            start, end = pushes.indptr[n], pushes.indptr[n + 1]
            data, indices = pushes.data[start:end], pushes.indices[start:end]
            order = np.argsort(-data)[:term_limit]
            top = [
                (self._names[i], round(v, 4))
                for i, v in zip(indices[order].tolist(), data[order].tolist(), strict=True)
                if v > 0
            ]
            results.append(Scored(risk, tuple(top)))
        return results

    def _calibrated_risk(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """What the calibrated classifier's predict_proba gives for label 1, in one product.

        The cross-validated members are evaluated together instead of one sklearn call each.
        """
        weights, intercepts, slopes, offsets = self._members
        decisions = np.asarray(matrix @ weights) + intercepts
        return np.mean(1.0 / (1.0 + np.exp(decisions * slopes + offsets)), axis=1)

    @cached_property
    def odds_scale(self) -> float:
        """Log-odds of the calibrated risk per unit of a term's push (the members' mean sigmoid
        slope): what one phrase alone does to the odds, for telling evidence from wording."""
        return float(-np.mean(self._members[2]))

    @cached_property
    def _members(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        members = self.pipeline.named_steps["classifier"].calibrated_classifiers_
        weights = np.stack([m.estimator.coef_[0] for m in members], axis=1)
        intercepts = np.array([m.estimator.intercept_[0] for m in members])
        slopes = np.array([m.calibrators[0].a_ for m in members])
        offsets = np.array([m.calibrators[0].b_ for m in members])
        return weights, intercepts, slopes, offsets

    @cached_property
    def _featurisers(self) -> list[tuple[TfidfRows, FloorNormalizer]]:
        # The union's branches, each read by TfidfRows (sklearn's rows, built faster).
        return [
            (TfidfRows(branch.named_steps["tfidf"]), branch.named_steps["norm"])
            for _, branch in self.pipeline.named_steps["features"].transformer_list
        ]

    @cached_property
    def _coefficients(self) -> np.ndarray:
        calibrated = self.pipeline.named_steps["classifier"]
        return np.mean([c.estimator.coef_[0] for c in calibrated.calibrated_classifiers_], axis=0)

    @cached_property
    def _names(self) -> list[str]:
        # Word grams by name; character grams are never shown as reasons.
        names: list[str] = []
        for branch, pipeline in self.pipeline.named_steps["features"].transformer_list:
            vocabulary = pipeline.named_steps["tfidf"].get_feature_names_out()
            names += list(vocabulary) if branch == "words" else [""] * len(vocabulary)
        return names


@dataclass(frozen=True)
class Scored:
    risk: float
    terms: tuple[tuple[str, float], ...]


def compact(pipeline: Pipeline) -> Pipeline:
    """Plain-int vocabularies: skops writes each numpy scalar as its own file (10 MB)."""
    for _, branch in pipeline.named_steps["features"].transformer_list:
        vectorizer = branch.named_steps["tfidf"]
        vectorizer.vocabulary_ = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
    return pipeline


def save(model: TrainedModel, path: Path) -> None:
    """Write the model as a skops file (no pickle), creating parent folders; a file already
    there is replaced whole or not at all.

    Raises:
        ModelSaveError: the folder cannot be made or the file written.
    """
    import skops.io as sio

    compact(model.pipeline)
    payload = {"format": _FORMAT, "pipeline": model.pipeline, "data_version": model.data_version}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own per writer: two workers training at once must not
        # replace each other's half-written file.
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError as err:
        raise _cannot_write(path, err) from err
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        sio.dump(payload, tmp)
        tmp.replace(path)
    except OSError as err:  # disk full, the name taken by a folder: the old model stays
        raise _cannot_write(path, err) from err
    finally:
        tmp.unlink(missing_ok=True)


def _cannot_write(path: Path, err: OSError) -> ModelSaveError:
    return ModelSaveError(f"không ghi được tệp mô hình {str(path)!r}: {read_problem(err)}")


def load(path: Path) -> TrainedModel:
    """Load a skops model file, trusting only `TRUSTED` beyond skops' safe defaults.

    Raises:
        ModelNotFoundError: the file does not exist, or a folder is there.
        UntrustedModelError: the file is not a skops archive, is corrupt, or holds other types.
    """
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    if path.is_dir():  # "không có tệp" would send the operator to train, which cannot save it
        raise ModelNotFoundError(
            f"Đường dẫn mô hình {str(path)!r} là một thư mục, không phải tệp mô hình; chỉ tệp "
            "(…/flagger.skops) bằng PRESSMON_MODEL hoặc model_path trong [classifier]."
        )
    if not path.is_file():
        raise ModelNotFoundError(f"Không có tệp mô hình {str(path)!r}; chạy `pressmon train`.")
    if not zipfile.is_zipfile(path):
        raise UntrustedModelError(
            f"Tệp mô hình {str(path)!r} không phải tệp skops (không phải zip)."
        )
    try:
        untrusted = sio.get_untrusted_types(file=path)
        unexpected = sorted(set(untrusted) - set(TRUSTED))
        if unexpected:
            raise UntrustedModelError(
                f"Tệp mô hình {str(path)!r} chứa kiểu dữ liệu không tin cậy {unexpected}; "
                f"không nạp. Chỉ cho phép {TRUSTED}."
            )
        payload = sio.load(path, trusted=TRUSTED)
    except UntrustedModelError:
        raise
    except UntrustedTypesFoundException as err:
        log.info("%s: %s", path, err)  # skops' English: for the log (-v), not the message
        raise UntrustedModelError(
            f"Tệp mô hình {str(path)!r} chứa kiểu dữ liệu không tin cậy; không nạp."
        ) from err
    except Exception as err:  # skops raises many kinds on a damaged archive; all mean "unusable"
        # What the library says (zipfile's "Bad CRC-32", json's position) is English and names
        # nothing a person can mend: it goes to the log (-v); the message says what to do.
        log.info("%s: %s: %s", path, type(err).__name__, err)
        raise UntrustedModelError(
            f"Tệp mô hình {str(path)!r} hỏng hoặc bị cắt cụt; huấn luyện lại bằng `pressmon train`."
        ) from err
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        raise UntrustedModelError(f"Tệp mô hình {str(path)!r} có bố cục không nhận ra.")
    pipeline, data_version = payload.get("pipeline"), payload.get("data_version")
    wrong = _shape_problem(pipeline)
    if wrong or not isinstance(data_version, str):
        log.info("%s: %s", path, wrong or "no data version")
        raise UntrustedModelError(
            f"Tệp mô hình {str(path)!r} không chứa mô hình sàng lọc (flagging pipeline)."
        )
    return TrainedModel(pipeline=pipeline, data_version=data_version)


def _shape_problem(pipeline: object) -> str | None:
    """What keeps `pipeline` from being one `build_pipeline` made, or None."""
    if not isinstance(pipeline, Pipeline):
        return f"{type(pipeline).__name__} is not a Pipeline"
    if not isinstance(pipeline.named_steps.get("classifier"), CalibratedClassifierCV):
        return "no CalibratedClassifierCV named 'classifier'"
    features = pipeline.named_steps.get("features")
    if not isinstance(features, FeatureUnion):
        return "no FeatureUnion named 'features'"
    for name, branch in features.transformer_list:
        steps = branch.named_steps if isinstance(branch, Pipeline) else {}
        if not isinstance(steps.get("norm"), FloorNormalizer):
            return f"branch {name!r} has no FloorNormalizer named 'norm'"
        wrong = tfidf_problem(steps.get("tfidf"))
        if wrong:
            return f"branch {name!r}: {wrong}"
    return None


def model_version(path: Path, data_version: str) -> str:
    """Content hash of the model file plus the training-data version, e.g. "3fa2c1d09b7e+d41c"."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"{digest}+{data_version[:8]}"
