"""Shared paragraphs, quotes and the fictional people and places that fill the templates."""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

GENERAL = (
    "Theo đánh giá của {co_quan}, công tác phối hợp giữa cơ quan BHXH với cấp ủy, chính quyền và "
    "các đoàn thể ở cơ sở ngày càng chặt chẽ. Chỉ tiêu phát triển người tham gia đã được giao cụ thể "
    "đến từng xã, phường, gắn với trách nhiệm của người đứng đầu.",
    "Nhiều ý kiến tại cơ sở đề nghị tiếp tục đơn giản hóa thủ tục, tăng mức hỗ trợ tiền đóng cho "
    "người có thu nhập thấp và có chính sách khuyến khích người tham gia lâu dài. Các kiến nghị đã "
    "được tổng hợp, báo cáo lên cấp trên.",
    "{co_quan} cho biết sẽ tiếp tục rà soát dữ liệu để xác định chính xác nhóm người chưa tham gia, "
    "từ đó xây dựng kế hoạch vận động phù hợp với từng đối tượng. Việc theo dõi kết quả được thực hiện "
    "hằng tháng trên hệ thống quản lý nghiệp vụ.",
    "Người dân cần tư vấn có thể liên hệ bộ phận một cửa của cơ quan BHXH gần nhất, gọi tổng đài "
    "1900 9068 hoặc nhắn tin qua Zalo OA chính thức của BHXH Việt Nam. Mọi thủ tục qua kênh chính "
    "thức đều miễn phí.",
    "Trong thời gian tới, ngành BHXH đặt mục tiêu nâng cao chất lượng phục vụ, lấy sự hài lòng của "
    "người dân và doanh nghiệp làm thước đo. Cán bộ, viên chức được yêu cầu giải quyết hồ sơ đúng hạn, "
    "không gây phiền hà.",
    "Để đạt mục tiêu năm, các địa phương được đề nghị đưa chỉ tiêu BHXH, BHYT vào nghị quyết phát "
    "triển kinh tế - xã hội, đồng thời bố trí ngân sách hỗ trợ thêm cho các nhóm yếu thế.",
    "Tính đến nay, toàn địa bàn có {n3} người tham gia BHXH, BHYT các loại. Đây là nền tảng quan trọng "
    "để xây dựng hệ thống an sinh xã hội đa tầng, linh hoạt và bền vững.",
    "Đại diện chính quyền {xa} cho biết xã đã thành lập tổ vận động gồm trưởng thôn, chi hội trưởng "
    "các hội và nhân viên thu, phân công phụ trách từng cụm dân cư để nắm danh sách hộ chưa tham gia.",
    "Một số địa phương đã đưa nội dung tuyên truyền BHXH, BHYT vào sinh hoạt chi bộ, họp tổ dân phố và "
    "các buổi sinh hoạt câu lạc bộ người cao tuổi. Cách làm này giúp thông tin chính sách đến được với "
    "những người ít dùng mạng xã hội.",
    "Khảo sát của cơ quan BHXH cho thấy phần đông người chưa tham gia cho rằng thủ tục phức tạp hoặc "
    "chưa biết mình thuộc diện nào. Khi được hướng dẫn cụ thể, nhiều người sẵn sàng đăng ký ngay.",
    "Cơ quan BHXH cũng đề nghị các ngân hàng, bưu điện và tổ chức dịch vụ thu kéo dài giờ phục vụ vào "
    "những ngày cao điểm, bảo đảm người dân không phải chờ đợi lâu khi đến nộp tiền hay nhận chế độ.",
    "Từ kinh nghiệm thực tế, cán bộ cơ sở cho rằng người có uy tín trong cộng đồng như già làng, "
    "trưởng họ, chức sắc tôn giáo là cầu nối hiệu quả để chính sách BHXH, BHYT đi vào đời sống.",
)

QUOTES = (
    "{ong_ba} {nguoi}, {chuc_vu}, nhấn mạnh: \u201cMục tiêu không chỉ là con số người tham gia mà là để "
    "mỗi người dân hiểu đúng quyền lợi của mình. Khi người dân tin vào chính sách, họ sẽ tham gia và "
    "gắn bó lâu dài.\u201d",
    "Theo {ong_ba_thuong} {nguoi}, {chuc_vu}, cách làm hiệu quả nhất là đi từng ngõ, gõ từng nhà. \u201cCó hộ "
    "chúng tôi phải đến ba, bốn lần mới thuyết phục được, nhưng khi họ đã tham gia thì lại giới thiệu "
    "cho hàng xóm\u201d, {ong_ba_thuong} nói.",
    "\u201cChúng tôi xác định không để người lao động bị thiệt thòi vì những lý do từ phía đơn vị sử dụng "
    "lao động hay vì thủ tục rườm rà\u201d, {ong_ba_thuong} {nguoi}, {chuc_vu}, khẳng định.",
    "{ong_ba} {nguoi}, {chuc_vu}, cho biết đơn vị đã giao chỉ tiêu cụ thể và sẽ sơ kết hằng tháng. "
    "\u201cNơi nào làm tốt sẽ được biểu dương, nơi nào chậm sẽ phải giải trình nguyên nhân\u201d, "
    "{ong_ba_thuong} nói.",
    "\u201cTrong năm nay, chúng tôi tập trung vào những nhóm còn đứng ngoài hệ thống như lao động tự do, "
    "hộ kinh doanh và người làm nông nghiệp\u201d, {ong_ba_thuong} {nguoi}, {chuc_vu}, cho biết.",
    "Chia sẻ với phóng viên, {ong_ba_thuong} {nguoi}, {chuc_vu}, thừa nhận vẫn còn khó khăn ở những nơi dân "
    "cư phân tán. \u201cNhưng chỉ cần người dân thấy được lợi ích thật, việc vận động sẽ thuận lợi hơn\u201d, "
    "{ong_ba_thuong} nói.",
)

SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Huỳnh",
    "Phan",
    "Lương",
    "Đinh",
    "Hồ",
    "Trịnh",
    "Mai",
)
GIVEN_MALE = (
    "Văn Hậu",
    "Minh Tuấn",
    "Quốc Bảo",
    "Thanh Tùng",
    "Đức Thắng",
    "Hoài Nam",
    "Văn Lợi",
    "Trung Kiên",
    "Công Danh",
    "Hữu Phước",
    "Ngọc Sơn",
    "Văn Khải",
)
GIVEN_FEMALE = (
    "Thị Thu Hà",
    "Thị Ngọc Lan",
    "Thị Mỹ Duyên",
    "Thị Kim Oanh",
    "Thị Bích Ngọc",
    "Thị Hồng Nhung",
    "Thị Thanh Tâm",
    "Thị Lệ Hằng",
    "Thị Minh Thư",
    "Thị Tuyết Mai",
)
ROLES = (
    "Giám đốc {co_quan}",
    "Phó Giám đốc {co_quan}",
    "Trưởng phòng Quản lý thu, {co_quan}",
    "Trưởng phòng Truyền thông và Phát triển đối tượng, {co_quan}",
    "Chủ tịch UBND {xa}",
    "Phó Chủ tịch UBND {xa}",
)

# Fictional communes per outlet area; the national and sector outlets roam over real provinces.
COMMUNES = {
    "Vĩnh Long": (
        "xã Phú Khánh",
        "xã Long Mỹ Tây",
        "phường Tân Hạnh",
        "xã An Định Đông",
        "xã Hòa Thuận Tây",
        "phường Long Châu Mới",
    ),
    "Nghệ An": (
        "xã Diễn Hồng Phúc",
        "xã Nam Lĩnh Thượng",
        "xã Quỳnh Thạch An",
        "phường Vinh Tân Mới",
        "xã Thanh Mỹ Hạ",
        "xã Tam Quang Đông",
    ),
    None: (
        "xã Tân Lập Đông",
        "phường Hòa Bình Tây",
        "xã Phú Thịnh Hạ",
        "xã Đông Sơn Thượng",
        "phường An Lạc Mới",
        "xã Thạnh Hưng Tây",
    ),
}
ROAMING_PROVINCES = (
    "Gia Lai",
    "Thái Nguyên",
    "Quảng Ngãi",
    "Đồng Tháp",
    "Lâm Đồng",
    "Phú Thọ",
    "Tây Ninh",
    "An Giang",
    "Ninh Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Lào Cai",
)

# Appended to articles that exercise robustness cases (see demo.content.compose).
PRE_MERGER = (
    "Từ ngày 1/7/2025, sau khi sắp xếp đơn vị hành chính, địa bàn tỉnh {tinh_cu} cũ được hợp nhất vào "
    "tỉnh Vĩnh Long. Cơ quan BHXH khu vực {tinh_cu} (cũ) vẫn duy trì điểm tiếp nhận hồ sơ để người dân "
    "không phải đi xa, dữ liệu người tham gia được chuyển đổi đầy đủ sang hệ thống mới."
)
OLD_TONE = (
    "Theo chỉ đạo của Ủy ban nhân dân tỉnh, các sở, ngành và địa phương phải phối hợp hài hòa, bảo đảm "
    "mỗi người dân được tư vấn về quyền lợi chăm sóc sức khỏe, từ vùng thủy sản ven biển đến các xã "
    "miền núi. Các nhà văn hóa cộng đồng được dùng làm điểm tư vấn, Ủy ban Mặt trận Tổ quốc các cấp "
    "cùng tham gia giám sát."
)
