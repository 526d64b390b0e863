"""Sentence segmentation of Vietnamese text, by underthesea."""

from __future__ import annotations


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` in order (underthesea knows abbreviations, numbers and quotes)."""
    # Imported on first use: underthesea is slow to import and most callers never split.
    from underthesea import sent_tokenize

    return sent_tokenize(text)
