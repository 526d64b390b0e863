"""Misinformation categories C1–C8, their cues, and the Article 11 clause each one concerns.

Article 11 of Luật Tiếp cận thông tin 104/2016/QH13 lists prohibited acts; it imposes no duty to
monitor the press (research notes, factcheck.md §0.1). The clause shown is a pointer for the
reviewer and the legal team, quoted from the statute, never a finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from classifier.patterns import PatternSet
from vntext.normalize import fold

CLAUSE_1 = (
    'Điều 11 khoản 1 Luật Tiếp cận thông tin: "Cố ý cung cấp thông tin sai lệch, không đầy '
    'đủ, trì hoãn việc cung cấp thông tin; hủy hoại thông tin; làm giả thông tin."'
)
CLAUSE_3 = (
    'Điều 11 khoản 3 Luật Tiếp cận thông tin: "Cung cấp hoặc sử dụng thông tin nhằm xúc phạm '
    "danh dự, nhân phẩm, uy tín, gây kỳ thị về giới, gây thiệt hại về tài sản của cá nhân, cơ "
    'quan, tổ chức."'
)
LEGAL_CAVEAT = (
    "Đối chiếu tham khảo: Điều 11 quy định hành vi bị nghiêm cấm, không đặt nghĩa vụ giám "
    "sát báo chí; bộ phận pháp chế xác nhận trước khi sử dụng."
)


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    article11_clause: str | None
    cues: tuple[str, ...]  # regular expressions written with diacritics, matched folded


CATEGORIES: dict[str, Category] = {
    c.code: c
    for c in (
        Category(
            "C1",
            "Mạo danh cơ quan/cán bộ BHXH (cuộc gọi, tin nhắn, Zalo)",
            # Impersonation aims at property (OTP, bank accounts) and fakes BHXH's own information.
            f'{CLAUSE_3} Kèm khoản 1 ("làm giả thông tin") khi giả danh thông báo của BHXH.',
            (
                r"cán bộ (bhxh|bảo hiểm)",
                r"\botp\b",
                r"\bzalo\b",
                r"số tài khoản",
                r"đồng bộ dữ liệu",
                r"xác thực",
                r"bị khóa",
                r"kết bạn",
                r"tự xưng",
                r"giả danh",
                r"mạo danh",
            ),
        ),
        Category(
            "C2",
            "Văn bản, giấy mời giả mạo",
            f'{CLAUSE_1} Trọng tâm: "làm giả thông tin" (văn bản, giấy mời giả). Kèm khoản 3 khi '
            "nhằm chiếm đoạt tài sản hoặc thông tin cá nhân.",
            (
                r"giấy mời",
                r"văn bản số",
                r"công văn",
                r"\d+/bhxh-",
                r"nghị định",
                r"quyết định số",
                r"đóng dấu",
                r"chữ ký",
                r"không cử người",
            ),
        ),
        Category(
            "C3",
            "Kênh giả: website, ứng dụng, fanpage",
            f'{CLAUSE_3} Kèm khoản 1 ("làm giả thông tin"): giả mạo kênh thông tin chính thức.',
            (
                r"\.(com|net|co|biz|top|xyz|online|site|info|vip)\b",
                r"\bapk\b",
                r"vssid \d",
                r"website",
                r"trang web",
                r"fanpage",
                r"cổng dịch vụ công",
                r"tải ứng dụng",
                r"đặt lịch",
            ),
        ),
        Category(
            "C4",
            "Dịch vụ trung gian thu phí, mua bán sổ BHXH",
            CLAUSE_3,
            (
                r"phí hồ sơ",
                r"phí dịch vụ",
                r"\bcọc\b",
                r"giải ngân",
                r"rút (bhxh|bảo hiểm xã hội) (một|1) lần",
                r"ứng (tiền|trước)",
                r"inbox|\bib\b",
                r"nhận làm",
                r"mua (lại )?sổ",
                r"trước hạn",
                r"lấy ngay",
                r"chốt sổ",
            ),
        ),
        Category(
            "C5",
            "Sai lệch chính sách, quyền lợi",
            CLAUSE_1,
            (
                r"không còn chi trả",
                r"hủy sổ",
                r"bị hủy",
                r"bắt buộc",
                r"hết giá trị",
                r"cắt lương hưu",
                r"mất (toàn bộ|quyền lợi)",
                r"từ năm 20\d\d",
                r"không được thanh toán",
            ),
        ),
        Category(
            "C6",
            '"Tiền hỗ trợ" giả',
            f'{CLAUSE_3} Kèm khoản 1 ("làm giả thông tin") khi mạo danh chính sách hỗ trợ.',
            (
                r"tiền hỗ trợ",
                r"trợ cấp",
                r"hoàn trả",
                r"hoàn tiền",
                r"nhận ngay",
                r"đủ điều kiện nhận",
                r"tro cap",
                r"nhan tien",
            ),
        ),
        Category(
            "C7",
            "Xúi giục rút BHXH một lần, so sánh sai",
            CLAUSE_1,
            (
                r"nên rút",
                r"rút ngay",
                r"\blỗ\b",
                r"thương mại",
                r"mất trắng",
                r"đóng bao nhiêu mất",
                r"là dại",
            ),
        ),
        Category(
            "C8",
            "Dự báo, tài chính quỹ gây tranh cãi — cần thêm bối cảnh",
            # A disputed forecast is not a prohibited act; calling it "false" would chill reporting.
            None,
            (
                r"vỡ quỹ",
                r"quỹ [^.]{0,20}vỡ",
                r"cạn kiệt",
                r"mất cân đối",
                r"ngừng trả lương hưu",
                r"phá sản",
                r"không còn tiền trả",
            ),
        ),
    )
}

CONTEXT_NOTE = (
    "Nội dung thuộc nhóm dự báo/tài chính quỹ gây tranh cãi: cần thêm bối cảnh, "
    "không đánh giá là sai sự thật."
)
_CODES = tuple(CATEGORIES)
_PATTERNS = PatternSet([cue for code in _CODES for cue in CATEGORIES[code].cues])
_CODE_OF = tuple(code for code in _CODES for _ in CATEGORIES[code].cues)


def category_scores(text: str) -> Counter[str]:
    """Number of distinct cues of each category found in `text` (compared folded, lower case)."""
    found = _PATTERNS.first(fold(text.lower()), marked=False)
    return Counter(_CODE_OF[i] for i in found)


def pick_category(text: str, claim_categories: list[str], min_cues: int = 2) -> str | None:
    """The category of the best known-claim match if any, else the one with most cues."""
    if claim_categories:
        return claim_categories[0]
    scores = category_scores(text)
    if not scores:
        return None
    code, n = max(sorted(scores.items()), key=lambda kv: kv[1])
    return code if n >= min_cues else None
