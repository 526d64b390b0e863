"""What the model reads of a text, and the forms a training example is shown in.

The model reads the opening of a text — its title and first words — read back by `deobfuscate`
into folded, lower-case words. Every form a user meets shares that opening: a full article, its
RSS item (title + lead), a shared headline, an SMS, a comment. Training shows every example in
each form it can take (title only, title + lead, the opening of the full text), each with an equal
share of the example's weight, so that how much of a text arrives cannot by itself move the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vntext.deobfuscate import clean

# Words of the opening the model reads. A press lead carries its claim; a post or SMS fits whole.
OPENING_WORDS = 120


# Characters of an opening at most: far past any 400 real words, but a hostile page's one "word"
# of 200,000 characters is not read whole by every rule.
OPENING_CHARS = 20_000

TITLE_SEPARATOR = ". "
_WORD = re.compile(r"\S+")


def prefix_words(text: str, words: int) -> str:
    """The text up to the end of its `words`-th word, at most `OPENING_CHARS` characters of it,
    unchanged (offsets stay valid)."""
    end = 0
    for n, m in enumerate(_WORD.finditer(text, 0, OPENING_CHARS)):
        if n == words:
            break
        end = m.end()
    return text[:end]


def opening(title: str, text: str, words: int = OPENING_WORDS) -> str:
    """Title, a separator and the first `words` words of the text; the body keeps its offsets."""
    body = prefix_words(text, words)
    if title and body:
        return f"{title}{TITLE_SEPARATOR}{body}"
    return title or body


def model_text(title: str, text: str) -> str:
    """The folded opening that the model scores."""
    return clean(opening(title, text)).words


@dataclass(frozen=True)
class View:
    text: str  # already folded: what the model reads
    weight: float
    form: str


def views(title: str, text: str) -> list[View]:
    """Every form a text can reach a reader in, sharing one unit of weight."""
    first_paragraph = text.split("\n", 1)[0].strip()
    first_sentence = _first_sentence(text)
    candidates = [("full", title, text)]
    if title:
        candidates.append(("title", title, ""))
        if first_paragraph and first_paragraph != text.strip():
            candidates.append(("title+abstract", title, first_paragraph))
    elif first_sentence and len(first_sentence.split()) >= 6 and first_sentence != text.strip():
        candidates.append(("first sentence", "", first_sentence))
    seen: dict[str, str] = {}
    for form, t, body in candidates:
        folded = model_text(t, body)
        if folded and folded not in seen:
            seen[folded] = form
    share = 1.0 / len(seen) if seen else 0.0
    return [View(folded, share, form) for folded, form in seen.items()]


def _first_sentence(text: str) -> str:
    for end in (". ", "! ", "? ", "\n"):
        cut = text.find(end)
        if 0 < cut < len(text) - 2:
            return text[: cut + 1].strip()
    return ""
