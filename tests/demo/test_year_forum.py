"""A forum post of the demo year answers the question it asks: a reviewer at the Center read
answers of generic advice and office figures (a hotline's calls, a one-stop desk's files) under
questions they did not answer, such as how to look up one's contributions on VssID."""

from __future__ import annotations

import re
from datetime import date

import pytest

from demo.year.generate import YearArticle, build_year
from demo.year.titles import FORUM_QUESTIONS

# What an answer to each question must say (the rule or figure that settles it), in words that
# no rewording of the demo's prose changes.
ANSWERED_BY = {
    "Hỏi đáp: công ty chưa đóng BHXH cho người lao động thì báo ở đâu?": "thanh tra lao động",
    "Hỏi đáp: hợp đồng lao động một tháng có phải đóng BHXH bắt buộc không?": "từ đủ một tháng",
    "Hỏi đáp: chủ hộ kinh doanh đóng BHXH bắt buộc từ khi nào?": "chủ hộ kinh doanh",
    "Hỏi đáp: tiền lương nào dùng để tính mức đóng BHXH bắt buộc?": "phụ cấp",
    "Hỏi đáp: chuyển sang công ty mới thì quá trình đóng BHXH có được cộng nối?": "mã số",
    "Hỏi đáp: đóng BHXH tự nguyện bao lâu thì được hưởng lương hưu?": "15 năm",
    "Hỏi đáp: mức đóng BHXH tự nguyện thấp nhất mỗi tháng là bao nhiêu?": "330.000",
    "Hỏi đáp: người đóng BHXH tự nguyện được Nhà nước hỗ trợ bao nhiêu?": "40%",
    "Hỏi đáp: đóng BHXH tự nguyện theo quý hay theo năm thì thuận tiện hơn?": "12 tháng",
    "Hỏi đáp: đang đóng BHXH tự nguyện có tạm dừng được không?": "tạm dừng",
    "Hỏi đáp: thẻ BHYT hộ gia đình hết hạn thì gia hạn ở đâu?": "105.300",
    "Hỏi đáp: đi khám trái tuyến thì BHYT chi trả bao nhiêu?": "cấp chuyên môn",
    "Hỏi đáp: khám bệnh bằng căn cước thay thẻ BHYT được không?": "căn cước",
    "Hỏi đáp: sinh viên mua BHYT ở trường hay ở địa phương?": "sinh viên",
    "Hỏi đáp: có thẻ BHYT 5 năm liên tục được quyền lợi gì?": "14.040.000",
    "Hỏi đáp: nghỉ việc bao lâu thì làm hồ sơ trợ cấp thất nghiệp?": "3 tháng",
    "Hỏi đáp: đang hưởng trợ cấp thất nghiệp mà có việc mới thì báo thế nào?": "bảo lưu",
    "Hỏi đáp: mức trợ cấp thất nghiệp mỗi tháng được tính ra sao?": "60%",
    "Hỏi đáp: đang hưởng trợ cấp thất nghiệp có được học nghề miễn phí không?": "học nghề",
    "Hỏi đáp: tự ý nghỉ việc có được hưởng trợ cấp thất nghiệp không?": "45 ngày",
    "Hỏi đáp: lương hưu tháng này chuyển vào tài khoản ngày nào?": "lịch chi trả",
    "Hỏi đáp: người hưởng lương hưu chuyển nơi ở thì làm thủ tục gì?": "chuyển nơi hưởng",
    "Hỏi đáp: ủy quyền cho con nhận lương hưu thay cần giấy tờ gì?": "giấy ủy quyền",
    "Hỏi đáp: người hưởng lương hưu có được cấp thẻ BHYT không?": "4,5%",
    "Hỏi đáp: lương hưu, trợ cấp BHXH chi trả vào ngày mấy hằng tháng?": "bưu điện",
    "Hỏi đáp: công ty nợ đóng BHXH thì người lao động có được chốt sổ không?": "xác nhận",
    "Hỏi đáp: doanh nghiệp chậm đóng BHXH bị xử lý thế nào?": "0,03%",
    "Hỏi đáp: công ty chậm đóng BHXH thì quyền lợi của người lao động ra sao?": "thai sản",
    "Hỏi đáp: công ty nợ BHXH thì thẻ BHYT của người lao động còn dùng được không?": "tiền lãi",
    "Hỏi đáp: doanh nghiệp khó khăn có được giãn thời hạn nợ đóng BHXH không?": "tạm dừng",
    "Hỏi đáp: cách xem quá trình đóng BHXH trên VssID": "Quá trình tham gia",
    "Hỏi đáp: đăng ký tài khoản VssID bằng căn cước có cần ra bưu điện không?": "mức 2",
    "Hỏi đáp: thẻ BHYT trên VssID có dùng thay thẻ giấy khi đi khám không?": "thẻ giấy",
    "Hỏi đáp: VssID hiện sai quá trình đóng thì đề nghị sửa ở đâu?": "điều chỉnh",
    "Hỏi đáp: một số điện thoại đăng ký VssID cho hai người được không?": "điện thoại",
    "Hỏi đáp: Tháng vận động BHXH toàn dân năm nay có những hoạt động gì?": "hội nghị",
    "Hỏi đáp: muốn được tư vấn BHXH trực tiếp ở xã thì hỏi ai?": "bưu điện xã",
    "Hỏi đáp: hội nghị tư vấn BHXH, BHYT ở khu dân cư có cần đăng ký trước không?": "hội nghị",
    "Hỏi đáp: Ngày BHYT Việt Nam 1/7 có buổi tư vấn nào cho người dân không?": "1/7",
    "Hỏi đáp: buổi tuyên truyền BHXH ở xã có nhận đăng ký BHYT hộ gia đình không?": "30 ngày",
}
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+")


@pytest.fixture(scope="module")
def posts() -> list[YearArticle]:
    return [a for a in build_year(date(2026, 12, 31)).articles if a.role == "forum"]


def _parts(post: YearArticle) -> tuple[str, str]:
    asked, answer = post.text.split("\n\nTrả lời: ")
    return asked, answer


def test_every_question_has_what_answers_it() -> None:
    assert set(ANSWERED_BY) == {q for questions in FORUM_QUESTIONS.values() for q in questions}


def test_each_answer_settles_its_own_question(posts: list[YearArticle]) -> None:
    assert len(posts) > 80
    for post in posts:
        asked, answer = _parts(post)
        assert ANSWERED_BY[post.title] in answer, (post.title, answer)
        # The asker tells their own case, not one line every asker shares.
        assert len(asked.split()) > 15, asked


def test_an_answer_works_out_the_askers_own_figures(posts: list[YearArticle]) -> None:
    """60% of the wage the asker paid on is the benefit the answer names."""
    asked_benefit = [p for p in posts if p.title.startswith("Hỏi đáp: mức trợ cấp thất nghiệp")]
    assert asked_benefit
    for post in asked_benefit:
        asked, answer = _parts(post)
        wage = int(_NUMBER.findall(asked)[0].replace(".", ""))
        assert f"{wage * 60 // 100:,}".replace(",", ".") in _NUMBER.findall(answer), post.text
