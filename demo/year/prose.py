"""The wording of a generated coverage article or forum answer, varied per article.

The topic pools hold a few leads and about eight body paragraphs per topic; an article made of
one lead and one paragraph is a near-copy of every other article that drew the same two, and the
story clusterer (word 3-shingles) rightly merges them. Real reports on one topic share phrases,
not whole paragraphs, so here an article is mostly its own figures and people (demo.year.facts)
around a few sentences taken from across the topic's templates, and frequent phrases take one of
a few wordings at each occurrence: two articles sharing a sentence share few of its 3-shingles.
The length stays that of one lead and one paragraph (the flagger's time grows with the words).

Everything here is drawn from the article's own generator (seeded by its URL, see
demo.year.generate), so the day's draws, which decide which articles exist, never move.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from functools import cache

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d]) (?=[^\W\d_]|[\u201c{])")

# Frequent phrases and their interchangeable wordings; "" drops an optional word. Only wordings
# that read right wherever the phrase occurs in the pools. Matched as written (lower case but
# the acronyms): matching so many phrases case-blind made the year 1.6 times slower to build.
_WORDINGS: Mapping[str, tuple[str, ...]] = {
    "cơ quan BHXH": ("cơ quan BHXH", "ngành BHXH", "cơ quan bảo hiểm xã hội"),
    "người lao động": ("người lao động", "người làm công", "lao động"),
    "người dân": ("người dân", "bà con", "nhân dân"),
    "nhiều người": ("nhiều người", "không ít người", "khá nhiều người"),
    "người cao tuổi": ("người cao tuổi", "người già", "người lớn tuổi"),
    "cho biết": ("cho biết", "cho hay", "thông tin"),
    "theo quy định": ("theo quy định", "theo luật", "theo quy định hiện hành"),
    "hằng tháng": ("hằng tháng", "mỗi tháng", "hàng tháng"),
    "trên địa bàn": ("trên địa bàn", "tại địa phương", "ở địa phương"),
    "đáng kể": ("đáng kể", "rõ rệt", "khá nhiều"),
    "rõ rệt": ("rõ rệt", "đáng kể", "thấy rõ"),
    "chính sách": ("chính sách", "chủ trương"),
    "hướng dẫn": ("hướng dẫn", "chỉ dẫn"),
    "cán bộ": ("cán bộ", "nhân viên", "viên chức"),
    "phối hợp với": ("phối hợp với", "cùng", "kết hợp với"),
    "thực hiện": ("thực hiện", "triển khai", "tiến hành"),
    "trực tuyến": ("trực tuyến", "qua mạng", "online"),
    "quyền lợi": ("quyền lợi", "lợi ích"),
    "một số": ("một số", "một vài", "một bộ phận"),
    "khoảng": ("khoảng", "chừng", "gần"),
    "các": ("các", "những"),
    "đã": ("đã", ""),
    "tại": ("tại", "ở"),
    "doanh nghiệp": ("doanh nghiệp", "công ty"),
    "rất": ("rất", "khá", ""),
    "đều": ("đều", ""),
    "cũng": ("cũng", ""),
    "BHXH": ("BHXH", "bảo hiểm xã hội"),
    "BHYT": ("BHYT", "bảo hiểm y tế"),
    "BHTN": ("BHTN", "bảo hiểm thất nghiệp"),
    "những": ("những", "các", ""),
    "hoặc": ("hoặc", "hay"),
    "khi": ("khi", "lúc"),
    "ngay": ("ngay", ""),
    "tiếp tục": ("tiếp tục", "sẽ tiếp tục", "tiếp"),
    "đóng": ("đóng", "nộp"),
    "làm việc": ("làm việc", "làm"),
    "hỗ trợ": ("hỗ trợ", "trợ giúp"),
    "chi trả": ("chi trả", "trả", "thanh toán"),
    "tư vấn": ("tư vấn", "giải đáp"),
    "tuyên truyền": ("tuyên truyền", "truyền thông", "phổ biến"),
    "kiểm tra": ("kiểm tra", "rà soát"),
    "rà soát": ("rà soát", "kiểm tra", "soát xét"),
    "khó khăn": ("khó khăn", "vất vả"),
    "bảo đảm": ("bảo đảm", "đảm bảo"),
    "sử dụng": ("sử dụng", "dùng"),
    "người hưởng": ("người hưởng", "người nhận"),
    "đến": ("đến", "tới"),
    "cụ thể": ("cụ thể", "chi tiết", "rõ ràng"),
    "thuận tiện": ("thuận tiện", "tiện lợi"),
    "kịp thời": ("kịp thời", "sớm"),
    "chủ yếu": ("chủ yếu", "phần lớn"),
    "người bệnh": ("người bệnh", "bệnh nhân"),
    "khám chữa bệnh": ("khám chữa bệnh", "khám, chữa bệnh", "khám và chữa bệnh"),
    "giải quyết": ("giải quyết", "xử lý"),
    "gửi": ("gửi", "chuyển"),
}
_PHRASE = re.compile(
    r"(?<![^\W\d_]|\{)(" + "|".join(sorted(map(re.escape, _WORDINGS), key=len, reverse=True)) + r")"
    r"(?![^\W\d_]|\})( ?)"
)
_CLAUSE_END = re.compile(r"(?:;|,(?= nhưng | đồng thời )) ([^\W\d_])")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\u201c)([^\W\d_])")


@cache  # the same few templates, split for every article
def sentences(paragraph: str) -> tuple[str, ...]:
    """The paragraph's sentences, its clauses after a semicolon or before "nhưng" and "đồng
    thời" standing alone; a quotation stays whole, with what introduces it."""
    out: list[str] = []
    for part in _SENTENCE_END.split(_CLAUSE_END.sub(_clause, paragraph)):
        if out and (
            out[-1].count("\u201c") != out[-1].count("\u201d") or part.startswith("\u201c")
        ):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return tuple(out)


def _clause(match: re.Match[str]) -> str:
    return ". " + match.group(1).upper()


def compose(
    rng: random.Random,
    templates: Sequence[str],
    slots: Mapping[str, str],
    own: Sequence[str],
    words: int,
) -> str:
    """About `words` words in two paragraphs: a sentence of `templates` (a topic's paragraphs)
    that names the office or the commune, two of the article's `own` sentences, one more of the
    templates', the rest of `own`, then templates' again, in a drawn order. Mostly its own
    sentences: the pools are too small for their sentences alone to keep articles apart."""
    pool = [s for paragraph in templates for s in sentences(paragraph)]
    rng.shuffle(pool)
    # A short opening: a long one (a quotation) would leave room for too few own sentences.
    opening = next(
        (s for s in pool if ("{co_quan}" in s or "{xa}" in s) and len(s.split()) <= 35), pool[0]
    )
    rest = iter(s.format(**slots) for s in pool if s != opening)
    order = [*own[:2], next(rest, ""), *own[2:], *rest]
    chosen = [opening.format(**slots)]
    for sentence in order:
        if sum(len(s.split()) for s in chosen) >= words:
            break
        chosen.append(sentence)
    split = max(1, len(chosen) // 2)
    return reword(
        rng, "\n\n".join(" ".join(part) for part in (chosen[:split], chosen[split:]) if part)
    )


def reword(rng: random.Random, text: str) -> str:
    """Each frequent phrase in one of its wordings, drawn at each occurrence."""

    def one(match: re.Match[str]) -> str:
        phrase, space = match.group(1), match.group(2)
        wording = rng.choice(_WORDINGS[phrase])
        return wording + space if wording else ""

    reworded = _PHRASE.sub(one, text).replace(" ,", ",").replace(" .", ".")
    # Wordings are lower case ("BHXH tỉnh …" may open a sentence as "bảo hiểm xã hội tỉnh …"):
    # sentences start with a capital again.
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), reworded)
