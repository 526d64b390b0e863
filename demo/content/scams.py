"""Non-press pages that ASSERT false claims or advertise scams (stance: asserts).

All numbers, links and document references are invented; the phone prefix 0123 is unallocated.
"""

# ruff: noqa: E501  (Vietnamese prose and catalog rows: wrapped by phrase, a few chars over)

from __future__ import annotations

from demo.content.hand_text import HandText

PAID_WITHDRAWAL_SERVICE: HandText = {
    "lead": "Bạn đã nghỉ việc nhưng chưa đủ 12 tháng để rút BHXH một lần? Đừng lo! Dịch vụ của chúng "
    "tôi hỗ trợ rút BHXH một lần NHANH trong 7 ngày làm việc, không cần chờ đợi, không cần đi lại.",
    "body": (
        "Chúng tôi là đội ngũ chuyên viên có nhiều năm kinh nghiệm làm hồ sơ bảo hiểm, có quan hệ trực "
        "tiếp với cán bộ trong ngành nên hồ sơ được ưu tiên xử lý. Đã có hơn 5.000 khách hàng trên toàn "
        "quốc nhận tiền thành công qua dịch vụ của chúng tôi.",
        "Nhận hỗ trợ các trường hợp: nghỉ việc chưa đủ 12 tháng, sổ đang bị công ty giữ, công ty nợ "
        "bảo hiểm chưa chốt sổ, sổ bị sai thông tin, quên mật khẩu VssID. Cam kết 100% giải ngân, không "
        "rút được hoàn lại tiền.",
        "Phí dịch vụ chỉ 15% tổng số tiền được nhận. Khách hàng đặt cọc trước 2.000.000 đồng để mở hồ sơ, "
        "số còn lại thanh toán khi tiền về tài khoản. Hồ sơ gồm ảnh chụp hai mặt căn cước, ảnh sổ BHXH, "
        "tài khoản và mật khẩu VssID, số tài khoản ngân hàng.",
        "Lưu ý: từ tháng sau quy định mới sẽ siết chặt, người lao động chỉ được rút một nửa số tiền, "
        "nên ai có nhu cầu hãy làm ngay trong tháng này để nhận đủ. Số lượng hồ sơ mỗi ngày có hạn.",
        "Liên hệ ngay hotline/Zalo 0123.456.789 (Mr. Tuấn) hoặc 0123.456.788 (Ms. Linh) để được tư vấn "
        "miễn phí 24/7. Chỉ cần gửi thông tin qua Zalo, không cần đến cơ quan bảo hiểm, không cần chờ "
        "đợi, tiền về tận tài khoản.",
        "Cảm nhận khách hàng: \u201cMình nghỉ việc mới 3 tháng, nhờ dịch vụ mà đã rút được hơn 40 triệu, "
        "rất nhanh và uy tín\u201d. \u201cSổ bị công ty giữ mà vẫn rút được, cảm ơn team rất nhiều\u201d.",
    ),
}

VSSID_40_UPDATE_POST: HandText = {
    "lead": "THÔNG BÁO KHẨN: Từ ngày 15 tháng này, ứng dụng VssID phiên bản cũ sẽ ngừng hoạt động. Toàn "
    "bộ người tham gia BHXH, BHYT và người đang hưởng lương hưu bắt buộc phải cập nhật lên VssID 4.0.",
    "body": (
        "Theo văn bản mới của ngành bảo hiểm, sổ BHXH giấy và thẻ BHYT giấy sẽ bị hủy. Mọi quyền lợi "
        "chỉ được ghi nhận trên VssID 4.0 tích hợp căn cước. Người không cập nhật sẽ bị khóa tài khoản, "
        "không nhận được lương hưu, trợ cấp và không được thanh toán khi đi khám bệnh.",
        "Người cập nhật trước ngày 15 được tăng 15% lương hưu và nhận thêm tiền hỗ trợ chuyển đổi số. "
        "Đây là chính sách có thời hạn nên bà con cần làm ngay, không chờ cán bộ xã thông báo.",
        "Cách cập nhật: tải ứng dụng tại đường link http://vssid40-capnhat.top/tai-ung-dung (không có "
        "trên CH Play vì đang thử nghiệm), cài đặt và cho phép tất cả quyền truy cập. Đăng nhập bằng số "
        "căn cước, sau đó xác thực khuôn mặt và nhập số tài khoản ngân hàng nhận lương hưu.",
        "Nếu gặp khó khăn, bà con gọi cán bộ hỗ trợ kỹ thuật theo số 0123.456.787 để được hướng dẫn cài "
        "đặt từ xa. Cán bộ sẽ gửi mã OTP, bà con đọc lại mã để hoàn tất xác thực.",
        "Hãy chia sẻ thông báo này cho ông bà, cha mẹ và người thân đang hưởng lương hưu để không bị "
        "mất quyền lợi. Thời gian còn rất ít, số lượng cập nhật mỗi ngày có giới hạn.",
        "Bài viết được cộng đồng thành viên đánh giá hữu ích. Mọi thắc mắc vui lòng để lại bình luận "
        "bên dưới, ban quản trị sẽ trả lời sớm nhất.",
    ),
}

BHYT_NO_SERIOUS_ILLNESS: HandText = {
    "lead": "Tin nóng: từ năm 2026 BHYT không chi trả ca bệnh nặng, phẫu thuật lớn nữa! Ai đang có thẻ "
    "BHYT nên đọc kỹ bài này để chuẩn bị tài chính cho gia đình.",
    "body": (
        "Theo thông tin từ một người quen làm trong bệnh viện, quỹ BHYT đã cạn kiệt nên từ năm nay các "
        "ca mổ tim, ung thư, chạy thận, ghép tạng sẽ không được thanh toán nữa. Người bệnh phải tự chi "
        "trả toàn bộ, thẻ BHYT chỉ còn dùng cho khám bệnh thông thường và mua thuốc cảm.",
        "Nhiều bệnh nhân đã bị từ chối thanh toán ngay tại quầy viện phí. Một trường hợp mổ ruột thừa "
        "phải đóng hơn 30 triệu đồng dù có thẻ đầy đủ. Bệnh viện tuyến trên cũng đã dán thông báo "
        "nhưng báo chí không đưa tin.",
        "Vì vậy, mua BHYT bây giờ chỉ là phí tiền. Gia đình nào đang mua thẻ theo hộ nên dừng lại, lấy "
        "số tiền đó gửi tiết kiệm hoặc mua gói bảo hiểm sức khỏe tư nhân để được chi trả khi bệnh nặng.",
        "Người đang hưởng lương hưu cũng bị ảnh hưởng vì thẻ BHYT do quỹ cấp sẽ bị cắt giảm quyền lợi. "
        "Người già mắc bệnh mạn tính phải tự mua thuốc điều trị dài ngày từ năm nay.",
        "Hãy chia sẻ ngay cho người thân để mọi người biết mà chuẩn bị. Thông tin này nhà nước chưa công "
        "bố rộng rãi nên rất ít người biết.",
        "Một số phòng khám tư đã bắt đầu nhận đăng ký gói khám trọn đời thay cho BHYT, ai đăng ký trong "
        "tháng này được giảm 30% phí. Nhà nào có người bệnh mạn tính càng nên tính toán sớm kẻo lỡ.",
    ),
    "comments": (
        "Bình luận của thành viên: \u201cNhà mình cũng vừa bị từ chối, đúng là thật rồi\u201d; \u201cVậy đóng "
        "BHYT làm gì nữa, từ năm sau nhà mình nghỉ đóng\u201d.",
    ),
}

FAKE_SUPPORT_INVITATION: HandText = {
    "lead": "GIẤY MỜI. Căn cứ Quyết định số 2207/QĐ-BHXH về việc hỗ trợ người dân bị ảnh hưởng bởi thiên "
    "tai, cơ quan bảo hiểm xã hội trân trọng kính mời ông/bà đến nhận tiền hỗ trợ đóng BHYT và tiền "
    "hoàn trả 50% chi phí khám chữa bệnh.",
    "body": (
        "Đối tượng được hỗ trợ: hộ gia đình có người tham gia BHYT trong ba năm gần đây, người cao tuổi, "
        "người đang hưởng lương hưu và trợ cấp hằng tháng. Mức hỗ trợ 100% tiền đóng BHYT năm nay và hoàn "
        "trả một nửa số tiền viện phí đã chi trả.",
        "Thời gian nhận: từ 7 giờ 30 đến 11 giờ sáng thứ bảy tuần này. Địa điểm: hội trường tầng 2, số 18 "
        "đường Nguyễn Trãi, phường trung tâm. Người được mời phải tự đến, không cử người thay thế, mang "
        "theo căn cước bản gốc, sổ hộ khẩu cũ và thẻ ngân hàng đứng tên mình.",
        "Trước khi đến, người nhận cần xác nhận hồ sơ bằng cách gọi số 0123.456.786 hoặc kết bạn Zalo để "
        "được cấp mã hồ sơ trên cổng thông tin. Người chưa có mã hồ sơ sẽ không được giải quyết.",
        "Lệ phí xác minh hồ sơ là 350.000 đồng, chuyển khoản trước vào tài khoản của cán bộ phụ trách theo "
        "hướng dẫn qua Zalo. Khoản phí sẽ được hoàn lại cùng tiền hỗ trợ.",
        "Đây là chương trình có thời hạn, số suất có hạn. Sau thời gian trên, hồ sơ không được tiếp nhận "
        "và tiền hỗ trợ sẽ được chuyển cho đối tượng khác.",
        "TL. GIÁM ĐỐC, TRƯỞNG PHÒNG CHẾ ĐỘ (đã ký và đóng dấu). Nơi nhận: như trên; lưu văn thư. Mọi thắc "
        "mắc xin liên hệ số điện thoại ghi ở trên, không liên hệ qua tổng đài để tránh quá tải.",
    ),
}

WITHDRAW_NOW_POST: HandText = {
    "lead": "Rút BHXH một lần ngay kẻo lỗ! Tính kỹ thì đóng BHXH 20 năm để nhận lương hưu còn thua xa "
    "mua bảo hiểm nhân thọ, ai còn đang đóng nên suy nghĩ lại ngay trong năm nay.",
    "body": (
        "Mỗi tháng người lao động và công ty đóng gần một phần ba tiền lương vào quỹ, vậy mà phải chờ "
        "hàng chục năm mới nhận được lương hưu, chưa biết lúc đó quỹ còn tiền hay không. Nhiều người "
        "nói quỹ hưu trí sẽ vỡ trong vài năm tới.",
        "Trong khi đó, một hợp đồng bảo hiểm nhân thọ với cùng số tiền đóng sẽ trả lãi cao gấp đôi, được "
        "rút bất cứ lúc nào và để lại cho con cháu. Tính ra, ở lại với BHXH là chịu lỗ.",
        "Quy định mới sắp siết chặt việc rút một lần, nên ai đã nghỉ việc hãy làm hồ sơ ngay. Người đang "
        "đi làm có thể xin nghỉ một thời gian để đủ điều kiện rút rồi quay lại làm sau.",
        "Thẻ BHYT thì cứ tự mua theo hộ gia đình là được, chẳng cần gắn với sổ BHXH. Lương hưu sau này "
        "cũng không đủ sống, tốt nhất là cầm tiền mặt trong tay để đầu tư hoặc gửi ngân hàng.",
        "Bạn nào cần tư vấn gói bảo hiểm nhân thọ lãi suất cao, để lại số điện thoại dưới bình luận, "
        "chuyên viên sẽ liên hệ hướng dẫn chuyển tiền rút BHXH sang hợp đồng mới chỉ trong một buổi.",
        "Chia sẻ bài viết này cho đồng nghiệp, đừng để tiền mồ hôi công sức nằm im trong quỹ suốt mấy "
        "chục năm rồi mất giá.",
    ),
}
