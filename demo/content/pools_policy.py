"""Paragraph templates for policy topics: mandatory and voluntary BHXH, household BHYT, BHTN.

Slots (filled per article by demo.content.compose): {co_quan} {tinh} {xa} {nguoi} {ong_ba}
{chuc_vu} {nu} {nam} {n1} {n2} {tien} {chi_phi} {ngay} {thang} {thang_truoc}, and a percentage
slot per meaning ({pct_tang}, {pct_bao_phu}, ...: each in its plausible range, see
demo.content.compose.SHARES).
"""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

BHXH_BAT_BUOC = {
    "leads": (
        "{ngay}, {co_quan} cho biết đã rà soát và phát hiện {n1} lao động thuộc diện tham gia BHXH "
        "bắt buộc nhưng chưa được đơn vị sử dụng lao động đăng ký; cơ quan BHXH đã gửi văn bản đôn "
        "đốc các đơn vị bổ sung hồ sơ ngay trong tháng {thang}.",
        "Luật BHXH năm 2024 có hiệu lực từ ngày 1/7/2025 đã mở rộng đáng kể nhóm người thuộc diện "
        "tham gia BHXH bắt buộc. Sau gần một năm thực hiện, {co_quan} ghi nhận nhiều chuyển biến "
        "tích cực nhưng cũng còn không ít vướng mắc ở cơ sở.",
        "Nhiều hộ kinh doanh ở {xa} lần đầu được cán bộ BHXH đến tận nơi hướng dẫn đăng ký tham gia BHXH "
        "bắt buộc cho chính mình và người làm thuê. Theo {co_quan}, đây là nhóm có tiềm năng lớn nhưng "
        "cần cách tiếp cận mềm dẻo.",
    ),
    "body": (
        "Theo quy định mới, chủ hộ kinh doanh có đăng ký kinh doanh, người quản lý doanh nghiệp không "
        "hưởng tiền lương và người làm việc theo hợp đồng từ đủ một tháng trở lên đều thuộc diện tham "
        "gia BHXH bắt buộc. Đây là những nhóm trước đây chủ yếu đứng ngoài hệ thống an sinh, dù nhiều "
        "người có thu nhập ổn định và có nhu cầu được bảo vệ khi ốm đau, thai sản hay lúc về già.",
        "Tại buổi làm việc với các doanh nghiệp ở {xa}, cán bộ BHXH đã hướng dẫn cụ thể cách lập danh "
        "sách lao động, xác định tiền lương làm căn cứ đóng và kê khai trên phần mềm giao dịch điện tử. "
        "Nhiều chủ cơ sở nhỏ thừa nhận trước đây chỉ đóng cho một phần lao động vì lo chi phí tăng "
        "trong lúc đơn hàng chưa ổn định.",
        "Quyền lợi của người tham gia BHXH bắt buộc gồm các chế độ ốm đau, thai sản, tai nạn lao động, "
        "bệnh nghề nghiệp, hưu trí và tử tuất. Lao động nữ được bảo đảm quyền lợi thai sản đầy đủ hơn, "
        "còn lao động nam có vợ sinh con được nghỉ và hưởng chế độ theo số ngày luật định.",
        "Số liệu của {co_quan} cho thấy đến cuối tháng {thang_truoc}, toàn địa bàn có {n2} người tham "
        "gia BHXH bắt buộc, tăng {pct_tang} so với cùng kỳ năm trước. Tuy vậy, số lao động làm việc trong "
        "các cơ sở sản xuất nhỏ và hộ kinh doanh cá thể vẫn còn lớn, phần đông chưa được đăng ký.",
        "Để bảo vệ người lao động, cơ quan BHXH phối hợp với thanh tra lao động và cơ quan thuế đối "
        "chiếu dữ liệu đăng ký kinh doanh, dữ liệu hóa đơn và dữ liệu dân cư. Đơn vị có lao động nhưng "
        "chưa đóng hoặc đóng thiếu sẽ được mời làm việc, đưa vào kế hoạch kiểm tra và xử lý theo quy định.",
        "Chị {nu}, công nhân một xưởng may tại {xa}, cho biết chị mới được công ty ký hợp đồng và "
        "đăng ký tham gia BHXH từ tháng trước. \u201cTrước đây tôi làm thời vụ nên không có sổ, giờ biết "
        "mình được hưởng thai sản, ốm đau thì yên tâm hơn nhiều\u201d, chị chia sẻ.",
        "Các chuyên gia cho rằng mở rộng diện bao phủ không thể chỉ dựa vào chế tài mà cần thủ tục đơn "
        "giản để doanh nghiệp dễ thực hiện. Khi hồ sơ được số hóa, việc đăng ký, điều chỉnh mức đóng "
        "hay báo giảm lao động đều có thể làm trực tuyến, tiết kiệm đáng kể thời gian đi lại.",
        "Với doanh nghiệp mới thành lập, cơ quan BHXH gửi thư hướng dẫn ngay khi nhận được dữ liệu đăng ký "
        "doanh nghiệp từ cơ quan kế hoạch - đầu tư, kèm danh mục hồ sơ và đường dẫn tới phần mềm kê khai "
        "miễn phí. Nhờ vậy, số đơn vị đăng ký đúng hạn tăng rõ.",
    ),
}

BHXH_TU_NGUYEN = {
    "leads": (
        "Từ đầu năm đến nay, {co_quan} đã phát triển thêm {n1} người tham gia BHXH tự nguyện, phần lớn "
        "là nông dân, tiểu thương và lao động tự do. Đây là kết quả của việc đưa chính sách đến tận "
        "thôn, ấp và tư vấn cho từng người.",
        "Không có hợp đồng lao động, không có người sử dụng lao động đóng thay, nhiều lao động tự do "
        "vẫn chọn tự mình tham gia BHXH tự nguyện để có lương hưu khi về già. {ngay}, phóng viên đã "
        "ghi nhận câu chuyện của những người như vậy tại {xa}.",
        "Mức hỗ trợ tiền đóng BHXH tự nguyện của Nhà nước cùng ngân sách địa phương đã giúp nhiều hộ nông "
        "dân ở {xa} mạnh dạn tham gia. {co_quan} cho biết số người đóng mới trong tháng {thang} tăng "
        "đáng kể so với tháng trước.",
    ),
    "body": (
        "BHXH tự nguyện cho phép người tham gia chủ động chọn mức thu nhập làm căn cứ đóng và phương "
        "thức đóng phù hợp: hằng tháng, ba tháng, sáu tháng, mười hai tháng hoặc đóng một lần cho nhiều "
        "năm về sau. Mức đóng bằng 22% mức thu nhập lựa chọn, thấp nhất bằng chuẩn hộ nghèo khu vực "
        "nông thôn.",
        "Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng: 50% đối với người thuộc "
        "hộ nghèo, 40% đối với người thuộc hộ cận nghèo và 20% đối với các đối tượng khác. Nhiều địa "
        "phương còn dùng ngân sách riêng hoặc vận động nhà hảo tâm hỗ trợ thêm cho người có hoàn cảnh "
        "khó khăn.",
        "Bà {nu}, bán rau ở chợ {xa}, đã đóng BHXH tự nguyện được bảy năm. \u201cMỗi tháng tôi để "
        "dành một khoản như gửi tiết kiệm, tới tuổi là có lương hưu, lại có thẻ BHYT đi khám bệnh. Con "
        "cái đỡ phải lo cho mình\u201d, bà kể.",
        "Điểm mới đáng chú ý của Luật BHXH năm 2024 là người tham gia BHXH tự nguyện được hưởng thêm "
        "chế độ thai sản với khoản trợ cấp 2 triệu đồng cho mỗi con được sinh ra. Số năm đóng tối thiểu "
        "để hưởng lương hưu cũng được giảm từ 20 năm xuống còn 15 năm.",
        "Tổ chức dịch vụ thu ở {xa} cho biết phương pháp hiệu quả nhất vẫn là gặp gỡ trực tiếp. Nhân "
        "viên thu đến từng nhà vào buổi tối, khi người dân đã đi làm về, giải thích bằng ví dụ cụ thể "
        "về số tiền đóng hằng tháng và khoản lương hưu sẽ nhận được sau này.",
        "Theo {co_quan}, tỷ lệ người tham gia BHXH tự nguyện so với lực lượng lao động trên địa bàn "
        "mới đạt khoảng {pct_tu_nguyen}, còn cách khá xa mục tiêu đề ra. Nguyên nhân chủ yếu là thu nhập của "
        "một bộ phận người dân còn thấp và chưa ổn định, trong khi thời gian đóng để hưởng chế độ dài.",
        "Người tham gia có thể đóng tiền trực tuyến qua Cổng Dịch vụ công quốc gia, qua ứng dụng VssID "
        "hoặc tại các điểm thu được cơ quan BHXH ủy quyền. Biên lai điện tử được gửi ngay sau khi giao "
        "dịch thành công, thuận tiện cho việc theo dõi quá trình đóng.",
        "Nhiều người chọn đóng một lần cho những năm còn thiếu để đủ điều kiện hưởng lương hưu. Cán bộ "
        "BHXH khuyến nghị người tham gia tính toán kỹ khả năng tài chính, chọn mức thu nhập vừa sức để "
        "đóng đều đặn, tránh bỏ dở giữa chừng.",
    ),
}

BHYT = {
    "leads": (
        "Đến hết tháng {thang_truoc}, tỷ lệ bao phủ BHYT trên địa bàn đạt {pct_bao_phu} dân số; riêng nhóm tham "
        "gia theo hộ gia đình có {n2} người. {co_quan} đang tập trung vận động những hộ chưa tham gia "
        "hoặc để thẻ hết hạn mà chưa gia hạn.",
        "Tham gia BHYT theo hộ gia đình được giảm trừ mức đóng từ người thứ hai trở đi, nhưng nhiều gia "
        "đình vẫn chưa nắm rõ chính sách này. {ngay}, {co_quan} tiếp tục phối hợp với chính quyền cơ sở "
        "tổ chức tư vấn tại {xa}.",
        "Với mục tiêu bao phủ BHYT toàn dân, {co_quan} đang rà soát từng hộ để tìm những người chưa có "
        "thẻ. Tại {xa}, tổ công tác đã đến từng nhà, lập danh sách và hướng dẫn gia hạn ngay tại chỗ.",
    ),
    "body": (
        "Theo quy định, người thứ nhất trong hộ đóng bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, "
        "thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất; từ người thứ năm trở đi "
        "đóng bằng 40%. Cách tính này giúp các gia đình đông người giảm đáng kể chi phí.",
        "Thẻ BHYT giúp người bệnh được quỹ chi trả từ 80% đến 100% chi phí khám chữa bệnh trong phạm vi "
        "quyền lợi, kể cả các bệnh mạn tính, bệnh hiểm nghèo và những ca phẫu thuật có chi phí lớn. "
        "Luật BHYT sửa đổi có hiệu lực từ ngày 1/7/2025 còn mở rộng thêm một số quyền lợi khi chuyển "
        "tuyến.",
        "Ông {nam} ở {xa} kể năm ngoái vợ ông phải mổ tim, tổng chi phí hơn {chi_phi}, quỹ BHYT thanh "
        "toán phần lớn. \u201cNếu không có thẻ thì chắc gia đình tôi phải bán đất. Từ đó cả nhà năm người "
        "đều mua BHYT, năm nào cũng gia hạn sớm\u201d, ông nói.",
        "Cán bộ thu ở {xa} cho biết khó khăn lớn nhất là nhiều người trẻ, khỏe mạnh cho rằng chưa cần "
        "BHYT. Khi thẻ hết hạn, họ thường chờ đến lúc ốm mới mua, trong khi thẻ mua mới chỉ có giá trị "
        "sau 30 ngày kể từ ngày đóng tiền.",
        "Ngoài nhóm hộ gia đình, học sinh, sinh viên là đối tượng được ưu tiên vận động. Học sinh được "
        "ngân sách hỗ trợ tối thiểu 50% mức đóng, nhiều nhà trường đã phối hợp với cơ quan BHXH tuyên "
        "truyền trong các buổi họp phụ huynh đầu năm học.",
        "{co_quan} đã chỉ đạo các điểm thu kéo dài thời gian làm việc vào cuối tuần và cử nhân viên "
        "đến tận nhà thu tiền đối với người cao tuổi, người khuyết tật. Người dân cũng có thể gia hạn "
        "thẻ trực tuyến và nhận thẻ BHYT điện tử trên ứng dụng VssID.",
        "Theo số liệu thống kê, trong năm qua quỹ BHYT trên địa bàn đã thanh toán cho hơn {n3} lượt "
        "khám chữa bệnh, trong đó có nhiều trường hợp chi phí điều trị lên tới hàng trăm triệu đồng. "
        "Đây là minh chứng rõ nhất cho ý nghĩa chia sẻ rủi ro của chính sách BHYT.",
        "Với người cao tuổi và người mắc bệnh mạn tính, thẻ BHYT gần như là điều kiện để duy trì điều trị "
        "lâu dài. Nhiều loại thuốc điều trị tăng huyết áp, tiểu đường được cấp phát hằng tháng theo chế "
        "độ BHYT ngay tại trạm y tế xã.",
        "Trạm y tế ở {xa} đã được nâng cấp, có thêm bác sĩ và thuốc thuộc danh mục BHYT, nên người dân "
        "không phải lên tuyến trên cho những bệnh thông thường. Số lượt khám BHYT tại trạm tăng rõ rệt so "
        "với năm trước.",
    ),
}

BHTN = {
    "leads": (
        "Trong tháng {thang_truoc}, trung tâm dịch vụ việc làm và {co_quan} đã giải quyết hưởng trợ "
        "cấp thất nghiệp cho {n1} người lao động. Bên cạnh tiền trợ cấp, nhiều người còn được tư vấn, "
        "giới thiệu việc làm và hỗ trợ học nghề.",
        "Mất việc sau khi nhà máy cắt giảm đơn hàng, nhiều công nhân ở {xa} đã kịp thời nhận trợ cấp "
        "thất nghiệp nhờ tham gia BHTN đầy đủ. Chính sách này đang trở thành chỗ dựa quan trọng cho "
        "người lao động trong giai đoạn chuyển đổi việc làm.",
        "{ngay}, {co_quan} và trung tâm dịch vụ việc làm tổ chức phiên tư vấn lưu động về BHTN tại {xa}. "
        "Hàng trăm công nhân đã được giải đáp thắc mắc về điều kiện, mức hưởng và thủ tục nhận trợ cấp.",
    ),
    "body": (
        "Người lao động đã đóng BHTN từ đủ 12 tháng trở lên trong thời gian 24 tháng trước khi chấm dứt "
        "hợp đồng được hưởng trợ cấp thất nghiệp hằng tháng bằng 60% mức bình quân tiền lương đóng BHTN "
        "của sáu tháng gần nhất. Thời gian hưởng phụ thuộc vào số tháng đã đóng.",
        "Hồ sơ đề nghị hưởng trợ cấp phải được nộp cho trung tâm dịch vụ việc làm trong vòng ba tháng "
        "kể từ ngày chấm dứt hợp đồng. Người lao động có thể nộp trực tuyến qua Cổng Dịch vụ công quốc "
        "gia, không cần đến trực tiếp nhiều lần như trước.",
        "Anh {nam}, 34 tuổi, từng làm thợ hàn cho một công ty cơ khí ở {xa}, cho biết trong thời gian "
        "hưởng trợ cấp anh được hỗ trợ học nghề điện công nghiệp. \u201cHọc xong tôi tìm được việc mới "
        "gần nhà, lương còn khá hơn chỗ cũ\u201d, anh chia sẻ.",
        "Ngoài trợ cấp thất nghiệp, quỹ BHTN còn chi cho hỗ trợ tư vấn, giới thiệu việc làm, hỗ trợ học "
        "nghề và hỗ trợ doanh nghiệp đào tạo, bồi dưỡng nâng cao trình độ kỹ năng nghề để duy trì việc "
        "làm cho người lao động.",
        "Theo {co_quan}, số người tham gia BHTN trên địa bàn hiện đạt {n2} người. Cơ quan BHXH đang phối "
        "hợp với ngành lao động chia sẻ dữ liệu để phát hiện các trường hợp vừa hưởng trợ cấp vừa đi làm "
        "có hợp đồng, bảo đảm chi đúng người, đúng chế độ.",
        "Luật Việc làm sửa đổi mở rộng diện tham gia BHTN sang người làm việc theo hợp đồng từ đủ một "
        "tháng trở lên, đồng thời quy định rõ hơn trách nhiệm thông báo tìm kiếm việc làm hằng tháng của "
        "người đang hưởng trợ cấp.",
        "Một số người lao động vẫn nhầm tưởng trợ cấp thất nghiệp là khoản \u201crút tiền\u201d đã đóng. Cán "
        "bộ tư vấn giải thích rằng thời gian đóng BHTN chưa hưởng được bảo lưu, cộng dồn cho lần sau, nên "
        "không nên vội vàng nộp hồ sơ khi đã có việc làm mới.",
        "Trong tháng {thang_truoc}, số người nộp hồ sơ hưởng trợ cấp thất nghiệp trên địa bàn giảm {pct_giam} so "
        "với cùng kỳ, cho thấy thị trường lao động đang phục hồi. Nhiều doanh nghiệp dệt may, da giày đã "
        "tuyển dụng trở lại sau thời gian cắt giảm đơn hàng.",
    ),
}
