"""The lead (sapo): where it ends in an article body, as an offset in normalize_text(body)."""

from __future__ import annotations

import re

from vntext.normalize import normalize_text

_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")


def lead_end(body: str, chars: int, *, paragraph_within: int = 0) -> int:
    """End of the lead of `body`, an offset in normalize_text(body).

    The lead is the first paragraph when its break comes within `paragraph_within` characters,
    else the first `chars` characters, cut back to a word boundary. The gazetteer reads the first
    paragraph; the relevance rules pass no `paragraph_within` because topics.yaml defines their
    lead as the first `lead_chars` characters and sets its position weights for that span.

    >>> lead_end("Sapo ngắn.\\n\\nThân bài dài hơn nhiều.", 300, paragraph_within=800)
    10
    >>> lead_end("một hai ba bốn", 8)
    7
    """
    if paragraph_within:
        paragraph = _PARAGRAPH.search(body, 0, paragraph_within)
        if paragraph:
            return len(normalize_text(body[: paragraph.start()]))
    text = normalize_text(body)
    if len(text) <= chars:
        return len(text)
    space = text.rfind(" ", 0, chars)
    return space if space > 0 else chars
