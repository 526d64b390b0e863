"""Stance in the forms the Center meets: office notices, local posts, bare headlines, lures."""

from __future__ import annotations

import pytest

from classifier.stance import StanceResult, detect_stance


def _detect(title: str, text: str = "", risk: float = 0.0) -> StanceResult:
    return detect_stance(title, text, model_risk=risk, claim_matched=False, outlet_kind=None)


def _stance(title: str, text: str = "", risk: float = 0.0) -> str:
    return _detect(title, text, risk).stance


def test_a_call_to_act_further_on_in_a_negated_clause_is_not_asserted() -> None:
    # "không nhắn tin yêu cầu … cung cấp mật khẩu": the negation governs the whole clause.
    result = _detect(
        "", "Phòng BHXH quận Bắc Thành không nhắn tin hướng dẫn người hưởng cung cấp mã OTP."
    )
    assert result.assert_score == 0


@pytest.mark.parametrize(
    "text",
    [
        "Phòng BHXH quận Bắc Thành thông báo: cán bộ của phòng không gọi điện, không nhắn tin "
        "đề nghị quý vị cung cấp mã OTP hay mật khẩu VssID.",
        "Phong BHXH quan Bac Thanh thong bao: can bo khong goi dien, khong nhan tin de nghi "
        "quy vi cung cap ma OTP. Quy vi vui long khong lam theo cuoc goi la.",
        "Tổ dân phố số 4 thông báo: đề nghị bà con không cài ứng dụng do người xưng cán bộ "
        "bảo hiểm gửi qua tin nhắn, đừng chuyển tiền cho ai.",
    ],
)
def test_an_office_notice_saying_what_it_never_does_is_a_warning(text: str) -> None:
    assert _stance("", text) == "reports-and-debunks"


def test_a_threat_with_a_conditional_negation_is_not_read_as_advice() -> None:
    text = (
        "Hồ sơ hưởng của ông bà đang bị treo, nếu không cung cấp mã xác thực trong hôm nay sẽ "
        "bị dừng chi trả, liên hệ ngay tổng đài viên."
    )
    assert _stance("", text, risk=0.7) == "asserts"


@pytest.mark.parametrize(
    "title,text",
    [
        ("Lật tẩy nhóm nhận làm thẻ bảo hiểm y tế giá rẻ trên mạng", ""),
        ("Vach tran trang mang tu xung co quan bao hiem thu phi dong bu", ""),
        ("Người về hưu cần tỉnh táo trước lời chào mời nâng lương hưu", ""),
        (
            "Nhiều lao động tự do mất tiền vì tin lời hứa tất toán sổ nhanh",
            "Cơ quan chức năng lưu ý người lao động chỉ làm thủ tục tại bộ phận một cửa.",
        ),
        (
            "",
            "Bà con xóm Đồng Chùa nhớ nhé: có người xưng bên bảo hiểm gọi bảo bấm vào đường "
            "link nhận tiền. Đây là lừa đảo, đừng bấm, đừng đọc mã cho ai.",
        ),
        ("", "Phong BHXH Bac Thanh luu y: khong doc ma OTP, khong bam vao duong link la."),
    ],
)
def test_exposes_reminders_and_local_posts_are_warnings(title: str, text: str) -> None:
    assert _stance(title, text) == "reports-and-debunks"


def test_a_lure_asking_for_card_details_asserts() -> None:
    text = (
        "Quý vị được hoàn phí bảo hiểm. Vui lòng truy cập đường dẫn và điền số thẻ ngân hàng "
        "để nhận."
    )
    assert _stance("", text) == "asserts"


@pytest.mark.parametrize(
    "text",
    [
        "Cảnh báo: tài khoản VssID của bạn sẽ bị khóa trong hôm nay, bấm vào đường dẫn để mở lại.",
        "Canh bao: tai khoan cua ban bi tam ngung, truy cap duong dan va nhap ma OTP de mo lai.",
    ],
)
def test_a_lure_opening_with_a_warning_word_still_asserts(text: str) -> None:
    assert _stance("", text, risk=0.8) == "asserts"


def test_a_work_from_home_lure_asserts() -> None:
    text = (
        "Cần người làm việc tại nhà, thu nhập mỗi ngày từ 400k, vui lòng kết bạn Zalo để nhận việc."
    )
    assert _stance("", text) == "asserts"


def test_being_conscious_is_not_advice_to_keep_a_clear_head() -> None:
    text = (
        "Sau ca mổ kéo dài, cụ ông vẫn tỉnh táo và chúc mừng đội ngũ bác sĩ đã chăm sóc mình "
        "tận tình."
    )
    title = "Cụ ông 90 tuổi vẫn tỉnh táo sau ca mổ dài"
    assert _stance(title, text) != "reports-and-debunks"


def test_a_lure_promising_no_deposit_is_not_an_office_denial() -> None:
    # "Không yêu cầu" frames a warning before what a scam asks the reader to do, not here.
    text = (
        "Cần người làm việc tại nhà đóng gói hàng, không yêu cầu đặt cọc, không yêu cầu vốn, "
        "thu nhập 400k mỗi ngày. Liên hệ Zalo chị Mai để nhận việc."
    )
    assert _stance("", text, risk=0.7) == "asserts"


def test_an_office_saying_it_never_asks_for_a_code_is_a_warning() -> None:
    text = "Cơ quan BHXH huyện Đông Giang không yêu cầu người dân cung cấp mã OTP qua điện thoại."
    assert _stance("", text) == "reports-and-debunks"
