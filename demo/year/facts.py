"""Article-specific sentences for the demo year: figures, hamlets, people and dates per article.

Real reports on one topic from different outlets and days are different texts: each gives its
own figures, places and people. The topic pools alone repeat whole paragraphs, so most of a
generated article is these sentences (a number or a name every few words), drawn from a
generator seeded by the article, around a few pool sentences (demo.year.prose), and the story
clusterer no longer reads same-topic articles as copies of each other.
"""

# ruff: noqa: E501  (Vietnamese prose: wrapped by phrase, a few chars over)

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from demo.content.common import SURNAMES


@dataclass(frozen=True)
class Vocab:
    """How one topic's facts are worded."""

    counted: str  # who or what the figures count
    unit: str  # the counted noun after a number
    issue: str  # what an inspection finds
    question: str  # what callers ask about
    money: str  # what the month's amount is
    voice: tuple[str, ...]  # what a person says, with {so} and {tien} slots
    elder: bool = False  # those who speak are retired
    # The figures count a part of what the templates' {n2} counts (pensions paid into an account,
    # of all pensions paid), not the same.
    part: bool = False


VOCAB: Mapping[str, Vocab] = {
    "bhxh_bat_buoc": Vocab(
        "lao động tham gia BHXH bắt buộc",
        "lao động",
        "chưa đăng ký BHXH bắt buộc cho người làm việc theo hợp đồng",
        "cách xác định tiền lương làm căn cứ đóng",
        "thu BHXH bắt buộc",
        (
            "xưởng của gia đình có {so} người làm, từ tháng này đã đăng ký đóng BHXH đủ cho tất cả",
            "sau {so} năm làm thời vụ, đây là lần đầu có hợp đồng và được đóng BHXH với mức lương {tien} đồng",
        ),
    ),
    "bhxh_tu_nguyen": Vocab(
        "người tham gia BHXH tự nguyện",
        "người",
        "thu tiền đóng BHXH tự nguyện nhưng chậm nộp về cơ quan BHXH",
        "mức hỗ trợ tiền đóng của Nhà nước",
        "thu BHXH tự nguyện",
        (
            "đã đóng BHXH tự nguyện được {so} năm theo mức thu nhập {tien} đồng mỗi tháng",
            "quyết định đóng thêm {so} năm còn thiếu để đủ điều kiện hưởng lương hưu",
        ),
    ),
    "bhyt": Vocab(
        "người tham gia BHYT theo hộ gia đình",
        "người",
        "thẻ BHYT hết hạn chưa được gia hạn",
        "thời hạn sử dụng thẻ BHYT",
        "chi khám chữa bệnh BHYT",
        (
            "cả nhà {so} người đều có thẻ BHYT, lần nằm viện vừa rồi quỹ trả gần {tien} đồng",
            "năm nào cũng gia hạn thẻ BHYT cho {so} người trong nhà ngay từ tháng đầu",
        ),
    ),
    "bhtn": Vocab(
        "người tham gia bảo hiểm thất nghiệp",
        "người",
        "vừa hưởng trợ cấp thất nghiệp vừa đi làm có hợp đồng",
        "thời hạn nộp hồ sơ hưởng trợ cấp thất nghiệp",
        "chi trợ cấp thất nghiệp",
        (
            "được nhận trợ cấp {so} tháng, mỗi tháng khoảng {tien} đồng, trong lúc học nghề mới",
            "mất việc sau {so} năm làm công nhân, nhờ đóng BHTN đủ nên có khoản trợ cấp trang trải",
        ),
    ),
    "luong_huu_chi_tra": Vocab(
        "người hưởng lương hưu nhận tiền qua tài khoản",
        "người",
        "người hưởng đã qua đời nhưng thân nhân chưa báo giảm",
        "lịch chi trả lương hưu qua tài khoản",
        "chi trả lương hưu, trợ cấp BHXH",
        (
            "lương hưu mỗi tháng khoảng {tien} đồng, đã nhận qua tài khoản được {so} năm",
            "đã nghỉ hưu {so} năm, tháng nào tiền cũng về tài khoản đúng ngày",
        ),
        elder=True,
        part=True,
    ),
    "thu_no_dong": Vocab(
        "lao động được đơn vị đóng đủ BHXH",
        "lao động",
        "trích tiền lương của người lao động nhưng chậm nộp BHXH",
        "cách tra cứu quá trình đóng của mình",
        "thu nợ BHXH, BHYT",
        (
            "công ty chậm đóng {so} tháng, đến khi cơ quan BHXH vào cuộc mới đóng đủ gần {tien} đồng",
            "đã kiểm tra trên VssID và thấy thiếu {so} tháng đóng, nên báo ngay cho công đoàn",
        ),
    ),
    "chuyen_doi_so_vssid": Vocab(
        "tài khoản VssID đang sử dụng",
        "tài khoản",
        "cài ứng dụng không rõ nguồn gốc",
        "cách đăng nhập VssID bằng tài khoản định danh điện tử",
        "thu qua kênh thanh toán trực tuyến",
        (
            "đã dùng VssID được {so} năm, tra cứu quá trình đóng chỉ mất vài phút",
            "đóng BHYT cho {so} người trong nhà qua ví điện tử, hết {tien} đồng, nhận biên lai ngay",
        ),
    ),
    "truyen_thong_chien_dich": Vocab(
        "người tham gia BHXH tự nguyện mới",
        "người",
        "treo pano tuyên truyền đã cũ, thông tin chưa cập nhật",
        "quyền lợi khi tham gia BHXH tự nguyện",
        "thu BHXH tự nguyện và BHYT hộ gia đình",
        (
            "nghe tư vấn ở hội nghị xong đã đăng ký cho {so} người trong gia đình",
            "được tặng thẻ BHYT năm đầu, nay tự đóng tiếp mức {tien} đồng mỗi năm",
        ),
    ),
}

_HAMLET_KINDS = ("thôn", "ấp", "khu phố", "tổ dân phố", "bản", "xóm")
_HAMLET_NAMES = (
    "Đồng Tâm",
    "Tân Tiến",
    "Hòa Hiệp",
    "Phú Lợi",
    "Thống Nhất",
    "Quyết Thắng",
    "An Hòa",
    "Bình Minh",
    "Hưng Thịnh",
    "Tân Phong",
    "Đông Hòa",
    "Trung Hậu",
    "Phước Lộc",
    "Thạnh Mỹ",
    "Kim Liên",
    "Nam Tiến",
    "Hồng Phong",
    "Vạn Phúc",
    "Tiền Phong",
    "Mỹ Lộc",
)
_TRADES = (
    "làm nông",
    "buôn bán nhỏ",
    "chạy xe ôm công nghệ",
    "thợ may",
    "nuôi tôm",
    "trồng cà phê",
    "thợ hồ",
    "công nhân da giày",
    "bán hàng online",
    "giáo viên mầm non tư thục",
    "làm thuê theo mùa vụ",
    "chủ tiệm tạp hóa",
)
_RETIRED = (
    "nguyên giáo viên",
    "nguyên công nhân dệt may",
    "cán bộ hưu trí",
    "nguyên nhân viên bưu điện",
    "nguyên y sĩ trạm y tế",
    "bộ đội nghỉ hưu",
)
_SPONSORS = (
    "Ngân hàng Chính sách xã hội",
    "Hội Chữ thập đỏ",
    "Ủy ban Mặt trận Tổ quốc xã",
    "một doanh nghiệp trong khu công nghiệp",
    "Hội Doanh nhân trẻ",
    "Bưu điện",
    "Hội Phụ nữ",
    "Đoàn Thanh niên",
)
# Middle and given names by gender: "Chị" is never "Văn", "Anh" never "Uyên".
_MIDDLE = {
    False: ("Văn", "Minh", "Đức", "Hữu", "Quang", "Xuân", "Thanh", "Hoài"),
    True: ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Hoài", "Minh", "Thị Thu"),
}
_GIVEN = {
    False: ("An", "Bình", "Cường", "Dũng", "Hiếu", "Khoa", "Nghĩa", "Phúc", "Sang", "Vinh", "Lộc"),
    True: ("Giang", "Hạnh", "Lành", "Mến", "Quyên", "Thảo", "Uyên", "Xuyến", "Yến", "Trinh", "Tâm"),
}


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@dataclass(frozen=True)
class _Draw:
    """What one article's sentences are built from."""

    rng: random.Random
    vocab: Vocab
    co_quan: str
    xa: str
    when: datetime
    counted: int  # how many the article's figures count, the same in every sentence
    share: float  # of the year's plan reached: a count stays near its plan all year

    def n(self, low: int, high: int) -> str:
        return _thousands(self.rng.randint(low, high))

    def split(self, low: int, high: int) -> tuple[str, str]:
        """A total and a part of it (a tenth to seven tenths): callers who asked one thing, people
        listed who then signed up."""
        total = self.rng.randint(low, high)
        return _thousands(total), _thousands(self.rng.randint(max(1, total // 10), total * 7 // 10))

    def pct(self) -> str:
        return f"{self.rng.randint(18, 97)},{self.rng.randint(1, 9)}%"

    def day(self) -> str:
        """A day of the month up to the article's own, as the press dates its figures."""
        return f"{self.rng.randint(1, self.when.day)}/{self.when.month}"

    def hamlet(self) -> str:
        number = self.rng.randint(1, 12)
        if self.rng.random() < 0.3:
            return f"{self.rng.choice(_HAMLET_KINDS)} {number}"
        return f"{self.rng.choice(_HAMLET_KINDS)} {self.rng.choice(_HAMLET_NAMES)}"

    def said(self) -> str:
        """What a person tells of their own case, with their own years and amounts."""
        return self.rng.choice(self.vocab.voice).format(
            so=self.n(2, 15), tien=self.n(450, 9_800) + ".000"
        )

    def name(self, female: bool) -> str:
        return " ".join(
            self.rng.choice(words) for words in (SURNAMES, _MIDDLE[female], _GIVEN[female])
        )

    def growth(self) -> str:
        """A month's rise: a few percent, not the 18-97% of a share."""
        return f"{self.rng.randint(1, 24)},{self.rng.randint(1, 9)}%"


def _figures(d: _Draw) -> str:
    return (
        f"[Số liệu của {d.co_quan}|Báo cáo nhanh của cơ quan BHXH|Thống kê mới nhất] [đến|tính đến|cập nhật tới] "
        f"ngày {d.day()} [cho thấy|ghi nhận|cho biết] [toàn địa bàn|cả địa phương|trên địa bàn] có {_thousands(d.counted)} "
        f"{d.vocab.counted}, [tăng|nhiều hơn|tăng thêm] {d.n(40, 9_000)} {d.vocab.unit} so với cùng kỳ năm "
        f"{d.when.year - 1} [và bằng|, đạt] {f'{100 * d.share:.1f}'.replace('.', ',')}% [kế hoạch năm|chỉ tiêu được giao]."
    )


def _door_to_door(d: _Draw) -> str:
    listed, signed = d.split(15, 400)
    return (
        f"[Riêng tại|Ở|Tại] {d.hamlet()}, {d.xa}, [tổ công tác|tổ vận động|nhóm cán bộ] {d.n(3, 12)} người "
        f"[đã đến|đã gõ cửa|đến tận|đã tới] {d.n(40, 600)} hộ [trong|chỉ trong|sau] {d.n(2, 20)} ngày, [lập danh sách|ghi tên|rà ra|ghi nhận] "
        f"{listed} người chưa tham gia [và hướng dẫn|, trong đó|; đã có] {signed} người "
        "[đăng ký ngay tại nhà|làm hồ sơ tại chỗ|đồng ý đăng ký]."
    )


def _voice(d: _Draw) -> str:
    # "Anh", "Chị" are the young, "Ông", "Bà" the old; a pensioner is old, and retired.
    title = d.rng.choice(("Ông", "Bà") if d.vocab.elder else ("Ông", "Bà", "Anh", "Chị"))
    age = d.n(60, 78) if d.vocab.elder else d.n(46, 62) if title in ("Ông", "Bà") else d.n(23, 45)
    trade = d.rng.choice(_RETIRED if d.vocab.elder else _TRADES)
    return (
        f"{title} {d.name(title in ('Bà', 'Chị'))}, {age} tuổi, {trade} ở {d.hamlet()}, "
        f"[cho biết|kể|chia sẻ|nói] {d.said()}."
    )


def _meetings(d: _Draw) -> str:
    return (
        f"[Từ đầu tháng {d.when.month} đến nay|Trong tháng {d.when.month}|Từ đầu năm], [{d.co_quan}|cơ quan BHXH] "
        f"[đã tổ chức|đã phối hợp mở|mở] {d.n(2, 40)} hội nghị [và|cùng] {d.n(3, 90)} [buổi đối thoại|buổi tư vấn] "
        f"[tại|ở] {d.n(2, 30)} xã, phường, [thu hút|với] {d.n(150, 9_000)} lượt [người dân|người dân và người lao động] "
        "[tham dự|tham gia|đến nghe]."
    )


def _hotline(d: _Draw) -> str:
    calls, asked = d.split(60, 2_400)
    return (
        f"[Trong|Chỉ trong|Sau] {d.n(5, 30)} ngày, [đường dây nóng|tổng đài tư vấn] [của {d.co_quan}|của cơ quan BHXH] "
        f"[đã tiếp nhận|nhận được|ghi nhận] {calls} cuộc gọi, [trong đó|riêng|có] {asked} "
        f"cuộc [hỏi về|liên quan đến|thắc mắc về|xoay quanh] {d.vocab.question}."
    )


def _plan(d: _Draw) -> str:
    target = round(d.counted / d.share)
    return (
        f"[Theo kế hoạch năm {d.when.year}|Năm {d.when.year}|Theo chỉ tiêu được giao], [địa bàn|địa phương] "
        f"[phấn đấu đạt|cần đạt|đặt mục tiêu] {_thousands(target)} {d.vocab.counted}; [đến|tính đến] ngày {d.day()} "
        f"[còn thiếu khoảng|còn cách|vẫn thiếu] {_thousands(target - d.counted)} {d.vocab.unit}, [tập trung ở|chủ yếu tại|nhiều nhất ở|phần lớn ở] "
        f"{d.n(2, 25)} [xã vùng sâu, vùng xa|xã miền núi|xã, phường đông lao động tự do]."
    )


def _money(d: _Draw) -> str:
    return (
        f"[Riêng tháng {d.when.month}|Trong tháng {d.when.month}|Tháng {d.when.month}], [số tiền|tổng số] {d.vocab.money} "
        f"[trên địa bàn|của địa phương|toàn địa bàn] [đạt|ước đạt|lên tới|vào khoảng] {d.n(3, 900)},{d.n(1, 9)} tỷ đồng, "
        f"[tăng|cao hơn] {d.growth()} [so với tháng trước|so với cùng kỳ]."
    )


def _desk(d: _Draw) -> str:
    return (
        f"[Trong tuần đến ngày {d.day()}|Tuần qua|Trong {d.n(5, 12)} ngày làm việc gần nhất], [bộ phận một cửa|điểm tiếp nhận hồ sơ] "
        f"[của {d.co_quan}|của cơ quan BHXH] [tiếp nhận|nhận] {d.n(80, 3_000)} hồ sơ, {d.pct()} [trong số đó|số hồ sơ] "
        f"[nộp trực tuyến|nộp qua mạng|gửi qua Cổng Dịch vụ công]; [thời gian giải quyết|mỗi hồ sơ được giải quyết] "
        f"[trung bình|bình quân|chỉ trong] {d.n(4, 48)} giờ."
    )


def _inspection(d: _Draw) -> str:
    return (
        f"[Đoàn kiểm tra liên ngành|Đoàn kiểm tra chuyên ngành|Tổ kiểm tra] [đã làm việc với|đã đến|vừa làm việc với|vừa đến] {d.n(4, 60)} "
        f"[đơn vị|cơ sở] [tại|ở] {d.xa}, [phát hiện|chỉ ra|ghi nhận] {d.n(2, 90)} trường hợp {d.vocab.issue}, "
        f"[yêu cầu khắc phục|đề nghị sửa sai|buộc khắc phục|yêu cầu chấn chỉnh] [trong|trong vòng] {d.n(10, 45)} ngày."
    )


def _gift(d: _Draw) -> str:
    return (
        f"[Trong tháng {d.when.month}|Tuần qua|Đầu tháng {d.when.month}], {d.rng.choice(_SPONSORS)} [trao tặng|tặng|trao] {d.n(10, 300)} "
        f"thẻ BHYT [và|cùng] {d.n(3, 80)} sổ BHXH tự nguyện, [tổng trị giá|trị giá] {d.n(40, 900)} triệu đồng, "
        f"[cho các hộ khó khăn|cho người có hoàn cảnh khó khăn|cho hộ cận nghèo|cho hộ nghèo] [ở|tại] {d.hamlet()}."
    )


def _officer(d: _Draw) -> str:
    return (
        f"[Cán bộ phụ trách địa bàn|Nhân viên thu|Tổ trưởng tổ thu] {d.name(d.rng.random() < 0.5)} [cho biết|kể] [mỗi tuần|hằng tuần] "
        f"[tổ thu ở {d.hamlet()}|nhóm của mình] [dành|bỏ ra] {d.n(2, 5)} buổi tối [gặp người dân|đến từng nhà|đi vận động từng hộ], "
        f"[bình quân mỗi buổi|mỗi lần] [tư vấn cho|gặp] {d.n(6, 40)} hộ."
    )


def _next_session(d: _Draw) -> str:
    start = d.rng.randint(7, 15)
    return (
        f"[Đợt tư vấn tiếp theo|Buổi tư vấn kế tiếp|Lần tư vấn sau] [dự kiến diễn ra|sẽ tổ chức|được tổ chức|sẽ diễn ra] "
        f"[tại|ở] nhà văn hóa {d.hamlet()}, từ {start} giờ đến {start + d.rng.randint(2, 4)} giờ, "
        f"[với|có] {d.n(3, 15)} cán bộ [trực giải đáp|trực tư vấn|hỗ trợ người dân]."
    )


_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def worded(rng: random.Random, frame: str) -> str:
    """Resolve each "[a|b|c]" to one of its wordings: same-frame sentences read differently, as
    different reporters word them."""
    wording = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), frame)
    return wording.replace(" ,", ",").replace(" ;", ";")


_FRAMES: tuple[Callable[[_Draw], str], ...] = (
    _figures,
    _door_to_door,
    _voice,
    _meetings,
    _hotline,
    _plan,
    _money,
    _desk,
    _inspection,
    _gift,
    _officer,
    _next_session,
)


def facts(
    rng: random.Random,
    topic: str,
    co_quan: str,
    xa: str,
    when: datetime,
    counted: str,
    count: int,
) -> list[str]:
    """`count` different sentences on `topic`, in a drawn order; their figures count `counted`
    (the count the article's templates give, "12.345"), so the article states one."""
    vocab = VOCAB[topic]
    total = int(counted.replace(".", ""))
    if vocab.part:
        total = total * rng.randint(25, 75) // 100
    draw = _Draw(rng, vocab, co_quan, xa, when, total, _share(rng))
    return [worded(rng, frame(draw)) for frame in rng.sample(_FRAMES, count)]


def _share(rng: random.Random) -> float:
    """Of the year's plan, what a count has reached: near all of it, as coverage counts are."""
    return rng.randint(820, 985) / 1000
