"""Off-topic press articles (never social-insurance coverage) and one accurate forum answer."""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

from demo.content.hand_text import HandText

WOMEN_FOOTBALL: HandText = {
    "lead": "Đội tuyển bóng đá nữ quốc gia đã tập trung trở lại tại trung tâm đào tạo bóng đá trẻ để "
    "chuẩn bị cho vòng loại giải châu Á diễn ra vào cuối năm, với nhiều gương mặt trẻ lần đầu được "
    "triệu tập.",
    "body": (
        "Danh sách tập trung đợt này gồm 30 cầu thủ, trong đó có tám tuyển thủ dưới 21 tuổi vừa thi đấu "
        "nổi bật ở giải vô địch quốc gia. Ban huấn luyện cho biết mục tiêu là trẻ hóa lực lượng nhưng "
        "vẫn giữ bộ khung giàu kinh nghiệm ở hàng phòng ngự.",
        "Trong hai tuần đầu, các cầu thủ tập trung vào thể lực và chiến thuật pressing tầm cao. Đội sẽ có "
        "hai trận giao hữu với một câu lạc bộ nữ trong nước và một đội tuyển trẻ trong khu vực để thử "
        "nghiệm sơ đồ ba trung vệ.",
        "Tiền vệ đội trưởng chia sẻ toàn đội hiểu áp lực khi phải cạnh tranh với những đối thủ mạnh hơn "
        "về thể hình. \u201cChúng tôi bù lại bằng tốc độ, sự gắn kết và tinh thần không bỏ cuộc\u201d, cô nói.",
        "Liên đoàn bóng đá cho biết sẽ bố trí thêm chuyên gia dinh dưỡng và chuyên gia phân tích video "
        "hỗ trợ đội. Nhiều doanh nghiệp đã cam kết tài trợ trang phục và thưởng nếu đội giành vé đi tiếp.",
        "Theo lịch, đội tuyển sẽ khép lại đợt tập trung vào giữa tháng sau, trước khi các cầu thủ trở về "
        "câu lạc bộ tham dự lượt về giải vô địch quốc gia. Người hâm mộ kỳ vọng lứa cầu thủ trẻ sẽ sớm "
        "khẳng định được vị trí.",
    ),
}

LIFE_INSURANCE_MARKET: HandText = {
    "lead": "Doanh thu phí khai thác mới của thị trường bảo hiểm nhân thọ trong quý I đã tăng trở lại "
    "sau hai năm sụt giảm, dù mức tăng còn khiêm tốn và chưa đồng đều giữa các doanh nghiệp.",
    "body": (
        "Theo số liệu của hiệp hội ngành, tổng doanh thu phí của các doanh nghiệp bảo hiểm nhân thọ trong "
        "quý đạt khoảng 35 nghìn tỷ đồng. Sản phẩm liên kết chung và sản phẩm bảo vệ thuần túy tiếp tục "
        "chiếm tỷ trọng lớn, trong khi sản phẩm liên kết đơn vị giảm mạnh.",
        "Giới phân tích cho rằng thị trường đang phục hồi chậm sau giai đoạn khủng hoảng niềm tin liên "
        "quan đến việc tư vấn sai lệch qua kênh ngân hàng. Các doanh nghiệp đã phải rà soát lại quy trình "
        "bán hàng, ghi âm, ghi hình khi tư vấn và kéo dài thời gian cân nhắc cho khách hàng.",
        "Luật Kinh doanh bảo hiểm cùng các văn bản hướng dẫn đã siết chặt yêu cầu về minh bạch thông tin "
        "sản phẩm. Đại lý phải giải thích rõ quyền lợi, các điều khoản loại trừ và chi phí khi hủy hợp "
        "đồng trước hạn.",
        "Nhiều công ty đang chuyển hướng sang kênh số, phát triển các gói bảo hiểm sức khỏe, tai nạn phí "
        "thấp bán qua ứng dụng di động. Tuy vậy, tỷ lệ hủy hợp đồng trong năm đầu vẫn ở mức cao, cho "
        "thấy khách hàng còn dè dặt.",
        "Các chuyên gia khuyên người mua đọc kỹ hợp đồng, chỉ mua sản phẩm phù hợp với khả năng tài chính "
        "lâu dài và không nên xem hợp đồng nhân thọ như một kênh gửi tiết kiệm thông thường.",
    ),
}

HEAT_AND_SALINITY: HandText = {
    "lead": "Nắng nóng kéo dài nhiều ngày qua khiến mực nước trên các sông giảm, độ mặn xâm nhập sâu vào "
    "nội đồng. Nhiều xã ven biển đã chủ động đóng cống, trữ nước ngọt phục vụ sản xuất và sinh hoạt.",
    "body": (
        "Theo đài khí tượng thủy văn tỉnh, nhiệt độ cao nhất ban ngày phổ biến từ 35 đến 37 độ C, có nơi "
        "trên 38 độ C. Độ mặn đo được tại một số cửa sông ở mức cao hơn trung bình nhiều năm, dự báo còn "
        "tiếp tục tăng trong những kỳ triều cường tới.",
        "Tại xã Phú Khánh, người dân tranh thủ bơm nước vào ao, mương khi độ mặn xuống thấp. Nhiều hộ trồng "
        "dừa, cây ăn trái đã đầu tư túi trữ nước, bồn chứa và hệ thống tưới nhỏ giọt để tiết kiệm nguồn "
        "nước ngọt.",
        "Ngành nông nghiệp khuyến cáo nông dân không xuống giống lúa ở những vùng có nguy cơ nhiễm mặn, "
        "chuyển sang cây trồng chịu hạn và thường xuyên theo dõi bản tin độ mặn trên loa truyền thanh, "
        "mạng xã hội của địa phương.",
        "Công ty cấp nước cho biết đã bố trí xe bồn chở nước sạch đến những khu dân cư cuối nguồn, đồng "
        "thời tăng tần suất kiểm tra chất lượng nước tại các trạm bơm.",
        "Chính quyền các xã ven biển cũng nhắc người dân hạn chế ra ngoài vào buổi trưa, uống đủ nước, "
        "chú ý phòng cháy vườn cây khô hạn trong những ngày nắng gắt.",
    ),
}

ROAD_REPAIR: HandText = {
    "lead": "Từ đầu tuần tới, đơn vị quản lý đường bộ sẽ sửa chữa mặt đường trên đoạn quốc lộ qua trung "
    "tâm huyện cũ trong khoảng hai tháng. Tài xế được khuyến cáo đi theo các tuyến phân luồng.",
    "body": (
        "Đoạn sửa chữa dài khoảng 12 km, nhiều vị trí bị lún, nứt sau mùa mưa năm trước. Nhà thầu sẽ thi "
        "công cuốn chiếu từng nửa đường, bố trí người điều tiết giao thông và biển báo từ xa.",
        "Xe tải trên 10 tấn đi theo đường tỉnh vòng tránh phía tây, xe khách và xe con vẫn được lưu thông "
        "qua khu vực thi công với tốc độ tối đa 30 km/h. Vào giờ cao điểm sáng và chiều, nhà thầu tạm "
        "dừng các hạng mục chiếm nhiều mặt đường.",
        "Cảnh sát giao thông cho biết sẽ tăng cường tuần tra, xử lý nghiêm các trường hợp chạy quá tốc độ, "
        "vượt ẩu trong khu vực thi công. Người dân có thể theo dõi thông tin phân luồng trên trang thông "
        "tin của sở xây dựng.",
        "Nhiều hộ kinh doanh hai bên đường lo ngại bụi và tiếng ồn ảnh hưởng đến buôn bán. Đại diện chủ "
        "đầu tư cam kết tưới nước giảm bụi thường xuyên và không thi công vào ban đêm tại khu dân cư.",
        "Dự kiến công trình hoàn thành trước mùa mưa bão, góp phần bảo đảm an toàn giao thông trên tuyến "
        "trục chính nối các khu công nghiệp với cảng biển.",
        "Trong thời gian thi công, phương tiện ra vào khu công nghiệp được hướng dẫn đi theo lối tạm phía "
        "sau chợ, có biển chỉ dẫn và đèn cảnh báo vào ban đêm. Người điều khiển phương tiện cần giảm tốc "
        "độ, giữ khoảng cách an toàn và chấp hành hướng dẫn của lực lượng điều tiết.",
    ),
}

FORUM_VSSID_PASSWORD: HandText = {
    "lead": "Hỏi: Tôi quên mật khẩu đăng nhập VssID, có người nhắn tin nhận lấy lại giúp với phí 200 nghìn "
    "đồng. Tôi có nên nhờ không, và tự lấy lại thế nào?",
    "body": (
        "Trả lời: Bạn không nên nhờ người lạ và không cần trả bất kỳ khoản phí nào. Việc cấp lại mật khẩu "
        "VssID là miễn phí và bạn hoàn toàn có thể tự làm trên điện thoại.",
        "Cách làm: mở ứng dụng VssID tải từ CH Play hoặc App Store, chọn \u201cQuên mật khẩu\u201d, nhập mã số "
        "BHXH, email hoặc số điện thoại đã đăng ký. Mật khẩu mới sẽ được gửi qua tin nhắn từ tổng đài "
        "chính thức hoặc qua email của bạn.",
        "Nếu số điện thoại đã thay đổi, bạn có thể dùng tài khoản định danh điện tử để đăng nhập, hoặc "
        "đến bộ phận một cửa của cơ quan BHXH gần nhất, mang theo căn cước để được hỗ trợ đổi số điện "
        "thoại. Thủ tục này cũng không mất phí.",
        "Lưu ý: tuyệt đối không cung cấp mật khẩu, mã OTP cho người khác. Người có mật khẩu VssID của bạn "
        "có thể xem toàn bộ quá trình đóng, thay đổi thông tin cá nhân và lợi dụng để làm hồ sơ giả.",
        "Bạn có thể gọi tổng đài 1900 9068 để được hướng dẫn thêm. Chúc bạn lấy lại tài khoản thành công.",
        "Trường hợp bạn chưa từng có tài khoản VssID, bạn có thể đăng ký ngay trên ứng dụng bằng cách khai "
        "mã số BHXH, số căn cước và chụp ảnh chân dung theo hướng dẫn; tài khoản được kích hoạt sau khi cơ "
        "quan BHXH xác thực thông tin, không qua trung gian nào.",
    ),
    "comments": (
        "Bình luận: \u201cCảm ơn admin, mình làm theo hướng dẫn, chưa tới 5 phút đã có mật khẩu mới\u201d; "
        "\u201cMình cũng từng bị nhắn tin đòi phí, may mà không chuyển tiền\u201d.",
    ),
}
