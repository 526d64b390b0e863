"""Headline templates for the demo year, per topic; slots as in demo.content.compose.fill_slots."""

# ruff: noqa: E501  (Vietnamese headlines)

from __future__ import annotations

from collections.abc import Mapping

TITLES: Mapping[str, tuple[str, ...]] = {
    "bhxh_bat_buoc": (
        "{co_quan} đôn đốc đơn vị đăng ký BHXH bắt buộc cho {n1} lao động",
        "Mở rộng diện tham gia BHXH bắt buộc: chuyển biến ở {tinh} sau Luật BHXH 2024",
        "Hộ kinh doanh ở {tinh} bắt đầu tham gia BHXH bắt buộc",
    ),
    "bhxh_tu_nguyen": (
        "{co_quan}: thêm {n1} người tham gia BHXH tự nguyện trong tháng {thang}",
        "Lao động tự do ở {tinh} tìm đến BHXH tự nguyện để có lương hưu",
        "Hỗ trợ tiền đóng BHXH tự nguyện: người dân {tinh} được lợi gì?",
    ),
    "bhyt": (
        "{co_quan} vận động hộ gia đình tham gia BHYT, tỷ lệ bao phủ đạt {pct}",
        "Khám chữa bệnh BHYT bằng căn cước: thuận tiện cho người bệnh ở {tinh}",
        "Quyền lợi BHYT khi điều trị bệnh nặng: {co_quan} giải đáp",
    ),
    "bhtn": (
        "{co_quan} chi trả trợ cấp thất nghiệp cho {n1} lao động",
        "Bảo hiểm thất nghiệp: điểm tựa cho người mất việc ở {tinh}",
        "Học nghề miễn phí từ quỹ bảo hiểm thất nghiệp tại {tinh}",
    ),
    "luong_huu_chi_tra": (
        "{co_quan} chi trả lương hưu tháng {thang} qua tài khoản cá nhân",
        "Người hưởng lương hưu ở {tinh} nhận tiền đúng hạn, an toàn",
        "Chi trả lương hưu, trợ cấp BHXH tháng {thang}: {co_quan} hoàn thành sớm",
    ),
    "thu_no_dong": (
        "{co_quan} đôn đốc thu hồi nợ đóng BHXH, BHYT: còn {tien} chậm đóng",
        "Doanh nghiệp ở {tinh} nợ đóng BHXH bị nêu tên công khai",
        "Thu BHXH, BHYT tháng {thang}: {co_quan} đạt {pct} kế hoạch",
    ),
    "chuyen_doi_so_vssid": (
        "{co_quan} hướng dẫn người dân cài đặt, sử dụng ứng dụng VssID",
        "Giao dịch điện tử BHXH ở {tinh}: {pct} hồ sơ nộp trực tuyến",
        "Tích hợp căn cước với thẻ BHYT: người dân {tinh} hưởng lợi",
    ),
    "truyen_thong_chien_dich": (
        "{co_quan} hưởng ứng Tháng vận động triển khai BHXH toàn dân",
        "Ra quân tuyên truyền BHXH, BHYT tại {xa}, {tinh}",
        "Ngày BHYT Việt Nam 1/7: {co_quan} tổ chức truyền thông lưu động",
    ),
}
FORUM_QUESTIONS: tuple[str, ...] = (
    "Hỏi đáp: đóng BHXH tự nguyện bao lâu thì được hưởng lương hưu?",
    "Hỏi đáp: thẻ BHYT hộ gia đình hết hạn thì gia hạn ở đâu?",
    "Hỏi đáp: nghỉ việc bao lâu thì làm hồ sơ trợ cấp thất nghiệp?",
    "Hỏi đáp: cách xem quá trình đóng BHXH trên VssID",
    "Hỏi đáp: lương hưu tháng này chuyển vào tài khoản ngày nào?",
)
