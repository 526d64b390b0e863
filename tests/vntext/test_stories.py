"""Near-duplicate stories: syndicated copies merge, different articles on one topic do not."""

from __future__ import annotations

import unicodedata

from vntext.stories import THRESHOLD, StoryClusterer, similarity, text_fingerprint

STORY = (
    "Bảo hiểm xã hội tỉnh Cần Thơ cho biết từ ngày 1/7 sẽ điều chỉnh mức lương hưu cho hơn "
    "mười hai nghìn người đang hưởng trên địa bàn. Mức điều chỉnh được tính theo nghị định mới "
    "của Chính phủ và áp dụng cho cả người nghỉ hưu trước năm 1995. Cơ quan bảo hiểm đề nghị "
    "người hưởng cập nhật số tài khoản ngân hàng trên ứng dụng VssID để nhận tiền đúng hạn. "
    "Những người nhận tiền mặt tại điểm chi trả cần mang theo căn cước công dân và giấy ủy quyền "
    "nếu nhờ người nhận thay. Theo lãnh đạo đơn vị, toàn bộ kinh phí điều chỉnh đã được chuyển về "
    "các huyện trước ngày chi trả. Người dân có thắc mắc có thể gọi tổng đài 1900 9068 hoặc đến "
    "trực tiếp bộ phận một cửa của cơ quan bảo hiểm xã hội cấp huyện để được hướng dẫn chi tiết."
)
COPY_A = "(Báo Cần Thơ) - " + STORY + "\n\nMinh Anh"
COPY_B = (
    "(TTXVN) - "
    + STORY.replace("hơn mười hai nghìn", "hơn 12 nghìn")
    + "\n\nTheo TTXVN\n\nXem thêm: Lịch chi trả lương hưu tháng 7"
)
SAME_TOPIC = (
    "Từ tháng 7, người nghỉ hưu tại Cần Thơ sẽ được tăng lương hưu theo quy định mới. Ông Trần "
    "Văn Hùng, 68 tuổi, cho biết gia đình ông rất phấn khởi vì khoản tăng thêm giúp trang trải "
    "chi phí thuốc men. Nhiều hội viên hội người cao tuổi đề nghị cơ quan bảo hiểm mở thêm điểm "
    "chi trả ở các xã xa trung tâm để người già không phải đi lại vất vả. Đại diện bảo hiểm xã "
    "hội thành phố cho biết đơn vị đang phối hợp với bưu điện khảo sát nhu cầu và sẽ công bố lịch "
    "chi trả cụ thể trên cổng thông tin điện tử cũng như trên ứng dụng VssID trong tuần tới. "
    "Người hưởng được khuyến khích nhận lương hưu qua tài khoản ngân hàng để tiết kiệm thời gian."
)


def test_syndicated_copies_are_within_the_threshold() -> None:
    assert similarity(text_fingerprint(COPY_A), text_fingerprint(COPY_B)) >= THRESHOLD + 0.1


def test_different_articles_on_the_same_topic_are_far_apart() -> None:
    assert similarity(text_fingerprint(COPY_A), text_fingerprint(SAME_TOPIC)) < THRESHOLD / 2


def test_fingerprint_ignores_nfd_case_and_tone_placement() -> None:
    variant = unicodedata.normalize("NFD", STORY.upper()).replace("ủy", "uỷ")
    assert text_fingerprint(variant) == text_fingerprint(STORY)


def test_fingerprint_is_deterministic_and_fits_its_documented_size() -> None:
    value = text_fingerprint(STORY)
    assert value == text_fingerprint(STORY)
    assert len(value.to_bytes(248, "big")) == 248
    assert similarity(value, value) == 1.0


def test_clusterer_counts_copies_once_as_a_story() -> None:
    clusterer = StoryClusterer()
    assert clusterer.assign("a", COPY_A) == "a"
    assert clusterer.assign("b", COPY_B) == "a"  # syndicated copy joins the first story
    assert clusterer.assign("c", SAME_TOPIC) == "c"  # same topic, different article
    assert clusterer.assign("b", COPY_B) == "a"  # idempotent


def test_clusterer_is_deterministic_regardless_of_prior_runs() -> None:
    first, second = StoryClusterer(), StoryClusterer()
    for clusterer in (first, second):
        clusterer.assign("x", SAME_TOPIC)
        clusterer.assign("a", COPY_A)
    assert first.assign("b", COPY_B) == second.assign("b", COPY_B) == "a"


def test_clusterer_can_be_seeded_from_the_archive() -> None:
    clusterer = StoryClusterer()
    clusterer.add("old", text_fingerprint(COPY_A), "story-1")
    assert clusterer.assign("new", COPY_B) == "story-1"


def test_short_texts_are_never_merged() -> None:
    clusterer = StoryClusterer()
    assert clusterer.assign("a", "Lịch chi trả lương hưu tháng 7") == "a"
    assert clusterer.assign("b", "Lịch chi trả lương hưu tháng 7") == "b"
