"""Press warnings that quote a false claim in order to debunk it (stance: reports-and-debunks)."""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

from demo.content.hand_text import HandText

VSSID_40_WARNING: HandText = {
    "lead": "BHXH Việt Nam vừa có văn bản gửi BHXH các tỉnh, thành phố về việc xuất hiện một văn bản "
    "giả mạo, lan truyền trên mạng xã hội, yêu cầu người dân cập nhật ứng dụng \u201cVssID 4.0\u201d để "
    "tiếp tục nhận lương hưu và sử dụng thẻ BHYT.",
    "body": (
        "Văn bản giả được trình bày giống công văn hành chính, có quốc hiệu, số hiệu, con dấu và chữ ký. "
        "Nội dung khẳng định \u201ctừ tháng này sổ BHXH và thẻ BHYT giấy sẽ bị hủy, mọi giao dịch chuyển "
        "sang VssID 4.0\u201d, đồng thời hứa hẹn tăng lương hưu cho người cập nhật sớm. Kèm theo là đường "
        "link để tải ứng dụng và số điện thoại của người tự xưng là cán bộ hỗ trợ.",
        "BHXH Việt Nam khẳng định đây là văn bản giả mạo. Ngành BHXH không ban hành văn bản nào có nội "
        "dung như trên, không có phiên bản \u201cVssID 4.0\u201d và không yêu cầu người dân cài đặt ứng dụng "
        "qua đường link gửi bằng tin nhắn, Zalo hay mạng xã hội.",
        "Theo cơ quan chức năng, ứng dụng giả thường là tệp cài đặt có đuôi .apk. Khi được cài vào điện "
        "thoại, ứng dụng yêu cầu quyền truy cập tin nhắn, màn hình và dữ liệu sinh trắc học, từ đó kẻ "
        "gian chiếm quyền điều khiển thiết bị và rút tiền trong tài khoản ngân hàng của nạn nhân.",
        "BHXH Việt Nam đề nghị người dân chỉ tải VssID từ CH Play và App Store, không cài ứng dụng từ "
        "nguồn không rõ ràng, không cung cấp mã OTP, mật khẩu hay số tài khoản cho bất kỳ ai. Khi nghi "
        "ngờ, người dân liên hệ tổng đài 1900 9068 hoặc cơ quan BHXH nơi gần nhất để được xác minh.",
        "BHXH các tỉnh được yêu cầu phối hợp với cơ quan công an, chính quyền cơ sở và báo chí địa "
        "phương tuyên truyền rộng rãi cảnh báo này, đặc biệt tới người cao tuổi và người đang hưởng "
        "lương hưu, trợ cấp hằng tháng là những đối tượng dễ bị kẻ gian nhắm tới.",
    ),
}

BHYT_SERIOUS_ILLNESS_WARNING: HandText = {
    "lead": "Thời gian gần đây, trên một số trang mạng xã hội lan truyền thông tin \u201ctừ năm 2026 BHYT "
    "không còn chi trả cho các ca bệnh nặng, phẫu thuật\u201d. BHXH Việt Nam khẳng định đây là thông tin "
    "sai sự thật, gây hoang mang cho người tham gia.",
    "body": (
        "Các bài đăng thường dùng tiêu đề giật gân, kèm hình ảnh bệnh viện và lời kêu gọi \u201cchia sẻ "
        "ngay cho người thân\u201d. Một số bài còn khuyên người dân chuyển sang mua bảo hiểm sức khỏe của "
        "doanh nghiệp tư nhân vì \u201cthẻ BHYT sắp vô giá trị\u201d.",
        "Theo BHXH Việt Nam, Luật BHYT sửa đổi có hiệu lực từ ngày 1/7/2025 không thu hẹp mà còn mở rộng "
        "quyền lợi, đặc biệt đối với người mắc bệnh hiểm nghèo, bệnh cần chi phí lớn. Người tham gia "
        "được quỹ chi trả từ 80% đến 100% chi phí trong phạm vi quyền lợi, với hàng nghìn dịch vụ kỹ "
        "thuật và thuốc thuộc danh mục.",
        "Thực tế những năm qua, quỹ BHYT đã chi trả cho rất nhiều người bệnh có chi phí điều trị từ vài "
        "trăm triệu đến hàng tỷ đồng, như các ca ghép tạng, điều trị ung thư, can thiệp tim mạch. Nhiều "
        "gia đình đã tránh được cảnh khánh kiệt nhờ có thẻ BHYT.",
        "Một chuyên gia y tế công cộng nhận định tin giả về BHYT đặc biệt nguy hiểm vì có thể khiến người "
        "dân bỏ tham gia, đến khi ốm nặng thì không còn được bảo vệ. \u201cNgười đọc cần kiểm tra nguồn "
        "tin, đối chiếu với thông báo chính thức trước khi chia sẻ\u201d, chuyên gia này khuyến cáo.",
        "BHXH Việt Nam đề nghị người dân theo dõi thông tin chính sách trên Cổng thông tin điện tử của "
        "ngành, fanpage có dấu xác thực và tổng đài 1900 9068; đồng thời đề nghị cơ quan chức năng xử lý "
        "các tài khoản cố tình đăng tải, lan truyền thông tin sai sự thật.",
    ),
}

FAKE_INVITATION_WARNING: HandText = {
    "lead": "BHXH tỉnh Vĩnh Long vừa phát đi cảnh báo về tình trạng một số người dân nhận được \u201cgiấy "
    "mời\u201d mạo danh cơ quan BHXH, thông báo được \u201chỗ trợ 100% tiền đóng BHYT và hoàn trả viện phí\u201d.",
    "body": (
        "Các giấy mời giả có đóng dấu đỏ, chữ ký của người xưng là lãnh đạo BHXH tỉnh, dẫn một số văn bản "
        "không có thật. Giấy mời yêu cầu người nhận mang theo căn cước, sổ tài khoản ngân hàng đến một "
        "địa điểm để \u201cxác nhận hồ sơ\u201d và dặn \u201cphải tự đến, không được nhờ người khác\u201d.",
        "Một số trường hợp ở khu vực Bến Tre (cũ) cho biết sau khi gọi vào số điện thoại in trên giấy "
        "mời, họ được yêu cầu kết bạn Zalo, cài ứng dụng lạ và chuyển một khoản \u201cphí xác minh\u201d trước "
        "khi nhận tiền hỗ trợ. Rất may, người thân đã kịp ngăn lại.",
        "BHXH tỉnh Vĩnh Long khẳng định không phát hành các giấy mời nói trên. Mọi chính sách hỗ trợ tiền "
        "đóng BHYT đều được triển khai công khai thông qua chính quyền địa phương, không yêu cầu người "
        "dân nộp phí hay cung cấp mật khẩu, mã OTP.",
        "Cơ quan BHXH đề nghị người dân khi nhận được giấy mời, tin nhắn hay cuộc gọi có nội dung tương "
        "tự cần bình tĩnh, không làm theo hướng dẫn, đồng thời báo ngay cho công an xã, phường hoặc cơ "
        "quan BHXH nơi cư trú để xác minh, xử lý kịp thời.",
        "Thời gian tới, BHXH tỉnh sẽ phối hợp với các đoàn thể đưa nội dung cảnh báo vào các buổi sinh "
        "hoạt khu dân cư, phát trên hệ thống loa truyền thanh xã và trang thông tin chính thức của ngành.",
    ),
}

PAID_WITHDRAWAL_WARNING: HandText = {
    "lead": "Trên mạng xã hội xuất hiện nhiều trang quảng cáo \u201chỗ trợ rút BHXH một lần nhanh, không "
    "cần chờ đủ 12 tháng\u201d với mức phí lên tới hàng chục phần trăm số tiền được hưởng. BHXH tỉnh Nghệ "
    "An khuyến cáo người lao động tuyệt đối không tin theo.",
    "body": (
        "Các trang này thường đặt tên gần giống cơ quan BHXH, dùng logo của ngành và đăng ảnh chụp "
        "\u201ckhách hàng đã nhận tiền\u201d để tạo lòng tin. Người lao động được yêu cầu gửi ảnh căn cước, "
        "sổ BHXH, tài khoản VssID và đặt cọc trước một khoản tiền.",
        "Theo BHXH tỉnh, thủ tục hưởng BHXH một lần do cơ quan BHXH giải quyết miễn phí, với điều kiện "
        "và thời gian do pháp luật quy định. Không cá nhân, tổ chức nào có thể \u201crút trước hạn\u201d hay "
        "\u201crút nhanh\u201d bằng cách nộp tiền dịch vụ.",
        "Nhiều người lao động sau khi chuyển tiền cọc đã bị chặn liên lạc. Một số khác bị kẻ gian dùng "
        "tài khoản VssID để thay đổi thông tin, làm giả hồ sơ hoặc vay tiền qua ứng dụng. Đáng lo ngại, "
        "hành vi mua bán, cầm cố sổ BHXH còn có thể khiến người lao động mất trắng quyền lợi.",
        "Cơ quan BHXH cũng nhắc lại rằng hưởng BHXH một lần đồng nghĩa với việc mất cơ hội hưởng lương "
        "hưu và thẻ BHYT khi về già. Người lao động nên cân nhắc bảo lưu thời gian đóng để tiếp tục "
        "tham gia khi có việc làm mới.",
        "Mọi thắc mắc về chế độ, người lao động có thể liên hệ trực tiếp bộ phận một cửa BHXH cấp cơ "
        "sở, gọi tổng đài 1900 9068 hoặc gửi câu hỏi trên ứng dụng VssID để được giải đáp miễn phí.",
    ),
}
