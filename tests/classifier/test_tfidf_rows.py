"""TfidfRows gives exactly the rows sklearn's TfidfVectorizer.transform gives, faster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer

from classifier import tfidf_rows
from classifier.errors import UntrustedModelError
from classifier.examples import load_shipped
from classifier.model import TrainedModel, load, save
from classifier.tfidf_rows import TfidfRows, problem
from classifier.views import model_text

# Texts on which a naive reading could part from sklearn's analyzers: no words, one-letter words,
# a word longer than every n-gram, runs and kinds of whitespace, repeats.
EDGE_TEXTS = [
    "",
    " ",
    "a",
    "a b c d e",
    "bhxh",
    "xinchaobaohiemxahoivietnamlaconghoaxahoichunghia",
    "nhan  tien\tho tro\n\nngay",
    "so\u00a0bhxh\u2028ho\x1cgia\u3000dinh",
    "tro cap tro cap tro cap tro cap",
    "lien he 0912345678 qua zalo hotro-bhxh.top",
    "\u200bnhan\u200b tien",
]


def _same(ours: sparse.csr_matrix, theirs: sparse.spmatrix) -> None:
    theirs = sparse.csr_matrix(theirs)
    assert ours.shape == theirs.shape
    assert ours.dtype == theirs.dtype
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


def _vectorizers(model: TrainedModel) -> list[TfidfVectorizer]:
    union = model.pipeline.named_steps["features"]
    return [branch.named_steps["tfidf"] for _, branch in union.transformer_list]


def test_the_rows_are_sklearns_on_every_shipped_text_and_the_edge_cases(
    shipped_model: TrainedModel,
) -> None:
    texts = [model_text(e.title, e.text) for e in load_shipped()] + EDGE_TEXTS
    for vectorizer in _vectorizers(shipped_model):
        rows = TfidfRows(vectorizer)
        _same(rows.transform(texts), vectorizer.transform(texts))
        _same(rows.transform(texts), vectorizer.transform(texts))  # words now from memory


@pytest.mark.parametrize(
    "settings",
    [
        {"analyzer": "char_wb", "ngram_range": (2, 6)},
        {"analyzer": "char_wb", "ngram_range": (4, 7)},
        {"analyzer": "word", "ngram_range": (2, 3)},
        {"analyzer": "word", "ngram_range": (1, 1)},
    ],
)
def test_other_ngram_ranges_give_sklearns_rows(settings: dict[str, object]) -> None:
    """A padded word shorter than an n-gram length is one gram, as sklearn counts it."""
    words = {"token_pattern": r"\S+"} if settings["analyzer"] == "word" else {}
    vectorizer = TfidfVectorizer(lowercase=False, sublinear_tf=True, norm=None, **words, **settings)
    vectorizer.fit(EDGE_TEXTS + ["ho tro tien ngay", "a bc def ghij klmno"])
    _same(TfidfRows(vectorizer).transform(EDGE_TEXTS), vectorizer.transform(EDGE_TEXTS))


def test_the_word_memory_starts_afresh_when_full(
    shipped_model: TrainedModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tfidf_rows, "WORD_CACHE_SIZE", 3)
    characters = _vectorizers(shipped_model)[1]
    rows = TfidfRows(characters)
    texts = EDGE_TEXTS * 2
    _same(rows.transform(texts), characters.transform(texts))


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"lowercase": True}, "lowercase=True"),
        ({"analyzer": "char"}, "analyzer='char'"),
        ({"token_pattern": r"\w+"}, "token_pattern="),
        ({"sublinear_tf": False}, "sublinear_tf=False"),
        ({"norm": "l2"}, "norm='l2'"),
        pytest.param(  # sklearn warns that it would count in float64 instead
            {"dtype": np.int64}, "dtype=", marks=pytest.mark.filterwarnings("ignore:Only")
        ),
    ],
)
def test_other_settings_are_named_not_misread(settings: dict[str, object], named: str) -> None:
    base: dict[str, object] = {"lowercase": False, "sublinear_tf": True, "norm": None}
    if settings.get("analyzer") != "char":
        base["token_pattern"] = r"\S+"
    vectorizer = TfidfVectorizer(**{**base, **settings})
    vectorizer.fit(["ho tro tien", "tien ho tro ngay"])
    assert named in (problem(vectorizer) or "")
    with pytest.raises(ValueError, match="unsupported vectorizer"):
        TfidfRows(vectorizer)


def test_an_unfitted_vectorizer_is_named() -> None:
    assert problem(TfidfVectorizer()) == "the vectorizer is not fitted"


def test_a_model_file_with_other_vectorizer_settings_is_refused(
    tiny_model: TrainedModel, tmp_path: Path
) -> None:
    """Its rows would be read wrong: the file is refused as no flagging model, not scored."""
    pipeline = clone(tiny_model.pipeline)
    pipeline.fit(["ho tro tien ngay", "bhxh chi tra luong huu", "nhan qua ngay"] * 5, [1, 0, 1] * 5)
    pipeline.set_params(features__characters__tfidf__lowercase=True)
    path = tmp_path / "m.skops"
    save(TrainedModel(pipeline, tiny_model.data_version), path)
    with pytest.raises(UntrustedModelError, match="không chứa mô hình sàng lọc"):
        load(path)
