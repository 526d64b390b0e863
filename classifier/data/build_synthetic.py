"""Write classifier/data/synthetic.jsonl: labelled Vietnamese examples written by the project.

Run: `.venv/bin/python -m classifier.data.build_synthetic` (deterministic; seed fixed).

Three families, each built from templates with varied slots (names, provinces, amounts, dates,
phone numbers, look-alike domains) so the model learns cues rather than sentences:
* label 1, stance "asserts": scam and false-claim texts per category C1–C8 in social-media style;
* label 0, stance "reports-and-debunks": press warnings that QUOTE such texts and correct them;
* label 0, stance "neutral": ordinary coverage of social insurance, including fraud-free mentions
  of money, support, links and hotlines.
Every example carries a `group` (its template id) so evaluation can hold out whole templates.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from vntext.normalize import fold

SEED = 20261122
OUT = Path(__file__).with_name("synthetic.jsonl")

PROVINCES = [
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Quảng Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Cà Mau",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
]
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Cường",
    "Phạm Thu Hà",
    "Hoàng Văn Dũng",
    "Vũ Thị Lan",
    "Đặng Quốc Huy",
    "Bùi Thị Mai",
    "Đỗ Văn Nam",
    "Ngô Thị Hoa",
    "Dương Minh Tuấn",
    "Lý Thị Hạnh",
    "Phan Văn Khải",
    "Trịnh Thị Thu",
    "Hồ Quang Vinh",
    "Mai Thị Ngọc",
]
ROLES = ["cán bộ BHXH", "nhân viên bảo hiểm xã hội", "cán bộ thu BHXH", "cán bộ phòng chế độ BHXH"]
DOC_KINDS = ["CSYT", "VP", "TST", "BT", "ST", "CSXH"]
SCAM_HOSTS = [
    "bhxh",
    "baohiemxahoi",
    "dichvucong-bhxh",
    "vssid",
    "bhyt",
    "hotro-bhxh",
    "bhxhvn",
    "tracuu-bhxh",
    "bhxh-online",
    "capnhat-vssid",
    "dichvucongbhxh",
    "bhxh24h",
]
SCAM_TLDS = ["com", "net", "co", "biz", "top", "xyz", "online", "site", "info", "vip"]
FANPAGES = [
    "Hỗ trợ BHXH 24h",
    "Dịch vụ BHXH nhanh",
    "VssID - Hỗ trợ BHXH",
    "BHXH một lần toàn quốc",
    "Tư vấn BHXH miễn phí",
    "bhxhvn999",
    "DVBHXH121",
]
EMOJI = ["", "", "👉 ", "⚠️ ", "🔥 ", "‼️ ", "📢 "]


class Slots:
    """Random slot values for one example."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.province = rng.choice(PROVINCES)
        self.name = rng.choice(NAMES)
        self.role = rng.choice(ROLES)
        self.phone = self._phone()
        host = rng.choice(SCAM_HOSTS)
        infix = rng.choice(["", "-vn", "vn", "-gov", "2025", "-hotro"])
        self.domain = f"{host}{infix}.{rng.choice(SCAM_TLDS)}"
        self.amount = rng.choice(
            [
                "1.500.000",
                "2.500.000",
                "3.200.000",
                "5.000.000",
                "7.800.000",
                "12.000.000",
                "2,5 triệu",
                "4 triệu",
                "6,8 triệu",
                "10 triệu",
            ]
        )
        self.fee = rng.choice(
            ["300.000", "500.000", "800.000", "1.200.000", "1,5 triệu", "2 triệu"]
        )
        self.day = rng.randint(1, 28)
        self.month = rng.randint(1, 12)
        self.year = rng.choice([2024, 2025, 2026])
        self.date = f"{self.day:02d}/{self.month:02d}/{self.year}"
        self.doc = f"{rng.randint(1000, 4999)}/BHXH-{rng.choice(DOC_KINDS)}"
        self.decree = f"{rng.randint(20, 199)}/{rng.choice([2024, 2025])}/NĐ-CP"
        self.percent = rng.choice(["15", "20", "30", "50", "70", "100"])
        self.hours = rng.choice(["24", "48", "12"])
        self.years = rng.randint(3, 25)
        self.version = rng.choice(["4.0", "5.0", "3.5", "2026"])
        self.fanpage = rng.choice(FANPAGES)
        self.count = rng.randint(12, 980)
        self.rate = rng.choice(["92,1", "93,5", "94,8", "95,2", "96,4"])
        self.billion = rng.randint(15, 4800)
        self.e = rng.choice(EMOJI)

    def _phone(self) -> str:
        digits = self.rng.choice(["09", "08", "07", "03", "05"]) + "".join(
            str(self.rng.randint(0, 9)) for _ in range(8)
        )
        style = self.rng.randint(0, 3)
        if style == 0:
            return digits
        if style == 1:
            return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
        if style == 2:
            return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
        return f"+84{digits[1:]}"


# ---- label 1: the false content itself (stance "asserts"), by category --------------------------
# Each template is (title, body); bodies may use several sentences so the lead carries the claim.
ASSERT = {
    "C1": [
        (
            "THÔNG BÁO TỪ BẢO HIỂM XÃ HỘI",
            "{e}Kính gửi ông/bà, tôi là {name}, {role} {province}. Hồ sơ BHXH của ông/bà đang bị "
            "sai lệch "
            "thông tin, đề nghị cung cấp số căn cước và số tài khoản ngân hàng để đồng bộ dữ liệu "
            "thẻ BHYT. "
            "Vui lòng liên hệ ngay Zalo {phone} trước ngày {date}, nếu không hồ sơ sẽ bị hủy.",
        ),
        (
            "Tin nhắn BHXH",
            "[BHXH] Tai khoan VssID cua quy khach se bi khoa sau {hours}h do chua xac thuc. Vui "
            "long truy cap "
            "{domain} de xac minh ngay. Moi thac mac lien he {phone}.",
        ),
        (
            "Cập nhật dữ liệu BHXH",
            "{e}BHXH {province} thông báo: người hưởng lương hưu phải cập nhật căn cước gắn chip "
            "trước ngày "
            "{date}. Ông bà kết bạn Zalo với cán bộ {name} số {phone} để được hướng dẫn, cung cấp "
            "mã OTP để "
            "xác thực. Không cập nhật sẽ bị dừng chi trả lương hưu.",
        ),
        (
            "Xác thực tài khoản VssID",
            "Xin chào, em là {name} bên bảo hiểm xã hội. Tài khoản VssID của anh chị đang bị lỗi, "
            "anh chị "
            "bấm vào đường link {domain} và nhập mã OTP gửi về điện thoại để em hỗ trợ khôi phục. "
            "Gọi lại "
            "cho em số {phone} nếu cần gấp.",
        ),
        (
            "KHẨN: Hồ sơ hưu trí chưa hoàn thiện",
            "{e}Ông/bà có hồ sơ hưu trí chưa hoàn thiện tại BHXH {province}. Để tiếp tục nhận "
            "lương hưu tháng "
            "{month}, đề nghị gọi ngay cho {role} {name} theo số {phone} và đọc số tài khoản ngân "
            "hàng, "
            "số căn cước để đối chiếu.",
        ),
    ],
    "C2": [
        (
            "Văn bản số {doc} của BHXH Việt Nam",
            "{e}BHXH Việt Nam ban hành văn bản số {doc} ngày {date}: tăng lương hưu {percent}% "
            "theo Nghị định "
            "{decree}. Toàn bộ sổ BHXH và thẻ BHYT giấy sẽ bị hủy, người dân phải cài ứng dụng "
            "VssID "
            "{version} và xác thực bằng căn cước gắn chip qua đường link {domain}.",
        ),
        (
            "GIẤY MỜI",
            "GIẤY MỜI. Bảo hiểm xã hội {province} trân trọng kính mời ông/bà {name} đến nhận hỗ "
            "trợ "
            "{percent}% mức đóng BHYT theo Quyết định số {decree}. Mang theo căn cước và mã hồ "
            "sơ. Phải tự "
            "đến, không cử người đi thay. Liên hệ cán bộ phụ trách: {phone}. Ký tên, đóng dấu: "
            "Giám đốc.",
        ),
        (
            "Giấy mời nhận hoàn trả chi phí khám chữa bệnh",
            "{e}Giấy mời: BHXH {province} hoàn trả {percent}% chi phí khám chữa bệnh cho người "
            "dân bị ảnh hưởng "
            "bão lũ theo Nghị định {decree}. Đề nghị mang căn cước, thẻ BHYT và mã hồ sơ cổng "
            "thông tin Bộ Y tế "
            "đến nhận trước ngày {date}. Hotline xác nhận: {phone}.",
        ),
        (
            "Công văn hỏa tốc {doc}",
            "Công văn hỏa tốc số {doc}: yêu cầu toàn bộ người tham gia BHXH cập nhật lại thông "
            "tin trên ứng dụng "
            "VssID {version} trước ngày {date}, quá hạn sổ BHXH sẽ bị khóa vĩnh viễn. Tải ứng "
            "dụng tại {domain}.",
        ),
    ],
    "C3": [
        (
            "Cổng dịch vụ công BHXH mới",
            "{e}Từ {date}, cổng dịch vụ công BHXH chuyển sang địa chỉ mới {domain}. Người dân "
            "truy cập để tra "
            "cứu quá trình đóng, khai báo hồ sơ và nhận tiền trợ cấp. Nhập số căn cước và số thẻ "
            "BHYT để đăng nhập.",
        ),
        (
            "Tải VssID phiên bản mới",
            "{e}Bảo hiểm xã hội thông báo: ứng dụng VssID {version} đã có, tải file APK tại "
            "{domain} để được "
            "cộng quyền lợi BHYT. Sau khi cài đặt, chụp ảnh khuôn mặt và vân tay để xác thực.",
        ),
        (
            "Đặt lịch làm thủ tục BHXH trực tuyến",
            "Đặt lịch làm thủ tục BHXH không cần xếp hàng tại {domain}. Chỉ cần nhập căn cước, số "
            "tài khoản "
            "ngân hàng và ảnh thẻ BHYT. Mọi thắc mắc gọi tổng đài BHXH {phone}.",
        ),
        (
            "Trang chính thức của BHXH Việt Nam",
            "{e}Đây là fanpage chính thức của BHXH Việt Nam: {fanpage}. Mọi thủ tục BHXH, BHYT "
            "vui lòng nhắn "
            "tin cho trang hoặc truy cập website {domain}. Hotline hỗ trợ 24/7: {phone}.",
        ),
    ],
    "C4": [
        (
            "Nhận làm hồ sơ rút BHXH một lần",
            "{e}NHẬN LÀM HỒ SƠ RÚT BHXH MỘT LẦN NHANH, chốt sổ, thai sản, không cần chờ đủ 12 "
            "tháng. Phí hồ sơ "
            "chỉ {fee} đồng, cọc trước 30%. Liên hệ {phone} (Zalo) - {fanpage}. Giải ngân trong 3 "
            "ngày!",
        ),
        (
            "Hỗ trợ rút BHXH trước hạn",
            "Hỗ trợ rút bảo hiểm xã hội một lần trước hạn, giải ngân trước {amount} đồng cho "
            "người mới nghỉ việc. "
            "Thủ tục nhanh gọn, chuyển khoản phí dịch vụ {fee} đồng vào tài khoản cá nhân của em "
            "{name}. "
            "Ib ngay hoặc gọi {phone}.",
        ),
        (
            "Cấp lại mật khẩu VssID lấy ngay",
            "{e}Quên mật khẩu VssID? Bên em nhận cấp lại mật khẩu, cấp lại sổ BHXH, thẻ BHYT lấy "
            "ngay trong ngày, "
            "phí {fee} đồng. Liên hệ {phone}. Uy tín, bao đậu hồ sơ.",
        ),
        (
            "Mua lại sổ BHXH giá cao",
            "Thu mua sổ BHXH giá cao, ứng trước {amount} đồng, nhận ngay tiền mặt. Bạn chỉ cần "
            "giao sổ và căn "
            "cước, bên mình tự làm thủ tục rút. Gọi {phone}, có mặt tại {province}.",
        ),
    ],
    "C5": [
        (
            "Từ năm 2026 BHYT không chi trả bệnh nặng",
            "{e}TIN NÓNG: Từ năm 2026 bảo hiểm y tế sẽ không còn chi trả cho các ca bệnh nặng và "
            "phẫu thuật, "
            "người bệnh phải tự trả toàn bộ viện phí. Hãy chia sẻ ngay cho người thân biết!",
        ),
        (
            "Hủy sổ BHXH từ tháng {month}",
            "Từ ngày {date}, sổ BHXH giấy bị hủy bỏ hoàn toàn, ai không chuyển sang VssID sẽ mất "
            "toàn bộ quá "
            "trình đóng {years} năm. Bắt buộc cập nhật ngay kẻo mất quyền lợi!",
        ),
        (
            "Lương hưu bị cắt nếu không nhận qua ngân hàng",
            "{e}Thông báo: từ tháng {month} tất cả người hưởng lương hưu bắt buộc nhận qua tài "
            "khoản ngân hàng, "
            "không được nhận tiền mặt tại bưu điện nữa. Ai chưa mở tài khoản sẽ bị cắt lương hưu.",
        ),
        (
            "Không cập nhật sẽ mất lương hưu",
            "Từ {date} BHXH thay đổi hệ thống giao dịch điện tử, không cập nhật thông tin qua mã "
            "QR được gửi sẽ "
            "không nhận được lương hưu, trợ cấp và thẻ BHYT. Quét mã tại {domain}.",
        ),
        (
            "Thẻ BHYT hết giá trị từ {date}",
            "{e}Toàn bộ thẻ BHYT giấy hết giá trị từ {date}, đi khám sẽ không được thanh toán. "
            "Người dân phải "
            "đóng thêm {fee} đồng để đổi sang thẻ điện tử mới.",
        ),
    ],
    "C6": [
        (
            "Nhận tiền hỗ trợ Tết từ BHXH",
            "{e}Chúc mừng! Bạn được nhận {amount} đồng tiền hỗ trợ Tết từ quỹ BHXH. Nhấn vào link "
            "{domain}, nhập "
            "số tài khoản và mã OTP để nhận ngay. Hạn cuối {date}.",
        ),
        (
            "Ban chua nhan tro cap",
            "Ban chua nhan duoc tro cap {amount} tu quy BHTN. Vui long dang nhap {domain} de nhan "
            "tien truoc "
            "{date}. BHXH Viet Nam.",
        ),
        (
            "Đủ điều kiện nhận tiền bảo hiểm thất nghiệp",
            "{e}Người lao động đã đóng BHXH từ {years} năm đủ điều kiện nhận {amount} đồng từ quỹ "
            "bảo hiểm thất "
            "nghiệp. Bấm vào đường link {domain} và nhập thông tin ngân hàng để nhận ngay.",
        ),
        (
            "Hoàn tiền đóng BHYT",
            "Bảo hiểm xã hội {province} hoàn trả {percent}% tiền đóng BHYT năm {year}. Để nhận "
            "{amount} đồng, "
            "liên hệ ngay {phone} hoặc truy cập {domain}, cung cấp mã OTP ngân hàng.",
        ),
    ],
    "C7": [
        (
            "Rút BHXH một lần ngay kẻo lỗ",
            "{e}Đóng BHXH {years} năm mà lương hưu chẳng được bao nhiêu, đóng bao nhiêu mất bấy "
            "nhiêu! Mọi người "
            "nên rút ngay BHXH một lần rồi mua bảo hiểm thương mại có lợi hơn nhiều.",
        ),
        (
            "Đừng dại đóng BHXH",
            "Tính ra đóng BHXH bị lỗ nặng, gửi tiết kiệm còn lãi hơn. Ai còn đóng là dại, nên rút "
            "bảo hiểm xã "
            "hội một lần càng sớm càng tốt trước khi luật thay đổi!",
        ),
        (
            "Bảo hiểm thương mại tốt hơn BHXH",
            "{e}Bảo hiểm thương mại có lợi hơn BHXH gấp nhiều lần: đóng {fee} đồng mỗi tháng, sau "
            "{years} năm nhận "
            "{amount} đồng. BHXH thì chết là mất trắng. Rút BHXH một lần ngay đi mọi người.",
        ),
    ],
    "C8": [
        (
            "Quỹ BHXH sắp vỡ",
            "{e}Quỹ lương hưu sắp vỡ, đến năm {year} là cạn kiệt, người đang đóng sẽ không bao "
            "giờ nhận được "
            "lương hưu. Rút hết tiền về tay trước khi quá muộn!",
        ),
        (
            "Quỹ hưu trí cạn kiệt",
            "Chuyên gia nói quỹ hưu trí mất cân đối và vỡ quỹ chỉ sau vài năm nữa, vì vậy nhà "
            "nước sẽ ngừng trả "
            "lương hưu. Chia sẻ để mọi người biết!",
        ),
    ],
}

# ---- label 0, stance "reports-and-debunks": warnings that quote the scam ------------------------
DEBUNK_TITLES = [
    "BHXH {province} cảnh báo thủ đoạn lừa đảo mới",
    "Cảnh giác với {what}",
    "Mạo danh cơ quan BHXH để lừa đảo: người dân cần cảnh giác",
    "BHXH Việt Nam khẳng định thông tin về {what} là sai sự thật",
    "Cảnh báo {what} giả mạo bảo hiểm xã hội",
    "Công an {province} cảnh báo lừa đảo liên quan đến BHXH",
]
DEBUNK_OPENERS = [
    "Thời gian gần đây, BHXH {province} nhận được phản ánh của người dân về việc xuất hiện "
    '{what} với nội dung: "{quote}"',
    'Theo BHXH {province}, nhiều người dân vừa nhận được {what}, trong đó có đoạn: "{quote}"',
    "Ngày {date}, Công an {province} cho biết đã tiếp nhận tin báo của bà {name} về {what}. "
    'Kẻ gian viết: "{quote}"',
    'Trên mạng xã hội đang lan truyền {what} với nội dung "{quote}"',
]
DEBUNK_CORRECTIONS = [
    "BHXH Việt Nam khẳng định đây là thông tin sai sự thật, ngành BHXH không có chủ trương gọi "
    "điện, nhắn tin yêu cầu người dân cung cấp thông tin cá nhân hay mã OTP.",
    "Cơ quan BHXH khẳng định không có chủ trương thu phí làm hồ sơ và không ủy quyền cho bất kỳ "
    "cá nhân, tổ chức nào làm dịch vụ.",
    "BHXH {province} khẳng định văn bản trên là giả mạo, mục đích nhằm chiếm đoạt tài sản và "
    "thông tin cá nhân.",
    "Đây là thủ đoạn mạo danh cơ quan BHXH để lừa đảo, chiếm đoạt tài sản.",
    "BHXH Việt Nam cho biết không có chính sách nào như nội dung lan truyền; quyền lợi BHYT của "
    "người tham gia vẫn được bảo đảm theo quy định.",
]
DEBUNK_ADVICE = [
    "BHXH {province} khuyến cáo người dân không cung cấp thông tin cá nhân, không bấm vào đường "
    "link lạ; mọi thông tin chính thức được đăng trên baohiemxahoi.gov.vn hoặc qua tổng đài 1900 "
    "9068.",
    "Người dân chỉ tải ứng dụng VssID từ CH Play hoặc App Store và chỉ thực hiện thủ tục tại cơ "
    "quan BHXH hoặc Cổng dịch vụ công dichvucong.baohiemxahoi.gov.vn.",
    "Đề nghị người dân không chuyển tiền, không làm theo hướng dẫn của người lạ; khi có nghi vấn "
    "cần liên hệ cơ quan BHXH nơi gần nhất hoặc tổng đài 1900 9068 để được giải đáp.",
    "Các thủ tục về BHXH, BHYT qua kênh chính thức đều miễn phí. Nếu phát hiện dấu hiệu lừa đảo, "
    "người dân báo ngay cho cơ quan công an.",
    "Tin nhắn chính thức của ngành chỉ hiển thị tên BHXHVN hoặc BHXH kèm tên tỉnh; người dân cảnh "
    "giác với mọi số điện thoại cá nhân tự xưng cán bộ BHXH.",
]
DEBUNK_WHAT = {
    "C1": [
        "cuộc gọi mạo danh cán bộ BHXH",
        "tin nhắn giả mạo BHXH",
        "các đối tượng giả danh cán bộ BHXH",
    ],
    "C2": ["giấy mời giả mạo BHXH", "văn bản giả mạo BHXH Việt Nam", "công văn giả mạo"],
    "C3": [
        "trang web giả mạo cổng dịch vụ công BHXH",
        "ứng dụng VssID giả mạo",
        "fanpage giả mạo BHXH",
    ],
    "C4": [
        "dịch vụ làm hồ sơ rút BHXH một lần thu phí",
        "các trang mạng nhận làm dịch vụ BHXH",
        "hoạt động mua bán sổ BHXH",
    ],
    "C5": [
        "thông tin sai lệch về chính sách BHYT",
        "tin đồn hủy sổ BHXH",
        "thông tin sai về chi trả lương hưu",
    ],
    "C6": [
        "tin nhắn nhận tiền hỗ trợ giả mạo",
        "lời mời nhận trợ cấp giả",
        "tin nhắn hoàn tiền BHYT giả",
    ],
    "C7": [
        "bài đăng xúi giục rút BHXH một lần",
        "thông tin so sánh sai lệch giữa BHXH và bảo hiểm thương mại",
    ],
    "C8": ["thông tin quỹ BHXH sắp vỡ", "tin đồn quỹ hưu trí cạn kiệt"],
}
C7_DEBUNK = [
    "Theo cơ quan BHXH, rút BHXH một lần đồng nghĩa với việc mất quyền hưởng lương hưu, mất thẻ "
    "BHYT khi nghỉ hưu và chế độ tử tuất.",
    "BHXH là chính sách không vì lợi nhuận, được Nhà nước bảo hộ; người lao động nên cân nhắc kỹ, "
    "bảo lưu thời gian đóng để hưởng lương hưu.",
]
C8_DEBUNK = [
    "Lãnh đạo BHXH Việt Nam khẳng định không có chuyện quỹ hưu trí vỡ hay mất khả năng chi trả; "
    "Nhà nước bảo hộ quỹ BHXH.",
    "Theo BHXH Việt Nam, các dự báo cũ được đưa ra trước khi Luật BHXH sửa đổi có hiệu lực; quỹ "
    "vẫn bảo đảm chi trả đầy đủ, kịp thời.",
]

# ---- label 0, stance "neutral": ordinary coverage ------------------------------------------------
NEUTRAL = [
    (
        "BHXH {province} đẩy mạnh phát triển người tham gia BHXH tự nguyện",
        "Tính đến hết tháng {month}, toàn tỉnh {province} có hơn {count} nghìn người tham gia "
        "BHXH tự nguyện, "
        "tăng so với cùng kỳ. BHXH tỉnh phối hợp với các xã tổ chức hội nghị đối thoại, tuyên "
        "truyền chính sách "
        "tới người lao động tự do. Người tham gia được Nhà nước hỗ trợ một phần mức đóng theo quy "
        "định.",
    ),
    (
        "Tỷ lệ bao phủ BHYT tại {province} đạt {rate}%",
        "Theo BHXH tỉnh {province}, tỷ lệ bao phủ BHYT đến nay đạt {rate}% dân số. Trong năm, quỹ "
        "BHYT đã "
        "thanh toán cho hàng trăm nghìn lượt khám chữa bệnh. Giám đốc BHXH tỉnh {name} cho biết "
        "sẽ tiếp tục "
        "phối hợp với ngành y tế để nâng cao chất lượng dịch vụ.",
    ),
    (
        "Chi trả lương hưu tháng {month} qua tài khoản cá nhân",
        "BHXH {province} cho biết đã hoàn thành chi trả lương hưu, trợ cấp BHXH tháng {month} cho "
        "người hưởng. "
        "Tỷ lệ người nhận qua tài khoản cá nhân tiếp tục tăng; người có nhu cầu vẫn nhận tiền mặt "
        "tại điểm chi "
        "trả của bưu điện như trước.",
    ),
    (
        "Thu hồi nợ đóng BHXH tại {province}",
        "Sáu tháng đầu năm, BHXH {province} đã thu hồi được {billion} tỷ đồng nợ đóng BHXH, BHYT, "
        "BHTN. Cơ quan "
        "BHXH lập đoàn thanh tra chuyên ngành đối với {count} doanh nghiệp chậm đóng kéo dài, "
        "đồng thời lập "
        "biên bản và chuyển hồ sơ sang cơ quan công an đối với các trường hợp có dấu hiệu trốn "
        "đóng.",
    ),
    (
        "Hơn {count} nghìn người dân {province} cài đặt ứng dụng VssID",
        "Công tác chuyển đổi số ngành BHXH tại {province} đạt nhiều kết quả. Đến nay có hơn "
        "{count} nghìn "
        "người cài đặt và sử dụng ứng dụng VssID - Bảo hiểm xã hội số, tải miễn phí từ CH Play và "
        "App Store. "
        "Người dân có thể tra cứu quá trình đóng, dùng hình ảnh thẻ BHYT trên ứng dụng khi đi "
        "khám bệnh.",
    ),
    (
        "Tháng vận động triển khai BHXH toàn dân tại {province}",
        "Hưởng ứng tháng vận động triển khai BHXH toàn dân, BHXH {province} phối hợp với Bưu điện "
        "tỉnh tổ chức "
        "hội nghị tuyên truyền tại các xã. Tại hội nghị, cán bộ BHXH giải đáp thắc mắc của người "
        "dân về điều "
        "kiện hưởng lương hưu, chế độ thai sản, ốm đau; {count} người đã đăng ký tham gia ngay "
        "tại chỗ.",
    ),
    (
        "Mức lương cơ sở mới và quyền lợi người tham gia BHXH",
        "Từ ngày 01/7/2024, mức lương cơ sở là 2.340.000 đồng/tháng. Mức đóng BHYT hộ gia đình, "
        "trợ cấp mai "
        "táng và nhiều chế độ BHXH được tính theo mức lương cơ sở mới. BHXH {province} đã điều "
        "chỉnh kịp thời "
        "cho người hưởng trên địa bàn.",
    ),
    (
        "Trợ cấp thất nghiệp: hơn {count} người được hỗ trợ tại {province}",
        "Trung tâm Dịch vụ việc làm {province} cho biết từ đầu năm đã có hơn {count} người lao "
        "động được giải "
        "quyết hưởng trợ cấp thất nghiệp với tổng số tiền {billion} tỷ đồng. Người lao động nộp "
        "hồ sơ trong "
        "vòng 3 tháng kể từ ngày chấm dứt hợp đồng lao động.",
    ),
    (
        "Lương hưu tăng từ ngày 01/7/2024",
        "Theo Nghị định 75/2024/NĐ-CP, từ ngày 01/7/2024 lương hưu, trợ cấp BHXH và trợ cấp hằng "
        "tháng được "
        "điều chỉnh tăng 15%. BHXH {province} đã chi trả mức mới cho người hưởng trên địa bàn "
        "ngay trong kỳ "
        "chi trả tháng 7.",
    ),
    (
        "Đối thoại chính sách BHXH với người lao động khu công nghiệp",
        "Ngày {date}, Liên đoàn Lao động và BHXH {province} tổ chức đối thoại với công nhân khu "
        "công nghiệp. "
        "Nhiều ý kiến hỏi về rút BHXH một lần; đại diện BHXH phân tích quyền lợi khi bảo lưu thời "
        "gian đóng để "
        "hưởng lương hưu và thẻ BHYT khi về già.",
    ),
    (
        "Quỹ BHXH và bài toán cân đối dài hạn",
        "Tại hội thảo về chính sách hưu trí, các chuyên gia cho rằng cần tiếp tục cải cách để bảo "
        "đảm cân đối "
        "quỹ hưu trí trong dài hạn khi dân số già hóa nhanh. Đại diện BHXH Việt Nam cho biết quỹ "
        "vẫn bảo đảm "
        "chi trả; việc điều chỉnh tuổi nghỉ hưu theo lộ trình sẽ góp phần ổn định quỹ.",
    ),
    (
        "Hướng dẫn đăng ký tài khoản VssID",
        "Người dân có thể đăng ký tài khoản giao dịch điện tử với cơ quan BHXH trên Cổng dịch vụ "
        "công "
        "dichvucong.baohiemxahoi.gov.vn hoặc ứng dụng VssID. Mọi vướng mắc liên hệ tổng đài 1900 "
        "9068 hoặc cơ "
        "quan BHXH nơi cư trú. Thủ tục không mất phí.",
    ),
    (
        "Hỗ trợ đóng BHYT cho hộ cận nghèo tại {province}",
        "Ủy ban nhân dân tỉnh {province} quyết định hỗ trợ thêm mức đóng BHYT cho người thuộc hộ "
        "cận nghèo và "
        "học sinh, sinh viên. Danh sách được lập tại xã, phường; người dân không phải nộp thêm "
        "giấy tờ hay "
        "chi phí nào.",
    ),
    (
        "Xét xử vụ lừa đảo giả danh cán bộ BHXH",
        "Tòa án nhân dân tỉnh {province} đã tuyên phạt bị cáo {name} {years} năm tù về tội lừa "
        "đảo chiếm đoạt "
        "tài sản. Bị cáo giả danh cán bộ BHXH, gọi điện yêu cầu người cao tuổi chuyển tiền để "
        "được nhận lương "
        "hưu sớm. Cơ quan BHXH nhắc lại không bao giờ yêu cầu người dân chuyển tiền.",
    ),
    (
        "Bệnh viện đa khoa {province} ứng dụng căn cước trong khám BHYT",
        "Từ tháng {month}, người bệnh đến khám tại Bệnh viện đa khoa {province} chỉ cần xuất "
        "trình căn cước "
        "gắn chip hoặc ứng dụng VNeID thay cho thẻ BHYT giấy. Bệnh viện cho biết thời gian tiếp "
        "đón giảm đáng kể.",
    ),
    (
        "Doanh nghiệp nợ BHXH bị công khai danh sách",
        "BHXH {province} vừa công khai danh sách {count} đơn vị nợ đóng BHXH, BHYT, BHTN từ 3 "
        "tháng trở lên "
        "với tổng số nợ {billion} tỷ đồng. Việc công khai nhằm bảo vệ quyền lợi của người lao "
        "động.",
    ),
]
NEUTRAL_EXTRA = [
    "Năm nay, ngành BHXH đặt mục tiêu tăng số người tham gia BHXH tự nguyện.",
    "Người dân có thể theo dõi thông tin chính thức trên baohiemxahoi.gov.vn.",
    "Cơ quan BHXH sẽ tiếp tục cải cách thủ tục hành chính, rút ngắn thời gian giải quyết hồ sơ.",
    "Đại diện Sở Y tế đánh giá cao sự phối hợp của cơ quan BHXH.",
    "Số người hưởng chế độ ốm đau, thai sản trong quý tăng nhẹ so với cùng kỳ.",
    "",
]


def _fill(template: str, s: Slots, **extra: str) -> str:
    values = {k: v for k, v in vars(s).items() if k != "rng"}
    values.update(extra)
    return template.format(**values)


def _assert_examples(rng: random.Random, per_template: int) -> list[dict[str, object]]:
    rows = []
    for category, templates in ASSERT.items():
        for t_index, (title, body) in enumerate(templates):
            for _ in range(per_template):
                s = Slots(rng)
                text, head = _fill(body, s), _fill(title, s)
                if rng.random() < 0.15:  # scam texts are often typed without diacritics
                    text, head = fold(text), fold(head)
                rows.append(
                    _row(head, text, 1, category, "asserts", f"assert-{category}-{t_index}")
                )
    return rows


def _debunk_examples(rng: random.Random, per_template: int) -> list[dict[str, object]]:
    rows = []
    for category, templates in ASSERT.items():
        for t_index, (_, body) in enumerate(templates):
            for _ in range(per_template):
                s = Slots(rng)
                quote = _fill(body, s).replace('"', "'")
                what = rng.choice(DEBUNK_WHAT[category])
                title = _fill(rng.choice(DEBUNK_TITLES), s, what=what)
                opener = _fill(rng.choice(DEBUNK_OPENERS), s, what=what, quote=quote)
                if category == "C7":
                    correction = " ".join(C7_DEBUNK)
                elif category == "C8":
                    correction = rng.choice(C8_DEBUNK)
                else:
                    correction = _fill(rng.choice(DEBUNK_CORRECTIONS), s)
                advice = _fill(rng.choice(DEBUNK_ADVICE), s)
                parts = [opener, correction, advice]
                if rng.random() < 0.4:
                    parts = [correction, opener, advice]
                rows.append(
                    _row(
                        title,
                        " ".join(parts),
                        0,
                        category,
                        "reports-and-debunks",
                        f"debunk-{category}-{t_index}",
                    )
                )
    return rows


def _neutral_examples(rng: random.Random, per_template: int) -> list[dict[str, object]]:
    rows = []
    for t_index, (title, body) in enumerate(NEUTRAL):
        for _ in range(per_template):
            s = Slots(rng)
            text = f"{_fill(body, s)} {rng.choice(NEUTRAL_EXTRA)}".strip()
            # A court report on a fraud case reports (and implicitly debunks) the scam.
            stance = "reports-and-debunks" if "lừa đảo" in title else "neutral"
            rows.append(_row(_fill(title, s), text, 0, None, stance, f"neutral-{t_index}"))
    return rows


def _row(
    title: str, text: str, label: int, category: str | None, stance: str, group: str
) -> dict[str, object]:
    return {
        "title": title,
        "text": text,
        "label": label,
        "category": category,
        "stance": stance,
        "source": "synthetic",
        "group": group,
    }


def build(seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = _assert_examples(rng, 10) + _debunk_examples(rng, 7) + _neutral_examples(rng, 16)
    rng.shuffle(rows)
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} examples to {OUT}")


if __name__ == "__main__":
    main()
