from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from classifier.errors import ReferenceDataError
from classifier.facts import OfficialFacts

AUG_2024 = datetime(2024, 8, 1)

CASES = [
    # (id, text, published_at, expected {(kind, found)} )
    (
        "fake-domain",
        "Truy cập bhxh-vn.com để cập nhật thông tin BHXH của bạn.",
        None,
        {("domain", "bhxh-vn.com")},
    ),
    (
        "obfuscated-domain",
        "Vào trang bhxh[.]co để tra cứu thẻ BHYT.",
        None,
        {("domain", "bhxh.co")},
    ),
    (
        "mobile-as-bhxh",
        "Cán bộ BHXH đề nghị gọi 0987.654.321 để được hỗ trợ.",
        None,
        {("phone", "0987.654.321")},
    ),
    (
        "fake-fanpage",
        "Liên hệ fanpage facebook.com/hotro.bhxh24h để rút BHXH một lần.",
        None,
        {("page", "facebook.com/hotro.bhxh24h")},
    ),
    (
        "fake-app",
        "Tải ứng dụng VssID 4.0 tại đường link được gửi để nhận lương hưu.",
        None,
        {("app", "VssID 4.0")},
    ),
    (
        "wrong-base-salary",
        "Từ 1/7/2024, mức lương cơ sở là 2.600.000 đồng/tháng.",
        AUG_2024,
        {("figure", "mức lương cơ sở: 2.600.000 đồng")},
    ),
    (
        "wrong-bhyt-rate",
        "Mức đóng BHYT bằng 6% tiền lương tháng.",
        None,
        {("figure", "tỷ lệ đóng bảo hiểm y tế của người lao động (tính trên tiền lương): 6%")},
    ),
    (
        "official-channels",
        "Người dân truy cập dichvucong.baohiemxahoi.gov.vn, fanpage "
        "facebook.com/baohiemxahoi.gov.vn hoặc gọi tổng đài BHXH 1900 9068.",
        None,
        set(),
    ),
    (
        "correct-base-salary",
        "Từ 1/7/2024, mức lương cơ sở là 2,34 triệu đồng/tháng.",
        AUG_2024,
        set(),
    ),
    (
        "previous-value-recalled",
        "Mức lương cơ sở tăng từ 1.800.000 đồng lên 2.340.000 đồng.",
        AUG_2024,
        set(),
    ),
    (
        "proposal-is-not-a-figure-in-force",
        "Bộ đề xuất mức lương cơ sở là 2.600.000 đồng từ năm sau.",
        AUG_2024,
        set(),
    ),
    (
        "amount-not-stated-as-the-value",
        "Trợ cấp bằng 10% mức lương cơ sở, tương đương 234.000 đồng.",
        AUG_2024,
        set(),
    ),
    ("old-article-without-date", "Mức lương cơ sở hiện là 1.300.000 đồng/tháng.", None, set()),
    ("employee-share", "Người lao động có mức đóng BHYT là 1,5% tiền lương.", None, set()),
    ("voluntary-rate", "Mức đóng BHXH tự nguyện bằng 22% mức thu nhập lựa chọn.", None, set()),
    (
        "press-source-domain",
        "Theo vnexpress.net, BHXH tỉnh đã chi trả lương hưu đúng hạn.",
        None,
        set(),
    ),
    (
        "impostor-host-named-after-bhxh",
        "Hồ sơ của bạn đã được duyệt, tra cứu tại baohiemxahoi-vn.top trước ngày 30.",
        None,
        {("domain", "baohiemxahoi-vn.top")},
    ),
    (
        "an-insurers-own-portal",
        "Quý khách đã mua thành công bảo hiểm xe máy. Tra cứu hợp đồng tại congbaohiem.com.vn "
        "hoặc baohiembaoviet.com.",
        None,
        set(),
    ),
    (
        "insurer-host-presented-as-bhxh",
        "Bảo hiểm xã hội thông báo: truy cập baohiem-vn.top để nhận tiền hỗ trợ.",
        None,
        {("domain", "baohiem-vn.top")},
    ),
    (
        "landline-of-office",
        "BHXH tỉnh tiếp nhận phản ánh qua số điện thoại 0263 3822 123.",
        None,
        set(),
    ),
]


def test_every_case_has_a_unique_id() -> None:
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("text", "published_at", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_checks(
    official_facts: OfficialFacts,
    text: str,
    published_at: datetime | None,
    expected: set[tuple[str, str]],
) -> None:
    found = {(f.kind, f.found) for f in official_facts.check(text, published_at)}
    assert found == expected


def test_figure_failure_names_the_official_value(official_facts: OfficialFacts) -> None:
    [failure] = official_facts.check("Mức lương cơ sở là 2.600.000 đồng.", AUG_2024)
    assert "2.340.000 đồng" in failure.official and "01/07/2024" in failure.official


def test_malformed_facts_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("channels: {domains: []}\n", encoding="utf-8")
    with pytest.raises(
        ReferenceDataError, match=r"facts\.yaml: channels\.pages: thiếu trường bắt buộc"
    ):
        OfficialFacts.load(path)
