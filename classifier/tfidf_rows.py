"""Tf-idf rows of a fitted vectorizer, the rows sklearn's `transform` gives, built faster.

sklearn counts n-grams in a Python loop that raises KeyError for each one outside the
vocabulary: on SMS-length texts that loop took nearly a fifth of the flagger's time. Here a word's
character n-grams are looked up once and kept by word, and each text's n-grams are counted by
`Counter`. Only the settings `model.build_pipeline` uses are read this way (`problem` names any
other); a test pins the rows to sklearn's on the shipped texts and on edge cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

# Distinct words whose character n-grams are kept (at most ~20 MB); past it the memory starts
# afresh (a crawl of years meets millions of numbers and codes, each seen once).
WORD_CACHE_SIZE = 100_000

# What the fast counting assumes of a vectorizer, beside `analyzer` and `token_pattern`.
_EXPECTED = {
    "input": "content",
    "lowercase": False,
    "preprocessor": None,
    "tokenizer": None,
    "stop_words": None,
    "strip_accents": None,
    "binary": False,
    "use_idf": True,
    "sublinear_tf": True,
    "norm": None,
}


def problem(vectorizer: object) -> str | None:
    """Why `vectorizer` cannot be read by `TfidfRows`, or None when it can."""
    if not isinstance(vectorizer, TfidfVectorizer):
        return f"{type(vectorizer).__name__} is not a TfidfVectorizer"
    if not hasattr(vectorizer, "vocabulary_"):
        return "the vectorizer is not fitted"
    settings = vectorizer.get_params()
    wrong = [f"{key}={settings[key]!r}" for key, want in _EXPECTED.items() if settings[key] != want]
    if settings["analyzer"] == "word" and settings["token_pattern"] != r"\S+":
        wrong.append(f"token_pattern={settings['token_pattern']!r}")
    elif settings["analyzer"] not in ("word", "char_wb"):
        wrong.append(f"analyzer={settings['analyzer']!r}")
    if np.dtype(settings["dtype"]) not in (np.float32, np.float64):
        wrong.append(f"dtype={settings['dtype']!r}")  # sklearn would turn its counts to float64
    return ", ".join(wrong) or None


class TfidfRows:
    """A fitted word (token pattern `\\S+`) or `char_wb` vectorizer's rows, as sklearn's."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        wrong = problem(vectorizer)
        if wrong:
            raise ValueError(f"unsupported vectorizer: {wrong}")
        self._lookup = vectorizer.vocabulary_.get
        self._width = len(vectorizer.vocabulary_)
        self._idf = vectorizer.idf_
        self._dtype = vectorizer.dtype
        self._min_n, self._max_n = vectorizer.ngram_range
        self._characters = vectorizer.analyzer == "char_wb"
        self._by_word: dict[str, tuple[int, ...]] = {}

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        indices: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for text in texts:
            counted = self._char_counts(text) if self._characters else self._word_counts(text)
            indices.extend(counted.keys())
            counts.extend(counted.values())
            indptr.append(len(indices))
        rows = sparse.csr_matrix(
            (
                np.array(counts, dtype=self._dtype),
                np.array(indices, dtype=np.int32),
                np.array(indptr, dtype=np.int32),
            ),
            shape=(len(texts), self._width),
        )
        rows.sort_indices()
        # TfidfTransformer's steps, in its order and dtypes: sublinear tf, then idf.
        np.log(rows.data, rows.data)
        rows.data += 1.0
        rows.data *= self._idf[rows.indices]
        return rows

    def _word_counts(self, text: str) -> Counter[int]:
        words = text.split()  # the matches of token pattern `\S+`
        grams = list(words) if self._min_n == 1 else []
        for n in range(max(self._min_n, 2), self._max_n + 1):
            grams += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
        counted = Counter(map(self._lookup, grams))
        counted.pop(None, None)
        return counted

    def _char_counts(self, text: str) -> Counter[int]:
        ids: list[int] = []
        for word in text.split():
            known = self._by_word.get(word)
            if known is None:
                known = self._word_char_ids(word)
            ids += known
        return Counter(ids)

    def _word_char_ids(self, word: str) -> tuple[int, ...]:
        # sklearn's char_wb: the word padded by one space each side, its n-grams of each length;
        # once a length reaches the padded word's own, the padded word is one gram and the last.
        padded = f" {word} "
        size = len(padded)
        grams: list[str] = []
        for n in range(self._min_n, self._max_n + 1):
            if size <= n:
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(size - n + 1)]
        found = tuple(i for i in map(self._lookup, grams) if i is not None)
        if len(self._by_word) >= WORD_CACHE_SIZE:
            self._by_word.clear()
        self._by_word[word] = found
        return found
