"""A forum post of the demo year: the asker's own case behind the question in its title, and an
answer to what was asked.

A reviewer at the Center reads these: an answer on VssID under a question on VssID, with the
rule that settles it and the asker's own figures worked through (their wage, years, household).
Each question has one asking frame and an answer whose sentences come in two wordings; "[a|b]"
takes one wording per post (demo.year.facts.worded), and the figures, the pronouns and the
greeting are the post's own, so posts asking the same question are still different texts to the
story clusterer (word 3-shingles), as two people's answers are.
"""

# ruff: noqa: E501  (Vietnamese prose: wrapped by phrase, a few chars over)

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from demo.year.facts import worded
from demo.year.prose import reword

# Household BHYT per person and month: 4,5% of the base wage (2.340.000 đồng) for the first,
# then 70%, 60%, 50% of that, and 40% from the fifth on.
_BHYT_FIRST = 105_300
_BHYT_SHARES = (1.0, 0.7, 0.6, 0.5)

# Question (a title of demo.year.titles.FORUM_QUESTIONS) -> (the asker's case, the answer's
# sentences, each in two wordings: as two people would answer it).
ANSWERS: Mapping[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "Hỏi đáp: công ty chưa đóng BHXH cho người lao động thì báo ở đâu?": (
        "Tôi làm ở [một xưởng may|một công ty cơ khí|một cửa hàng điện máy] được {thang_lam} tháng, có hợp đồng [một năm|hai năm|không xác định thời hạn] nhưng tra trên VssID vẫn chưa thấy công ty đóng BHXH. Tôi nên báo ở đâu?",
        (
            (
                "[Trước hết|Đầu tiên], bạn [nên đề nghị|hãy yêu cầu] bộ phận nhân sự [giải thích|nêu lý do]: công ty phải đăng ký tham gia cho bạn trong 30 ngày kể từ ngày hợp đồng có hiệu lực, {thang_lam} tháng chưa đóng là [đã quá hạn|vi phạm].",
                "Theo quy định, công ty phải đăng ký BHXH cho [bạn|người lao động] chậm nhất 30 ngày sau khi hợp đồng có hiệu lực, nên {thang_lam} tháng mà VssID chưa có dữ liệu là công ty [làm sai|chưa làm đúng], [trước tiên|đầu tiên] bạn [hỏi|trao đổi với] phòng nhân sự.",
            ),
            (
                "Nếu công ty không khắc phục, bạn [gửi phản ánh|báo] đến cơ quan BHXH nơi công ty đóng trụ sở, [công đoàn cơ sở|công đoàn] hoặc thanh tra lao động, [kèm|gửi kèm] bản chụp hợp đồng và [phiếu lương|bảng lương] để được [xử lý|kiểm tra] nhanh.",
                "Nếu [không được giải quyết|công ty vẫn không đăng ký], bạn [có quyền|nên] phản ánh với cơ quan BHXH quản lý công ty, với thanh tra lao động hoặc nhờ công đoàn, [kèm theo|có] hợp đồng và [phiếu lương|bảng lương] làm bằng chứng.",
            ),
            (
                "Thông tin của người phản ánh được giữ kín.",
                "Người phản ánh được giữ bí mật [danh tính|thông tin].",
            ),
        ),
    ),
    "Hỏi đáp: hợp đồng lao động một tháng có phải đóng BHXH bắt buộc không?": (
        "Tôi vừa ký hợp đồng {thang_ngan} tháng làm [phụ bếp|nhân viên bán hàng|bốc xếp ở kho] với mức lương {luong} đồng. Hợp đồng ngắn như vậy có phải đóng BHXH bắt buộc không?",
        (
            ("Có.", "Có, [phải đóng|thuộc diện đóng]."),
            (
                "Từ ngày 1/7/2025, Luật BHXH năm 2024 quy định người làm việc theo hợp đồng từ đủ một tháng trở lên thuộc diện tham gia BHXH bắt buộc, nên hợp đồng {thang_ngan} tháng của bạn [phải được đóng|cũng phải đóng].",
                "Luật BHXH năm 2024, áp dụng từ 1/7/2025, đưa người có hợp đồng lao động từ đủ một tháng [vào|trở lên vào] diện BHXH bắt buộc, vì vậy hợp đồng {thang_ngan} tháng [cũng không ngoại lệ|không nằm ngoài quy định này].",
            ),
            (
                "Với mức lương {luong} đồng, phần [trích từ lương của bạn|bạn đóng] vào quỹ hưu trí, tử tuất là 8%, tức {luong_8} đồng mỗi tháng; công ty đóng phần của mình [riêng|theo tỷ lệ quy định].",
                "[Lương|Mức lương] {luong} đồng thì mỗi tháng [bạn bị trích|phần của bạn là] 8% [cho|vào] quỹ hưu trí, tử tuất, [bằng|tức là] {luong_8} đồng, còn công ty [đóng thêm|tự đóng] phần [của công ty|thuộc về mình].",
            ),
            (
                "Bạn [nên|hãy] xem lại trên VssID sau [một tháng|vài tuần] để chắc công ty đã đăng ký.",
                "[Khoảng|Chừng] một tháng sau, bạn [mở|vào] VssID [kiểm tra|xem] công ty đã [báo tăng|đăng ký] cho mình [hay chưa|chưa].",
            ),
        ),
    ),
    "Hỏi đáp: chủ hộ kinh doanh đóng BHXH bắt buộc từ khi nào?": (
        "Gia đình tôi có [tiệm tạp hóa|quán ăn|cửa hàng vật liệu xây dựng] đăng ký hộ kinh doanh đã {nam} năm, thuê {so} người làm. Chủ hộ như tôi phải đóng BHXH bắt buộc từ khi nào?",
        (
            (
                "Luật BHXH năm 2024 đưa chủ hộ kinh doanh có đăng ký kinh doanh vào diện tham gia BHXH bắt buộc, [còn|nhưng] thời điểm áp dụng cho nhóm này theo lộ trình Chính phủ quy định; bạn [nên hỏi|hãy liên hệ] cơ quan BHXH nơi đăng ký kinh doanh để biết mốc [cụ thể|chính xác].",
                "Với chủ hộ kinh doanh có đăng ký, Luật BHXH năm 2024 [đã đưa vào|xếp vào] diện bắt buộc, song mốc [bắt đầu|áp dụng] do Chính phủ quy định theo lộ trình, [vì vậy|nên] [cách chắc chắn nhất|tốt nhất] là hỏi cơ quan BHXH nơi hộ đăng ký kinh doanh.",
            ),
            (
                "Riêng {so} người làm thuê có hợp đồng từ đủ một tháng trở lên thì hộ kinh doanh [phải đóng|có trách nhiệm đóng] BHXH bắt buộc cho họ ngay.",
                "Còn {so} người [bạn thuê|làm thuê cho hộ], nếu có hợp đồng từ đủ một tháng, thì [hộ kinh doanh|chủ hộ] phải đóng BHXH bắt buộc cho họ [từ nay|ngay từ tháng làm việc đầu tiên].",
            ),
            (
                "Trong lúc chờ, bạn [có thể|vẫn có thể] tham gia BHXH tự nguyện để [không gián đoạn|tích lũy thêm] thời gian đóng.",
                "[Chờ đến mốc đó|Trước mốc đó], bạn [nên|có thể] đóng BHXH tự nguyện để [cộng dồn|tích lũy] thời gian đóng.",
            ),
        ),
    ),
    "Hỏi đáp: tiền lương nào dùng để tính mức đóng BHXH bắt buộc?": (
        "Hợp đồng của tôi ghi lương {luong} đồng, [thêm|kèm] phụ cấp trách nhiệm {phu_cap} đồng [mỗi tháng|hằng tháng], ngoài ra còn thưởng theo doanh số. Công ty tính mức đóng BHXH trên khoản nào?",
        (
            (
                "Tiền lương [làm căn cứ đóng|tính đóng] BHXH bắt buộc gồm mức lương, phụ cấp lương và các khoản bổ sung [thỏa thuận|ghi] trong hợp đồng được trả thường xuyên, ổn định; thưởng theo doanh số [không tính vào|không thuộc] căn cứ đóng.",
                "[Căn cứ|Khoản] để tính đóng BHXH bắt buộc là mức lương cộng phụ cấp lương và các khoản bổ sung [ghi|thỏa thuận] trong hợp đồng, [trả|được trả] đều đặn [mỗi kỳ|hằng kỳ]; [thưởng doanh số|tiền thưởng theo doanh số] [thì không tính|không nằm trong căn cứ này].",
            ),
            (
                "Như vậy, lương {luong} đồng cùng phụ cấp {phu_cap} đồng, tổng {luong_phu_cap} đồng, phải được [đưa vào|tính vào] mức đóng của bạn, và mức này không được thấp hơn lương tối thiểu vùng.",
                "Ở trường hợp của bạn, [công ty phải đóng trên|mức đóng phải tính trên] {luong_phu_cap} đồng, [gồm|tức] lương {luong} đồng [và|cộng] phụ cấp {phu_cap} đồng, [không được|và không] thấp hơn lương tối thiểu vùng.",
            ),
            (
                "Nếu công ty chỉ đóng trên lương [cơ bản|chính], bạn [có quyền đề nghị|nên đề nghị] điều chỉnh.",
                "[Thấy|Nếu thấy] công ty chỉ đóng trên lương [cơ bản|chính], bạn [đề nghị|yêu cầu] [điều chỉnh|sửa lại] [là đúng|cho đúng].",
            ),
        ),
    ),
    "Hỏi đáp: chuyển sang công ty mới thì quá trình đóng BHXH có được cộng nối?": (
        "Tôi đã đóng BHXH {nam} năm ở công ty cũ, [tháng trước|đầu tháng {thang}] chuyển sang công ty mới. Quá trình đóng cũ có được cộng nối không, tôi cần làm gì?",
        (
            ("Có.", "Được [cộng nối|cộng dồn]."),
            (
                "Mỗi người chỉ có một mã số BHXH dùng [suốt đời|cho cả quá trình làm việc], nên {nam} năm đã đóng ở công ty cũ được cộng nối với thời gian đóng ở công ty mới.",
                "Mã số BHXH [của mỗi người|mỗi người có] là duy nhất, nên {nam} năm ở công ty cũ [tiếp tục được|được] [cộng dồn|nối] với thời gian đóng ở [chỗ làm mới|công ty mới].",
            ),
            (
                "Bạn [chỉ cần|chỉ việc] báo mã số BHXH cho công ty mới khi [làm hồ sơ|đăng ký tham gia], đồng thời [nhắc|đề nghị] công ty cũ báo giảm [đúng tháng|từ tháng] bạn nghỉ việc.",
                "[Việc của bạn|Bạn chỉ cần] [là|:] đưa mã số BHXH cho [phòng nhân sự|bộ phận nhân sự] công ty mới [và|rồi] [nhắc|đề nghị] công ty cũ [báo giảm|làm báo giảm] [đúng|theo] tháng bạn nghỉ.",
            ),
            (
                "Công ty mới đăng ký xong, bạn xem lại quá trình đóng trên VssID để chắc [không có|không bị] tháng nào trùng hay thiếu.",
                "Một hai tháng sau, bạn [mở|vào] VssID [kiểm tra|soát lại] [để chắc|xem] [không có tháng nào bị trùng|không trùng] hay thiếu.",
            ),
        ),
    ),
    "Hỏi đáp: đóng BHXH tự nguyện bao lâu thì được hưởng lương hưu?": (
        "Tôi {tuoi} tuổi, [buôn bán nhỏ|làm nông|chạy xe ôm công nghệ], trước đây làm công ty {nam} năm có đóng BHXH. Nếu đóng tiếp BHXH tự nguyện thì bao lâu mới được hưởng lương hưu?",
        (
            (
                "Theo Luật BHXH năm 2024, người tham gia được hưởng lương hưu khi đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng BHXH trở lên, [thay vì|không còn là] 20 năm như trước.",
                "Luật BHXH năm 2024 [hạ|giảm] số năm đóng tối thiểu để hưởng lương hưu từ 20 năm xuống 15 năm, [kèm|cùng] điều kiện đủ tuổi nghỉ hưu.",
            ),
            (
                "{nam} năm bạn đã đóng ở công ty được cộng với thời gian đóng tự nguyện, nên bạn [cần đóng thêm|còn phải đóng] {nam_thieu} năm nữa là đủ.",
                "[Thời gian|Quãng thời gian] {nam} năm đóng ở công ty [được|sẽ được] cộng [vào|với] thời gian đóng tự nguyện, [vậy|nên] bạn [đóng thêm|cần thêm] {nam_thieu} năm [là đủ 15 năm|nữa là đủ điều kiện].",
            ),
            (
                "Nếu đến tuổi nghỉ hưu mà còn thiếu [ít|không nhiều], bạn có thể đóng một lần cho số năm còn thiếu để hưởng lương hưu [ngay|luôn].",
                "Đến tuổi nghỉ hưu mà [vẫn|còn] thiếu [ít|một ít] thời gian, bạn [được|có thể] đóng một lần [cho phần còn thiếu|số năm thiếu] để hưởng lương hưu.",
            ),
        ),
    ),
    "Hỏi đáp: mức đóng BHXH tự nguyện thấp nhất mỗi tháng là bao nhiêu?": (
        "Tôi [bán hàng online|nhận may đồ tại nhà|làm thuê theo mùa vụ], thu nhập [bấp bênh|không ổn định], [có tháng|nhiều tháng] chỉ được khoảng {thu_nhap} đồng. Đóng BHXH tự nguyện thấp nhất mỗi tháng là bao nhiêu?",
        (
            (
                "Mức đóng bằng 22% thu nhập [bạn tự chọn|do bạn lựa chọn], và thu nhập chọn thấp nhất bằng chuẩn hộ nghèo khu vực nông thôn là 1.500.000 đồng, nên mức đóng thấp nhất là 330.000 đồng mỗi tháng.",
                "[Theo quy định|Theo luật], mức đóng BHXH tự nguyện bằng 22% thu nhập [tự chọn|do người tham gia chọn], thu nhập thấp nhất [được chọn|có thể chọn] bằng chuẩn hộ nghèo nông thôn 1.500.000 đồng, [tức|như vậy] mức thấp nhất là 330.000 đồng [một tháng|mỗi tháng].",
            ),
            (
                "Nhà nước hỗ trợ 20% [mức đóng đó|số này] cho người không thuộc hộ nghèo, cận nghèo, nên [phần bạn tự đóng|bạn chỉ phải bỏ ra] 264.000 đồng.",
                "[Trừ|Trừ đi] 20% Nhà nước hỗ trợ cho người không thuộc hộ nghèo, cận nghèo, [bạn tự đóng|số bạn tự đóng là] 264.000 đồng [mỗi tháng|một tháng].",
            ),
            (
                "Với thu nhập khoảng {thu_nhap} đồng, bạn [có thể|nên] chọn mức thấp [trước|lúc đầu] rồi nâng dần khi [làm ăn|thu nhập] ổn định hơn.",
                "[Thu nhập|Với thu nhập] [chừng|khoảng] {thu_nhap} đồng, [nên|bạn nên] bắt đầu ở mức thấp [và|rồi] tăng dần [lúc|khi] [công việc|thu nhập] ổn định.",
            ),
        ),
    ),
    "Hỏi đáp: người đóng BHXH tự nguyện được Nhà nước hỗ trợ bao nhiêu?": (
        "Nhà tôi [thuộc hộ cận nghèo|là hộ cận nghèo] [ở quê|của xã], tôi {tuoi} tuổi, [làm nông|làm thuê] và muốn đóng BHXH tự nguyện. Nhà nước hỗ trợ bao nhiêu?",
        (
            (
                "Nhà nước hỗ trợ theo tỷ lệ của mức đóng tính trên chuẩn hộ nghèo khu vực nông thôn: 50% với người thuộc hộ nghèo, 40% với hộ cận nghèo và 20% với [các đối tượng khác|người khác].",
                "[Mức hỗ trợ|Phần Nhà nước hỗ trợ] tính theo [tỷ lệ|phần trăm] [trên|của] mức đóng theo chuẩn hộ nghèo nông thôn: hộ nghèo 50%, hộ cận nghèo 40%, [người khác|các đối tượng còn lại] 20%.",
            ),
            (
                "Là hộ cận nghèo, bạn được hỗ trợ 132.000 đồng mỗi tháng, nếu chọn mức thấp nhất thì chỉ còn tự đóng 198.000 đồng.",
                "[Hộ cận nghèo như|Thuộc hộ cận nghèo như] nhà bạn [được|sẽ được] hỗ trợ 132.000 đồng [mỗi tháng|một tháng], [chọn|nếu chọn] mức thấp nhất thì bạn [tự đóng|chỉ đóng] 198.000 đồng.",
            ),
            (
                "[Một số|Nhiều] địa phương còn hỗ trợ thêm từ ngân sách riêng, bạn [nên hỏi|hãy hỏi] nhân viên thu ở xã [xem|để biết] nơi mình ở có khoản hỗ trợ này không.",
                "[Ngoài ra|Bên cạnh đó], [có địa phương|nhiều tỉnh] hỗ trợ thêm [bằng|từ] ngân sách [riêng|của tỉnh], bạn [hỏi|có thể hỏi] nhân viên thu ở xã [để biết|xem] [nơi mình|địa phương mình] có [hay không|không].",
            ),
        ),
    ),
    "Hỏi đáp: đóng BHXH tự nguyện theo quý hay theo năm thì thuận tiện hơn?": (
        "Tôi [trồng cà phê|nuôi tôm|làm nông], [tiền thu về theo mùa|chỉ có tiền sau mỗi vụ], định đóng BHXH tự nguyện với mức thu nhập {thu_nhap} đồng. Nên đóng theo quý hay theo năm?",
        (
            (
                "Bạn [được chọn|có thể chọn] đóng hằng tháng, 3 tháng, 6 tháng, 12 tháng một lần, hoặc đóng trước một lần cho nhiều năm.",
                "[Có năm cách đóng|Bạn có năm lựa chọn]: hằng tháng, 3 tháng, 6 tháng, 12 tháng [một lần|một lượt], hoặc đóng [trước|một lần] cho nhiều năm.",
            ),
            (
                "Với mức thu nhập {thu_nhap} đồng, mỗi tháng phải đóng {dong_thang} đồng, nên đóng theo quý là {dong_quy} đồng, theo năm là {dong_nam} đồng, [chưa trừ|trước khi trừ] phần Nhà nước hỗ trợ.",
                "[Chọn|Với] thu nhập {thu_nhap} đồng, [số tiền đóng|tiền đóng] mỗi tháng là {dong_thang} đồng, [vậy|nên] [theo quý|mỗi quý] [bạn đóng|là] {dong_quy} đồng [còn|và] [cả năm|theo năm] là {dong_nam} đồng, chưa [tính|trừ] hỗ trợ của Nhà nước.",
            ),
            (
                "Người có tiền theo mùa vụ [thường chọn|hay chọn] đóng 6 tháng hoặc 12 tháng ngay sau khi bán [nông sản|sản phẩm], [vừa chủ động|vừa đỡ phải nhớ] hạn đóng.",
                "Làm [nông|theo mùa vụ] thì [đóng 6 tháng hay 12 tháng|đóng theo năm hoặc nửa năm] [sau mỗi vụ thu hoạch|lúc vừa bán xong nông sản] [là tiện nhất|thường tiện hơn], [không phải|đỡ phải] [lo|nhớ] hạn đóng [mỗi tháng|hằng tháng].",
            ),
        ),
    ),
    "Hỏi đáp: đang đóng BHXH tự nguyện có tạm dừng được không?": (
        "Tôi đóng BHXH tự nguyện được {nam} năm, năm nay [làm ăn thua lỗ|mẹ ốm nặng|con vào đại học] nên [khó khăn|kẹt tiền]. Có tạm dừng đóng được không, sau này đóng tiếp có [mất gì|thiệt gì] không?",
        (
            ("Được.", "[Có thể tạm dừng|Tạm dừng được]."),
            (
                "BHXH tự nguyện không bắt buộc đóng liên tục; khi tạm dừng, {nam} năm bạn đã đóng vẫn được [bảo lưu|giữ nguyên] và cộng nối khi bạn đóng tiếp.",
                "[Người tham gia|Người đóng] BHXH tự nguyện [không bắt buộc phải|không phải] đóng liên tục, {nam} năm [bạn đóng|đã đóng] [được giữ lại|được bảo lưu] [và|rồi] cộng tiếp [khi|lúc] bạn đóng lại.",
            ),
            (
                "Bạn chỉ cần báo với nhân viên thu hoặc cơ quan BHXH nơi [đang đóng|mình đóng]; khi [có điều kiện|khó khăn qua đi], bạn đăng ký đóng lại và có thể chọn mức thu nhập [mới|khác] cho phù hợp.",
                "[Khi tạm dừng|Muốn tạm dừng], bạn báo [nhân viên thu|đại lý thu] hoặc cơ quan BHXH; [lúc|khi] [thu xếp được|ổn định lại], bạn đăng ký đóng tiếp, [được|có thể] chọn mức thu nhập [khác|mới].",
            ),
            (
                "[Cần nhớ|Bạn nên nhớ] thời gian tạm dừng không được tính là thời gian đóng, nên [mốc|thời điểm] đủ 15 năm sẽ lùi lại tương ứng.",
                "Chỉ [có điều|cần nhớ] [những tháng|thời gian] tạm dừng không [được tính|tính] [vào|là] thời gian đóng, nên [mốc|thời điểm] đủ 15 năm [sẽ lùi lại|lùi lại] [tương ứng|bấy nhiêu].",
            ),
        ),
    ),
    "Hỏi đáp: thẻ BHYT hộ gia đình hết hạn thì gia hạn ở đâu?": (
        "Thẻ BHYT của {so} người trong nhà tôi hết hạn [từ cuối tháng trước|mấy hôm nay]. Gia hạn ở đâu, cả nhà phải đóng bao nhiêu?",
        (
            (
                "Bạn [có thể|nên] gia hạn tại điểm thu BHYT ở xã, bưu điện, hoặc trực tuyến trên VssID, Cổng Dịch vụ công quốc gia.",
                "[Nơi gia hạn|Chỗ gia hạn] [gồm|có] điểm thu BHYT ở xã, bưu điện, hoặc [làm trực tuyến|gia hạn trực tuyến] qua VssID, Cổng Dịch vụ công quốc gia.",
            ),
            (
                "Người thứ nhất đóng 4,5% mức lương cơ sở, tức 105.300 đồng mỗi tháng; người thứ hai, thứ ba, thứ tư đóng lần lượt 70%, 60%, 50% mức của người thứ nhất, từ người thứ năm là 40%, nên {so} người nhà bạn đóng [tổng cộng|cả thảy] {ca_nha} đồng cho 12 tháng.",
                "[Mức đóng|Tiền đóng] [tính|được tính] [giảm dần|giảm trừ] theo hộ: người thứ nhất 4,5% lương cơ sở, [bằng|tức] 105.300 đồng [một tháng|mỗi tháng], người thứ hai 70%, thứ ba 60%, thứ tư 50% [số đó|mức này], từ người thứ năm 40%, [tổng cộng|cộng lại] {so} người nhà bạn [đóng|hết] {ca_nha} đồng [một năm|cho 12 tháng].",
            ),
            (
                "[Nên|Hãy] gia hạn sớm để thẻ [nối tiếp|liền mạch] và quyền lợi không bị gián đoạn.",
                "[Gia hạn sớm|Đóng sớm] [thì|để] thẻ [liền|nối liền], quyền lợi [không gián đoạn|liên tục].",
            ),
        ),
    ),
    "Hỏi đáp: đi khám trái tuyến thì BHYT chi trả bao nhiêu?": (
        "Tôi đăng ký khám ban đầu ở trạm y tế xã, [tháng trước|vừa rồi] [đau bụng|sốt cao|bị ngã] phải [vào|đến] bệnh viện tỉnh, tổng chi phí {vien_phi} đồng. Như vậy là trái tuyến, BHYT trả bao nhiêu?",
        (
            (
                "Từ ngày 1/7/2025, Luật BHYT sửa đổi [không còn chia tuyến|bỏ cách chia tuyến] mà tính theo cấp chuyên môn: khám ở cơ sở cấp ban đầu, cấp cơ bản [ở bất kỳ đâu|trong cả nước] được hưởng như đúng nơi đăng ký. Ở bệnh viện cấp tỉnh, [nằm viện|điều trị nội trú] không đúng nơi đăng ký vẫn được quỹ trả theo mức hưởng [ghi trên thẻ|của thẻ], còn khám ngoại trú thì [chỉ được hưởng một phần|mức hưởng thấp hơn], trừ trường hợp cấp cứu.",
                "Luật BHYT sửa đổi, [hiệu lực|áp dụng] từ 1/7/2025, [không dùng khái niệm tuyến nữa|bỏ khái niệm tuyến] mà [xếp|chia] cơ sở theo cấp chuyên môn; [đi khám|khám] ở cấp ban đầu, cấp cơ bản [ở tỉnh nào|nơi nào] cũng được hưởng như [đúng nơi đăng ký|nơi đăng ký ban đầu], còn ở bệnh viện cấp tỉnh không đúng nơi đăng ký thì [nội trú|nằm viện] được [trả|hưởng] theo mức của thẻ, ngoại trú [chỉ được một phần|được hưởng thấp hơn], [trừ|ngoại trừ] cấp cứu.",
            ),
            (
                "Nếu [lúc khám|khi vào viện] bạn xuất trình thẻ BHYT hoặc căn cước, bệnh viện [đã tính|đã trừ] phần quỹ BHYT trả [vào|trên] hóa đơn {vien_phi} đồng, bạn chỉ trả phần còn lại.",
                "[Lúc|Khi] [làm thủ tục|nhập viện] bạn [xuất trình|đưa] thẻ BHYT hoặc căn cước thì [phần BHYT trả|phần quỹ chi trả] [đã được trừ|được trừ] [vào|trên] hóa đơn {vien_phi} đồng, bạn [trả|chỉ thanh toán] phần [chênh|còn lại].",
            ),
        ),
    ),
    "Hỏi đáp: khám bệnh bằng căn cước thay thẻ BHYT được không?": (
        "Tôi [làm mất|để quên] thẻ BHYT giấy, [tuần sau|sắp tới] phải đi tái khám [huyết áp|tiểu đường|dạ dày] ở [bệnh viện huyện|trung tâm y tế]. Dùng căn cước thay thẻ BHYT được không?",
        (
            ("Được.", "[Dùng được|Được nhé]."),
            (
                "Khi khám chữa bệnh BHYT, bạn [chỉ cần|có thể] xuất trình căn cước gắn chip hoặc tài khoản định danh điện tử VNeID mức 2; cơ sở khám chữa bệnh tra thông tin thẻ [qua|bằng] số định danh cá nhân, không cần thẻ giấy.",
                "[Bây giờ|Hiện nay], [đi khám BHYT|khám BHYT] [chỉ cần|có thể dùng] căn cước gắn chip hoặc VNeID mức 2, [bệnh viện|cơ sở y tế] [tra|tìm] thông tin thẻ [theo|bằng] số định danh [của bạn|cá nhân], [thẻ giấy|mất thẻ giấy] không [còn|] [là vấn đề|bắt buộc].",
            ),
            (
                "Trước khi đi tái khám, bạn [nên|hãy] mở VssID hoặc VNeID [xem|kiểm tra] thẻ còn hạn và thông tin có khớp với căn cước không; nếu [lệch|sai], [báo|đề nghị] cơ quan BHXH [điều chỉnh|sửa] trước để [khỏi|không bị] vướng khi làm thủ tục.",
                "[Trước buổi tái khám|Trước hôm tái khám], bạn [vào|mở] VssID hoặc VNeID [xem|kiểm tra] thẻ [còn hạn|có còn hạn] [và|,] thông tin [trùng|khớp] với căn cước [chưa|không]; [có sai lệch|nếu lệch] thì [đề nghị|báo] cơ quan BHXH [sửa|điều chỉnh] [sớm|trước].",
            ),
        ),
    ),
    "Hỏi đáp: sinh viên mua BHYT ở trường hay ở địa phương?": (
        "Con tôi học năm [nhất|hai|ba] đại học ở [thành phố|tỉnh khác], ở quê cả nhà {so} người đang tham gia BHYT hộ gia đình. Cháu nên mua BHYT ở trường hay ở địa phương?",
        (
            (
                "Sinh viên tham gia BHYT theo nhóm học sinh, sinh viên, [đóng qua|nộp tại] trường đang học và được ngân sách hỗ trợ một phần mức đóng, nên [đỡ tốn hơn|rẻ hơn] mua theo hộ gia đình.",
                "[Sinh viên|Người học đại học] [tham gia|đóng] BHYT [theo|ở] nhóm học sinh, sinh viên [tại|qua] trường, [được|có] ngân sách hỗ trợ một phần, [nên|vì thế] [rẻ hơn|đỡ hơn] mua theo hộ.",
            ),
            (
                "Nếu cháu đang có thẻ [trong danh sách|theo] hộ gia đình, khi thẻ hết hạn thì [gia đình không gia hạn|nhà mình thôi gia hạn] cho cháu mà để cháu tham gia ở trường, tránh đóng trùng; {so_con_lai} người còn lại vẫn được giảm trừ mức đóng theo hộ. Ở xa nhà, cháu [đăng ký|chọn] nơi khám ban đầu gần trường hoặc nơi trọ cho tiện.",
                "[Thẻ|Nếu thẻ] [hộ gia đình|theo hộ] của cháu [còn hạn thì cứ dùng|còn hạn thì dùng hết hạn], [sau đó|hết hạn thì] [gia đình|nhà mình] [bỏ tên cháu|không gia hạn cho cháu] [khỏi|trong] danh sách hộ [và|để] cháu [đóng|tham gia] ở trường, [tránh|không bị] đóng trùng; {so_con_lai} người [ở nhà|còn lại] [vẫn|tiếp tục] được giảm trừ theo hộ. Cháu [nên|có thể] [chọn|đăng ký] nơi khám ban đầu gần [trường|chỗ trọ].",
            ),
        ),
    ),
    "Hỏi đáp: có thẻ BHYT 5 năm liên tục được quyền lợi gì?": (
        "Tôi [có thẻ BHYT liên tục|tham gia BHYT không gián đoạn] đã {nam_bhyt} năm, [năm nay|mấy tháng nay] điều trị [tim mạch|thoái hóa khớp|suy thận] phải tự trả phần cùng chi trả [khá nhiều|không ít]. Tham gia 5 năm liên tục được quyền lợi gì?",
        (
            (
                "Người tham gia BHYT 5 năm liên tục trở lên, khi số tiền cùng chi trả trong năm vượt 6 tháng lương cơ sở, tức 14.040.000 đồng, thì được quỹ BHYT thanh toán 100% chi phí trong phạm vi quyền lợi cho [thời gian còn lại|phần còn lại] của năm, khi khám chữa bệnh đúng quy định.",
                "[Quyền lợi|Ưu đãi] [chính|lớn nhất] là miễn cùng chi trả: [có|tham gia] BHYT 5 năm liên tục trở lên [và|mà] [tiền|số tiền] cùng chi trả trong năm vượt 6 tháng lương cơ sở, [bằng|tức] 14.040.000 đồng, thì [phần còn lại của năm|từ đó đến hết năm] quỹ BHYT [trả|thanh toán] 100% chi phí trong phạm vi quyền lợi, [khi|nếu] khám chữa bệnh đúng quy định.",
            ),
            (
                "Bạn đã có {nam_bhyt} năm liên tục, nên [hãy giữ|giữ lại] hóa đơn, chứng từ cùng chi trả rồi mang đến cơ quan BHXH [để đề nghị|đề nghị] cấp giấy miễn cùng chi trả [trong năm|cho năm nay].",
                "{nam_bhyt} năm liên tục [là|thì bạn] [đã đủ điều kiện|đủ điều kiện], [bạn|hãy] [gom|giữ] [hóa đơn|chứng từ] cùng chi trả [lại|trong năm] [rồi nộp|và nộp] cho cơ quan BHXH [để được cấp|xin cấp] giấy miễn cùng chi trả.",
            ),
        ),
    ),
    "Hỏi đáp: nghỉ việc bao lâu thì làm hồ sơ trợ cấp thất nghiệp?": (
        "Tôi [nghỉ việc|chấm dứt hợp đồng] ngày {ngay_nghi}, đã đóng bảo hiểm thất nghiệp {nam} năm [và chưa có việc mới|, hiện chưa tìm được việc]. Phải nộp hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu?",
        (
            (
                "Bạn phải nộp hồ sơ cho trung tâm dịch vụ việc làm trong vòng 3 tháng kể từ ngày chấm dứt hợp đồng, tức [chậm nhất|hạn cuối] là ngày {han_nop}; quá hạn thì không được hưởng lần này, thời gian đóng được bảo lưu cho lần sau.",
                "[Hạn nộp|Thời hạn nộp] hồ sơ [cho|tại] trung tâm dịch vụ việc làm là 3 tháng [tính từ|kể từ] ngày [chấm dứt hợp đồng|nghỉ việc], [với bạn là|tức] [đến hết|chậm nhất] ngày {han_nop}; [nộp muộn|quá hạn] thì [lần này|đợt này] không được hưởng, thời gian đóng [được|sẽ được] bảo lưu.",
            ),
            (
                "Hồ sơ gồm đơn đề nghị và [bản chụp|bản sao] quyết định thôi việc hoặc giấy tờ chứng minh đã chấm dứt hợp đồng, [có thể|bạn có thể] nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "[Cần|Bạn cần] đơn đề nghị [và|cùng] [bản chụp|bản sao] quyết định thôi việc hoặc giấy tờ [chứng minh|xác nhận] đã chấm dứt hợp đồng, nộp [trực tiếp|tại trung tâm] hoặc qua Cổng Dịch vụ công quốc gia.",
            ),
            (
                "Với {nam} năm đóng, bạn được hưởng {thang_huong} tháng trợ cấp.",
                "{nam} năm đóng [cho bạn|ứng với] {thang_huong} tháng [trợ cấp|hưởng].",
            ),
        ),
    ),
    "Hỏi đáp: đang hưởng trợ cấp thất nghiệp mà có việc mới thì báo thế nào?": (
        "Tôi đang nhận trợ cấp thất nghiệp tháng thứ {thang_da_huong} trong {thang_huong} tháng được duyệt, nay [vừa tìm được|đã nhận] việc [mới|ở công ty khác]. Tôi phải báo thế nào?",
        (
            (
                "Bạn phải thông báo với trung tâm dịch vụ việc làm nơi đang hưởng [ngay khi|kể từ khi] có việc làm, kèm [bản chụp|bản sao] hợp đồng lao động mới, để [dừng|chấm dứt] hưởng trợ cấp.",
                "[Có việc làm|Đã có việc mới] thì bạn [báo|thông báo] [cho|với] trung tâm dịch vụ việc làm nơi [hưởng trợ cấp|nhận trợ cấp] [ngay|sớm], [gửi|nộp] [kèm|theo] [bản chụp|bản sao] hợp đồng mới để [dừng|chấm dứt] hưởng.",
            ),
            (
                "{thang_con_lai} tháng trợ cấp còn lại chưa nhận [không mất đi|không bị mất] mà thời gian đóng tương ứng được bảo lưu, cộng dồn cho lần hưởng sau.",
                "[Số|Những] tháng [chưa hưởng|còn lại], ở đây là {thang_con_lai} tháng, [không mất|không bị mất]: thời gian đóng [ứng với|tương ứng] [được|sẽ được] bảo lưu [cho lần sau|để cộng dồn lần sau].",
            ),
            (
                "Nếu [không báo|giấu việc mới] mà vẫn tiếp tục hưởng, bạn sẽ phải trả lại khoản đã hưởng không đúng quy định.",
                "[Còn nếu|Nếu] [vẫn hưởng|tiếp tục hưởng] [sau khi|lúc] đã đi làm, bạn phải trả lại [khoản hưởng sai|những tháng hưởng sai] [vì đó là hưởng sai chế độ|theo quy định].",
            ),
        ),
    ),
    "Hỏi đáp: mức trợ cấp thất nghiệp mỗi tháng được tính ra sao?": (
        "Sáu tháng [trước khi nghỉ|cuối cùng] tôi đóng bảo hiểm thất nghiệp trên mức lương {luong} đồng, [tổng cộng|tính ra] đã đóng {nam} năm. Mỗi tháng tôi được nhận trợ cấp bao nhiêu?",
        (
            (
                "Mức trợ cấp hằng tháng bằng 60% bình quân tiền lương đóng bảo hiểm thất nghiệp của 6 tháng liền kề trước khi [nghỉ việc|thất nghiệp], nhưng không quá 5 lần lương tối thiểu vùng.",
                "[Trợ cấp|Tiền trợ cấp] mỗi tháng [bằng|tính bằng] 60% [bình quân|mức bình quân] tiền lương đóng bảo hiểm thất nghiệp [của|trong] 6 tháng [liền kề|gần nhất] trước khi nghỉ, [tối đa|không vượt quá] 5 lần lương tối thiểu vùng.",
            ),
            (
                "Với mức lương {luong} đồng, bạn được khoảng {tro_cap} đồng mỗi tháng.",
                "[Lương|Mức lương đóng] {luong} đồng [thì|nghĩa là] [bạn nhận|mỗi tháng bạn nhận] [chừng|khoảng] {tro_cap} đồng.",
            ),
            (
                "{nam} năm đóng [cho bạn|tương ứng với] {thang_huong} tháng hưởng: đóng đủ 12 đến 36 tháng được 3 tháng trợ cấp, sau đó cứ đóng thêm 12 tháng thì được thêm 1 tháng, tối đa 12 tháng.",
                "[Số tháng hưởng|Thời gian hưởng] [tính theo|phụ thuộc] [thời gian đóng|số năm đóng]: 12 đến 36 tháng [đóng|] được 3 tháng, [mỗi|cứ thêm] 12 tháng [đóng thêm|nữa] [cộng|được thêm] 1 tháng, tối đa 12 tháng, [vậy|nên] {nam} năm [của bạn|đóng] [là|được] {thang_huong} tháng.",
            ),
        ),
    ),
    "Hỏi đáp: đang hưởng trợ cấp thất nghiệp có được học nghề miễn phí không?": (
        "Tôi {tuoi} tuổi, [nghỉ việc ở xưởng gỗ|mất việc ở công ty may|thôi làm ở nhà máy điện tử], đang hưởng trợ cấp thất nghiệp {thang_huong} tháng. Tôi muốn học [nghề điện công nghiệp|nghề sửa chữa ô tô|nghề nấu ăn] thì có được hỗ trợ học phí không?",
        (
            ("Có.", "[Được hỗ trợ|Có hỗ trợ]."),
            (
                "Người đang hưởng trợ cấp thất nghiệp có nhu cầu học nghề được hỗ trợ chi phí học nghề theo mức và thời gian quy định, trong lúc [học|đi học] vẫn hưởng trợ cấp {thang_huong} tháng như [bình thường|đã duyệt].",
                "Chính sách bảo hiểm thất nghiệp [có khoản|dành khoản] hỗ trợ học nghề cho người đang hưởng trợ cấp [có nhu cầu học|muốn học nghề], theo mức và thời gian quy định; [trong thời gian học|lúc đi học] bạn [vẫn|tiếp tục] hưởng [đủ|trợ cấp] {thang_huong} tháng [trợ cấp|đã duyệt].",
            ),
            (
                "Bạn [đăng ký|đề nghị] với trung tâm dịch vụ việc làm nơi đang hưởng, chọn cơ sở đào tạo [được trung tâm giới thiệu|trong danh sách của trung tâm]; nếu học phí cao hơn mức hỗ trợ thì [phần chênh lệch|khoản chênh] bạn tự trả.",
                "[Bạn|Hãy] [đăng ký|nộp đề nghị] [tại|ở] trung tâm dịch vụ việc làm [nơi hưởng|nơi nhận trợ cấp] [và|rồi] chọn [trường|cơ sở dạy nghề] [trung tâm giới thiệu|trong danh sách]; [học phí|chi phí] [vượt|cao hơn] mức hỗ trợ thì bạn [bù|tự trả] [phần dôi ra|phần chênh].",
            ),
        ),
    ),
    "Hỏi đáp: tự ý nghỉ việc có được hưởng trợ cấp thất nghiệp không?": (
        "Tôi làm [công nhân|kế toán|thủ kho] theo hợp đồng không xác định thời hạn, đóng bảo hiểm thất nghiệp đã {nam} năm, [nay|giờ] muốn nghỉ [để về quê|để chăm con nhỏ|vì chuyển chỗ ở] nhưng công ty chưa đồng ý. Tự ý nghỉ thì có được hưởng trợ cấp thất nghiệp không?",
        (
            (
                "[Còn tùy cách nghỉ|Tùy cách bạn nghỉ].",
                "[Điều này|Việc này] [phụ thuộc vào|tùy vào] cách [bạn|] nghỉ.",
            ),
            (
                "Nếu đơn phương chấm dứt hợp đồng trái pháp luật, [chẳng hạn|ví dụ] nghỉ ngang không báo trước, bạn không được hưởng trợ cấp thất nghiệp.",
                "[Nghỉ|Bỏ việc] [trái pháp luật|sai luật], [như|ví dụ] [nghỉ ngang|tự bỏ] [mà|,] không báo trước, thì [không được|mất quyền] hưởng trợ cấp thất nghiệp.",
            ),
            (
                "Với hợp đồng không xác định thời hạn, bạn [chỉ cần|cần] báo trước cho công ty ít nhất 45 ngày là nghỉ đúng luật, không cần công ty đồng ý; khi đó, {nam} năm đóng giúp bạn được hưởng {thang_huong} tháng trợ cấp, nếu nộp hồ sơ trong 3 tháng và chưa có việc làm mới.",
                "[Hợp đồng|Với hợp đồng] không xác định thời hạn, [luật chỉ yêu cầu|bạn chỉ phải] báo trước [cho công ty|] ít nhất 45 ngày, [công ty đồng ý hay không|dù công ty không đồng ý] [cũng không ảnh hưởng|thì vẫn là nghỉ đúng luật]; [nghỉ đúng như vậy|như thế], {nam} năm đóng [cho bạn|giúp bạn được] {thang_huong} tháng trợ cấp, [miễn là|nếu] [bạn|] nộp hồ sơ trong 3 tháng và chưa có việc [mới|làm mới].",
            ),
        ),
    ),
    "Hỏi đáp: lương hưu tháng này chuyển vào tài khoản ngày nào?": (
        "Tôi nghỉ hưu được {nam} năm, nhận lương hưu qua tài khoản ngân hàng. Tháng {thang} này [tôi chưa thấy|vẫn chưa thấy] tiền về, không biết [chuyển vào ngày nào|ngày nào mới chuyển]?",
        (
            (
                "Lương hưu qua tài khoản được chuyển theo lịch chi trả hằng tháng do BHXH tỉnh [công bố|thông báo], thường [trong những ngày đầu tháng|trong tuần đầu của tháng]; [gặp|vào dịp] ngày nghỉ, lễ, Tết thì lịch có thể [sớm hơn|thay đổi].",
                "[Mỗi tỉnh|BHXH từng tỉnh] [có|công bố] lịch chi trả [riêng|hằng tháng]; [tiền|lương hưu] qua tài khoản [thường|phần lớn] [về|được chuyển] [trong|vào] [mấy ngày đầu tháng|tuần đầu tháng], [lệch|thay đổi] [đôi chút|một chút] [khi|lúc] [trùng|gặp] ngày nghỉ, lễ, Tết.",
            ),
            (
                "Lịch tháng {thang} [được niêm yết|có] tại điểm chi trả, UBND xã và trên VssID.",
                "[Lịch|Lịch chi trả] tháng {thang} [có|được đăng] trên VssID [và|,] niêm yết [ở|tại] điểm chi trả, UBND xã.",
            ),
            (
                "Nếu đã qua ngày chi trả mà chưa thấy tiền, bạn [hãy|nên] xem mục chi trả trên VssID, rồi liên hệ cơ quan BHXH nơi [đang hưởng|nhận lương hưu] hoặc ngân hàng để [kiểm tra|được kiểm tra] giao dịch.",
                "[Quá|Qua] ngày [đó|chi trả] [mà|vẫn] [không thấy|chưa thấy] tiền, bạn [xem|tra] [lại|mục chi trả] trên VssID [trước|], [sau đó|rồi] [hỏi|liên hệ] cơ quan BHXH nơi [hưởng|nhận lương hưu] hoặc ngân hàng [để kiểm tra|kiểm tra] giao dịch.",
            ),
        ),
    ),
    "Hỏi đáp: người hưởng lương hưu chuyển nơi ở thì làm thủ tục gì?": (
        "Bố tôi {tuoi_gia} tuổi, đang nhận lương hưu ở [quê|tỉnh cũ], nay chuyển về ở với [con|gia đình tôi] tại [thành phố|tỉnh khác]. Phải làm thủ tục gì để nhận lương hưu ở nơi mới?",
        (
            (
                "Ông [nộp|làm] đơn đề nghị chuyển nơi hưởng lương hưu tại cơ quan BHXH nơi [chuyển đến|ở mới] hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, [kèm|mang theo] căn cước; không cần về lại nơi cũ.",
                "[Bố bạn|Ông] [chỉ cần|cần] [làm|nộp] đơn [đề nghị|xin] chuyển nơi hưởng [ở|tại] cơ quan BHXH nơi [ở mới|đang ở] hoặc [nộp|gửi] qua Cổng Dịch vụ công quốc gia, [mang|kèm] căn cước, [không phải|khỏi phải] [quay về|về] [quê|tỉnh cũ].",
            ),
            (
                "Nếu ông nhận qua tài khoản thì [có thể|ông có thể] giữ nguyên tài khoản đó, việc chi trả [không bị gián đoạn|vẫn liên tục]; nếu lĩnh bằng tiền mặt, cơ quan BHXH nơi mới [sẽ báo|báo] điểm và ngày nhận.",
                "[Đang|Nếu] nhận qua tài khoản thì [giữ|cứ giữ] tài khoản [cũ|đó], [lương hưu|tiền] [về|chuyển về] [liên tục|không gián đoạn]; [lĩnh|còn lĩnh] tiền mặt thì [BHXH nơi mới|cơ quan BHXH mới] [hẹn|báo] [địa điểm|điểm] và ngày nhận.",
            ),
            (
                "Thẻ BHYT của ông cũng được đổi nơi khám ban đầu [theo nơi ở mới|cho thuận tiện].",
                "[Nơi khám ban đầu|Nơi đăng ký khám ban đầu] [trên thẻ BHYT|của thẻ BHYT] [cũng|] [được đổi|đổi] [sang|về] [nơi mới|gần nhà mới].",
            ),
        ),
    ),
    "Hỏi đáp: ủy quyền cho con nhận lương hưu thay cần giấy tờ gì?": (
        "Mẹ tôi {tuoi_gia} tuổi, [đi lại khó khăn|sức khỏe yếu], muốn ủy quyền cho tôi nhận lương hưu thay. Cần giấy tờ gì?",
        (
            (
                "Mẹ bạn [lập|làm] giấy ủy quyền theo mẫu của cơ quan BHXH, có chứng thực của UBND xã nơi cư trú hoặc văn phòng công chứng, ghi rõ thời hạn ủy quyền.",
                "[Giấy tờ cần có|Cần] [là|:] giấy ủy quyền [theo mẫu|đúng mẫu] của cơ quan BHXH do mẹ bạn [ký|lập], [được|có] [UBND xã nơi cư trú|văn phòng công chứng] chứng thực, [ghi|nêu] rõ thời hạn ủy quyền.",
            ),
            (
                "Mỗi lần lĩnh thay, bạn [mang|xuất trình] giấy ủy quyền [cùng|và] căn cước của mình; hết thời hạn mà mẹ vẫn cần người nhận thay thì làm giấy ủy quyền mới.",
                "[Khi|Lúc] [lĩnh thay|nhận thay lương hưu], bạn [mang|đưa] giấy ủy quyền và căn cước [của bạn|của mình]; [hết hạn|giấy hết hạn] [thì|mà mẹ còn cần] [làm|lập] giấy [mới|khác].",
            ),
            (
                "[Nếu được|Nếu tiện], [chuyển sang|đăng ký] nhận qua tài khoản của mẹ thì [tiện hơn|đỡ hơn], tiền về [đúng lịch|tự động] và không phải ủy quyền [lại|nhiều lần].",
                "[Tiện hơn cả|Đơn giản hơn] là [chuyển sang|đăng ký] nhận qua tài khoản [mang tên|của] mẹ: [tiền|lương hưu] [tự về|về đúng lịch], [khỏi|không cần] ủy quyền [mỗi lần|nhiều lần].",
            ),
        ),
    ),
    "Hỏi đáp: người hưởng lương hưu có được cấp thẻ BHYT không?": (
        "Tôi mới nghỉ hưu từ tháng {thang_truoc}, lương hưu khoảng {luong_huu} đồng [mỗi tháng|một tháng]. Người hưởng lương hưu có được cấp thẻ BHYT không, có phải tự mua không?",
        (
            (
                "Có, và bạn không phải tự mua.",
                "[Được cấp|Có, được cấp], [không phải mua|không cần tự mua].",
            ),
            (
                "Người hưởng lương hưu được quỹ BHXH đóng BHYT, mức đóng bằng 4,5% lương hưu, tức khoảng {bhyt_huu} đồng mỗi tháng với lương hưu {luong_huu} đồng của bạn.",
                "[Quỹ BHXH|Cơ quan BHXH] [đóng BHYT|đóng thay BHYT] cho người hưởng lương hưu [bằng|với mức] 4,5% lương hưu; [lương hưu|với lương hưu] {luong_huu} đồng [thì|,] [mỗi tháng|quỹ] [đóng|trả] [chừng|khoảng] {bhyt_huu} đồng [cho bạn|thay bạn].",
            ),
            (
                "Thẻ được cấp [khi|từ khi] có quyết định hưởng lương hưu; khám chữa bệnh đúng quy định, bạn được quỹ trả 95% chi phí trong phạm vi quyền lợi.",
                "[Thẻ|Thẻ BHYT] [có từ|có ngay từ] [lúc|khi] [có quyết định|ra quyết định] hưởng lương hưu, [khám chữa bệnh|đi khám] đúng quy định [được|thì được] [quỹ trả|thanh toán] 95% chi phí [trong|thuộc] phạm vi quyền lợi.",
            ),
            (
                "Bạn [có thể|nên] xem thẻ [và nơi khám ban đầu|cùng nơi đăng ký khám] trên VssID.",
                "[Xem thẻ|Bạn xem thẻ] [trên|ở] VssID [là|thì] [thấy|biết] [cả|] nơi khám ban đầu.",
            ),
        ),
    ),
    "Hỏi đáp: lương hưu, trợ cấp BHXH chi trả vào ngày mấy hằng tháng?": (
        "Bà tôi {tuoi_gia} tuổi, nhận trợ cấp BHXH [bằng tiền mặt|tại điểm chi trả ở xã], [tháng nào|mỗi tháng] cũng phải hỏi hàng xóm [ngày nhận|lịch nhận]. Lương hưu, trợ cấp chi trả vào ngày mấy hằng tháng?",
        (
            (
                "Không có một ngày chung cho cả nước: mỗi tỉnh công bố lịch chi trả [riêng|của mình], thường [kéo dài|trong] vài ngày đầu tháng, tại các điểm chi trả ở xã do bưu điện [thực hiện|đảm nhận].",
                "[Ngày chi trả|Lịch chi trả] [không giống nhau|khác nhau] [giữa các tỉnh|ở mỗi tỉnh]: BHXH tỉnh [công bố|thông báo] [lịch|lịch chi trả] [hằng tháng|từng tháng], [thường|phần lớn] [vào|trong] [mấy ngày đầu tháng|những ngày đầu tháng], [do|với] bưu điện [chi trả|trả tiền] [tại|ở] điểm chi trả của xã.",
            ),
            (
                "Lịch tháng {thang} được niêm yết tại điểm chi trả và UBND xã, [đồng thời|cũng] có trên VssID.",
                "[Lịch|Lịch chi trả] tháng {thang} [dán|niêm yết] [ở|tại] điểm chi trả, UBND xã và [có|đăng] trên VssID.",
            ),
            (
                "Để bà [không phải nhớ ngày|khỏi phải đi lại], gia đình có thể [đề nghị|đăng ký] chuyển sang nhận qua tài khoản: tiền về đúng lịch mà không phải [xếp hàng|chờ đợi].",
                "[Gia đình có thể|Nhà mình có thể] [đăng ký|chuyển] [cho bà|] nhận qua tài khoản, [tiền|lương] [tự về|về] đúng lịch, bà [khỏi|không phải] [đi lại|xếp hàng].",
            ),
        ),
    ),
    "Hỏi đáp: công ty nợ đóng BHXH thì người lao động có được chốt sổ không?": (
        "Tôi nghỉ việc [từ tháng trước|được mấy tuần], công ty còn nợ BHXH {no_thang} tháng [cuối|gần nhất] nên [chưa chốt sổ|không chốt sổ] cho tôi. Tôi có được chốt sổ không?",
        (
            ("Có.", "[Được|Có được]."),
            (
                "Theo Luật BHXH năm 2024, khi nghỉ việc, người lao động [được|vẫn được] cơ quan BHXH xác nhận thời gian đã đóng dù công ty còn nợ; {no_thang} tháng nợ [được ghi nhận|được tính] sau khi công ty đóng bù, kèm tiền lãi chậm đóng.",
                "[Luật BHXH năm 2024|Theo Luật BHXH năm 2024], [dù|kể cả khi] công ty [còn nợ|chưa đóng đủ], [người lao động nghỉ việc|khi nghỉ việc bạn] [vẫn được|được] cơ quan BHXH xác nhận [thời gian đã đóng|quá trình đóng]; [phần|{no_thang} tháng] nợ [sẽ được|được] [ghi nhận|tính] [khi|sau khi] công ty đóng bù [cả|kèm] tiền lãi.",
            ),
            (
                "Bạn [đề nghị|yêu cầu] công ty làm thủ tục xác nhận; nếu công ty [không thực hiện|chây ỳ], bạn gửi đơn đến cơ quan BHXH nơi công ty tham gia hoặc thanh tra lao động để được [can thiệp|giải quyết].",
                "Bạn [yêu cầu|đề nghị] công ty [làm|hoàn tất] thủ tục [xác nhận|chốt sổ]; công ty [không làm|chây ỳ] thì [gửi đơn|làm đơn] [tới|đến] cơ quan BHXH [quản lý công ty|nơi công ty đóng] hoặc thanh tra lao động.",
            ),
        ),
    ),
    "Hỏi đáp: doanh nghiệp chậm đóng BHXH bị xử lý thế nào?": (
        "Công ty tôi có {so_ld} người, [đã chậm|chậm] đóng BHXH {no_thang} tháng nay [dù|trong khi] vẫn trừ tiền đóng vào lương hằng tháng. Doanh nghiệp như vậy bị xử lý thế nào?",
        (
            (
                "Chậm đóng thì doanh nghiệp phải đóng đủ số còn nợ và nộp thêm tiền lãi bằng 0,03% mỗi ngày trên số tiền chậm đóng, [đồng thời|ngoài ra] bị phạt tiền theo quy định; đơn vị [cố tình không đóng|vẫn không đóng] sau khi đã được đôn đốc bị coi là trốn đóng và có thể bị truy cứu trách nhiệm hình sự.",
                "[Công ty chậm đóng|Chậm đóng] [phải|bị buộc] đóng đủ [số nợ|tiền nợ], [cộng|kèm] tiền lãi 0,03% [một ngày|mỗi ngày] [tính|] trên số tiền chậm đóng, [và|đồng thời] bị phạt tiền; [đã bị|được] đôn đốc [mà|rồi mà] [vẫn không đóng|không đóng] thì [bị xem là|là] trốn đóng, [có thể bị|có khả năng bị] truy cứu trách nhiệm hình sự.",
            ),
            (
                "Việc trừ lương {no_thang} tháng của {so_ld} người mà không nộp là vi phạm rõ ràng; bạn và đồng nghiệp [nên|hãy] báo công đoàn cơ sở và cơ quan BHXH nơi công ty đóng để được [kiểm tra|xử lý].",
                "[Trừ|Khấu trừ] tiền [của|lương của] {so_ld} người [suốt|trong] {no_thang} tháng [mà|nhưng] không nộp [là|thì là] [vi phạm|sai phạm] [rõ|nghiêm trọng]; [các bạn|bạn và đồng nghiệp] [nên|hãy] [báo|phản ánh với] công đoàn cơ sở [và|cùng với] cơ quan BHXH [quản lý công ty|nơi công ty đóng].",
            ),
        ),
    ),
    "Hỏi đáp: công ty chậm đóng BHXH thì quyền lợi của người lao động ra sao?": (
        "Vợ tôi [sắp sinh|vừa sinh con] mà công ty [đang nợ|chậm đóng] BHXH {no_thang} tháng. Chế độ thai sản của vợ tôi có [bị ảnh hưởng|được giải quyết] không?",
        (
            (
                "Luật BHXH năm 2024 quy định rõ trách nhiệm của công ty: chậm đóng thì phải đóng đủ kèm tiền lãi và bảo đảm quyền lợi của người lao động; nếu vì công ty nợ {no_thang} tháng mà vợ bạn chưa được giải quyết thai sản, công ty phải chịu trách nhiệm về quyền lợi đó.",
                "[Trách nhiệm thuộc về công ty|Công ty phải chịu trách nhiệm]: [theo|với] Luật BHXH năm 2024, [chậm đóng|nợ] [thì|là] phải đóng đủ [cả|kèm] tiền lãi và [bảo đảm|lo đủ] quyền lợi [cho|của] người lao động; [vợ bạn chưa được giải quyết thai sản|nếu chế độ thai sản của vợ bạn bị chậm] [vì|do] {no_thang} tháng nợ [thì|,] công ty phải [chịu trách nhiệm|lo] [quyền lợi đó|khoản đó].",
            ),
            (
                "Bạn [nên đề nghị|hãy đề nghị] công ty lập hồ sơ thai sản [ngay|sớm]; nếu công ty [né tránh|không làm], [gửi đơn|hãy gửi đơn] đến cơ quan BHXH quản lý công ty hoặc [công đoàn|công đoàn cơ sở] để được [hỗ trợ|can thiệp].",
                "[Trước hết|Bạn] [đề nghị|yêu cầu] công ty [lập|làm] hồ sơ thai sản [sớm|ngay]; [công ty né tránh|nếu công ty lảng tránh] thì [gửi đơn|làm đơn] [tới|đến] cơ quan BHXH [quản lý|nơi] công ty hoặc công đoàn [để được hỗ trợ|để được can thiệp].",
            ),
        ),
    ),
    "Hỏi đáp: công ty nợ BHXH thì thẻ BHYT của người lao động còn dùng được không?": (
        "Công ty [tôi|chỗ tôi làm] nợ BHXH, BHYT {no_thang} tháng, [tôi nghe nói|nghe đồng nghiệp bảo] thẻ BHYT sẽ bị khóa. Tôi [đang điều trị|chuẩn bị đi khám] [viêm dạ dày|sỏi thận|huyết áp], thẻ còn dùng được không?",
        (
            (
                "Thẻ BHYT vẫn dùng được trong thời hạn [ghi trên thẻ|của thẻ].",
                "[Trong thời hạn|Còn hạn] [ghi trên thẻ|của thẻ] thì [thẻ|thẻ BHYT] [vẫn dùng được|dùng bình thường].",
            ),
            (
                "Luật BHYT sửa đổi, có hiệu lực từ ngày 1/7/2025, quy định khi đơn vị chậm đóng thì quyền lợi khám chữa bệnh của người lao động vẫn được bảo đảm, còn công ty phải đóng đủ {no_thang} tháng nợ kèm tiền lãi.",
                "[Theo|Với] Luật BHYT sửa đổi, [có hiệu lực|áp dụng] từ 1/7/2025, [đơn vị chậm đóng|công ty nợ] [không làm mất|không ảnh hưởng đến] quyền lợi khám chữa bệnh của người lao động; công ty [phải|buộc phải] đóng đủ {no_thang} tháng [nợ|còn thiếu] [kèm|và] tiền lãi.",
            ),
            (
                "Bạn [cứ|vẫn] đi khám bằng thẻ hoặc căn cước như bình thường; nếu cơ sở y tế báo thẻ [có vấn đề|bị gián đoạn], [hãy liên hệ|liên hệ] ngay cơ quan BHXH nơi công ty đóng.",
                "[Bạn|Cứ] [đi khám|khám] bằng thẻ hoặc căn cước [như thường|bình thường]; [cơ sở y tế|bệnh viện] [báo|nói] thẻ [có vấn đề|gián đoạn] thì [liên hệ|gọi] [ngay|sớm] cơ quan BHXH [nơi công ty đóng|quản lý công ty].",
            ),
        ),
    ),
    "Hỏi đáp: doanh nghiệp khó khăn có được giãn thời hạn nợ đóng BHXH không?": (
        "[Xưởng|Công ty] của tôi có {so_ld} lao động, [đơn hàng giảm mạnh|mất khách hàng lớn] [từ đầu năm|mấy tháng nay], đang nợ BHXH {no_thang} tháng. Doanh nghiệp khó khăn có được giãn thời hạn đóng không?",
        (
            (
                "[Không có|Hiện không có] chính sách giãn thời hạn cho khoản đã nợ: công ty phải đóng đủ, kèm tiền lãi chậm đóng.",
                "[Khoản đã nợ|Số nợ] [không được giãn|không có cơ chế giãn]: [công ty|doanh nghiệp] [phải đóng đủ|vẫn phải đóng hết], [cộng|kèm] tiền lãi chậm đóng.",
            ),
            (
                "Tuy nhiên, Luật BHXH năm 2024 cho phép đơn vị gặp khó khăn do nguyên nhân khách quan, khi đáp ứng điều kiện về số lao động phải nghỉ việc hoặc thiệt hại tài sản, được tạm dừng đóng vào quỹ hưu trí, tử tuất tối đa 12 tháng.",
                "[Điều có thể làm|Điều doanh nghiệp có thể đề nghị] là tạm dừng đóng vào quỹ hưu trí, tử tuất [trong|tối đa] 12 tháng: Luật BHXH năm 2024 cho phép [điều này|việc này] [với|đối với] đơn vị gặp khó khăn [vì|do] nguyên nhân khách quan, [đáp ứng|nếu đạt] điều kiện về [số lao động phải nghỉ việc|lao động phải nghỉ việc] hoặc thiệt hại tài sản.",
            ),
            (
                "Bạn [nên làm việc|hãy làm việc] với cơ quan BHXH quản lý [để được hướng dẫn|để xem] điều kiện cụ thể, đồng thời lập kế hoạch trả dần {no_thang} tháng nợ cho {so_ld} lao động.",
                "[Bạn|Công ty bạn] [nên|hãy] [gặp|làm việc với] cơ quan BHXH quản lý [để|mà] [xem|hỏi] điều kiện [cụ thể|chi tiết], [song song|đồng thời] [lên|lập] [lộ trình|kế hoạch] trả [hết|dần] {no_thang} tháng nợ [của|cho] {so_ld} lao động.",
            ),
        ),
    ),
    "Hỏi đáp: cách xem quá trình đóng BHXH trên VssID": (
        "Tôi [mới cài|vừa cài] VssID, đã đăng nhập được nhưng [chưa biết|không biết] xem quá trình đóng BHXH {nam} năm qua ở đâu?",
        (
            (
                "Đăng nhập xong, bạn chọn mục Quản lý cá nhân, rồi chọn Quá trình tham gia; ứng dụng hiện từng giai đoạn đóng BHXH, bảo hiểm thất nghiệp [kèm|với] tên đơn vị và mức lương đóng.",
                "[Bạn vào|Trong VssID, bạn vào] [mục|phần] Quản lý cá nhân, [chọn|bấm] Quá trình tham gia [là thấy|sẽ thấy] [từng giai đoạn|các giai đoạn] đóng BHXH, bảo hiểm thất nghiệp, [có|cùng] tên đơn vị [và|,] mức lương đóng.",
            ),
            (
                "Bạn [có thể|nên] chọn giai đoạn để xem lại đủ {nam} năm; nếu thấy tháng nào [thiếu|không có] hoặc sai mức lương, hãy [báo|đề nghị] đơn vị hoặc cơ quan BHXH nơi đóng [kiểm tra lại|đối chiếu].",
                "[Chọn|Lọc] [từ năm|theo năm] [để|là] xem [đủ|hết] {nam} năm; [tháng nào|có tháng] [thiếu|không có] hoặc [lương đóng sai|sai lương], bạn [đề nghị|báo] đơn vị hoặc cơ quan BHXH [kiểm tra|rà lại].",
            ),
            (
                "Dữ liệu [thường|có thể] cập nhật chậm vài ngày sau khi đơn vị [nộp tiền|đóng tiền].",
                "[Dữ liệu mới|Số liệu] [có thể|thường] [chậm|trễ] [vài ngày|mấy ngày] [so với lúc|sau lúc] đơn vị đóng tiền.",
            ),
        ),
    ),
    "Hỏi đáp: đăng ký tài khoản VssID bằng căn cước có cần ra bưu điện không?": (
        "Tôi {tuoi} tuổi, [nghe nói|có người bảo] muốn đăng ký VssID phải ra bưu điện [làm hồ sơ|nộp tờ khai]. Tôi đã có căn cước gắn chip và tài khoản VNeID, có cần đi không?",
        (
            ("Không cần.", "[Không phải đi|Không cần ra bưu điện]."),
            (
                "Người đã có tài khoản định danh điện tử VNeID mức 2 [có thể|được] đăng nhập VssID bằng chính tài khoản [này|đó], không phải đến bưu điện hay cơ quan BHXH.",
                "[Có|Đã có] VNeID mức 2 thì [bạn|] đăng nhập VssID [bằng|luôn bằng] tài khoản [định danh|định danh điện tử] [đó|ấy], không phải [đến|ra] bưu điện hay cơ quan BHXH.",
            ),
            (
                "Bạn mở VssID, chọn đăng nhập bằng tài khoản định danh điện tử, [xác nhận|rồi xác nhận] trên ứng dụng VNeID là [xong|dùng được ngay].",
                "[Trên|Ở] VssID, [chọn|bấm] đăng nhập bằng tài khoản định danh điện tử, [rồi|sau đó] xác nhận [trong|bằng] ứng dụng VNeID [là dùng được|là xong].",
            ),
            (
                "Nếu tài khoản VNeID của bạn mới ở mức 1, [hãy đến|bạn đến] công an xã nơi cư trú, mang theo căn cước gắn chip để [nâng lên|kích hoạt] mức 2.",
                "[VNeID|Tài khoản VNeID] [mới|chỉ] ở mức 1 thì [bạn|] [mang|cầm] căn cước gắn chip [đến|ra] công an xã [để|xin] [nâng|lên] mức 2.",
            ),
        ),
    ),
    "Hỏi đáp: thẻ BHYT trên VssID có dùng thay thẻ giấy khi đi khám không?": (
        "[Tôi sắp|Tuần sau tôi] đi khám ở [bệnh viện huyện|phòng khám đa khoa khu vực], [thẻ giấy đã cũ|thẻ giấy bị nhòe chữ] [sau {nam} năm dùng|vì dùng đã {nam} năm]. Thẻ BHYT trên VssID có dùng thay thẻ giấy được không?",
        (
            ("Được.", "[Dùng được|Được]."),
            (
                "Cơ sở khám chữa bệnh chấp nhận hình ảnh thẻ BHYT trên VssID khi [làm thủ tục khám|đăng ký khám], [giá trị|có giá trị] như thẻ giấy; bạn cũng có thể dùng căn cước gắn chip hoặc VNeID.",
                "[Hình ảnh thẻ|Thẻ BHYT] trên VssID [được|được các] cơ sở khám chữa bệnh [chấp nhận|công nhận] [như thẻ giấy|thay thẻ giấy], [ngoài ra|bên cạnh đó] [căn cước gắn chip|căn cước] hoặc VNeID [cũng dùng được|cũng được chấp nhận].",
            ),
            (
                "Trước khi đi, bạn mở mục Thẻ BHYT trên VssID, kiểm tra [hạn sử dụng|thời hạn] và nơi đăng ký khám ban đầu; [nên|hãy] mở sẵn ứng dụng vì [ở|tại] bệnh viện [sóng điện thoại|mạng] có lúc [yếu|chậm].",
                "[Hôm đi khám|Trước khi đi], [mở|bạn mở] [mục|phần] Thẻ BHYT [trên|trong] VssID [xem|kiểm tra] [thời hạn|hạn sử dụng] [và|cùng] nơi đăng ký khám ban đầu, [mở ứng dụng trước|mở sẵn ứng dụng] [phòng|vì] [mạng ở bệnh viện|sóng ở bệnh viện] [có lúc yếu|hay chập chờn].",
            ),
        ),
    ),
    "Hỏi đáp: VssID hiện sai quá trình đóng thì đề nghị sửa ở đâu?": (
        "Trên VssID, quá trình đóng của tôi thiếu {no_thang} tháng năm {nam_truoc}, [dù|trong khi] [phiếu lương|bảng lương] tháng nào cũng [trừ|có trừ] tiền BHXH. Tôi đề nghị sửa ở đâu?",
        (
            (
                "Bạn [báo|đề nghị] đơn vị đóng BHXH cho mình [năm {nam_truoc}|trong thời gian đó] kiểm tra trước, vì [phần lớn|đa số] trường hợp thiếu tháng là do đơn vị [chậm đóng|chưa nộp tiền] hoặc kê khai sai.",
                "[Trước tiên|Đầu tiên], [đề nghị|báo] đơn vị [đóng BHXH cho bạn|bạn làm việc] năm {nam_truoc} [kiểm tra|rà soát], [vì|do] [thiếu tháng|tháng bị thiếu] [thường|hay] [do|là do] đơn vị [chưa nộp tiền|chậm đóng] hoặc [kê khai|báo] sai.",
            ),
            (
                "Nếu đơn vị đã đóng đủ, [họ sẽ|đơn vị sẽ] lập hồ sơ điều chỉnh gửi cơ quan BHXH; [nếu|trường hợp] đơn vị không [giải quyết|phối hợp], bạn mang [phiếu lương|bảng lương] {no_thang} tháng đó đến cơ quan BHXH nơi đơn vị đóng [để được|đề nghị] kiểm tra.",
                "[Đơn vị đã đóng đủ|Nếu đã đóng đủ] thì [họ|đơn vị] [làm|lập] hồ sơ điều chỉnh [gửi|nộp] cơ quan BHXH; [đơn vị không phối hợp|đơn vị không giải quyết] thì [bạn|] [mang|đem] [phiếu lương|bảng lương] {no_thang} tháng [đó|bị thiếu] [đến|tới] cơ quan BHXH [nơi đơn vị đóng|quản lý đơn vị] [đề nghị kiểm tra|để kiểm tra].",
            ),
            (
                "Điều chỉnh xong, dữ liệu trên VssID [tự cập nhật|sẽ được cập nhật].",
                "[Sửa|Điều chỉnh] xong, VssID [tự cập nhật|sẽ hiện đúng].",
            ),
        ),
    ),
    "Hỏi đáp: một số điện thoại đăng ký VssID cho hai người được không?": (
        "Bố mẹ tôi [đã|năm nay] {tuoi_gia} tuổi, [không dùng|không có] điện thoại thông minh. Tôi dùng chung số điện thoại của mình để đăng ký VssID cho cả tôi và [bố|mẹ] được không?",
        (
            ("Không được.", "[Không đăng ký được|Không dùng chung được]."),
            (
                "Mỗi tài khoản VssID [gắn với|cần] số điện thoại riêng để xác thực, nên [bố hoặc mẹ bạn|người nhà bạn] cần [số khác|số điện thoại của mình], kể cả [sim|số] lắp trong máy [thường|không phải điện thoại thông minh].",
                "[Mỗi số điện thoại|Mỗi số máy] chỉ [gắn với|dùng cho] [một tài khoản VssID|một tài khoản] [để xác thực|khi xác thực], [vì vậy|nên] [bố hoặc mẹ bạn|người nhà bạn] [phải có|cần] số [riêng|khác], [máy thường|điện thoại phổ thông] [cũng được|vẫn được].",
            ),
            (
                "Nếu bố mẹ đã có VNeID mức 2, [có thể|bạn có thể] mở VssID bằng tài khoản định danh của bố mẹ trên điện thoại của bạn [khi cần xem|mỗi khi cần tra cứu], không cần tạo tài khoản mới.",
                "[Bố mẹ|Ông bà] [có|đã có] VNeID mức 2 thì [bạn|] [mở|vào] VssID [bằng|với] tài khoản định danh [của bố mẹ|của họ] [ngay trên|trên] điện thoại [của bạn|của mình] [khi cần|lúc cần] [tra cứu|xem], [khỏi|không phải] tạo tài khoản [mới|riêng].",
            ),
        ),
    ),
    "Hỏi đáp: Tháng vận động BHXH toàn dân năm nay có những hoạt động gì?": (
        "Tôi {tuoi} tuổi, [làm nghề tự do|buôn bán ở chợ], [nghe|thấy] loa phát thanh xã nhắc Tháng vận động triển khai BHXH toàn dân. [Đợt này|Tháng này] có những hoạt động gì cho người dân?",
        (
            (
                "Trong Tháng vận động, cơ quan BHXH phối hợp với chính quyền xã tổ chức hội nghị tư vấn ở khu dân cư, đối thoại với người lao động, tuyên truyền lưu động và [tư vấn|hướng dẫn] tại nhà cho những hộ chưa tham gia; nhiều nơi [còn trao tặng|trao] sổ BHXH tự nguyện, thẻ BHYT cho hộ khó khăn.",
                "[Trong Tháng vận động|Trong tháng này], cơ quan BHXH [cùng|phối hợp] chính quyền xã [mở|tổ chức] hội nghị tư vấn [tại|ở] khu dân cư, [gặp gỡ|đối thoại với] người lao động, [đi|làm] tuyên truyền lưu động [và|,] [vận động|tư vấn] [tại nhà|từng nhà] cho hộ chưa tham gia; [không ít nơi|nhiều nơi] [tặng|trao] sổ BHXH tự nguyện, thẻ BHYT cho hộ [khó khăn|nghèo].",
            ),
            (
                "Bạn [nên theo dõi|hãy nghe] thông báo của [thôn, tổ dân phố|trưởng thôn] để biết lịch hội nghị gần nhà; đến dự [không mất phí|miễn phí], [nên|hãy] mang căn cước nếu muốn đăng ký BHXH tự nguyện ngay.",
                "[Lịch hội nghị|Lịch] [gần nhà|ở thôn] [được|sẽ được] [thông báo|báo] [qua|trên] [loa|loa truyền thanh] [hoặc|và] [trưởng thôn|tổ dân phố]; [đi dự|đến nghe] [không mất tiền|miễn phí], [mang|nhớ mang] căn cước [để|nếu muốn] đăng ký BHXH tự nguyện [luôn|tại chỗ].",
            ),
        ),
    ),
    "Hỏi đáp: muốn được tư vấn BHXH trực tiếp ở xã thì hỏi ai?": (
        "Tôi {tuoi} tuổi, [làm thuê theo mùa vụ|buôn bán ở chợ], muốn [tìm hiểu|hỏi kỹ về] BHXH tự nguyện nhưng [không rành|không quen dùng] điện thoại. Ở xã thì hỏi ai để được tư vấn trực tiếp?",
        (
            (
                "Bạn có thể hỏi nhân viên tổ chức dịch vụ thu BHXH, BHYT ở xã, [thường là|phần lớn là] người [ở ngay|sống tại] địa phương, hoặc [đến|ra] bưu điện xã, bộ phận một cửa của UBND xã.",
                "[Người gần nhất|Người dễ hỏi nhất] là nhân viên [thu BHXH, BHYT|tổ chức dịch vụ thu] [ở|của] xã, [thường|hay] [sống|ở] [ngay|] [trong|tại] [thôn|địa phương]; [ngoài ra|hoặc] [bạn|] [có thể|] [hỏi|đến] bưu điện xã [hay|hoặc] bộ phận một cửa [của|ở] UBND xã.",
            ),
            (
                "Cán bộ [sẽ|có thể] tính cho bạn mức đóng theo thu nhập lựa chọn và số năm [cần đóng|phải đóng] để có lương hưu; ở tuổi {tuoi}, bạn còn [đủ thời gian|kịp] đóng đủ 15 năm trước tuổi nghỉ hưu.",
                "[Họ|Nhân viên thu] [sẽ|có thể] [tính|tính thử] mức đóng [theo|với] thu nhập [bạn chọn|lựa chọn] [và|cùng] số năm [phải đóng|cần đóng] [để có|để hưởng] lương hưu; {tuoi} tuổi [thì|,] [bạn|] [vẫn|còn] [kịp|đủ thời gian] đóng [đủ|] 15 năm [trước|trước tuổi] nghỉ hưu.",
            ),
            (
                "Các hội nghị tư vấn ở khu dân cư [cũng|thì] [được tổ chức|diễn ra] định kỳ, lịch [thông báo|báo] trên loa truyền thanh xã.",
                "[Hội nghị tư vấn|Các buổi tư vấn] [ở|tại] khu dân cư [diễn ra|tổ chức] [định kỳ|thường xuyên], [lịch|thông báo] [phát|có] trên loa [truyền thanh|phát thanh] xã.",
            ),
        ),
    ),
    "Hỏi đáp: hội nghị tư vấn BHXH, BHYT ở khu dân cư có cần đăng ký trước không?": (
        "[Thôn|Khu phố] tôi [sắp tổ chức|thông báo] hội nghị tư vấn BHXH, BHYT vào [tối|sáng] [thứ Bảy|Chủ nhật] tuần này. Tôi muốn [đi|đến] nghe [với|cùng với] {so_con_lai} người trong nhà, có cần đăng ký trước không?",
        (
            (
                "Không cần đăng ký trước: hội nghị [mở cho|dành cho] mọi người dân [trong khu vực|quan tâm] và không thu phí.",
                "[Không phải|Không cần] đăng ký [trước|]: hội nghị [dành cho|mở cho] [mọi người|người dân] [quan tâm|trong khu vực], [không thu tiền|miễn phí].",
            ),
            (
                "Bạn và {so_con_lai} người nhà cứ đến [đúng giờ|theo giờ trong thông báo], [nên|hãy] mang căn cước và thẻ BHYT [hiện có|cũ] để được tra cứu quá trình tham gia, đăng ký BHXH tự nguyện hay gia hạn BHYT ngay tại hội nghị.",
                "Bạn [cùng|và] {so_con_lai} người [trong nhà|nhà mình] [đến đúng giờ|cứ đến theo giờ thông báo], [mang|nhớ mang] căn cước [và|cùng] thẻ BHYT [hiện có|cũ] [để|thì] [được|có thể] tra quá trình tham gia, [đăng ký|làm] BHXH tự nguyện hoặc gia hạn BHYT [luôn|tại hội nghị].",
            ),
            (
                "[Câu hỏi riêng|Nếu có câu hỏi riêng], bạn có thể [gặp|trao đổi với] cán bộ sau phần tư vấn chung.",
                "[Có điều|Điều] [muốn hỏi riêng|cần hỏi riêng] thì [gặp|trao đổi với] cán bộ [sau|khi kết thúc] phần [chung|tư vấn chung].",
            ),
        ),
    ),
    "Hỏi đáp: Ngày BHYT Việt Nam 1/7 có buổi tư vấn nào cho người dân không?": (
        "[Dịp|Nhân dịp] Ngày BHYT Việt Nam 1/7, [xã tôi|ở địa phương tôi] có buổi tư vấn nào không? Gia đình tôi {so} người, thẻ BHYT [sắp hết hạn|hết hạn cuối tháng này], muốn [hỏi|được hướng dẫn] cách gia hạn.",
        (
            ("Có.", "[Thường là có|Có nhé]."),
            (
                "[Quanh|Vào dịp] Ngày BHYT Việt Nam 1/7, cơ quan BHXH các địa phương thường tổ chức truyền thông lưu động và [bàn tư vấn|điểm tư vấn] tại chợ, khu dân cư, lịch cụ thể [được thông báo|đăng] trên loa truyền thanh xã và trang thông tin của BHXH tỉnh. Ở đó, gia đình bạn được [hướng dẫn|hỗ trợ] gia hạn BHYT hộ gia đình ngay: {so} người được giảm trừ mức đóng từ người thứ hai, [cả nhà đóng|tổng cộng] {ca_nha} đồng cho 12 tháng.",
                "[Dịp|Vào dịp] 1/7, BHXH các [tỉnh|địa phương] [hay|thường] [tổ chức|mở] [truyền thông lưu động|buổi tư vấn lưu động] [và|,] [đặt|kê] [bàn tư vấn|điểm tư vấn] [ở|tại] chợ, khu dân cư, [lịch|thời gian] [đăng|thông báo] trên [loa truyền thanh|loa] xã [và|,] trang thông tin [của|] BHXH tỉnh; [tại đó|ở đó] [bạn|gia đình bạn] [được|sẽ được] [hướng dẫn|hỗ trợ] gia hạn BHYT hộ gia đình, {so} người [được giảm trừ|giảm dần] [từ người thứ hai|mức đóng từ người thứ hai], [cả năm|12 tháng] [hết|tổng] {ca_nha} đồng.",
            ),
        ),
    ),
    "Hỏi đáp: buổi tuyên truyền BHXH ở xã có nhận đăng ký BHYT hộ gia đình không?": (
        "[Chủ nhật này|Tuần sau] xã tôi có buổi tuyên truyền BHXH. Gia đình tôi {so} người chưa có thẻ BHYT, [có thể|muốn] đăng ký BHYT hộ gia đình ngay [tại đó|ở buổi đó] [được không|không]?",
        (
            (
                "Thường là có: các buổi tuyên truyền ở xã [hay|thường] [bố trí|có] bàn của tổ chức dịch vụ thu để nhận đăng ký BHYT hộ gia đình và BHXH tự nguyện [ngay tại chỗ|tại chỗ].",
                "[Thông thường|Phần lớn] buổi tuyên truyền ở xã [có|bố trí] bàn [của|] [tổ chức dịch vụ thu|nhân viên thu] [nhận|để nhận] đăng ký BHYT hộ gia đình [và|,] BHXH tự nguyện [tại chỗ|ngay].",
            ),
            (
                "Bạn mang căn cước của {so} người trong nhà; mức đóng 12 tháng [cho cả nhà|của cả gia đình] là {ca_nha} đồng, [đã tính|có tính] giảm trừ từ người thứ hai.",
                "[Mang|Bạn mang] căn cước [của|cho] {so} người [trong nhà|trong gia đình]; [12 tháng|cả năm] [cả nhà|gia đình] đóng {ca_nha} đồng, [đã|có] [giảm trừ|tính giảm] từ người thứ hai.",
            ),
            (
                "[Cần nhớ|Bạn nhớ là] thẻ tham gia lần đầu có giá trị sau 30 ngày kể từ ngày đóng tiền.",
                "[Nhớ là|Cần nhớ] thẻ [mua lần đầu|tham gia lần đầu] [có giá trị|dùng được] sau 30 ngày [kể từ|tính từ] ngày đóng tiền.",
            ),
        ),
    ),
}


# How the asker speaks of themself and how the answer addresses them, one pair per post: forum
# askers write "tôi", "mình" or "em", and answers call them "bạn", "anh/chị" or "em".
_PERSONS = (("tôi", "bạn"), ("tôi", "anh/chị"), ("mình", "bạn"), ("em", "bạn"), ("em", "em"))
# Around the asker's case and around the answer, as forum posts open and close.
_ASK_OPENINGS = (
    "",
    "Cho tôi hỏi một việc.",
    "Nhờ mọi người tư vấn.",
    "Tôi có thắc mắc muốn hỏi.",
    "Tôi mới tham gia diễn đàn, xin hỏi một chuyện.",
)
_ASK_CLOSINGS = (
    "",
    "Cảm ơn mọi người.",
    "Xin cảm ơn.",
    "Mong được trả lời sớm.",
    "Cảm ơn ban quản trị.",
)
_GREETINGS = (
    "",
    "Chào {ban}.",
    "Cảm ơn {ban} đã gửi câu hỏi.",
    "Xin trả lời {ban} như sau.",
    "Câu hỏi của {ban} cũng là thắc mắc của nhiều người.",
)
_CLOSINGS = (
    "",
    "Chúc {ban} sớm làm xong thủ tục.",
    "Nếu còn vướng mắc, {ban} có thể liên hệ cơ quan BHXH gần nhất để được hướng dẫn thêm.",
    "Hy vọng thông tin trên hữu ích với {ban}.",
    "Chúc {ban} và gia đình mạnh khỏe.",
)
_WORD = r"(?<![^\W\d_]){}(?![^\W\d_])"


def forum_text(rng: random.Random, question: str, asker: str, when: datetime) -> str:
    """The post's text: the asker's case and the answer to `question`, worded per post."""
    ask, sentences = ANSWERS[question]
    figures = _figures(rng, when)
    me, you = rng.choice(_PERSONS)
    greeting, closing = rng.choice(_GREETINGS), rng.choice(_CLOSINGS)
    case = (
        rng.choice(_ASK_OPENINGS),
        worded(rng, ask).format(**figures),
        rng.choice(_ASK_CLOSINGS),
    )
    asked = _person(" ".join(part for part in case if part), "tôi", me)
    answer = " ".join(worded(rng, rng.choice(versions)) for versions in sentences)
    answered = " ".join(part for part in (greeting, answer.format(**figures), closing) if part)
    text = reword(
        rng,
        f"Bạn {asker} hỏi: {asked}\n\nTrả lời: {_person(answered.replace('{ban}', 'bạn'), 'bạn', you)}",
    )
    # A wording left empty ("[bạn|]") leaves two spaces, or one before a comma.
    return re.sub(r" {2,}", " ", text).replace(" ,", ",").replace(" :", ":")


def _person(text: str, word: str, replacement: str) -> str:
    """`word` ("tôi", "bạn") as `replacement`, with its capital where it opens a sentence."""
    text = re.sub(_WORD.format(word), replacement, text)
    return re.sub(_WORD.format(word.capitalize()), replacement.capitalize(), text)


def _figures(rng: random.Random, when: datetime) -> dict[str, str]:
    """The asker's own figures, and what the rules make of them."""
    nam = rng.randint(2, 12)  # years paid in
    so = rng.randint(2, 6)  # people in the household
    luong = rng.randint(52, 168) * 100_000
    thu_nhap = rng.randint(15, 45) * 100_000
    luong_huu = rng.randint(38, 120) * 100_000
    phu_cap = rng.randint(3, 15) * 100_000
    months = min(12, max(3, nam))  # 3 months for 12-36 paid, one more per 12 after, at most 12
    left = when.date() - timedelta(days=rng.randint(3, 40))
    paid = rng.randint(2, months - 1)
    return {
        "nam": str(nam),
        "nam_thieu": str(15 - nam),
        "nam_bhyt": str(rng.randint(5, 14)),
        "nam_truoc": str(when.year - 1),
        "tuoi": str(rng.randint(24, 52)),
        "tuoi_gia": str(rng.randint(63, 86)),
        "thang": str(when.month),
        "thang_truoc": str(12 if when.month == 1 else when.month - 1),
        "thang_lam": str(rng.randint(2, 11)),
        "thang_ngan": str(rng.randint(1, 6)),
        "thang_huong": str(months),
        "thang_da_huong": str(paid),
        "thang_con_lai": str(months - paid),
        "no_thang": str(rng.randint(2, 9)),
        "so": str(so),
        "so_con_lai": str(so - 1),
        "so_ld": str(rng.randint(8, 240)),
        "luong": _money(luong),
        "luong_8": _money(luong * 8 // 100),
        "phu_cap": _money(phu_cap),
        "luong_phu_cap": _money(luong + phu_cap),
        "tro_cap": _money(luong * 60 // 100),
        "thu_nhap": _money(thu_nhap),
        "dong_thang": _money(thu_nhap * 22 // 100),
        "dong_quy": _money(thu_nhap * 22 // 100 * 3),
        "dong_nam": _money(thu_nhap * 22 // 100 * 12),
        "luong_huu": _money(luong_huu),
        "bhyt_huu": _money(luong_huu * 45 // 1000),
        "vien_phi": _money(rng.randint(12, 380) * 100_000),
        "ca_nha": _money(household_bhyt(so) * 12),
        "ngay_nghi": f"{left.day}/{left.month}",
        "han_nop": _three_months_on(left),
    }


def household_bhyt(people: int) -> int:
    """What a household of `people` pays for BHYT a month, đồng."""
    shares = _BHYT_SHARES[:people] + (0.4,) * max(0, people - len(_BHYT_SHARES))
    return sum(round(_BHYT_FIRST * share) for share in shares)


def _three_months_on(day: date) -> str:
    """The same day three months later (the month's last day where it has none), "d/m/yyyy"."""
    month = day.month + 3
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return f"{min(day.day, last)}/{month}/{year}"


def _money(dong: int) -> str:
    return f"{dong:,}".replace(",", ".")
