"""The one label table: the Vietnamese text shown for every stored code (tiers, review statuses,
follow-ups, audit actions, date sources). Web pages, CSV/XLSX exports and human CLI output read
it; JSON carries the code with its label beside it.

Tier names come from `classifier.types.TIER_LABELS`: the classifier's model card prints them too,
and the classifier may import nothing of pressmon.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from classifier.types import TIER_LABELS
from index.types import ReviewEvent
from pressmon.review.offices import OfficeAt
from pressmon.review.statuses import (
    CONTENT_CHANGED,
    CORRECTION_REQUESTED,
    DECISIONS,
    FALSE,
    IN_PROGRESS,
    INSUFFICIENT,
    NO_VIOLATION,
    OUT_OF_SCOPE,
    REPORTED_TO_LEADERSHIP,
    SYSTEM_ACTOR,
    UNSTARTED,
)

STATUS_LABELS: Mapping[str, str] = {
    UNSTARTED: "Chưa xử lý",
    IN_PROGRESS: "Đang xác minh",
    FALSE: "Sai sự thật",
    NO_VIOLATION: "Không vi phạm",
    INSUFFICIENT: "Chưa đủ căn cứ",
    OUT_OF_SCOPE: "Không thuộc phạm vi",
}
FOLLOW_UP_LABELS: Mapping[str, str] = {
    CORRECTION_REQUESTED: "Đã đề nghị cải chính",
    REPORTED_TO_LEADERSHIP: "Đã báo cáo lãnh đạo",
}
ACTION_LABELS: Mapping[str, str] = {
    "status": "Đổi trạng thái",
    "follow_up": "Xử lý tiếp",
    "reopen": "Mở lại",
    "assign": "Phân công",
    "note": "Ghi chú",
    "escalate": "Chuyển Trung tâm",
    "send_back": "Trả lại tỉnh",
    CONTENT_CHANGED: "Bài gốc thay đổi",
}
# What changed in an article edited at its source (`pressmon.article_updates.changed_fields`).
CHANGE_LABELS: Mapping[str, str] = {
    "title": "tiêu đề",
    "body": "nội dung",
    "published_at": "ngày đăng",
}
# The details an audit event carries besides its note (`ReviewEvent.detail`), as the audit log
# and its CSV name them.
DETAIL_LABELS: Mapping[str, str] = {
    "province": "Tỉnh",  # escalate: who sent it up; send_back: who it went back to
    "assignee": "Phân công cho",
    "previous": "Người xử lý trước",
    "follow_up": "Xử lý tiếp",
    "changed": "Thay đổi",
    "tier": "Mức ưu tiên mới",
    "risk": "Điểm rủi ro mới",
    "tier_before": "Mức ưu tiên trước",
    "risk_before": "Điểm rủi ro trước",
    "applied_from": "Áp dụng theo bài",  # a status decided with another copy of its story
}
SYSTEM_LABEL = "Hệ thống"  # who appended an event no person did (SYSTEM_ACTOR)
CENTER_LABEL = "Trung tâm"  # the Center's office, as the UI names it beside "BHXH <tỉnh>"
CLI_PREFIX = "cli:"  # an actor that is the command line's user, no account: "cli:root"
# Next to an item's status while its content changed after the last person acted on it
# (`ReviewState.changed_since_decision`): after a conclusion, or before one (only worked on).
CHANGED_AFTER_DECISION = "Nội dung đã thay đổi sau quyết định"
CHANGED_AFTER_WORK = "Nội dung đã thay đổi sau lần xử lý trước"
TOPIC_LABELS: Mapping[str, str] = {
    "bhxh_bat_buoc": "BHXH bắt buộc",
    "bhxh_tu_nguyen": "BHXH tự nguyện",
    "bhyt": "Bảo hiểm y tế",
    "bhtn": "Bảo hiểm thất nghiệp",
    "luong_huu_chi_tra": "Lương hưu, chi trả",
    "thu_no_dong": "Thu, nợ đóng",
    "truc_loi_lua_dao": "Trục lợi, lừa đảo",
    "chuyen_doi_so_vssid": "Chuyển đổi số, VssID",
    "truyen_thong_chien_dich": "Truyền thông, chiến dịch",
}
KIND_LABELS: Mapping[str, str] = {
    "sector": "Báo ngành",
    "national": "Báo trung ương",
    "provincial": "Báo địa phương",
    "other": "Nguồn khác (diễn đàn, mạng xã hội)",
}
CATEGORY_LABELS: Mapping[str, str] = {
    "C1": "Mạo danh cơ quan, cán bộ BHXH",
    "C2": "Văn bản, giấy mời giả",
    "C3": "Kênh giả (website, ứng dụng, fanpage)",
    "C4": "Dịch vụ trung gian thu phí, mua bán sổ",
    "C5": "Sai lệch chính sách, quyền lợi",
    "C6": "“Tiền hỗ trợ” giả",
    "C7": "Xúi giục rút BHXH một lần, so sánh sai",
    "C8": "Dự báo, tài chính quỹ gây tranh cãi",
}
STANCE_LABELS: Mapping[str, str] = {
    "asserts": "Khẳng định nội dung",
    "reports-and-debunks": "Đưa tin kèm bác bỏ, cảnh báo",
    "neutral": "Đưa tin trung lập",
}
# Where an article's date came from (`Document.date_source`, `crawlers.extract.dates`).
DATE_SOURCE_LABELS: Mapping[str, str] = {
    "json-ld": "Dữ liệu có cấu trúc JSON-LD",
    "meta": "Thẻ meta",
    "time-tag": "Thẻ <time>",
    "visible-text": "Ngày giờ hiển thị trên trang",
    "url": "Đường dẫn bài",
    "input": "Tệp nhập vào",
}
# The fields `Document.extraction` says how each was found (`crawlers.extract.article`), and how.
EXTRACTED_FIELD_LABELS: Mapping[str, str] = {
    "title": "Tiêu đề",
    "lead": "Sapo",
    "body": "Nội dung",
    "published_at": "Ngày đăng",
    "canonical_url": "Địa chỉ chuẩn",
    "outlet": "Cơ quan báo chí",
}
EXTRACTION_METHOD_LABELS: Mapping[str, str] = {
    **DATE_SOURCE_LABELS,
    "css": "Vị trí trên trang (CSS)",
    "density": "Vùng nhiều chữ nhất trang",
    "trafilatura": "Thư viện trafilatura",
    "link": "Thẻ link canonical",
    "request": "Địa chỉ đã tải",
    "config": "Cấu hình nguồn",
    "title": "Tiêu đề trang",
    "domain": "Tên miền",
    "none": "Không có",
}
# Why a date candidate lost (`crawlers.extract.reconcile.Disagreement.kind`).
DATE_DISAGREEMENT_LABELS: Mapping[str, str] = {
    "offset-mislabelled": "ghi sai múi giờ",
    "creation-time": "thời điểm tạo bài chứ không phải lúc đăng",
    "unexplained": "lệch không rõ lý do",
}
# Tier, status and follow-up codes are distinct words, so one table serves them all.
LABELS: Mapping[str, str] = {**TIER_LABELS, **STATUS_LABELS, **FOLLOW_UP_LABELS}


IMPORTED_SUFFIX = " (nhập từ tệp)"


def actor_label(event: ReviewEvent, name: Callable[[str], str] | None = None) -> str:
    """Who did it, as shown: the system's own events say so; an imported event's actor is only
    the name its file gave; `name`, when given, turns an account's username into the name people
    read."""
    if event.actor == SYSTEM_ACTOR and event.action == CONTENT_CHANGED:
        who = SYSTEM_LABEL
    elif event.imported or name is None:
        who = event.actor
    else:
        who = name(event.actor)
    return who + (IMPORTED_SUFFIX if event.imported else "")


def office_label(province: str | None) -> str:
    """An office as the UI names it: a province's "BHXH Nghệ An", the Center's "Trung tâm"."""
    return f"BHXH {province}" if province else CENTER_LABEL


def is_account(actor: str, imported: bool) -> bool:
    """Whether an event's actor is an account of this installation: not the system, the command
    line's user, or the name an imported event's file gave."""
    return not (imported or actor == SYSTEM_ACTOR or actor.startswith(CLI_PREFIX))


def acting_office(actor: str, at: datetime, imported: bool, offices: OfficeAt) -> str:
    """The office an account acted for when it acted ("BHXH Nghệ An", "Trung tâm"), read at that
    time (`offices`, pressmon.review.offices.office_at), not where the account is now: an audit
    trail says on whose behalf each action was taken. "" for an actor that is no account."""
    return office_label(offices(actor, at)) if is_account(actor, imported) else ""


def traced_name(username: str, name: str, office: str) -> str:
    """A person as an audit trail read by leadership names them: the name people read, with the
    account and the office it acted for beside it for traceability ("Nguyễn Văn An (an, BHXH
    Nghệ An)"); `office` "" when there is none to name."""
    trace = ", ".join(part for part in (username if name != username else "", office) if part)
    return f"{name} ({trace})" if trace else name


def traced_actor(event: ReviewEvent, names: Mapping[str, str], offices: OfficeAt) -> str:
    """Who did it, as an item's log shows it (`actor_label`, a person by `traced_name` with the
    office it acted for then); `names`: usernames to the names people read."""
    office = acting_office(event.actor, event.at, event.imported, offices)
    return actor_label(event, lambda user: traced_name(user, names.get(user, user), office))


def detail_text(key: str, value: object) -> str:
    """One detail of an audit event as people read it ("Tỉnh: Nghệ An"); an unknown key is
    shown as it is stored."""
    if key in ("follow_up", "tier", "tier_before"):
        shown = label(str(value))
    elif key == "changed" and isinstance(value, list | tuple):
        shown = ", ".join(CHANGE_LABELS.get(str(v), str(v)) for v in value)
    elif isinstance(value, float):
        shown = f"{value:.2f}".replace(".", ",")
    else:
        shown = str(value)
    return f"{DETAIL_LABELS.get(key, key)}: {shown}"


def changed_marker(status: str) -> str:
    """The marker of an item whose content changed since someone last acted on it."""
    return CHANGED_AFTER_DECISION if status in DECISIONS else CHANGED_AFTER_WORK


def label(code: str | None) -> str:
    """The Vietnamese text for a tier, status or follow-up code ("" for None); an unknown value
    is shown as it is stored, so nothing a reviewer should see is hidden."""
    if code is None:
        return ""
    return LABELS.get(code, code)
