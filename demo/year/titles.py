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
# A forum post asks about its own topic, the one its answer is drawn from. Five questions a topic:
# `rng.choice` of five draws as the one list of five did, so every other draw of the year stays.
FORUM_QUESTIONS: Mapping[str, tuple[str, ...]] = {
    "bhxh_bat_buoc": (
        "Hỏi đáp: công ty chưa đóng BHXH cho người lao động thì báo ở đâu?",
        "Hỏi đáp: hợp đồng lao động một tháng có phải đóng BHXH bắt buộc không?",
        "Hỏi đáp: chủ hộ kinh doanh đóng BHXH bắt buộc từ khi nào?",
        "Hỏi đáp: tiền lương nào dùng để tính mức đóng BHXH bắt buộc?",
        "Hỏi đáp: chuyển sang công ty mới thì quá trình đóng BHXH có được cộng nối?",
    ),
    "bhxh_tu_nguyen": (
        "Hỏi đáp: đóng BHXH tự nguyện bao lâu thì được hưởng lương hưu?",
        "Hỏi đáp: mức đóng BHXH tự nguyện thấp nhất mỗi tháng là bao nhiêu?",
        "Hỏi đáp: người đóng BHXH tự nguyện được Nhà nước hỗ trợ bao nhiêu?",
        "Hỏi đáp: đóng BHXH tự nguyện theo quý hay theo năm thì thuận tiện hơn?",
        "Hỏi đáp: đang đóng BHXH tự nguyện có tạm dừng được không?",
    ),
    "bhyt": (
        "Hỏi đáp: thẻ BHYT hộ gia đình hết hạn thì gia hạn ở đâu?",
        "Hỏi đáp: đi khám trái tuyến thì BHYT chi trả bao nhiêu?",
        "Hỏi đáp: khám bệnh bằng căn cước thay thẻ BHYT được không?",
        "Hỏi đáp: sinh viên mua BHYT ở trường hay ở địa phương?",
        "Hỏi đáp: có thẻ BHYT 5 năm liên tục được quyền lợi gì?",
    ),
    "bhtn": (
        "Hỏi đáp: nghỉ việc bao lâu thì làm hồ sơ trợ cấp thất nghiệp?",
        "Hỏi đáp: đang hưởng trợ cấp thất nghiệp mà có việc mới thì báo thế nào?",
        "Hỏi đáp: mức trợ cấp thất nghiệp mỗi tháng được tính ra sao?",
        "Hỏi đáp: đang hưởng trợ cấp thất nghiệp có được học nghề miễn phí không?",
        "Hỏi đáp: tự ý nghỉ việc có được hưởng trợ cấp thất nghiệp không?",
    ),
    "luong_huu_chi_tra": (
        "Hỏi đáp: lương hưu tháng này chuyển vào tài khoản ngày nào?",
        "Hỏi đáp: người hưởng lương hưu chuyển nơi ở thì làm thủ tục gì?",
        "Hỏi đáp: ủy quyền cho con nhận lương hưu thay cần giấy tờ gì?",
        "Hỏi đáp: người hưởng lương hưu có được cấp thẻ BHYT không?",
        "Hỏi đáp: lương hưu, trợ cấp BHXH chi trả vào ngày mấy hằng tháng?",
    ),
    "thu_no_dong": (
        "Hỏi đáp: công ty nợ đóng BHXH thì người lao động có được chốt sổ không?",
        "Hỏi đáp: doanh nghiệp chậm đóng BHXH bị xử lý thế nào?",
        "Hỏi đáp: công ty chậm đóng BHXH thì quyền lợi của người lao động ra sao?",
        "Hỏi đáp: công ty nợ BHXH thì thẻ BHYT của người lao động còn dùng được không?",
        "Hỏi đáp: doanh nghiệp khó khăn có được giãn thời hạn nợ đóng BHXH không?",
    ),
    "chuyen_doi_so_vssid": (
        "Hỏi đáp: cách xem quá trình đóng BHXH trên VssID",
        "Hỏi đáp: đăng ký tài khoản VssID bằng căn cước có cần ra bưu điện không?",
        "Hỏi đáp: thẻ BHYT trên VssID có dùng thay thẻ giấy khi đi khám không?",
        "Hỏi đáp: VssID hiện sai quá trình đóng thì đề nghị sửa ở đâu?",
        "Hỏi đáp: một số điện thoại đăng ký VssID cho hai người được không?",
    ),
    "truyen_thong_chien_dich": (
        "Hỏi đáp: Tháng vận động BHXH toàn dân năm nay có những hoạt động gì?",
        "Hỏi đáp: muốn được tư vấn BHXH trực tiếp ở xã thì hỏi ai?",
        "Hỏi đáp: hội nghị tư vấn BHXH, BHYT ở khu dân cư có cần đăng ký trước không?",
        "Hỏi đáp: Ngày BHYT Việt Nam 1/7 có buổi tư vấn nào cho người dân không?",
        "Hỏi đáp: buổi tuyên truyền BHXH ở xã có nhận đăng ký BHYT hộ gia đình không?",
    ),
}
