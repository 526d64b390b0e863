"""What an error page says beyond its message: each query and path parameter by the label its form
gives it ("Trang", "Tỉnh, thành phố"), and the way back to the page the user was on.

The way back is one of the app's own pages, by its path alone: the failing page without its bad
query string, or the page the Referer names when it is this site's; never a foreign address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pressmon.web.params import DATE_LABELS

# Every parameter a page or the API reads (tests/web/test_web_error_page_words.py walks the
# routes), as the pages' forms label it.
PARAM_LABELS: Mapping[str, str] = {
    **DATE_LABELS,
    "bao": "Cơ quan báo chí",
    "bo_qua": "Bản cùng nội dung bị bỏ qua",
    "cau_chuyen": "Các bản cùng nội dung",
    "chi_tieu": "Chỉ tiêu",
    "chu_de": "Chủ đề",
    "copies": "Áp dụng cho các bản cùng nội dung",
    "cung_noi_dung": "Đã áp dụng cho các bản cùng nội dung",
    "chuyen": "Chuyển Trung tâm",
    "da_luu": "Trạng thái vừa lưu",
    "da_nhan": "Bài vừa nhận xử lý",
    "danh_dau": "Chỉ bài được đánh dấu",
    "gop": "Gộp bài cùng nội dung",
    "loai": "Nhóm nội dung",
    "loai_hinh": "Loại hình",
    "muc": "Mức ưu tiên",
    "next": "Trang quay lại sau khi đăng nhập",
    "nguoi": "Người thực hiện",
    "phan": "Phần bài",
    "q": "Từ khoá",
    "quay_lai": "Hàng đợi để quay lại",
    "report_confirm_asked": "Ô xác nhận báo cáo lãnh đạo",
    "report_confirmed": "Tôi xác nhận đã báo cáo lãnh đạo",
    "sap_xep": "Sắp xếp",
    "thao_tac": "Thao tác",
    "tinh": "Tỉnh, thành phố",
    "trang": "Trang",
    "trang_thai": "Trạng thái",
    "xep": "Sắp xếp",
    "group_by": "Nhóm theo",
    "interval": "Khoảng",
    "document_id": "Mã bài",
    "username": "Tên đăng nhập",
}
# Where one page's form labels a parameter otherwise.
PAGE_PARAM_LABELS: Mapping[tuple[str, str], str] = {
    ("/hang-doi", "nguoi"): "Người xử lý",
}

# The pages a user can be sent back to, by the words the navigation uses.
PAGE_NAMES: Mapping[str, str] = {
    "/hang-doi": "hàng đợi xác minh",
    "/tim-kiem": "trang tìm kiếm",
    "/bao-phu": "trang độ phủ tin bài",
    "/bao-cao": "báo cáo lãnh đạo",
    "/nhat-ky": "nhật ký hệ thống",
    "/nguoi-dung": "trang người dùng",
    "/canh-bao": "cài đặt cảnh báo",
    "/doi-mat-khau": "trang đổi mật khẩu",
}
ITEM_PAGE_NAME = "trang bài viết"
_EXPORT = re.compile(r"\.(csv|xlsx)$")  # an export goes back to the page that offers it
_ITEM = re.compile(r"(/bai/[0-9A-Za-z_-]{1,200})(/.*)?")  # its saved copy and log: the item
HOME = "/hang-doi"
BAD_REQUEST = (400, 422)  # the user's query string is what failed, not the page


def param_label(path: str, name: str) -> str:
    return PAGE_PARAM_LABELS.get((path, name)) or PARAM_LABELS.get(name, name)


@dataclass(frozen=True)
class BackLink:
    href: str
    text: str


def own_page(path: str) -> BackLink | None:
    """The app's page `path` belongs to (an export's page, an item's page), or None."""
    page = _EXPORT.sub("", path)
    item = _ITEM.fullmatch(page)
    if item:
        return BackLink(item.group(1), f"Về {ITEM_PAGE_NAME}")
    name = PAGE_NAMES.get(page)
    return BackLink(page, f"Về {name}") if name else None


def back_link(
    *, method: str, path: str, query: str, status: int, host: str, referer: str
) -> BackLink:
    """The failing page without its query string when that query is what failed; else the page
    the Referer names on this host, unless it is the failing page itself; else the queue."""
    if method in ("GET", "HEAD") and query and status in BAD_REQUEST:
        here = own_page(path)
        if here:
            return here
    came_from = urlsplit(referer)
    if came_from.scheme in ("http", "https") and came_from.netloc == host:
        there = own_page(came_from.path)
        if there and there.href != path:
            return there
    return BackLink(HOME, f"Về {PAGE_NAMES[HOME]}")
