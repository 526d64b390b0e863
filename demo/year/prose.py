"""The wording of a generated coverage article, varied per article.

The topic pools hold a few leads and about eight body paragraphs per topic; an article made of
one lead and one paragraph is a near-copy of every other article that drew the same two, and the
story clusterer (word 3-shingles) rightly merges them. Real reports on one topic share phrases,
not whole paragraphs, so here an article is mostly its own figures and people (demo.year.facts)
around a few sentences taken from across the topic's templates, and frequent phrases take one of
a few wordings at each occurrence: two articles sharing a sentence share few of its 3-shingles.
A template sentence that leans on the one before it (a connective, a pronoun, "the" meeting) is
only ever taken right after it, and an article opens with one that leans on nothing.
The length stays that of one lead and one paragraph (the flagger's time grows with the words).

Everything here is drawn from the article's own generator (seeded by its URL, see
demo.year.generate), so the day's draws, which decide which articles exist, never move.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

# A sentence ends at its stop, or at a quotation's closing mark right after one: a quoted word
# ("khoản \u201crút tiền\u201d đã đóng") ends nothing.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]\u201d)) (?=[^\W\d_]|[\u201c{])")

# Frequent phrases and their interchangeable wordings; "" drops an optional word. Only wordings
# that read right wherever the phrase occurs in the pools and facts; a phrase mapped to itself
# alone keeps a longer phrase from being reworded inside ("tại chỗ" is never "ở chỗ", "sử dụng
# lao động" never "dùng lao động", the agency's name keeps its capital). Matched as written
# (lower case but the acronyms): matching so many phrases case-blind made the year 1.6 times
# slower to build.
WORDINGS: Mapping[str, tuple[str, ...]] = {
    "cơ quan BHXH": ("cơ quan BHXH", "cơ quan bảo hiểm xã hội"),
    "BHXH tỉnh": ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
    "BHXH thành phố": ("BHXH thành phố", "Bảo hiểm xã hội thành phố"),
    "Luật BHXH": ("Luật BHXH", "Luật Bảo hiểm xã hội"),
    "Luật BHYT": ("Luật BHYT", "Luật Bảo hiểm y tế"),
    "BHXH toàn dân": ("BHXH toàn dân",),
    "BHXH số": ("BHXH số",),
    "người lao động": ("người lao động", "lao động"),
    "người dân": ("người dân", "bà con"),
    "nhiều người": ("nhiều người", "không ít người", "khá nhiều người"),
    "người cao tuổi": ("người cao tuổi", "người già", "người lớn tuổi"),
    "cho biết": ("cho biết", "cho hay"),
    "theo quy định": ("theo quy định", "theo luật", "theo quy định hiện hành"),
    "hằng tháng": ("hằng tháng", "mỗi tháng", "hàng tháng"),
    "trên địa bàn": ("trên địa bàn", "tại địa phương", "ở địa phương"),
    "trên địa bàn xã": ("trên địa bàn xã",),
    "trên địa bàn phường": ("trên địa bàn phường",),
    "đáng kể": ("đáng kể", "khá nhiều"),
    "rõ rệt": ("rõ rệt", "đáng kể"),
    "cán bộ": ("cán bộ", "nhân viên"),
    "cán bộ hội": ("cán bộ hội",),
    "một số": ("một số", "một vài"),
    "khoảng": ("khoảng", "chừng", "gần"),
    "trong khoảng": ("trong khoảng",),
    "đã": ("đã", ""),
    "tại": ("tại", "ở"),
    "tại chỗ": ("tại chỗ",),
    "tại nhà": ("tại nhà",),
    "doanh nghiệp": ("doanh nghiệp", "công ty"),
    "rất": ("rất", "khá", ""),
    "đều": ("đều", ""),
    "cũng": ("cũng", ""),
    "BHXH": ("BHXH", "bảo hiểm xã hội"),
    "BHYT": ("BHYT", "bảo hiểm y tế"),
    "BHTN": ("BHTN", "bảo hiểm thất nghiệp"),
    "những": ("những", ""),
    "hoặc": ("hoặc", "hay"),
    "khi": ("khi", "lúc"),
    "sau khi": ("sau khi",),
    "ngay": ("ngay", ""),
    "tư vấn": ("tư vấn", "giải đáp"),
    "tư vấn,": ("tư vấn,",),
    "tư vấn mức": ("tư vấn mức",),
    "tuyên truyền": ("tuyên truyền", "truyền thông"),
    "rà soát": ("rà soát", "kiểm tra"),
    "bảo đảm": ("bảo đảm", "đảm bảo"),
    "sử dụng": ("sử dụng", "dùng"),
    "sử dụng lao động": ("sử dụng lao động",),
    "hạn sử dụng": ("hạn sử dụng",),
    "người hưởng": ("người hưởng", "người nhận"),
    "đến": ("đến", "tới"),
    "cụ thể": ("cụ thể", "chi tiết", "rõ ràng"),
    "thuận tiện": ("thuận tiện", "tiện lợi"),
    "kịp thời": ("kịp thời", "sớm"),
    "người bệnh": ("người bệnh", "bệnh nhân"),
    "khám chữa bệnh": ("khám chữa bệnh", "khám, chữa bệnh", "khám và chữa bệnh"),
    "đều đặn": ("đều đặn",),
    "Nhiều": ("Nhiều", "Không ít"),
    "năm trước": ("năm trước", "năm ngoái"),
    "bình quân": ("bình quân", "trung bình"),
    "trung bình": ("trung bình", "bình quân"),
    "tiếp nhận": ("tiếp nhận", "nhận"),
    "giải quyết": ("giải quyết", "xử lý"),
    "giải quyết hưởng": ("giải quyết hưởng",),
    "giải quyết chế độ": ("giải quyết chế độ",),
    "chủ yếu": ("chủ yếu", "phần lớn"),
    "nhân chủ yếu": ("nhân chủ yếu",),
    "trực tuyến": ("trực tuyến", "qua mạng"),
    "trực tuyến qua": ("trực tuyến qua",),
    "tư vấn trực tuyến": ("tư vấn trực tuyến",),
    "công trực tuyến": ("công trực tuyến",),
    "kênh thanh toán trực tuyến": ("kênh thanh toán trực tuyến",),
    "tuần đến": ("tuần đến",),
    "so với cùng kỳ": ("so với cùng kỳ", "so với cùng thời điểm"),
    "đối với": ("đối với", "với"),
    "đẩy mạnh": ("đẩy mạnh", "tăng cường"),
    "tham dự": ("tham dự", "tham gia"),
    "khuyến cáo": ("khuyến cáo", "lưu ý"),
    "lưu ý": ("lưu ý", "khuyến cáo"),
    "trao tặng": ("trao tặng", "trao"),
    "giúp": ("giúp", "giúp cho"),
    "vẫn": ("vẫn", ""),
    "đang": ("đang", ""),
    "hoặc nơi": ("hoặc nơi",),
}
_PHRASE = re.compile(
    r"(?<![^\W\d_]|\{)(" + "|".join(sorted(map(re.escape, WORDINGS), key=len, reverse=True)) + r")"
    r"(?![^\W\d_]|\})( ?)"
)
_CLAUSE_END = re.compile(r";|,(?= nhưng | đồng thời )")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\u201c)([^\W\d_])")
_ABOUT = ("{co_quan}", "{xa}")  # what an opening names: the office or the commune
_LONG = 40  # words: a longer passage gives only its head after the opening (see compose)

# Openings that lean on the sentence before: a connective, or what it names ("the" company, "the"
# cause) is there. A title as a pronoun ("Chị" before a verb, not a name) is found apart.
_REFERS_BACK = (
    "Đây",
    "Theo đó",
    "Ngoài ra",
    "Bên cạnh đó",
    "Vì vậy",
    "Do đó",
    "Do vậy",
    "Trong đó",
    "Cũng theo",
    "Tuy vậy",
    "Tuy nhiên",
    "Nhưng",
    "Đồng thời",
    "Nhờ vậy",
    "Nhờ đó",
    "Từ đó",
    "Kết quả",
    "Riêng",
    "Họ",
    "Nguyên nhân",
    "Công ty",
    "Việc chi trả ở nơi mới",
    "Người xem",
    "Các tiết mục",
    "Thời gian hưởng",
    "Hàng trăm công nhân",
    "Người hưởng không",
    "Mức đóng bằng",
)
_TITLES = ("Anh", "Chị", "Ông", "Bà")
# Within a sentence: "như vậy", "đây là", "… này", "cho biết thêm", "the" meeting just named.
_BACK_REFERENCE = re.compile(
    r"(?<![^\W\d_])(?:như vậy|đây là|này|cho biết thêm|tại hội nghị|tại buổi lễ|tại trạm)"
    r"(?![^\W\d_])"
)
# A pronoun as a subject ("…, họ thường chờ", "… và chị được nhận") whose person the sentence does
# not name; after a quotation it is the speaker's tag and the quotation names them.
_PRONOUN = re.compile(r"(?<!\u201d)(?:,| và) (?:họ|anh|chị|ông|bà)(?! con)(?![^\W\d_])")
_PERSON_SLOT = re.compile(r"\{(?:nam|nu|nguoi|ong_ba)\}")


def _refers_back(sentence: str) -> bool:
    """Whether `sentence` needs the one before it: it opens with a connective or a pronoun, or
    refers to what was just named."""
    words = sentence.split()
    if any(
        sentence.startswith(o) and sentence[len(o) : len(o) + 1] in (" ", ",") for o in _REFERS_BACK
    ):
        return True
    if len(words) > 1 and words[0] in _TITLES and words[1][0].islower():
        return True
    first = sentence.split("\u201c")[0]
    if _BACK_REFERENCE.search(first.lower()):
        return True
    return bool(_PRONOUN.search(first)) and not _PERSON_SLOT.search(first)


@dataclass(frozen=True)
class Passage:
    """A template sentence and those after it that lean on it (a connective, a pronoun, a
    quotation): they are only ever taken after it. `head`: its first sentence or, where that runs
    on after a semicolon or before "nhưng" and "đồng thời", its first clause as a sentence, to
    open an article with (nothing after it is needed); `opens`: whether it may."""

    head: str
    text: str
    opens: bool


@cache  # the same few templates, split for every article
def passages(paragraph: str) -> tuple[Passage, ...]:
    """The paragraph's passages; a quotation stays whole, with what introduces it."""
    out: list[Passage] = []
    for part in _SENTENCE_END.split(paragraph):
        last = out[-1] if out else None
        quoted = last and last.text.count("\u201c") != last.text.count("\u201d")
        if last and (quoted or part.startswith("\u201c") or _refers_back(part)):
            out[-1] = Passage(last.head, f"{last.text} {part}", last.opens)
        else:
            clause = _CLAUSE_END.search(part)
            head = f"{part[: clause.start()]}." if clause else part
            out.append(Passage(head, part, not _refers_back(part)))
    return tuple(out)


def compose(
    rng: random.Random,
    templates: Sequence[str],
    slots: Mapping[str, str],
    own: Sequence[str],
    words: int,
) -> str:
    """About `words` words in two paragraphs: a sentence of `templates` (a topic's paragraphs)
    that names the office or the commune and may open an article, two of the
    article's `own` sentences, one more of the templates', the rest of `own`, then templates'
    again, in a drawn order. Mostly its own sentences: the pools are too small for their
    sentences alone to keep articles apart."""
    pool = [p for paragraph in templates for p in passages(paragraph)]
    rng.shuffle(pool)
    openers = [p for p in pool if p.opens]
    # A short opening: a long one (a quotation) would leave room for too few own sentences. Only
    # its first sentence: what leans on it may go, it leans on nothing.
    opening = next(
        (
            p
            for p in openers
            if any(slot in p.head for slot in _ABOUT) and len(p.head.split()) <= 35
        ),
        openers[0],
    )
    # A long passage would share too many words with every article drawing it: only its head.
    rest = iter(
        (p.text if len(p.text.split()) <= _LONG else p.head).format(**slots)
        for p in pool
        if p != opening
    )
    order = [*own[:2], next(rest, ""), *own[2:], *rest]
    chosen = [opening.head.format(**slots)]
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
        wording = rng.choice(WORDINGS[phrase])
        return wording + space if wording else ""

    reworded = _PHRASE.sub(one, text).replace(" ,", ",").replace(" .", ".")
    # Wordings are lower case ("BHXH tỉnh …" may open a sentence as "bảo hiểm xã hội tỉnh …"):
    # sentences start with a capital again.
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), reworded)
