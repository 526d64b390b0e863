"""Paragraph templates for service topics: pensions and payments, late contributions,
VssID and digital services, and campaigns. Same slots as demo.content.pools_policy."""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

LUONG_HUU_CHI_TRA = {
    "leads": (
        "Tháng {thang}, {co_quan} chi trả lương hưu, trợ cấp BHXH hằng tháng cho {n2} người hưởng, "
        "trong đó hơn {pct_tai_khoan} nhận qua tài khoản cá nhân. Việc chi trả diễn ra an toàn, đúng lịch và "
        "thuận tiện cho người hưởng.",
        "Từ khi chuyển sang nhận lương hưu qua tài khoản ngân hàng, nhiều người cao tuổi ở {xa} không "
        "còn phải xếp hàng tại điểm chi trả mỗi đầu tháng. Tuy vậy, hình thức nhận tiền mặt vẫn được "
        "duy trì cho những người có nhu cầu.",
        "{ngay}, {co_quan} phối hợp với bưu điện và các ngân hàng rà soát danh sách người hưởng lương hưu, "
        "trợ cấp BHXH trên địa bàn {xa} để bảo đảm việc chi trả tháng {thang} đúng người, đúng chế độ.",
    ),
    "body": (
        "Lịch chi trả lương hưu qua tài khoản được thực hiện từ ngày mùng 2 hằng tháng. Với người nhận "
        "bằng tiền mặt, bưu điện tổ chức chi tại các điểm trên địa bàn xã, phường trong khoảng mười ngày "
        "đầu tháng; những người già yếu, ốm đau được nhân viên bưu điện chi trả tận nhà.",
        "Ông {nam}, nguyên giáo viên nghỉ hưu ở {xa}, cho biết từ khi nhận lương qua thẻ ngân hàng, "
        "con trai ông ở xa vẫn kiểm tra được tiền đã về tài khoản. \u201cCó tin nhắn báo ngay, tôi rút ở "
        "cây ATM gần nhà, không phải chờ đợi như trước\u201d, ông nói.",
        "{co_quan} khuyến cáo người hưởng không cung cấp mật khẩu, mã OTP hay thông tin thẻ ngân hàng cho "
        "bất kỳ ai, kể cả người tự xưng là cán bộ BHXH. Cơ quan BHXH không gọi điện yêu cầu cập nhật "
        "thông tin để nhận lương hưu.",
        "Theo quy định, người đang hưởng lương hưu khi chuyển nơi cư trú sang tỉnh khác chỉ cần nộp đơn "
        "đề nghị tại cơ quan BHXH nơi đang hưởng hoặc nơi chuyển đến, hay thực hiện trực tuyến. Việc chi "
        "trả ở nơi mới được nối tiếp, không bị gián đoạn.",
        "Về việc hưởng BHXH một lần, cơ quan BHXH khuyến cáo người lao động cân nhắc kỹ. Khi rút một "
        "lần, người lao động mất cơ hội hưởng lương hưu, mất thẻ BHYT do quỹ BHXH đóng khi nghỉ hưu và "
        "thân nhân không được hưởng chế độ tử tuất hằng tháng.",
        "Năm nay, lương hưu và trợ cấp BHXH được điều chỉnh tăng theo quyết định của Chính phủ. Người "
        "hưởng không phải làm bất kỳ thủ tục nào; mức mới được cơ quan BHXH tự động tính và chi trả, "
        "kèm khoản truy lĩnh nếu có.",
        "Năm qua, {co_quan} đã chi trả khoảng {tien} cho các chế độ hưu trí, tử tuất, ốm đau, thai "
        "sản. Mọi khoản chi đều được đối chiếu với dữ liệu dân cư để kịp thời dừng chi trả với những "
        "trường hợp đã qua đời, tránh thất thoát quỹ.",
    ),
}

THU_NO_DONG = {
    "leads": (
        "Tính đến cuối tháng {thang_truoc}, số tiền chậm đóng BHXH, BHYT, BHTN trên địa bàn còn khoảng "
        "{tien}, tập trung ở {n1} đơn vị. {co_quan} xác định đôn đốc thu nợ là nhiệm vụ trọng tâm để "
        "bảo vệ quyền lợi người lao động.",
        "Chậm đóng, trốn đóng BHXH khiến người lao động thiệt thòi khi ốm đau, sinh con hay nghỉ việc. "
        "{ngay}, {co_quan} tổ chức hội nghị đối thoại với các doanh nghiệp nợ đọng kéo dài.",
        "Số đơn vị nợ BHXH trên địa bàn đã giảm rõ rệt sau đợt kiểm tra chuyên ngành. {co_quan} cho biết "
        "chỉ trong tháng {thang}, các đơn vị đã nộp lại hơn {tien} tiền chậm đóng.",
    ),
    "body": (
        "Theo quy định, đơn vị chậm đóng từ 60 ngày trở lên phải nộp đủ số tiền chậm đóng và tiền lãi "
        "tính trên số ngày chậm. Hành vi trốn đóng có thể bị xử phạt hành chính, bị công khai trên phương "
        "tiện thông tin đại chúng và nghiêm trọng hơn là bị truy cứu trách nhiệm hình sự.",
        "Tại hội nghị, đại diện một công ty chế biến gỗ ở {xa} cho biết do đơn hàng xuất khẩu sụt giảm, "
        "công ty đã nợ BHXH gần sáu tháng. Công ty cam kết trả dần mỗi tháng và ưu tiên đóng đủ cho "
        "những lao động sắp nghỉ hưu hoặc đang nghỉ thai sản.",
        "{co_quan} đã lập danh sách các đơn vị nợ kéo dài, gửi thông báo hằng tháng và phối hợp với "
        "thanh tra lao động tổ chức kiểm tra đột xuất. Kết quả, nhiều đơn vị đã nộp {pct_no} số tiền nợ "
        "ngay sau khi nhận quyết định kiểm tra.",
        "Luật BHXH năm 2024 đã phân biệt rõ hành vi chậm đóng và trốn đóng, đồng thời quy định các biện "
        "pháp xử lý như không xem xét trao tặng danh hiệu thi đua, khen thưởng đối với đơn vị vi phạm. "
        "Người lao động có thể tự tra cứu quá trình đóng trên VssID để phát hiện sớm.",
        "Chị {nu}, làm việc tại một doanh nghiệp ở {xa}, kể khi đi sinh con mới biết công ty chưa "
        "đóng BHXH suốt nhiều tháng nên chưa được giải quyết chế độ thai sản. Sau khi cơ quan BHXH vào "
        "cuộc, công ty đã đóng đủ và chị được nhận tiền.",
        "Các ngân hàng và cơ quan thuế cũng được đề nghị chia sẻ thông tin về tình hình tài chính của "
        "đơn vị nợ đọng. Với những doanh nghiệp đã ngừng hoạt động, chủ doanh nghiệp bỏ trốn, cơ quan "
        "BHXH kiến nghị giải pháp để chốt sổ cho người lao động.",
        "Công đoàn cơ sở cũng được đề nghị vào cuộc, kịp thời phản ánh khi doanh nghiệp trích tiền lương "
        "của người lao động nhưng không nộp vào quỹ BHXH. Đây là hành vi vi phạm nghiêm trọng, ảnh hưởng "
        "trực tiếp đến quyền lợi của hàng nghìn người.",
        "Đối với các doanh nghiệp gặp khó khăn thực sự, cơ quan BHXH hướng dẫn thủ tục tạm dừng đóng vào "
        "quỹ hưu trí và tử tuất theo quy định, thay vì để nợ kéo dài. Nhờ đó quyền lợi ốm đau, thai sản "
        "của người lao động vẫn được bảo đảm.",
    ),
}

CHUYEN_DOI_SO_VSSID = {
    "leads": (
        "Ứng dụng VssID - BHXH số đã có hơn {n2} người cài đặt và sử dụng. {co_quan} tiếp tục hướng dẫn "
        "người dân khai thác các tiện ích trên ứng dụng để tra cứu quá trình đóng, sử dụng thẻ BHYT "
        "và thực hiện dịch vụ công trực tuyến.",
        "Chuyển đổi số đang thay đổi cách người dân giao dịch với cơ quan BHXH. {ngay}, tại bộ phận một "
        "cửa ở {xa}, phần lớn người đến làm thủ tục đã được hướng dẫn nộp hồ sơ trực tuyến.",
        "Từ đầu năm, {co_quan} đã hướng dẫn thêm {n1} người cài đặt VssID và đăng nhập bằng tài khoản định "
        "danh điện tử. Việc tra cứu, nộp hồ sơ trực tuyến giúp người dân ở {xa} tiết kiệm nhiều thời gian.",
    ),
    "body": (
        "Trên VssID, người tham gia có thể xem quá trình đóng BHXH, BHYT, BHTN, lịch sử khám chữa bệnh "
        "BHYT, đăng ký thay đổi thông tin và theo dõi tình trạng hồ sơ. Thẻ BHYT trên ứng dụng có giá "
        "trị như thẻ giấy khi đi khám bệnh.",
        "Cơ sở dữ liệu của ngành BHXH đã được kết nối với Cơ sở dữ liệu quốc gia về dân cư. Nhờ đó, "
        "người dân có thể dùng căn cước gắn chip thay thẻ BHYT giấy tại cơ sở khám chữa bệnh, đồng thời "
        "tài khoản định danh điện tử mức độ 2 có thể dùng để đăng nhập VssID.",
        "{co_quan} lưu ý người dân chỉ tải ứng dụng VssID từ kho ứng dụng chính thức CH Play và App "
        "Store. Cơ quan BHXH không gửi đường link cài đặt qua tin nhắn, Zalo hay mạng xã hội và không "
        "gọi điện yêu cầu cập nhật ứng dụng.",
        "Anh {nam}, nhân viên văn phòng ở {xa}, cho biết anh vừa tự đổi mật khẩu VssID và đăng ký "
        "thay đổi số điện thoại trên ứng dụng mà không phải đến cơ quan BHXH. \u201cMọi thứ làm trên điện "
        "thoại trong vài phút\u201d, anh nói.",
        "Hiện {pct_dien_tu} hồ sơ thủ tục hành chính về BHXH trên địa bàn được tiếp nhận qua hình thức điện tử. "
        "Doanh nghiệp kê khai qua phần mềm giao dịch điện tử, cá nhân nộp qua Cổng Dịch vụ công quốc "
        "gia hoặc VssID, kết quả được trả về tài khoản của người nộp.",
        "Để hỗ trợ người cao tuổi chưa quen dùng điện thoại thông minh, nhiều điểm giao dịch đã bố trí "
        "nhân viên cài đặt hộ ứng dụng và hướng dẫn từng bước. Tổ công nghệ số cộng đồng ở các thôn, "
        "khu phố cũng tham gia hỗ trợ người dân.",
        "Ngành BHXH cũng đã triển khai thanh toán trực tuyến tiền đóng BHXH tự nguyện, BHYT hộ gia đình "
        "qua các ví điện tử và ngân hàng. Người tham gia nhận biên lai điện tử ngay, không cần giữ giấy tờ.",
    ),
}

TRUYEN_THONG_CHIEN_DICH = {
    "leads": (
        "Hưởng ứng Tháng vận động triển khai BHXH toàn dân, {co_quan} đã tổ chức nhiều hoạt động tuyên "
        "truyền trực tiếp tại {xa} với hàng trăm người dân tham dự. Thông điệp năm nay nhấn mạnh BHXH "
        "là chỗ dựa an sinh cho mọi người lao động.",
        "{ngay}, {co_quan} phối hợp với các hội, đoàn thể tổ chức hội nghị tuyên truyền chính sách BHXH, "
        "BHYT. Đây là một trong chuỗi hoạt động truyền thông cao điểm trong năm của ngành.",
        "Trong Tháng vận động triển khai BHXH toàn dân, nhiều cách làm sáng tạo đã được các địa phương áp "
        "dụng. Tại {xa}, tổ vận động phát thanh chính sách mỗi sáng và tư vấn ngay tại chợ phiên.",
    ),
    "body": (
        "Tại các buổi tuyên truyền, báo cáo viên giải thích những điểm mới của chính sách, trả lời trực "
        "tiếp câu hỏi của người dân và tư vấn mức đóng phù hợp. Nhiều người đã đăng ký tham gia BHXH tự "
        "nguyện, mua BHYT hộ gia đình ngay tại hội nghị.",
        "Bên cạnh hình thức trực tiếp, {co_quan} đẩy mạnh truyền thông trên báo chí, đài truyền thanh "
        "cơ sở, trang thông tin điện tử, fanpage và Zalo OA chính thức. Các video ngắn, tờ gấp và câu "
        "chuyện nhân vật điển hình được chia sẻ rộng rãi.",
        "Khẩu hiệu của chiến dịch năm nay là \u201cTham gia BHXH hôm nay, vững vàng an sinh ngày mai\u201d, "
        "được treo tại trụ sở ủy ban nhân dân xã, chợ, nhà văn hóa và các khu nhà trọ công nhân. Xe "
        "tuyên truyền lưu động đi qua các tuyến đường chính trong giờ cao điểm.",
        "Theo kế hoạch, trong tháng cao điểm mỗi xã, phường phấn đấu phát triển thêm ít nhất {n1} người "
        "tham gia BHXH tự nguyện và nâng tỷ lệ bao phủ BHYT. Kết quả được cập nhật hằng tuần để kịp "
        "thời điều chỉnh cách làm.",
        "Lực lượng nòng cốt của chiến dịch là nhân viên các tổ chức dịch vụ thu, cán bộ hội phụ nữ, hội "
        "nông dân, đoàn thanh niên. Họ hiểu từng hoàn cảnh gia đình nên việc tư vấn sát thực tế, dễ tạo "
        "niềm tin với người dân.",
        "Nhiều doanh nghiệp đã hưởng ứng chiến dịch bằng cách hỗ trợ một phần tiền đóng BHXH tự nguyện "
        "cho người thân của công nhân hoặc tặng thẻ BHYT cho hộ khó khăn. Trong tháng qua, các nhà hảo "
        "tâm đã trao tặng {n_qua} thẻ BHYT và sổ BHXH.",
        "Các hoạt động truyền thông cũng chú trọng cảnh báo thủ đoạn lừa đảo mạo danh cơ quan BHXH. "
        "Người dân được hướng dẫn nhận biết kênh thông tin chính thức và gọi đường dây nóng 1900 9068 "
        "khi có nghi ngờ.",
        "Tại buổi lễ, ban tổ chức trao tặng sổ BHXH tự nguyện và thẻ BHYT cho người có hoàn cảnh khó khăn. "
        "Các tiết mục văn nghệ lồng ghép nội dung chính sách được người dân hưởng ứng nhiệt tình, nhiều "
        "người nán lại hỏi thêm về cách tính lương hưu.",
        "Một điểm mới của chiến dịch năm nay là các phiên tư vấn trực tuyến trên mạng xã hội vào buổi tối. "
        "Người xem gửi câu hỏi trực tiếp, chuyên viên BHXH trả lời ngay, phần trả lời được lưu lại để người "
        "khác xem sau.",
        "Các trường học, bệnh viện và doanh nghiệp lớn cũng treo pano, phát tờ rơi tuyên truyền. Tại khu nhà "
        "trọ công nhân, chủ nhà trọ được mời làm cộng tác viên, giới thiệu chính sách cho người thuê trọ.",
    ),
}
