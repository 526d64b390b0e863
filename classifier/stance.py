"""Stance of a text toward the false content it contains: asserts, reports-and-debunks, neutral.

Rules first, model second. Cues are written with diacritics for the reader of this file and
matched folded, so a warning typed without diacritics ("BHXH canh bao gia mao") reads the same.

A warning needs a frame: words that name the content as false or fraudulent, or that tell the
reader to beware ("giả mạo", "cảnh giác", "không có chủ trương", "bác bỏ"). Words that only set a
criminal scene ("lừa đảo", "chiếm đoạt", "khởi tố") count less: police-impersonation scams use them
to threaten ("hành vi LỪA ĐẢO, CHIẾM ĐOẠT TÀI SẢN"). Press warnings quote the scam word for word,
so assertion cues inside quotation marks count only a quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.patterns import PatternSet
from classifier.types import Stance
from vntext.normalize import fold, typed_with_diacritics


@dataclass(frozen=True)
class Cues:
    """Weighted cue patterns, written with diacritics (matched as typed or folded)."""

    patterns: PatternSet
    weights: tuple[float, ...]


def _folded(cues: tuple[tuple[str, float], ...]) -> Cues:
    return Cues(PatternSet([p for p, _ in cues]), tuple(w for _, w in cues))


# What a scam asks its reader to do, as an office's notice says it never asks for it.
_ASKED = (
    r"yêu cầu( \w+){0,2} (cung cấp|chuyển|nộp|cài|đăng nhập|truy cập|bấm|nhấn|xác minh|xác thực"
    r"|đọc|gửi|kê khai)"
)
# Words that frame content as false or as fraud, or that tell the reader to beware.
_FRAME_CUES = _folded(
    (
        (r"cảnh báo(?! lần cuối)", 1.0),
        (r"giả mạo", 1.0),
        (r"mạo danh", 1.0),
        (r"giả danh", 0.8),
        (r"không có chủ trương", 2.0),
        (r"(thông tin )?sai sự thật", 1.5),
        (r"thông tin (giả|thất thiệt|bịa đặt)|tin giả|tin đồn", 1.0),
        (r"(bhxh|bảo hiểm xã hội)( \w+){0,6} (khẳng định|cho biết không|bác bỏ|phủ nhận)", 1.5),
        (r"bác bỏ|phủ nhận|đính chính|lên tiếng", 1.0),
        (r"khuyến cáo", 1.0),
        (
            r"đề nghị (người dân|người lao động|bà con|quý vị|mọi người|nhân dân) "
            r"(không|cảnh giác|tỉnh táo)",
            1.5,
        ),
        (r"cảnh giác", 1.0),
        # Headlines that expose or tell the reader to keep a clear head, and an office's or a
        # local official's reminder ("Lật tẩy…", "BHXH Hòa Lâm lưu ý…", "đây là lừa đảo").
        # "Tỉnh táo" alone is also "conscious" ("ông cụ vẫn tỉnh táo"): only as advice.
        (r"lật tẩy|vạch trần|bóc trần|(cần|hãy|phải) tỉnh táo|tỉnh táo (trước|với|khi)", 1.0),
        (r"lưu ý (người dân|người lao động|bà con|quý vị|mọi người)", 1.0),
        (
            r"(bhxh|bảo hiểm xã hội|công an|ngân hàng|ubnd|cơ quan)( \w+){0,4} (lưu ý|nhắc nhở)",
            1.0,
        ),
        (r"(đây|đó) là (thủ đoạn |chiêu |hành vi )?lừa đảo", 1.5),
        (r"thủ đoạn|chiêu (trò|lừa)", 1.0),
        (r"kẻ gian|các đối tượng|đối tượng lừa đảo", 0.8),
        (r"không bao giờ (yêu cầu|gọi|nhắn)", 1.5),
        # An office saying what it never does, and advice not to act: the words of its notices
        # ("BHXH không gọi điện, không nhắn tin…", "vui lòng không cung cấp OTP"). "Nếu không"
        # is a threat's condition. "Không yêu cầu" counts only before what a scam asks the
        # reader to do: lures promise "không yêu cầu kinh nghiệm / đặt cọc / vốn" too.
        (
            r"(?<!nếu )(?<!bao giờ )không (gọi điện|nhắn tin|gửi (tin nhắn|sms|đường link|link)"
            rf"|{_ASKED})",
            1.5,
        ),
        (
            r"(bhxh|bảo hiểm xã hội|cơ quan|cán bộ|ngân hàng|nhân viên)( \w+){0,6} "
            rf"không (bao giờ )?(gọi|nhắn|gửi|{_ASKED})",
            0.5,
        ),
        (
            r"(?<!nếu )(đừng|không nên|không) (cung cấp|đọc|chia sẻ|bấm|nhấn|truy cập|cài|"
            r"chuyển (tiền|khoản)|làm theo|nghe theo|đăng nhập)",
            1.0,
        ),
        (r"(tiếp nhận|nhận được) (tin báo|phản ánh)", 0.5),
        (r"không có chính sách", 1.5),
        (r"chỉ tải( \w+){0,8} (ch play|app store)", 1.0),
        (r"không có chuyện", 1.5),
        (r"tuyệt đối không", 1.0),
    )
)
# Words that set a criminal scene: reporting, or the vocabulary of a threat.
_SCENE_CUES = _folded(
    (
        (r"lừa đảo", 0.5),
        (r"chiếm đoạt", 0.5),
        (r"tuyên phạt|bị cáo|khởi tố|bắt giữ|tạm giữ", 0.5),
        (r"mất tiền|sập bẫy|mắc bẫy|bị lừa|nạn nhân", 0.5),
    )
)
_ASSERT_CUES = _folded(
    (
        (r"liên hệ ngay|gọi ngay", 1.0),
        (r"bấm vào|nhấn vào|click", 1.0),
        (r"truy cập", 0.6),
        (r"quét mã", 1.0),
        (r"tải (file|tệp|ứng dụng)", 0.6),
        (r"(nhập|cung cấp|đọc) (mã )?otp", 1.0),
        (r"(điền|nhập|cung cấp) (số thẻ|thông tin thẻ|số tài khoản|mật khẩu)", 1.0),
        (r"chuyển khoản", 0.8),
        (r"ib|inbox", 1.0),
        (r"kết bạn zalo|zalo", 0.5),
        (r"phí hồ sơ|phí dịch vụ|cọc trước", 1.0),
        (r"uy tín|bao đậu", 1.0),
        # The task-job lure: pay for work from home, promised by the day.
        (r"(kiếm tiền|làm việc|làm) tại nhà|việc nhẹ lương cao|thu nhập (mỗi|hàng) ngày", 1.0),
        (r"nhận ngay", 1.0),
        (r"chúc mừng", 1.0),
        (r"hạn cuối", 0.8),
        (r"kẻo|trước khi quá muộn|chia sẻ (ngay|để)|hãy chia sẻ|share ngay", 1.0),
        (r"bên em|bên mình|em là|tôi là|chúng tôi nhận|nhận làm|thu mua", 1.0),
        (r"vui lòng", 0.8),
        (r"tin nóng|khẩn", 0.8),
        (r"sẽ bị (khóa|hủy|cắt|dừng)|bị khóa vĩnh viễn|bị cắt lương", 1.0),
        (r"nên rút|rút ngay|rút hết", 1.0),
        (r"phải tự đến|đề nghị mang|mang theo căn cước", 0.8),
        (r"trước ngày", 0.5),
    )
)
_QUOTED = re.compile(r"\"[^\"]{20,}\"|“[^”]{20,}”|«[^»]{20,}»|'[^']{40,}'")
_PRESS_KINDS = frozenset({"sector", "national", "provincial"})
# Thresholds of the rules below.
DEBUNK_MIN = 2.0  # frame + scene evidence for reports-and-debunks
FRAME_MIN = 1.0  # of which frame evidence
ASSERT_MIN = 2.0
MODEL_ASSERT = 0.6  # model risk at which an unframed text is read as asserting
PRESS_PRIOR = 0.5  # press usually warns: a small push, never decisive alone
QUOTE_BONUS = 1.0  # a warning that quotes the content it corrects


@dataclass(frozen=True)
class StanceResult:
    stance: Stance
    debunk_score: float
    assert_score: float
    debunk_cues: tuple[str, ...]
    assert_cues: tuple[str, ...]


def _hits(
    cues: Cues, text: str, marked: bool, *, skip_negated: bool = False
) -> list[tuple[str, float]]:
    """(folded cue words, weight) of each cue found in lower-case `text`; with `skip_negated`,
    not a cue a negation governs (`PatternSet.first`): "không nhắn tin yêu cầu cung cấp mã
    OTP" is advice, not a call to act."""
    found = cues.patterns.first(text, marked=marked, skip_negated=skip_negated)
    return [(hit.words, cues.weights[i]) for i, hit in sorted(found.items())]


def _total(hits: list[tuple[str, float]]) -> float:
    return sum(w for _, w in hits)


def detect_stance(
    title: str,
    text: str,
    *,
    model_risk: float,
    claim_matched: bool,
    outlet_kind: str | None,
    scam_score: float = 0.0,
    marked: bool | None = None,
) -> StanceResult:
    """Weigh warning frames against assertion cues; title cues count double.

    `title` and `text` are NFC text with their punctuation (quotes are found in them); `marked`
    says whether the text was typed with diacritics (then cues are matched as written, else
    folded). A text the scam cues already rate at `MODEL_ASSERT` or more needs a stronger frame
    to count as a warning.
    """

    if marked is None:
        marked = typed_with_diacritics(f"{title} {text}")

    def lower(s: str) -> str:
        return s.lower() if marked else fold(s.lower())

    quotes = _QUOTED.findall(text)
    title_l, unquoted, quoted = lower(title), lower(_QUOTED.sub(" ", text)), lower(" ".join(quotes))

    def both(cues: Cues, skip_negated: bool = False) -> list[tuple[str, float]]:
        body = _hits(cues, unquoted, marked, skip_negated=skip_negated)
        heading = _hits(cues, title_l, marked, skip_negated=skip_negated)
        return body + [(c, 2 * w) for c, w in heading]

    # A call to act that is negated ("không cung cấp mã OTP", "đừng bấm vào") is advice.
    frame, scene = both(_FRAME_CUES), both(_SCENE_CUES)
    asserting = both(_ASSERT_CUES, skip_negated=True)
    asserting += [(c, 0.25 * w) for c, w in _hits(_ASSERT_CUES, quoted, marked, skip_negated=True)]
    frame_score = _total(frame)
    debunk_score = frame_score + _total(scene)
    assert_score = _total(asserting)
    if quotes and frame_score >= FRAME_MIN:
        debunk_score += QUOTE_BONUS
    if outlet_kind in _PRESS_KINDS:
        debunk_score += PRESS_PRIOR
    framed = frame_score >= FRAME_MIN * (2 if scam_score >= MODEL_ASSERT else 1)
    if (
        framed
        and debunk_score >= DEBUNK_MIN
        and (claim_matched or debunk_score >= 0.6 * assert_score)
    ):
        stance: Stance = "reports-and-debunks"
    elif assert_score >= ASSERT_MIN and assert_score > debunk_score:
        stance = "asserts"
    elif max(model_risk, scam_score) >= MODEL_ASSERT and frame_score < 1.5:
        stance = "asserts"  # confident evidence and nothing frames it as a warning
    else:
        stance = "neutral"
    return StanceResult(
        stance=stance,
        debunk_score=round(debunk_score, 2),
        assert_score=round(assert_score, 2),
        debunk_cues=tuple(dict.fromkeys(c for c, _ in frame + scene)),
        assert_cues=tuple(dict.fromkeys(c for c, _ in asserting)),
    )
