"""Scam cues: families found, and the same judgement however the text is typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.cues import CONTENT_ONLY_CAP, REPEATED_WEIGHT, CueHit, scam_signals
from classifier.links import Channels
from vntext.deobfuscate import clean
from vntext.normalize import fold

ROOT = Path(__file__).resolve().parents[2]

# Invented for these tests: scams, and genuine messages that share their vocabulary.
SCAMS = {
    "fake payout": "Ông/bà đã đủ điều kiện nhận tiền hỗ trợ từ quỹ BHTN. Bấm vào bhtn-hotro.top "
    "để nhận, quá hạn sẽ không được chấp nhận.",
    "fake lock": "Tài khoản VssID của quý khách sẽ bị khóa. Vui lòng đăng nhập vssid-capnhat.com "
    "để xác thực thông tin.",
    "fake staff": "Cán bộ BHXH thông báo hồ sơ của bạn bị lỗi. Kết bạn Zalo 0912 345 678 để được "
    "hướng dẫn cung cấp mã OTP cập nhật.",
    "debt threat": "Ông/bà chưa thanh toán số tiền quá hạn 7.200.000đ. Trước 17h hôm nay không "
    "thanh toán, nhân viên thu hồi nợ sẽ xuống nhà và báo người thân, nơi làm việc.",
    "gambling": "Nạp đầu nhận 100%, nổ hũ bắn cá rút siêu tốc, đăng ký tại k9vui.cc",
    "job": "Chào bạn, công ty tuyển cộng tác viên làm tại nhà, thu nhập 500k-1tr/ngày, liên hệ "
    "Zalo 0987 654 321.",
}
GENUINE = {
    "otp": "Mã OTP của Quý khách là 482913, có hiệu lực 3 phút. Không chia sẻ mã này cho bất kỳ "
    "ai, kể cả nhân viên ngân hàng.",
    "bank promo": "Vietcombank tặng 20% hoàn tiền khi thanh toán thẻ tại siêu thị đến 30/6. Chi "
    "tiết tại vietcombank.com.vn hoặc gọi 1900545413.",
    "bhxh notice": "BHXH Việt Nam thông báo: hồ sơ đăng ký giao dịch điện tử của Quý đơn vị đã "
    "được tiếp nhận. Tra cứu tại baohiemxahoi.gov.vn hoặc tổng đài 1900 9068.",
    "press crime": "Công an tỉnh đã khởi tố vụ án lừa đảo chiếm đoạt tài sản, tạm giữ hai đối "
    "tượng giả danh cán bộ bảo hiểm để chiếm đoạt tiền của người cao tuổi.",
    "press benefit": "Từ tháng 7, trợ cấp thất nghiệp được điều chỉnh; người lao động nhận tiền "
    "trợ cấp qua tài khoản ngân hàng theo quy định.",
    "bank warning": "Ngân hàng cảnh báo tin nhắn giả mạo: tuyệt đối không cung cấp mật khẩu, OTP "
    "và không truy cập đường dẫn lạ.",
    "chat": "Mẹ ơi con về muộn, tối nay chuyển khoản cho con 200k tiền ăn nhé",
}


@pytest.fixture(scope="module")
def channels() -> Channels:
    return Channels.load(ROOT / "config" / "channels.yaml")


def _typings(text: str) -> dict[str, str]:
    return {"as typed": text, "no diacritics": fold(text), "capitals": text.upper()}


@pytest.mark.parametrize("name", SCAMS)
def test_scams_reach_review_in_every_typing(channels: Channels, name: str) -> None:
    for typing, text in _typings(SCAMS[name]).items():
        signals = scam_signals(clean(text), channels)
        assert signals.score >= 0.5, (name, typing, sorted(signals.families))


@pytest.mark.parametrize("name", GENUINE)
def test_genuine_messages_stay_below_review_in_every_typing(channels: Channels, name: str) -> None:
    for typing, text in _typings(GENUINE[name]).items():
        signals = scam_signals(clean(text), channels)
        assert signals.score < 0.5, (name, typing, sorted(signals.families))


@pytest.mark.parametrize("name", [*SCAMS, *GENUINE])
def test_the_same_content_gets_the_same_cues_however_typed(channels: Channels, name: str) -> None:
    text = {**SCAMS, **GENUINE}[name]
    families = {typing: signals_of(channels, t) for typing, t in _typings(text).items()}
    assert len(set(families.values())) == 1, families


def signals_of(channels: Channels, text: str) -> frozenset[str]:
    return scam_signals(clean(text), channels).families


def test_disguised_scam_is_read_and_the_disguise_is_a_cue(channels: Channels) -> None:
    signals = scam_signals(
        clean("Th0ng b4o: B.H.X.H tr4 t!en h0 tr0, nh4n ngay tai bhxh-vn[.]icu"), channels
    )
    assert {"channel", "lure", "disguise"} <= signals.families
    assert signals.score >= 0.5


def test_negated_request_is_advice_not_a_demand(channels: Channels) -> None:
    signals = scam_signals(clean("Tuyệt đối không cung cấp mã OTP cho người lạ"), channels)
    assert "credential" not in signals.families and signals.protective


def test_cue_excerpts_are_the_words_the_reader_received(channels: Channels) -> None:
    text = "Ban da du d!eu k!en nhan tien ho tro, bam vao bhtn-vn[.]top"
    signals = scam_signals(clean(text), channels)
    excerpts = {h.family: h.excerpt for h in signals.hits}
    assert excerpts["channel"] == "bhtn-vn[.]top"
    assert all(text[h.start : h.end] == h.excerpt for h in signals.hits if h.end)


def test_phrases_do_not_match_across_sentences(channels: Channels) -> None:
    # "... làm. Tính ..." must not read as "làm tình"; "qua Hàn" is not "quá hạn".
    text = "Bạn đi làm. Tính ra bạn đã qua Hàn Quốc ba lần."
    assert signals_of(channels, text) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "Bộ Tài chính hướng dẫn giám sát thuế đối với doanh nghiệp kinh doanh casino.",
        "Kỳ quay số tối qua có một vé trúng Jackpot trị giá hơn 5 tỷ đồng.",
        "Thấy tình hình không ổn là bọn nó rút liền.",
        "Cong an triet pha duong day ca cuoc bong da qua mang.",
    ],
)
def test_gambling_words_in_news_or_talk_are_not_an_offer(channels: Channels, text: str) -> None:
    assert "vice" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Anh chị em vào chơi nổ hũ, casino uy tín, rút liền trong ngày.",
        "Casino uy tin, nap dau tang 100%, vao ngay k9vui.cc",
    ],
    ids=["addressed", "with-link"],
)
def test_gambling_words_offered_to_the_reader_are_a_cue(channels: Channels, text: str) -> None:
    assert "vice" in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Công an huyện đã khởi tố, bắt giam thanh niên đâm bạn gái sau khi cãi nhau.",
        "Nhóm đối tượng mời bạn bè dự tiệc ma túy, bị Cảnh sát điều tra khởi tố.",
        "Anh ta mượn tiền rồi bỏ trốn, bạn anh trình báo, tòa án xử vụ chiếm đoạt tài sản.",
        "Hôm sau, giám đốc yêu cầu chị nộp lại số vàng, rồi bị khởi tố vì chiếm đoạt tài sản.",
        "Cán bộ phường đến tận nhà trao thẻ bảo hiểm y tế kèm một bó hoa chúc mừng.",
    ],
    ids=["girlfriend", "friends", "his-friend", "reported-request", "bouquet"],
)
def test_threat_words_in_news_about_other_people_are_not_addressed(
    channels: Channels, text: str
) -> None:
    # News names people's friends and reports requests between third parties: that is not
    # the text speaking to its reader, so police and court words stay reporting.
    signals = scam_signals(clean(text), channels)
    assert not signals.addressed
    assert signals.score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Bạn đã bị khởi tố, cơ quan cảnh sát điều tra sẽ đến tận nhà.",
        "Yêu cầu anh có mặt tại trụ sở, nếu chậm trễ sẽ bị khởi tố và báo người thân.",
        "Chúng tôi đề nghị chị có mặt tại tòa án, hồ sơ đã chuyển cảnh sát điều tra.",
        "ban chi can bam vao link, neu khong se bi khoi to, bao nguoi than",
        "Xin chúc mừng! Thuê bao của bạn đã trúng thưởng.",
    ],
)
def test_a_request_or_threat_that_speaks_to_the_reader_is_addressed(
    channels: Channels, text: str
) -> None:
    assert scam_signals(clean(text), channels).addressed


@pytest.mark.parametrize(
    "text",
    [
        "Theo đó, báo Tinmoi.net đưa tin, công an thị trấn đã có mặt tại hiện trường.",
        "Tòa án đã xét xử vụ việc. Ông phát biểu trên trang riêng của mình. Ảnh: NGUYENVANA.COM",
        "Công an tỉnh cho biết vụ việc đang được điều tra (Nguồn: tinnhanhmoi.com).",
    ],
    ids=["outlet", "photo-credit", "source"],
)
def test_a_press_credit_is_not_a_channel(channels: Channels, text: str) -> None:
    # Where a photo or a story came from is not where the reader is sent, so the police or court
    # named in the story are not "impersonated" next to a hidden link.
    signals = scam_signals(clean(text), channels)
    assert not signals.links
    assert signals.score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Công an thông báo abc-xyz.com để tra cứu hồ sơ của bạn.",
        "Ảnh: bhxh-gov.top",
        "Nguon: tracuu-hoso.com, cong an yeu cau ban xac minh",
    ],
    ids=["announcement", "lookalike-after-credit", "typed-without-diacritics"],
)
def test_a_link_the_reader_is_sent_to_stays_a_channel(channels: Channels, text: str) -> None:
    assert "channel" in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nhiều khách hàng trúng giải đã đồng ý công khai hình ảnh và thông tin cá nhân.",
        "nhieu khach hang trung giai da dong y cong khai hinh anh va thong tin ca nhan",
        "Ngân hàng triển khai thông tin tài khoản mới cho khách hàng từ tháng sau.",
    ],
    ids=["made-public", "made-public-folded", "rolled-out"],
)
def test_khai_inside_another_word_is_not_a_demand_to_declare(channels: Channels, text: str) -> None:
    # "công khai", "triển khai" are words of their own, not "khai" (declare); the texts speak
    # of customers, so a real demand would count.
    assert "credential" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Quý khách vui lòng khai thông tin cá nhân tại hotro-hoso.top để nhận tiền.",
        "Quy khach vui long khai thong tin ca nhan tai hotro-hoso.top de nhan tien.",
    ],
    ids=["marked", "folded"],
)
def test_a_demand_to_declare_personal_data_stays_a_credential_cue(
    channels: Channels, text: str
) -> None:
    assert "credential" in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Công an tỉnh triệt phá đường dây gái gọi, tạm giữ ba đối tượng môi giới.",
        "Cô gái gọi cho mẹ lúc nửa đêm rồi tắt máy.",
        "Nhiều người mất trắng sau khi nghe lời rủ rê mua tiền ảo trên mạng.",
        "cong an triet pha duong day gai goi, tam giu ba doi tuong moi gioi",
    ],
    ids=["crime-report", "girl-calls", "crypto-loss", "folded"],
)
def test_vice_named_as_a_topic_is_not_an_offer(channels: Channels, text: str) -> None:
    # Crime news and stories name vice without offering it to anyone.
    signals = scam_signals(clean(text), channels)
    assert "vice" not in signals.families
    assert signals.score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Anh muốn tìm gái gọi cao cấp, kết bạn Zalo 0912 345 678.",
        "Bạn muốn kiếm USDT mỗi ngày? Vào nhóm t.me/kiemusdt24h ngay.",
        "Phục vụ tận nơi, người mẫu, sinh viên, đặt lịch ngay hôm nay.",
        "Dau tu sinh loi, lai 3%/ngay, rut goc bat ky luc nao.",
    ],
    ids=["escort-with-contact", "crypto-addressed", "escort-offer", "returns-promised"],
)
def test_vice_offered_to_the_reader_stays_a_cue(channels: Channels, text: str) -> None:
    assert "vice" in signals_of(channels, text)


def test_a_lottery_draw_reported_to_customers_is_not_a_gambling_offer(channels: Channels) -> None:
    # The lawful lottery's prize is called "Jackpot"; its results speak of customers who won.
    text = "Kỳ quay số tối qua có khách hàng trúng giải Jackpot 2, trị giá hơn 5 tỷ đồng."
    signals = scam_signals(clean(text), channels)
    assert "vice" not in signals.families
    assert signals.score <= CONTENT_ONLY_CAP


def test_jackpot_beside_a_hidden_channel_stays_a_cue(channels: Channels) -> None:
    assert "vice_word" in signals_of(channels, "Săn Jackpot mỗi ngày, vào ngay k9vui.cc")


@pytest.mark.parametrize(
    "text",
    [
        "Chào anh/chị, bà nhận trợ cấp hằng tháng ở điểm chi trả của xã theo lịch tỉnh công bố.",
        "Bạn có thể liên hệ BHXH huyện để hỏi thủ tục hưởng trợ cấp thai sản.",
        "chao anh chi, ba nhan tro cap hang thang o diem chi tra cua xa",
    ],
    ids=["pension-advice", "maternity", "folded"],
)
def test_a_benefit_named_to_the_reader_is_not_money_held_out(channels: Channels, text: str) -> None:
    # BHXH pays "trợ cấp" and its advice says so to the reader: the word alone is no lure.
    assert "lure" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Bạn được nhận gói trợ cấp khó khăn, bấm vào bhxh-hotro.top để xác nhận.",
        "Quý khách có khoản trợ cấp chưa nhận, liên hệ Zalo 0912 345 678.",
        "Bạn nhận trợ cấp 3.500.000đ, xác nhận tại link trong hôm nay.",
    ],
    ids=["package", "unclaimed-sum", "amount"],
)
def test_a_benefit_held_out_as_money_stays_a_lure(channels: Channels, text: str) -> None:
    assert "lure" in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Quý khách soạn GD7 gửi 1234: 8K/ngày có 2GB tốc độ cao, chi tiết tại goicuoc-vidu.vn",
        "(QC) Ban soan GD7 gui 9876 nhan 4G mien phi 100% tai http://vidu-data.vn, sau KM 4k/ngay",
        "Ưu đãi cho bạn: gói GD7 chỉ còn 6K/ngày, đăng ký tại goicuoc-vidu.vn",
        "Bạn xem truyền hình trực tuyến giá 9k/ngày tại xemtv-vidu.vn trên mọi thiết bị.",
    ],
    ids=["short-code", "after-promotion-folded", "now-only", "price"],
)
def test_an_amount_a_day_that_a_service_costs_is_not_money_held_out(
    channels: Channels, text: str
) -> None:
    # Carriers price their packages by the day; the amount is what the reader pays.
    assert "lure" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Việc làm thêm cho mẹ bỉm: mỗi đơn xong được 250k - 700k / ngày, nhắn Zalo 0912 345 678.",
        "Tuyen cong tac vien, ban de dang co 400k moi ngay, lien he zalo 0987 654 321",
        "Nhận ngay 1tr/ngày chỉ với điện thoại, bấm vào viec-de.top",
    ],
    ids=["range", "folded", "million"],
)
def test_an_amount_a_day_held_out_as_earnings_stays_a_lure(channels: Channels, text: str) -> None:
    assert "lure" in signals_of(channels, text)


# Relatives and the workplace are a threat when a debt is to be told to them or they are to be
# visited; named alone they are greetings, loan, job and insurance ads, a confidant's offer.
@pytest.mark.parametrize(
    "text",
    [
        "Chúc mừng năm mới quý khách, chúc bạn một năm an khang bên người thân. Quà tại "
        "quatet-2027.top",
        "Bạn cần vay gấp? Duyệt trong ngày, vay được cho cả người thân. Liên hệ Zalo 0912 345 678.",
        "Môi trường thân thiện, nơi làm việc hiện đại. Bạn nộp hồ sơ tại tuyendung.top",
        "Bạn có chuyện khó nói với người thân? Hãy nhắn cho chúng tôi qua t.me/tamsu",
        # Typed bare, "bao ve" is mostly "bảo vệ" (protect), not "báo về" (tell).
        "Bao ve nguoi than yeu cua ban voi goi bao hiem moi, dang ky tai baohiem-uudai.top",
    ],
)
def test_relatives_or_a_workplace_named_alone_are_no_threat(channels: Channels, text: str) -> None:
    assert "threat" not in signals_of(channels, text)


def _threats(channels: Channels, text: str) -> list[CueHit]:
    return [h for h in scam_signals(clean(text), channels).hits if h.family == "threat"]


@pytest.mark.parametrize(
    "text",
    [
        "Bạn chưa trả nợ, bên em sẽ thông báo nợ về người thân, gia đình và nơi làm việc của bạn. "
        "Liên hệ Zalo 0912 345 678.",
        "Ban chua tra no, ben em se thong bao no ve nguoi than, gia dinh va noi lam viec cua ban. "
        "Lien he Zalo 0912 345 678.",
        "Bạn trốn nợ nên bên em sẽ đến nơi làm việc và gọi cho người thân của bạn. Gọi ngay "
        "0912 345 678.",
    ],
)
def test_a_debt_told_to_relatives_and_the_workplace_is_a_repeated_threat(
    channels: Channels, text: str
) -> None:
    assert [h.weight for h in _threats(channels, text)] == [REPEATED_WEIGHT["threat"]]


def test_a_lawsuit_threatened_to_the_reader_is_a_threat(channels: Channels) -> None:
    text = "Bạn cố tình không trả nợ, bên em sẽ khởi kiện bạn. Liên hệ Zalo 0912 345 678."
    assert [h.excerpt for h in _threats(channels, text)] == ["khởi kiện"]


@pytest.mark.parametrize(
    "text",
    [
        "Anh nhớ chuẩn bị khóa học cho em nhé, mai em gửi bạn lịch.",
        "anh nho chuan bi khoa hoc cho em nhe, mai em gui ban lich.",
        "Bạn xem giúp em thiết bị khóa cửa này có tốt không.",
        "Bạn ơi, đội dự bị hủy buổi tập chiều nay rồi.",
    ],
    ids=["prepare-a-course", "prepare-folded", "a-lock-device", "the-reserve-team"],
)
def test_bi_ending_a_word_of_its_own_is_no_threat_to_lock(channels: Channels, text: str) -> None:
    # "chuẩn bị", "thiết bị", "dự bị" are words; "bị khóa" read across them threatens nothing.
    assert "deadline" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tài khoản của bạn sẽ bị khóa sau 24 giờ.",
        "Tai khoan cua ban se bi khoa sau 24 gio.",
        "Thẻ của quý khách bị khóa, gọi ngay tổng đài.",
    ],
)
def test_a_threat_to_lock_the_account_stays_a_deadline(channels: Channels, text: str) -> None:
    assert "deadline" in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mã xác minh tài khoản Zalo của bạn là 552211. Không chia sẻ mã này cho ai.",
        "Ma xac thuc tai khoan cua ban tren ung dung Hoc Vui la 887766",
        "123456 là mã xác thực tài khoản của bạn, có hiệu lực trong 5 phút.",
    ],
    ids=["code-named-first", "code-named-folded", "code-first"],
)
def test_a_verification_code_sent_to_the_reader_is_no_demand(channels: Channels, text: str) -> None:
    # "Mã xác minh tài khoản" names the code the app sends; six digits are no chat id either.
    assert not {"credential", "contact"} & signals_of(channels, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "Quý khách vui lòng xác minh tài khoản tại vcb-xacminh.top để tránh gián đoạn.",
            "credential",
        ),
        ("Ban can xac thuc tai khoan ngay, lien he zalo 0912345678", "contact"),
        ("Nhận việc online, kết bạn Zalo hoamai1988 để được hướng dẫn.", "contact"),
    ],
)
def test_a_demand_to_verify_or_a_chat_id_stays_a_cue(
    channels: Channels, text: str, family: str
) -> None:
    assert family in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Quý khách đã cập nhật thành công thông tin thuê bao trên ứng dụng lúc 9h15. Trân trọng.",
        "Quy khach da xac thuc thanh cong tai khoan ngan hang cua minh. Tran trong.",
        "Tài khoản của quý khách đã cập nhật sinh trắc học, cảm ơn quý khách.",
    ],
    ids=["done-then-success", "done-folded", "done-before"],
)
def test_an_update_reported_done_is_no_demand(channels: Channels, text: str) -> None:
    # The notice a genuine sender sends after the customer updated their data.
    assert "credential" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Vui lòng tắt dữ liệu di động rồi truy cập lại để kích hoạt gói cước của quý khách.",
        "Vui long ngat ket noi roi truy cap lai de kich hoat goi cuoc cua quy khach.",
    ],
    ids=["accented", "folded"],
)
def test_reconnecting_to_activate_a_data_plan_is_no_login_demand(
    channels: Channels, text: str
) -> None:
    assert "credential" not in signals_of(channels, text)


@pytest.mark.parametrize(
    "text",
    [
        "Để đăng ký nhận lại tin từ nhà mạng, quý khách soạn DK gửi 199.",
        "Quý khách giữ bí mật số điện thoại đăng ký nhận SMS OTP của mình.",
        "Quy khach dang ky nhan ban tin qua email tai trang cua ngan hang.",
    ],
    ids=["messages-again", "otp-messages", "newsletter-folded"],
)
def test_subscribing_to_messages_is_no_gift(channels: Channels, text: str) -> None:
    assert "lure" not in signals_of(channels, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "Tài khoản của quý khách chưa cập nhật sinh trắc học, vui lòng cập nhật thông tin "
            "tại vcb-sinhtrac.top",
            "credential",
        ),
        ("Quý khách truy cập vssid-xacthuc.top để kích hoạt tài khoản.", "credential"),
        ("Quý khách đăng ký nhận tiền hỗ trợ tại hotro-bhxh.top", "lure"),
        ("Quy khach dang ky nhan qua tri an tai quatang-vip.top", "lure"),
    ],
)
def test_a_demand_to_update_log_in_or_claim_money_stays_a_cue(
    channels: Channels, text: str, family: str
) -> None:
    assert family in signals_of(channels, text)
