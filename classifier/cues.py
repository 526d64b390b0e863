"""Scam cues: where a message sends its reader, what it asks for, and how it pushes.

A scam needs three things: a channel out of sight of the real organisation (a look-alike or
throw-away link, a shortener, a private chat, a personal phone number), a demand (credentials, a
payment) and a push (a lure, a threat, a deadline). Any one alone is ordinary: banks send links,
shops offer gifts, lenders remind of debts, the press writes "khởi tố". The score below is a
noisy-OR of the families found, so each piece of evidence can only add to the others, and the
weights say how telling each family is on its own. They are set by hand and documented here, not
fitted to any evaluation set.

Patterns are written with diacritics. A text typed with diacritics is matched as typed (its
`Cleaned.marked` form), so folding cannot make "qua Hàn" read as "quá hạn" or "bán" as "bạn"; a
text typed without them is matched folded (`Cleaned.folded`), so "NHAN TIEN HO TRO" and
"nh4n t!en h0 tr0" read as "nhận tiền hỗ trợ". Either way the same content gives the same cues.
Phrases never match across a clause end (`deobfuscate.BOUNDARY`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.links import Brand, BrandMention, Channels, Link, Phone
from classifier.patterns import compile_cue, word_matches
from vntext.deobfuscate import LONGEST_QUOTE, Cleaned, is_syllable
from vntext.normalize import INVISIBLE, MARKED_SHARE, fold

# How much each family says on its own (probability-like, combined by noisy-OR).
LINK_WEIGHT = {
    "lookalike": 0.55,  # a brand's name on a domain or social page it does not own
    "support-page": 0.55,  # a "customer care" page on a social network: the warnings' fake fanpage
    "wrapped": 0.45,  # a search result or free page standing in for a site
    "throwaway": 0.40,  # .top, .xyz, .icu …
    "messenger": 0.30,  # t.me, zalo.me: the talk moves to a private channel
    "shortener": 0.25,  # bit.ly: where it leads is hidden, but brands use them too
    "unknown": 0.20,  # a domain no brand owns, abroad
    "unknown.vn": 0.10,  # the same under .vn, registered with an identity in Việt Nam
    "official": 0.0,
}
PRIVATE_CONTACT_WEIGHT = 0.20  # a mobile number or chat id offered as the way to respond
FAMILY_WEIGHT = {
    "credential": 0.45,  # asks for an OTP, password, card or ID data, or to update an account
    "login": 0.25,  # "đăng nhập" alone: banks say it too
    "payment": 0.25,  # asks to pay, transfer or put down a deposit
    "threat": 0.40,  # police, court, debt collectors at home, relatives told
    "deadline": 0.15,  # will be locked, overdue, last notice
    "lure": 0.35,  # money for nothing: support money, prizes, easy income
    "promotion": 0.10,  # ordinary marketing words: ưu đãi, khuyến mại, quà tặng, giải ngân
    "vice": 0.50,  # gambling, escort offers, forged papers, get-rich investments
    "vice_word": 0.20,  # one ambiguous word of that vocabulary ("slot", "gái xinh")
    "impersonation": 0.30,  # names a bank, BHXH or an authority next to a hidden channel
    "app": 0.35,  # asks to install an app from a link or a file, not from the stores
    "bait": 0.30,  # "if it was not you, click here": fake account activity
    "disguise": 0.30,  # words disguised with look-alikes or punctuation to escape filters
}
# Two or more distinct cues of these families say more than one.
REPEATED_WEIGHT = {"lure": 0.50, "threat": 0.55}
# Share of disguised words from which the disguise itself is a cue (at least two words); from
# `HEAVY_DISGUISE` words on, nothing genuine looks like it.
DISGUISE_SHARE = 0.08
HEAVY_DISGUISE = 4
HEAVY_DISGUISE_WEIGHT = 0.45
# A threat, a deadline, a lure or a demand addressed to nobody in particular, with no hidden
# channel either, is reporting ("trợ cấp tăng từ tháng 1", "khởi tố"), not a scam talking.
NEEDS_ADDRESS = frozenset({"threat", "deadline", "lure", "credential", "payment"})
# With no untrusted channel, content alone may reach review only with a threat and a payment
# demand (debt intimidation) or vice; otherwise it stays below this.
CONTENT_ONLY_CAP = 0.45
OFFICIAL_ONLY_FACTOR = 0.5  # every link is the sender's own and no private contact is given
PROTECTIVE_FACTOR = 0.5  # "không chia sẻ mã này", "BHXH không bao giờ yêu cầu …"


@dataclass(frozen=True)
class Cue:
    """A pattern written with diacritics, matched as typed or folded (module docstring)."""

    family: str
    label: str  # what a reviewer reads, in Vietnamese
    marked: re.Pattern[str]
    folded: re.Pattern[str]
    needs_address: bool = False  # counts only addressed to the reader or beside a hidden channel

    def find_all(self, cleaned: Cleaned, *, as_marked: bool) -> list[tuple[int, int, str]]:
        """(start, end, folded words) of matches not negated by the words just before them
        ("không cung cấp OTP"); offsets in `cleaned.marked` if `as_marked`, else `folded`."""
        text = cleaned.marked if as_marked else cleaned.folded
        pattern = self.marked if as_marked else self.folded
        found = []
        for m in word_matches(pattern, text):
            if _NEGATED.search(fold(text[max(0, m.start() - 30) : m.start()])):
                continue
            if self.family == "credential" and _DELIVERED.match(text[m.end() : m.end() + 30]):
                continue
            found.append((m.start(), m.end(), fold(m.group(0))))
        return found


def _cue(family: str, label: str, pattern: str, *, needs_address: bool = False) -> Cue:
    # The leading word boundary is checked by `word_matches` (it would slow every miss).
    pattern = pattern.removeprefix("\\b")
    return Cue(family, label, compile_cue(pattern), compile_cue(fold(pattern)), needs_address)


_W = r"[^\s|]+"  # one word, never a clause boundary
_NEGATION = r"(?:khong|ko|kg|dung|tuyet doi khong|khong bao gio|khong duoc)"
_NEGATED = re.compile(rf"\b{_NEGATION}(?: [^\s|]+)?\s*$")
# A code printed right after the term is a delivery ("Mã OTP là 482913"), not a request.
_DELIVERED = re.compile(r"^(?: [^\s|]+){0,3} \d{4,8}\b")
# "khai" (declare) as a verb, not a syllable of another word: "công khai" (make public),
# "triển khai" (roll out), "lời khai" (a testimony), "khai thác" (exploit) are news words.
_DECLARE = r"(?<!công )(?<!triển )(?<!lời )khai(?! thác)"
_CREDENTIAL_TERMS = (
    r"(?:mã )?otp|mật khẩu|mã (?:xác (?:thực|minh|nhận)|pin|bảo mật)|số thẻ|cvv|cccd|căn cước|"
    r"cmnd|số tài khoản|tài khoản ngân hàng|thông tin (?:cá nhân|tài khoản|thẻ|ngân hàng|"
    r"định danh|bảo mật)|sinh trắc học|khuôn mặt"
)
# Folded, "cá cược" (betting) is also "cả cuộc" (a whole …): "tat ca cuoc goi" is every call.
# "Cược" before a noun that "cuộc" takes ("gọi", "đời", "họp") is "cuộc", and so after "tất".
_CUOC_NOUNS = (
    r"(?! (?:gọi|đời|sống|họp|thi|chiến|chơi|điều tra|khảo sát|thanh tra|kiểm tra|trò chuyện|"
    r"nói chuyện|hội thoại|phỏng vấn|gặp|hẹn|tình|đua|bầu cử|vận động|cách mạng|tấn công)\b)"
)
# An amount a day is earnings held out ("thu nhập 500k/ngày"), unless it is what a service costs:
# "Sau KM 4k/ngày", "giá chỉ còn 6K/ngày", "Soạn X gửi 1234: 8K/ngày" (a carrier's package
# price; the cleaned text has no punctuation, so the price follows the short code). The digit is
# checked first, so the look-behinds run only before a number, not at every position of a text.
_NOT_A_PRICE = (
    r"(?=\d)(?<!km )(?<!cước )(?<!phí )(?<!giá )(?<!còn )(?<!chỉ )(?<!chỉ từ )(?<!chỉ với )"
    r"(?<!gửi \d{3} )(?<!gửi \d{4} )"
)
_GAMBLING = (
    r"nổ hũ|bắn cá|tài xỉu|xóc đĩa|baccarat|casino|nhà cái (?:uy tín|số|hàng đầu|top)|"
    rf"(?<!tất )cá cược{_CUOC_NOUNS}|"
    r"game bài|gem bài|đổi thưởng|vòng cược|lô đề|kèo nhà cái|jili|rồng hổ|xoso|x0s0|"
    r"siêu hoàn trả|cứu thua|nạp đầu (?:nhận|tặng|thưởng|x\d|\d)|tặng tân thủ|code \d[\d.,]* ?k|"
    r"rút (?:tiền )?(?:siêu tốc|liền|\d+ ?s\b)|top \d+ nhà cái|nhà cái (?:vn|việt nam)|"
    r"nạp \d[\d.,]* ?(?:k|tr|triệu)? (?:nhận|tặn?g|thưởn?g) \d|hoàn trả \d+(?:[.,]\d+)? ?%|"
    # Odds and stakes. Offers drop a letter to slip past filters ("thưởg", "tặg") and glue words
    # ("tỉlệ"); "cược" before a noun of "cuộc" is "tỷ lệ cuộc gọi", a network's figure.
    rf"t[ỉỷ] ?lệ (?:cược{_CUOC_NOUNS}|kèo)|cược (?:tặn?g|thưởn?g) \d[\d.,]* ?(?:k|ngàn|ngìn|nghìn)|"
    r"cược (?:vào )?\d+ (?:sự kiện|trận|kèo)|rút (?:tiền )?(?:ngay )?(?:không|ko|k) cần nạp"
)

CUES: tuple[Cue, ...] = (
    _cue(
        "credential",
        "yêu cầu cung cấp mã OTP, mật khẩu, thẻ hoặc thông tin cá nhân",
        rf"\b(?:cung cấp|đọc|{_DECLARE}|chụp|gửi (?:lại )?(?:cho|qua))\b(?: {_W}){{0,3}} "
        rf"(?:{_CREDENTIAL_TERMS})\b",
    ),
    _cue(
        "credential",
        "yêu cầu nhập mã OTP, mật khẩu hoặc thông tin thẻ vào đường dẫn",
        rf"\b(?:nhập|điền)\b(?: {_W}){{0,3}} (?:{_CREDENTIAL_TERMS})\b(?: {_W}){{0,6}} "
        r"(?:vào|tại|trên|qua) (?:link|đường dẫn|website|trang|web|form|http\S*)",
    ),
    _cue(
        "credential",
        "yêu cầu xác thực, cập nhật hoặc đồng bộ tài khoản, dữ liệu",
        # After "mã" the words name a code ("Mã xác minh tài khoản của bạn là …"), not a request;
        # after "đã" or before "thành công" they report an update done ("Quý khách đã cập nhật
        # thành công thông tin thuê bao"), the notice a genuine sender sends afterwards.
        rf"\b(?<!mã )(?<!đã )(?:xác thực|xác minh|cập nhật|đồng bộ|tích hợp|kích hoạt lại|"
        rf"nâng cấp|chuẩn hóa)\b(?! thành công)(?: {_W}){{0,3}} (?:thông tin|tài khoản|dữ liệu|"
        r"hồ sơ|cccd|căn cước|định danh|sinh trắc|vssid|sim|thẻ bhyt|sổ bhxh|sổ bảo hiểm)\b",
    ),
    _cue(
        "credential",
        "yêu cầu đăng nhập qua đường dẫn để xác thực",
        # "Ngắt kết nối và truy cập lại để kích hoạt dịch vụ": a carrier's data service.
        r"\b(?:đăng nhập|login|truy cập(?! lại))\b(?: \S+){0,4} (?:để |và )?(?:xác thực|xác minh|"
        r"xác nhận thông tin|cập nhật|nâng cấp|mở khóa|kích hoạt|hủy|đổi thiết bị)\b",
    ),
    _cue("login", "yêu cầu đăng nhập", r"\b(?:đăng nhập|login)\b"),
    _cue(
        "bait",
        "báo giao dịch lạ để dụ bấm đường dẫn",
        rf"\bnếu (?:không phải|bạn không|quý khách không)\b(?: {_W}){{0,8}} (?:vui lòng |hãy )?"
        r"(?:nhấn|bấm|click|truy cập|vào|đăng nhập|nhập)\b",
    ),
    # An order the reader never placed, "forgotten" and about to lapse: shops remind of carts by
    # name and number on their own site; the lure asks the reader to check a link.
    _cue(
        "bait",
        "hỏi về một đơn hàng “quên thanh toán” để dụ bấm đường dẫn",
        r"\bquên thanh toán (?:cho |tiền )?(?:đơn|giỏ)(?: hàng)?\b",
    ),
    _cue(
        "app",
        "yêu cầu cài ứng dụng qua đường dẫn hoặc tệp",
        rf"\b(?:tải|cài|cài đặt|download)\b(?: {_W}){{0,2}} (?:app|ứng dụng|phần mềm|tệp|file)\b"
        rf"(?: {_W}){{0,6}} (?:link|đường dẫn|http\S*|apk|tại đây)|\bapk\b",
    ),
    _cue(
        "payment",
        "yêu cầu thanh toán, chuyển tiền hoặc đặt cọc",
        rf"\b(?:(?:vui lòng|đề nghị|yêu cầu|yc|cần|hãy|phải|nhanh chóng|chưa|không|bạn|quý khách) "
        rf"(?:{_W} ){{0,2}}(?:thanh toán|tt|chuyển khoản|ck|chuyển (?:{_W} ){{0,2}}tiền|"
        r"nộp (?:tiền|phạt|phí)|đóng phí|trả nợ|tất toán)|chưa nộp phạt|(?:thanh toán|chuyển khoản|"
        r"chuyển tiền|nộp tiền|nộp phạt|trả nợ|tất toán) "
        r"(?:ngay|gấp|dứt điểm|số tiền (?:quá hạn|nợ))|"
        r"phí (?:hồ sơ|thủ tục|xử lý|kích hoạt|giải ngân|bảo hiểm khoản vay|mở thẻ|dịch vụ hàng "
        r"tháng)|đặt cọc|tiền cọc|cọc trước|"
        r"số tiền (?:quá hạn|nợ|cần thanh toán|phải trả|còn thiếu))\b",
    ),
    _cue(
        "threat",
        "đe dọa bằng công an, tòa án, thu hồi nợ hoặc báo người thân",
        r"\b(?:khởi tố|khởi kiện|truy nã|lệnh bắt|bắt giam|triệu tập|an ninh điều tra|"
        r"cảnh sát điều tra|tòa án|viện kiểm sát|xuống nhà|đến tận nhà|thu hồi nợ|"
        r"nhân viên thu hồi|nợ xấu|cic|cưỡng chế|chuyển nhóm nợ|nhóm nợ|bất hợp tác|tố giác|"
        # Relatives and the workplace told of a debt or visited. Named alone they are family
        # stories, greetings and job ads; a list goes on after a comma, a dash or "và". "Về"
        # only after the debt: typed bare, "bao ve nguoi than" is mostly "bảo vệ" (protect).
        r"(?:thông báo|báo|liên hệ|liên lạc|gọi(?: điện)?|nhắn(?: tin)?|đến|xuống)"
        r"(?: (?:khoản )?nợ(?: về)?)?(?: (?:cho|đến|tới|với))? (?:người thân|nơi làm việc)|"
        r"(?:(?<=, )|(?<=- )|(?<=và ))(?:người thân|nơi làm việc)|"
        r"xử lý (?:theo )?(?:đúng )?(?:quy định của )?pháp luật|chiếm đoạt tài sản|rửa tiền|"
        r"liên quan (?:đến )?(?:vụ án|đường dây))\b",
    ),
    _cue(
        "deadline",
        "dọa khóa, hủy hoặc cảnh cáo lần cuối",
        # "Bị" closing a word of its own ("chuẩn bị khóa học", "thiết bị khóa") threatens nothing.
        r"\b(?:(?:sẽ |sắp )?(?<!chuẩn )(?<!thiết )(?<!trang )(?<!dự )(?<!phòng )bị "
        r"(?:khóa|tạm khóa|tạm ngưng|ngưng|hủy|đình chỉ|vô hiệu hóa|cắt|trừ|phạt|xóa|thu hồi)|"
        r"tạm ngưng|quá hạn|lần cuối|cảnh cáo|trước \d{1,2} ?(?:h|g)\d{0,2}\b|"
        r"không (?:được )?chấp nhận|mất quyền lợi|số lượng (?:chỗ )?có hạn|còn \d+ (?:suất|lượt)|"
        r"thông báo cuối cùng)\b",
    ),
    _cue(
        "lure",
        "hứa hẹn tiền, thưởng hoặc thu nhập dễ dàng",
        # A bare "trợ cấp" is what BHXH pays and writes about; money held out is an amount or a sum.
        r"\b(?:tiền hỗ trợ|hỗ trợ (?:tiền|\d[\w.,]*)|(?:gói|khoản|tiền) trợ cấp|"
        r"trợ cấp (?:lên (?:đến|tới) )?\d[\d.,]* ?(?:k|tr|triệu|đ|đồng|vnd)|"
        r"đủ (?:điều kiện|đk) (?:nhận|hưởng)|"
        r"trúng (?:thưởng|giải)|"
        r"nhận (?:ngay |luôn )?(?:tiền|thưởng|\d[\d.,]* ?(?:k|tr|triệu|đ|đồng|vnd))|"
        r"thưởng \d[\d.,]* ?(?:k|tr|triệu|đ|đồng)|"
        r"tặng (?:ngay |bạn )?\d[\d.,]*(?:[-~]\d+)? ?k|ta[gq] \d+|"
        r"(?:chúc mừng|xin chúc mừng) (?:[^\s|]+ ){0,6}(?:đã )?(?:trúng (?:thưởng|giải)|"
        r"trở thành khách hàng may mắn|"
        r"được chọn|là khách hàng may mắn|nhận được (?:giải|phần quà|một|1))|khách hàng may mắn|"
        r"(?:tặng|gửi) quà (?:cho|tới) (?:bạn|quý khách)|trả (?:lương )?theo (?:hàng )?ngày|"
        rf"điểm thưởng (?:{_W} ){{0,3}}(?:hết hạn|đổi quà)|"
        r"thu nhập (?:từ |lên |ổn định )?\d[\w.,]*|"
        rf"{_NOT_A_PRICE}\d[\d.,]* ?(?:k|tr|triệu)(?: \d[\d.,]* ?(?:k|tr|triệu))? "
        r"(?:mỗi |một |/ ?)?ngày|"
        r"lương (?:từ )?\d[\d.,]* ?(?:tr|triệu)|việc nhẹ|làm (?:việc )?tại nhà|bán thời gian|"
        r"kiếm (?:tiền|thêm thu nhập)|kiếm (?:được |thêm )?(?:từ )?\d[\w.,]*|quay số|"
        r"rút thăm|hoàn thuế|nhận giải|nhận quà tri ân|(?:đăng ký|đk) (?:nhận|tặng)\b"
        # Subscribing to messages is no gift: "đăng ký nhận lại thông tin", "số điện thoại đăng
        # ký nhận SMS OTP", "đăng ký nhận bản tin".
        r"(?! (?:lại|tin|thông tin|thông báo|bản tin|sms|otp|mã|email|thư|hóa đơn)\b)|"
        r"(?:tiền )?lương (?:được )?(?:trả|thanh toán|quyết toán) (?:theo|trong|hàng|ngay) ngày|"
        r"trả (?:lương )?theo ngày|hoa hồng (?:lên (?:đến|tới) )?\d[\w.,]*|vòng quay may mắn|"
        r"cơ hội (?:nhận|trúng|sở hữu)|"
        r"tuyển (?:gấp |dụng )?(?:số lượng lớn )?(?:nhân viên|cộng tác viên|ctv)(?: \S+){0,6} "
        r"(?:tại nhà|online|bán thời gian|mỗi ngày|trong ngày|đặt hàng|thả tim|nhiệm vụ))\b",
    ),
    _cue(
        "promotion",
        "lời mời khuyến mại",
        # "km" after a number or before "/h" is a distance or a speed, not a promotion.
        r"\b(?:ưu đãi|khuyến mãi|khuyến mại|(?<!\d)(?<!\d )km(?! ?/ ?h)|giảm giá|miễn phí|free|"
        r"voucher|quà tặng|nhận quà|"
        r"hoàn tiền|lì xì|giải ngân|vay (?:nhanh|tới|đến|tiền|vốn|online)|tặng \d+ ?%)\b",
    ),
    # Gambling words are also news and talk ("thuế casino", "trúng Jackpot", "rút liền"): like
    # a lure, they count when addressed to the reader or beside a hidden channel (an offer).
    _cue("vice", "cờ bạc, cá cược trực tuyến", rf"\b(?:{_GAMBLING})\b", needs_address=True),
    # Vice named as a topic is also crime news, satire and fiction ("bắt đường dây gái gọi",
    # "mất tiền vì tiền ảo"): like gambling, it counts addressed to the reader or beside a hidden
    # channel. The offer itself ("phục vụ tận nơi", "lãi 3%/ngày") counts wherever it stands.
    _cue(
        "vice",
        "mời gọi mại dâm",
        r"\b(?:tình một đêm|làm tình|sex|gái gọi)\b",
        needs_address=True,
    ),
    _cue(
        "vice",
        "mời gọi mại dâm",
        r"\b(?:phục vụ tận nơi|đến tận nơi phục vụ|"
        r"phục vụ (?:\S+ ){0,6}(?:người mẫu|hotgirl|sinh viên|gái))\b",
    ),
    _cue(
        "vice",
        "nhận làm giấy tờ, bằng cấp giả",
        r"\b(?:nhận làm|(?:bên )?(?:em|mình|tôi) (?:nhận )?làm|làm (?:các loại|tất cả)|"
        r"cung cấp các loại) (?:\S+ ){0,12}(?:bằng lái|gplx|giấy tờ|bằng cấp|bằng đại học|cccd|"
        r"căn cước|chứng minh|cavet|hộ chiếu)\b",
    ),
    _cue(
        "vice",
        "đầu tư, tiền ảo hứa lãi cao",
        r"\b(?:usdt|tiền ảo|crypto|sàn forex)\b",
        needs_address=True,
    ),
    _cue(
        "vice",
        "đầu tư, tiền ảo hứa lãi cao",
        r"\b(?:đầu tư (?:sinh lời|lãi)|lãi \d+ ?% ?/ ?(?:ngày|tuần)|nhận \d+ ?% mỗi ngày)\b",
    ),
    # "Jackpot" and "xổ số" also name the lawful lottery's draws and prizes ("trúng Jackpot 2"),
    # reported to customers in the third person: they count only beside a hidden channel.
    _cue(
        "vice_word",
        "từ ngữ cờ bạc, hẹn hò",
        r"\b(?:slot|nạp đầu|tân thủ|nhà cái|gái (?:xinh|đẹp)|hẹn hò|chọi gà|đá gà|xổ số|jackpot)\b",
    ),
)

# Who a message speaks to (folded "ban" is also "bán", "bàn", "bản": see the module docstring).
# News narrates other people: "bạn trai", "bạn bè", "bạn anh" are someone's friends, not the
# reader; "giám đốc yêu cầu chị nộp", "bó hoa chúc mừng" report a request or a greeting. A request
# or a greeting speaks to the reader only when it opens a clause, alone or after "chúng tôi".
# (Words whose folded form is also "you do X" stay out: "bạn chỉ/tới/tự/đổi".)
_THIRD_PERSON_FRIEND = r"(?! (?:trai|gái|bè|thân|học|của|ấy|anh|em)\b)"
# Reports count customers or point at some ("nhiều khách hàng", "4 khách hàng trúng giải",
# "khách hàng này"): people spoken about, not the reader, whom a message greets without a count.
_COUNTING_WORDS = (
    *("các", "những", "nhiều", "một", "hai", "ba", "bốn", "mười", "trăm", "nghìn", "ngàn"),
    *("triệu", "số", "có", "vị"),
)
_COUNTED = "".join(f"(?<!{w} )" for w in _COUNTING_WORDS)
_THIRD_PERSON_CUSTOMER = rf"(?<!\d ){_COUNTED}khách hàng(?! (?:này|đó|ấy|kia)\b)"
# A subscriber is the reader only as a carrier's notice names the line ("Thuê bao 0912… ",
# "Thuê bao của Quý khách"); elsewhere subscribers are spoken about ("các số thuê bao", "thuê bao
# di động cần xác thực", "Thuê bao không dùng smartphone sẽ xác thực thế nào").
_READERS_LINE = r"thuê bao(?= \+?\d| của (?:quý khách|bạn|qk)\b)"
_CLAUSE_OPENS = r"(?:^|(?<=\| ))(?:(?:chúng tôi|bên (?:em|mình)|tôi|em) )?"
_ADDRESS = _cue(
    "address",
    "",
    rf"\b(?:quý khách|quý kh|qk|kh|ông ?/ ?bà|ông \(?bà\)?|o ?/? ?b|ob|bạn{_THIRD_PERSON_FRIEND}|"
    r"anh ?/ ?chị|a ?/ ?c|anh chị|ae|"
    rf"{_READERS_LINE}|{_THIRD_PERSON_CUSTOMER}|"
    r"chào (?:anh|chị|em|bạn|cô|chú|ông|bà)|"
    rf"{_CLAUSE_OPENS}(?:(?:xin )?chúc mừng|"
    r"(?:đề nghị|yêu cầu|mời|nhờ|vui lòng) (?:anh|chị|em|cô|chú|ông|bà)))\b",
)
# Advice that protects the reader. Scams borrow the mild kind ("để tránh bị lừa đảo"); the
# strong kind (naming the fraud as fraud) they almost never write about themselves.
_PROTECTIVE = re.compile(
    rf"\b{_NEGATION} (?:\w+ ){{0,2}}(?:chia se|cung cap|tiet lo|bam|truy cap|click|chuyen)\b|"
    r"\bke ca nhan vien\b|\bbat ky ai\b"
)
_WARNING = re.compile(
    r"\b(?:khong bao gio|khong) (?:\w+ ){0,2}yeu cau\b|\bcanh giac\b|\b(?:gia mao|mao danh|"
    r"gia danh)\b|\btuyet doi khong\b|\bcanh bao (?:\w+ ){0,3}(?:lua dao|gia mao)\b"
)
_APK = re.compile(r"\bapk\b")
_KEYPAD = re.compile(
    r"\b(?:an|bam|nhan) phim \d\b|\blam theo (?:su )?huong dan (?:cua )?(?:nhan vien|tu van vien|"
    r"can bo|tong dai vien)\b"
)
_CONTACT_CUE = re.compile(
    r"\b(?:lien he|lh|goi|alo|zalo|zl|tele|telegram|ib|inbox|nhan tin|ket ban|add|hotline|"
    r"bam phim|an phim|nhan phim)\b"
)
# A chat id: a phone number, an @handle, or letters mixed with digits ("hoamai1988"). A number
# is an id from nine digits (a phone number, a Telegram id); a shorter one is a code the app sends
# ("Mã xác minh Zalo của bạn là 552211").
_CHAT_HANDLE = re.compile(
    r"\b(?:zalo|zl|tele|telegram|wechat|line)\b(?: \w+){0,5} "
    r"(?:@[a-z0-9_.]{3,}|\d{9,}|(?=[a-z0-9_]*[a-z_])[a-z_]*\d[a-z0-9_]{3,}|[a-z0-9]*_[a-z0-9_]+)\b"
)
# A chat id of letters only, given after a colon ("tele: abcxyz"): no syllable, so no word of
# the sentence. Without the colon "zalo official" or "tele group" are words, not an account.
_NAMED_HANDLE = re.compile(r"\b(?:zalo|zl|tele|telegram)\b ([a-z]{6,})\b")
# A press credit names where a photo or a story came from ("Ảnh: abc.com", "báo abc.net đưa
# tin"): the reader is not sent there. Read on the words as typed, with diacritics ("thông báo"
# is an announcement); only a domain of no known kind is a credit, so a look-alike, throw-away or
# shortened link stays a channel wherever it stands.
_CREDIT_BEFORE = re.compile(r"(?:\b(?:ảnh|nguồn|tạp chí)|(?<!thông )\bbáo)\s*[:(]?\s*$", re.I)
_CREDIT_AFTER = re.compile(r"^[\s)]*(?:đưa tin|đăng tải|dẫn lời)\b", re.I)
# Quoted speech: double or typographic quotes only, since SMS typed without a Vietnamese keyboard
# put apostrophes after vowels for their tones ("Tha'ng").
_QUOTATION = re.compile(r"\"[^\"\n]{8,}\"|“[^”\n]{8,}”|«[^»\n]{8,}»")
# From this share of words typed with diacritics, a text is read with them.
MARKED_FROM = MARKED_SHARE


@dataclass(frozen=True)
class CueHit:
    family: str
    label: str
    weight: float
    excerpt: str  # the words as the reader received them
    start: int  # in the original text
    end: int


@dataclass(frozen=True)
class ScamSignals:
    """What the cue engine found in one text, and the score it gives."""

    score: float
    hits: tuple[CueHit, ...]
    links: tuple[Link, ...]
    phones: tuple[Phone, ...]
    brands: tuple[str, ...]
    protective: bool
    addressed: bool

    @property
    def families(self) -> frozenset[str]:
        return frozenset(h.family for h in self.hits)


def _quoted(cleaned: Cleaned, family: str, label: str, weight: float, a: int, b: int) -> CueHit:
    b = min(b, a + LONGEST_QUOTE)
    return CueHit(family, label, weight, cleaned.original[a:b], a, b)


def _first_mention(named: list[BrandMention], links: list[Link]) -> tuple[int, int]:
    """Where the text first names an impersonated brand (offsets in the folded text): its name,
    else the look-alike link that names it."""
    found = [(m.start, m.end) for m in named]
    found += [(lk.start, lk.end) for lk in links if lk.verdict == "lookalike" and lk.brand]
    return min(found, default=(0, 0))


def scam_signals(cleaned: Cleaned, channels: Channels) -> ScamSignals:
    """Find the cue families in a cleaned text and combine them (module docstring)."""
    text = cleaned.folded
    links = [lk for lk in channels.links(text) if not _credited(cleaned, lk)]
    phones = [p for p in channels.phones(text) if p.kind == "mobile"]
    addressed = _addresses_reader(cleaned)
    warning = bool(_WARNING.search(text))
    protective = warning or bool(_PROTECTIVE.search(text))
    hits: list[CueHit] = []

    def add(
        family: str, label: str, weight: float, start: int, end: int, *, in_marked: bool = False
    ) -> None:
        a, b = cleaned.span(start, end, in_marked=in_marked)
        hits.append(_quoted(cleaned, family, label, weight, a, b))

    for link in links:
        if link.verdict == "official":
            continue
        key = (
            "unknown.vn" if link.verdict == "unknown" and link.host.endswith("vn") else link.verdict
        )
        add("channel", _LINK_LABEL[link.verdict], LINK_WEIGHT[key], link.start, link.end)
    for phone in phones:
        window = text[max(0, phone.start - 40) : phone.end + 10]
        if _CONTACT_CUE.search(window):
            add(
                "contact",
                "số di động cá nhân để liên hệ",
                PRIVATE_CONTACT_WEIGHT,
                phone.start,
                phone.end,
            )
    for m in _CHAT_HANDLE.finditer(text):
        add(
            "contact", "tài khoản chat riêng để liên hệ", PRIVATE_CONTACT_WEIGHT, m.start(), m.end()
        )
    for m in _NAMED_HANDLE.finditer(text):
        at, to = cleaned.span(m.start(), m.end())
        if ":" in cleaned.original[at:to] and not is_syllable(m.group(1)):
            add("contact", "tài khoản chat riêng để liên hệ", PRIVATE_CONTACT_WEIGHT, *m.span())
    for m in _KEYPAD.finditer(text):
        add(
            "contact",
            "đưa người nhận sang cuộc gọi với “tư vấn viên”",
            PRIVATE_CONTACT_WEIGHT,
            m.start(),
            m.end(),
        )
    as_marked = cleaned.marked_share >= MARKED_FROM
    channelled = any(h.family in ("channel", "contact") for h in hits)
    for cue in CUES:
        if cue.needs_address and not (addressed or channelled):
            continue
        found = cue.find_all(cleaned, as_marked=as_marked)
        if not found:
            continue
        distinct = {words for _, _, words in found}
        weight = FAMILY_WEIGHT[cue.family]
        if len(distinct) > 1 and cue.family in REPEATED_WEIGHT:
            weight = REPEATED_WEIGHT[cue.family]
        start, end, _ = found[0]
        add(cue.family, cue.label, weight, start, end, in_marked=as_marked)
    disguised = cleaned.disguised_tokens
    if len(disguised) >= 2 and len(disguised) >= DISGUISE_SHARE * len(cleaned.tokens):
        first = disguised[0]
        weight = (
            HEAVY_DISGUISE_WEIGHT if len(disguised) >= HEAVY_DISGUISE else FAMILY_WEIGHT["disguise"]
        )
        label = "chữ bị ngụy trang bằng số, ký hiệu hoặc dấu chấm để lách bộ lọc"
        # The words of one whitespace-free chunk share its span: each span is read once.
        spans = {(t.start, t.end) for t in disguised}
        if any(not INVISIBLE.isdisjoint(cleaned.original[a:b]) for a, b in spans):
            # Named, because the quote a reviewer reads is shown without them.
            label = "chữ bị ngụy trang bằng số, ký hiệu, dấu chấm hoặc ký tự vô hình để lách bộ lọc"
        hits.append(_quoted(cleaned, "disguise", label, weight, first.start, first.end))
    hidden = any(h.family in ("channel", "contact") for h in hits)
    hits = [h for h in hits if h.family not in NEEDS_ADDRESS or addressed or hidden]
    sideload = any(
        (_foreign_unofficial(lk) and lk.verdict != "shortener")
        or lk.verdict in ("lookalike", "support-page")
        for lk in links
    )
    if not (sideload or _APK.search(text)):
        hits = [h for h in hits if h.family != "app"]  # stores, .vn pages and shorteners are fine
    named = channels.brands_named(text)
    brands = [m.brand for m in named]
    brands += [
        b
        for lk in links
        if lk.verdict == "lookalike" and lk.brand
        if (b := channels.brand(lk.brand))
    ]
    if _impersonated(brands, links, hits):
        add(
            "impersonation",
            "nhân danh ngân hàng, BHXH hoặc cơ quan nhà nước",
            FAMILY_WEIGHT["impersonation"],
            *_first_mention(named, links),
        )
    channel = max((h.weight for h in hits if h.family in ("channel", "contact")), default=0.0)
    score = _combine(hits, links, channel, protective, warning)
    return ScamSignals(
        score=round(score, 4),
        hits=tuple(sorted(hits, key=lambda h: -h.weight)),
        links=tuple(links),
        phones=tuple(phones),
        brands=tuple(dict.fromkeys(b.id for b in brands)),
        protective=protective,
        addressed=addressed,
    )


def _addresses_reader(cleaned: Cleaned) -> bool:
    """Some word of address speaks to the reader: one inside a quotation is the quoted speaker's
    (a report quoting “… bạn có thể mua cả một hòn đảo …”), not the text's own."""
    as_marked = cleaned.marked_share >= MARKED_FROM
    quoted = [m.span() for m in _QUOTATION.finditer(cleaned.original)]
    for start, end, _ in _ADDRESS.find_all(cleaned, as_marked=as_marked):
        a, _ = cleaned.span(start, end, in_marked=as_marked)
        if not any(q_start <= a < q_end for q_start, q_end in quoted):
            return True
    return False


def _credited(cleaned: Cleaned, link: Link) -> bool:
    """The link is a press credit (`_CREDIT_BEFORE`, `_CREDIT_AFTER`), not somewhere the reader
    is sent."""
    if link.verdict != "unknown":
        return False
    start, end = cleaned.span(link.start, link.end)
    before = cleaned.original[max(0, start - 20) : start]
    after = cleaned.original[end : end + 20]
    return bool(_CREDIT_BEFORE.search(before) or _CREDIT_AFTER.match(after))


_STATE_KINDS = frozenset({"authority", "social-insurance"})


def _impersonated(brands: list[Brand], links: list[Link], hits: list[CueHit]) -> bool:
    """A named brand next to a channel it would not use, or next to a credential demand.

    Banks and shops send shortened links and give their staff's numbers; the state and BHXH use
    only their own sites and hotlines, so any other link or a mobile number gives them away.
    """
    if not brands:
        return False
    families = {h.family for h in hits}
    if "credential" in families:
        return True
    # Brands run Zalo and Telegram channels and shorten links; a look-alike, a throw-away or a
    # foreign site of no brand is what they never use.
    hidden = any(
        lk.verdict in ("lookalike", "support-page", "wrapped", "throwaway") for lk in links
    )
    foreign = any(
        _foreign_unofficial(lk) and lk.verdict not in ("shortener", "messenger") for lk in links
    )
    if hidden or foreign:
        return True
    if not any(b.kind in _STATE_KINDS for b in brands):
        return False
    demanding = families & {"payment", "threat", "app", "credential", "login"}
    return bool(demanding) and "contact" in families


def _foreign_unofficial(link: Link) -> bool:
    """Not the sender's own and not registered in Việt Nam (.vn names need an identity)."""
    return link.verdict != "official" and not link.registrable.endswith(".vn")


_LINK_LABEL = {
    "lookalike": "đường dẫn giả tên ngân hàng/tổ chức",
    "support-page": "trang mạng xã hội tự xưng chăm sóc khách hàng, hỗ trợ",
    "wrapped": "đường dẫn qua trang tìm kiếm hoặc trang miễn phí",
    "throwaway": "đường dẫn tên miền dùng một lần",
    "messenger": "đường dẫn kéo sang nhóm chat riêng",
    "shortener": "đường dẫn rút gọn che địa chỉ thật",
    "unknown": "đường dẫn không thuộc kênh chính thức đã biết",
}


def _noisy_or(weights: list[float]) -> float:
    keep = 1.0
    for w in weights:
        keep *= 1.0 - w
    return 1.0 - keep


def _combine(
    hits: list[CueHit], links: list[Link], channel: float, protective: bool, warning: bool
) -> float:
    by_family: dict[str, float] = {}
    for h in hits:
        family = "channel" if h.family == "contact" else h.family
        by_family[family] = max(by_family.get(family, 0.0), h.weight)
    if "credential" in by_family:
        by_family.pop("login", None)  # one demand, not two
    if "vice" in by_family or channel == 0:
        by_family.pop("vice_word", None)  # an ambiguous word counts only beside a hidden channel
    content = [w for f, w in by_family.items() if f != "channel"]
    if channel > 0:
        score = _noisy_or([channel, *content])
    else:
        score = _noisy_or(content)
        intimidation = by_family.get("threat", 0.0) >= REPEATED_WEIGHT["threat"]
        decisive = (
            intimidation
            or ("threat" in by_family and "payment" in by_family)
            or ("vice" in by_family)
        )
        if not decisive:
            score = min(score, CONTENT_ONLY_CAP)
    if links and all(lk.verdict == "official" for lk in links) and channel == 0:
        score *= OFFICIAL_ONLY_FACTOR
    # Scams copy the mild advice; it protects only a message that sends nowhere hidden.
    if (protective and channel == 0) or (warning and channel < LINK_WEIGHT["throwaway"]):
        score *= PROTECTIVE_FACTOR
    return score
