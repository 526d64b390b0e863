"""Stance of an article toward the false content it contains: asserts, reports-and-debunks, neutral.

Rules first, model second. Press warnings quote the scam word for word, so assertion cues inside
quotation marks count only a quarter: they are the thing being reported, not the article's voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.types import Stance

_DEBUNK_CUES: tuple[tuple[str, float], ...] = (
    (r"cảnh báo", 1.0),
    (r"giả mạo", 1.0),
    (r"mạo danh", 1.0),
    (r"giả danh", 0.8),
    (r"không có chủ trương", 2.0),
    (r"(thông tin )?sai sự thật", 1.5),
    (r"(bhxh|bảo hiểm xã hội)[^.]{0,40}(khẳng định|cho biết không)", 1.5),
    (r"khuyến cáo", 1.0),
    (r"đề nghị người dân (không|cảnh giác)", 1.5),
    (r"cảnh giác", 1.0),
    (r"thủ đoạn", 1.0),
    (r"kẻ gian|các đối tượng|đối tượng lừa đảo", 0.8),
    (r"chiếm đoạt", 0.8),
    (r"không bao giờ (yêu cầu|gọi|nhắn)", 1.5),
    (r"(tiếp nhận|nhận được) (tin báo|phản ánh)", 0.5),
    (r"tuyên phạt|bị cáo|khởi tố|bắt giữ|tạm giữ", 1.0),
    (r"không có chính sách", 1.5),
    (r"chỉ tải[^.]{0,40}(ch play|app store)", 1.0),
    (r"lừa đảo", 0.5),
    (r"tin đồn", 0.8),
    (r"không có chuyện", 1.5),
    (r"miễn phí", 0.3),
)
_ASSERT_CUES: tuple[tuple[str, float], ...] = (
    (r"liên hệ ngay|gọi ngay|lien he", 1.0),
    (r"bấm vào|nhấn vào|bam vao|click", 1.0),
    (r"truy cập|truy cap", 0.6),
    (r"quét mã", 1.0),
    (r"tải (file|tệp|ứng dụng)", 0.6),
    (r"(nhập|cung cấp|đọc) (mã )?otp", 1.0),
    (r"chuyển khoản", 0.8),
    (r"\bib\b|inbox", 1.0),
    (r"kết bạn zalo|zalo", 0.5),
    (r"phí hồ sơ|phí dịch vụ|cọc trước", 1.0),
    (r"uy tín|bao đậu", 1.0),
    (r"nhận ngay|nhan ngay", 1.0),
    (r"chúc mừng", 1.0),
    (r"hạn cuối", 0.8),
    (r"kẻo|trước khi quá muộn|chia sẻ (ngay|để)|hãy chia sẻ", 1.0),
    (r"bên em|bên mình|em là|tôi là|chúng tôi nhận|nhận làm|thu mua", 1.0),
    (r"vui lòng|vui long", 0.8),
    (r"tin nóng|khẩn", 0.8),
    (r"!{2,}|‼️|🔥|👉", 0.5),
    (r"sẽ bị (khóa|hủy|cắt|dừng)|se bi khoa|bị khóa vĩnh viễn|bị cắt lương", 1.0),
    (r"nên rút|rút ngay|rut ngay|rút hết", 1.0),
    (r"phải tự đến|đề nghị mang|mang theo căn cước", 0.8),
    (r"trước ngày|truoc ngay", 0.5),
)
_QUOTED = re.compile(r"\"[^\"]{20,}\"|“[^”]{20,}”|«[^»]{20,}»|'[^']{40,}'")
_PRESS_KINDS = frozenset({"sector", "national", "provincial"})


@dataclass(frozen=True)
class StanceResult:
    stance: Stance
    debunk_score: float
    assert_score: float
    debunk_cues: tuple[str, ...]
    assert_cues: tuple[str, ...]


def _hits(cues: tuple[tuple[str, float], ...], text: str) -> list[tuple[str, float]]:
    found = []
    for pattern, weight in cues:
        m = re.search(pattern, text)
        if m:
            found.append((m.group(0), weight))
    return found


def _total(hits: list[tuple[str, float]]) -> float:
    return sum(w for _, w in hits)


def detect_stance(
    title: str, text: str, *, model_risk: float, claim_matched: bool, outlet_kind: str | None
) -> StanceResult:
    """Weigh debunk cues against assertion cues; title cues count double.

    An article that quotes a known claim next to correction cues reports and debunks it. Outlet
    kind adds a small prior toward reporting (the press usually warns), never decides alone.
    """
    title_l, body_l = title.lower(), text.lower()
    quotes = _QUOTED.findall(body_l)
    unquoted = _QUOTED.sub(" ", body_l)
    body_debunk, title_debunk = _hits(_DEBUNK_CUES, unquoted), _hits(_DEBUNK_CUES, title_l)
    body_assert, title_assert = _hits(_ASSERT_CUES, unquoted), _hits(_ASSERT_CUES, title_l)
    quoted_assert = _hits(_ASSERT_CUES, " ".join(quotes))
    debunk_score = _total(body_debunk) + 2 * _total(title_debunk)
    assert_score = _total(body_assert) + 2 * _total(title_assert) + 0.25 * _total(quoted_assert)
    if quotes and debunk_score >= 1.5:
        debunk_score += 1.0  # quoting the claim inside a warning frame
    if outlet_kind in _PRESS_KINDS:
        debunk_score += 0.5

    if debunk_score >= 2.0 and (claim_matched or debunk_score >= 0.6 * assert_score):
        stance: Stance = "reports-and-debunks"
    elif assert_score >= 2.0 and assert_score > debunk_score:
        stance = "asserts"
    elif model_risk >= 0.6 and debunk_score < 1.5:
        stance = "asserts"  # the model is confident and nothing in the text frames it as a warning
    else:
        stance = "neutral"
    return StanceResult(
        stance=stance,
        debunk_score=round(debunk_score, 2),
        assert_score=round(assert_score, 2),
        debunk_cues=tuple(dict.fromkeys(c for c, _ in title_debunk + body_debunk)),
        assert_cues=tuple(dict.fromkeys(c for c, _ in title_assert + body_assert + quoted_assert)),
    )
