"""extract_article on pages we write ourselves: each rule of the field cascade, boilerplate,
errors."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from crawlers.errors import ChallengePage, CrawlError, DateError, ExtractionError
from crawlers.extract import PARSERS, extract_article
from crawlers.extract.dates import VN_TZ

NOW = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
P1 = (
    "Bảo hiểm xã hội thành phố cho biết đã hoàn thành chi trả lương hưu tháng 3 cho hơn "
    "tám nghìn người hưởng trên địa bàn, sớm hơn kế hoạch hai ngày."
)
P2 = (
    "Người hưởng nhận qua tài khoản ngân hàng chiếm gần bảy mươi phần trăm, tăng mạnh so với "
    "cùng kỳ năm trước nhờ chiến dịch vận động chuyển đổi số."
)
P3 = (
    "Cơ quan bảo hiểm khuyến cáo người dân không cung cấp mã OTP hay mật khẩu VssID cho bất kỳ "
    "ai tự xưng là cán bộ bảo hiểm qua điện thoại."
)


def page(head: str = "", body: str = "") -> bytes:
    head = f"<head><meta charset='utf-8'>{head}</head>"
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>".encode()


def article_html(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def extract(raw: bytes, url: str = "https://baomau.vn/chi-tra-luong-huu-123456.html", **kw):
    return extract_article(raw, url, now=NOW, **kw)


def test_json_ld_graph_with_an_invalid_block_and_escaped_entities() -> None:
    head = """
    <script type="application/ld+json">{ this is not json </script>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","@id":"https://baomau.vn/#org","name":"Báo Mẫu"},
      {"@type":["NewsArticle"],"headline":"Chi tr&amp;#7843; l&#432;&#417;ng h&#432;u th&#225;ng 3",
       "datePublished":"2026-03-05T09:30:00.000 +07:00","description":"Sapo từ JSON-LD.",
       "publisher":{"@id":"https://baomau.vn/#org"},
       "author":[{"@type":"Person","name":"Lan Hương"},{"@type":"Organization","name":"Báo Mẫu"}],
       "mainEntityOfPage":{"@id":"https://baomau.vn/chi-tra-luong-huu-123456.html"}}]}
    </script>
    <meta property="og:title" content="Tiêu đề og khác">
    <link rel="canonical" href="/chi-tra-luong-huu-123456.html?utm_source=zalo">"""
    art = extract(
        page(
            head, "<h1>Tiêu đề h1</h1><div class='noi-dung'>" + article_html(P1, P2, P3) + "</div>"
        )
    )
    assert art.title == "Chi trả lương hưu tháng 3"
    assert art.published_at == datetime(2026, 3, 5, 9, 30, tzinfo=VN_TZ)
    assert art.date_source == "json-ld"
    assert art.outlet == "Báo Mẫu"
    assert art.authors == ("Lan Hương",)
    assert art.canonical_url == "https://baomau.vn/chi-tra-luong-huu-123456.html"
    assert art.lead == "Sapo từ JSON-LD."
    assert art.body == "\n\n".join((P1, P2, P3))
    assert dict(art.methods) == {
        "title": "json-ld",
        "body": "density",
        "published_at": "json-ld",
        "canonical_url": "link",
        "outlet": "json-ld",
        "lead": "json-ld",
    }


DATE_ONLY_LD = (
    '<script type="application/ld+json">'
    '{"@type":"NewsArticle","datePublished":"2026-03-05"}</script>'
)
BOILERPLATE_PAGE = f"""
<header><div class="time-now">Thứ Bảy, Ngày 07 tháng 03 năm 2026</div>
<nav><a href="/">Trang chủ</a></nav></header>
<div class="breadcrumb"><h1>XÃ HỘI &gt; An sinh</h1></div>
<h1 class="title">Chi trả lương hưu&nbsp;tháng 3  </h1>
<div class="sapo">Bảo hiểm xã hội thành phố hoàn thành chi trả lương hưu tháng 3 sớm hai ngày.</div>
<span class="pubdate">05/03/2026 - 18:21</span>
<div class="share-bar"><a>Chia sẻ</a><a>Facebook</a></div>
<div class="content">
  <p>Để đọc toàn bộ bài viết, vui lòng đăng nhập tài khoản.</p>
  <p>{P1}</p>
  <figure><img src="a.jpg">
  <figcaption><p>Người dân nhận lương hưu tại bưu điện. Ảnh: Minh Anh</p></figcaption></figure>
  <p>{P2}</p>
  <p><img src="b.jpg"></p>
  <p style="text-align: center;"><em>Cán bộ hướng dẫn người dân cài đặt VssID.</em></p>
  <div class="box-tin-lien-quan"><p>Tin liên quan</p>
  <p><a href="/x-1.html">Tăng lương hưu từ tháng 7</a></p></div>
  <p>Xem thêm: Lịch chi trả lương hưu tháng 4</p>
  <p>{P3}</p>
  <p>Chia sẻ</p>
  <p>Minh Anh (tổng hợp)</p>
</div>
<footer><p class="license">Giấy phép số 123/GP-BTTTT cấp ngày 02-12-2021</p></footer>
"""


def test_boilerplate_is_left_out_of_the_body() -> None:
    head = DATE_ONLY_LD
    art = extract(page(head, BOILERPLATE_PAGE))
    assert art.body == "\n\n".join((P1, P2, P3))
    for marker in (
        "đăng nhập",
        "Ảnh:",
        "Tin liên quan",
        "Xem thêm",
        "Chia sẻ",
        "Minh Anh",
        "VssID.",
        "Giấy phép",
    ):
        assert marker not in art.body
    assert art.authors == ("Minh Anh",)


CONTENT_THAT_LOOKS_LIKE_FURNITURE = [
    "Chia sẻ với phóng viên, đại diện cơ quan bảo hiểm cho biết sẽ tăng cường kiểm tra.",
    "Bình luận về vụ việc, luật sư cho rằng hành vi trục lợi quỹ phải bị xử lý nghiêm.",
    "Quảng cáo sai sự thật về thẻ bảo hiểm y tế có thể bị phạt tới hàng chục triệu đồng.",
    "Đăng ký tài khoản VssID để xem quá trình đóng bảo hiểm xã hội của mình.",
    "Đăng nhập ứng dụng bằng số định danh cá nhân do Bộ Công an cấp.",
]


def test_sentences_that_open_like_furniture_are_kept() -> None:
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    art = extract(
        page(
            head,
            "<h1>Chi trả lương hưu tháng 3</h1>"
            + article_html(P1, *CONTENT_THAT_LOOKS_LIKE_FURNITURE, P2),
        )
    )
    assert art.body == "\n\n".join((P1, *CONTENT_THAT_LOOKS_LIKE_FURNITURE, P2))


def test_breadcrumb_h1_is_skipped_and_title_is_whitespace_normalised() -> None:
    art = extract(page("", BOILERPLATE_PAGE.replace("18:21", "18:21 (GMT+7)")))
    assert art.title == "Chi trả lương hưu tháng 3"
    assert art.methods["title"] == "css"
    assert art.lead.startswith("Bảo hiểm xã hội thành phố hoàn thành")


def test_date_only_json_ld_takes_the_visible_time_and_ignores_header_and_footer_dates() -> None:
    head = DATE_ONLY_LD
    art = extract(page(head, BOILERPLATE_PAGE))
    assert art.published_at == datetime(2026, 3, 5, 18, 21, tzinfo=VN_TZ)
    assert art.date_source == "visible-text"
    assert art.date_precision == "minute"


def test_date_only_when_no_time_is_shown_anywhere() -> None:
    head = DATE_ONLY_LD
    art = extract(page(head, "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2)))
    assert art.published_at == datetime(2026, 3, 5, tzinfo=VN_TZ)
    assert art.date_precision == "day"


def test_header_today_date_alone_is_not_a_publication_date() -> None:
    body = (
        '<header><div class="date">Thứ Bảy, Ngày 07 tháng 03 năm 2026</div></header>'
        "<h1>Chi trả lương hưu tháng 3</h1>"
        + article_html(P1, P2)
        + '<footer><span class="date">cấp ngày 02-12-2021</span></footer>'
    )
    with pytest.raises(DateError, match="không tìm thấy ngày đăng"):
        extract(page("", body))


def test_future_dates_are_rejected() -> None:
    head = '<meta property="article:published_time" content="2027-01-01T08:00:00+07:00">'
    with pytest.raises(DateError, match="tương lai"):
        extract(page(head, "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2)))


def test_nfd_title_and_body_become_nfc() -> None:
    body = unicodedata.normalize("NFD", "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2))
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    art = extract(page(head, body))
    assert art.title == "Chi trả lương hưu tháng 3"
    assert P1 in art.body and unicodedata.is_normalized("NFC", art.body)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("", datetime(2026, 3, 8, 10, 0, tzinfo=UTC)),  # NOW less two hours
        (
            '<meta property="article:published_time" content="2026-03-08T09:12:00+07:00">',
            datetime(2026, 3, 8, 2, 12, tzinfo=UTC),  # an exact date beats the rounded one
        ),
    ],
    ids=["relative-only", "with-metadata"],
)
def test_a_byline_showing_only_hours_ago_dates_the_article(head: str, expected: datetime) -> None:
    body = "<h1>Chi trả lương hưu tháng 3</h1><span class='time'>2 giờ trước</span>" + (
        article_html(P1, P2)
    )
    assert extract(page(head, body)).published_at == expected


def test_time_tag_and_meta_dates() -> None:
    body = (
        '<h1>Chi trả lương hưu tháng 3</h1><time datetime="2026-03-05 07:45">Thứ năm</time>'
        + article_html(P1, P2)
    )
    art = extract(page("", body))
    assert (art.published_at.hour, art.published_at.minute, art.date_source) == (7, 45, "time-tag")
    head = '<meta property="article:published_time" content="2026-03-05T00:01:00">'
    art = extract(page(head, body))
    assert (art.published_at.minute, art.date_source) == (1, "meta")


def test_cross_site_canonical_is_not_trusted() -> None:
    # A syndicated copy pointing at the original outlet keeps its own URL (one placement each).
    head = (
        '<link rel="canonical" href="https://baogoc.vn/bai-goc-999999.html">'
        '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    )
    art = extract(
        page(head, "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2)),
        url="https://m.baomau.vn/chi-tra-luong-huu-123456.html?fbclid=1",
    )
    assert art.canonical_url == "https://baomau.vn/chi-tra-luong-huu-123456.html"
    assert art.methods["canonical_url"] == "request"


def test_trafilatura_is_the_last_resort_for_the_body() -> None:
    text = " ".join([P1, P2, P3])
    body = (
        "<h1>Chi trả lương hưu tháng 3</h1><article><div>"
        + text
        + "</div><div>"
        + text
        + "</div></article>"
    )
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    art = extract(page(head, body))
    assert art.methods["body"] == "trafilatura"
    assert P1 in art.body


CHALLENGES = {
    "cloudflare": page(
        "<title>Just a moment...</title>",
        "<div>Checking if the site connection is secure</div>"
        "<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1'></script>",
    ),
    "checking-browser": page(
        "<title>Vui lòng chờ</title>", "<p>Checking your browser before accessing baomau.vn.</p>"
    ),
    "d1n-cookie": page(
        "",
        "<script>document.cookie='D1N=3f2a9c0e51b7d4a8;path=/';"
        "window.location.reload(true);</script>",
    ),
    "cookie-redirect": page(
        "<meta http-equiv='refresh' content='0'>",
        "<script>var t=Date.now();document.cookie = 'vt=' + t;</script>",
    ),
}


@pytest.mark.parametrize("name", sorted(CHALLENGES))
def test_challenge_pages_are_recognised(name: str) -> None:
    with pytest.raises(ChallengePage):
        extract(CHALLENGES[name])


def test_an_article_that_sets_a_cookie_is_not_a_challenge() -> None:
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    body = (
        "<script>document.cookie='consent=1';location.href='#top';</script>"
        "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2, P3)
    )
    assert extract(page(head, body)).title == "Chi trả lương hưu tháng 3"


def test_a_short_article_with_cloudflares_detection_script_is_not_a_challenge() -> None:
    # Bot detection injects this loader into every page Cloudflare serves, articles included.
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    loader = (
        "<script>(function(){var a=document.createElement('script');"
        "a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';"
        "document.getElementsByTagName('head')[0].appendChild(a);})();</script>"
    )
    body = "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2) + loader
    assert extract(page(head, body)).title == "Chi trả lương hưu tháng 3"


def test_oversized_pages_are_refused_clearly() -> None:
    with pytest.raises(
        ExtractionError, match=r"^trang dài 2\.\d{3} byte, quá giới hạn 1\.000 byte$"
    ):
        extract(page("", "<p>" + "a" * 2000 + "</p>"), max_bytes=1000)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "tài liệu trống"),
        (b"   \n  ", "tài liệu trống"),
        (page("<title>Trang chủ</title>", "<p>Ngắn.</p>"), "không tìm thấy thân bài"),
        (b"\x00\x01\x02<<<>>>", "không tìm thấy thân bài|tài liệu trống|không có tiêu đề"),
    ],
    ids=["empty", "whitespace", "no-body", "garbage"],
)
def test_pages_without_an_article_raise_extraction_error(raw: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract(raw)


def test_truncated_document_still_extracts() -> None:
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    raw = page(
        head, "<h1>Chi trả lương hưu tháng 3</h1><div><p>" + P1 + "<p>" + P2 + "<p>Đoạn bị c"
    )
    art = extract(raw[: raw.rindex(b"</body>")])
    assert P1 in art.body and P2 in art.body


def test_unknown_parser_is_a_configuration_error() -> None:
    with pytest.raises(CrawlError, match="không có bộ đọc \\(parser\\) 'nope'"):
        extract(page("", ""), parser="nope")


# A SharePoint news detail page written after the layout notes for baohiemxahoi.gov.vn.
BHXH_PAGE = page(
    "<title>Tin tức - Bảo hiểm xã hội Việt Nam</title>",
    f"""<div id="s4-workspace">
    <div class="menu-top"><a href="/tintuc/Pages/default.aspx">Tin tức</a></div>
    <div class="news-detail">
      <div class="title">BHXH Việt Nam hoàn thành chi trả lương hưu tháng 3</div>
      <div class="date">05/03/2026 8:30 SA</div>
      <div class="sapo">Toàn ngành đã chi trả lương hưu, trợ cấp tháng 3 đúng hạn.</div>
      <div class="content"><div class="ms-rtestate-field">{article_html(P1, P2)}</div></div>
      <div class="other-news"><h3>Tin khác</h3>
      <ul><li><a href="?CateID=168&amp;ItemID=20999">Tin cũ</a></li></ul></div>
    </div></div>""",
)
BHXH_URL = (
    "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-xa-hoi.aspx?ItemID=21000&CateID=168"
)


def test_baohiemxahoi_parser() -> None:
    art = extract(BHXH_PAGE, url=BHXH_URL, parser="baohiemxahoi")
    assert art.title == "BHXH Việt Nam hoàn thành chi trả lương hưu tháng 3"
    assert art.published_at == datetime(2026, 3, 5, 8, 30, tzinfo=VN_TZ)
    assert art.lead == "Toàn ngành đã chi trả lương hưu, trợ cấp tháng 3 đúng hạn."
    assert art.body == P1 + "\n\n" + P2
    assert art.canonical_url == (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/"
        "linh-vuc-bao-hiem-xa-hoi.aspx?CateID=168&ItemID=21000"
    )


def test_baohiemxahoi_listing_urls_are_not_articles() -> None:
    listing = (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/hoat-dong-bhxh-viet-nam.aspx?CateID=136&Page=2"
    )
    with pytest.raises(ExtractionError, match="không phải địa chỉ bài viết"):
        extract(BHXH_PAGE, url=listing, parser="baohiemxahoi")


PARSER_PAGES = {
    "generic": (
        page(
            '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">',
            "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2),
        ),
        "https://baomau.vn/chi-tra-123456.html",
    ),
    "baohiemxahoi": (BHXH_PAGE, BHXH_URL),
}


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_parser_has_a_test_page(parser: str) -> None:
    assert parser in PARSER_PAGES, f"parser {parser!r} needs a test page in PARSER_PAGES"
    raw, url = PARSER_PAGES[parser]
    art = extract(raw, url=url, parser=parser)
    assert art.title and P1 in art.body


def test_editorial_boxes_are_content_but_related_boxes_are_not() -> None:
    # VCCorp CMS (Tuổi Trẻ, Báo Chính phủ): type="content" boxes are the reporter's sidebar text;
    # type="RelatedOneNews"/"RelatedNewsBox" are links to other articles.
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    body = (
        "<h1>Chi trả lương hưu tháng 3</h1><div class='detail-content'>"
        + article_html(P1)
        + f"<div class='VCSortableInPreviewMode alignCenter' type='content'><h3>Lưu ý</h3>"
        f"<p>{P3}</p></div>" + "<div type='RelatedOneNews' class='VCSortableInPreviewMode'>"
        "<a href='/x-20260101000000000.htm'>Tăng lương hưu từ tháng 7</a>"
        "<p class='VCObjectBoxRelatedNewsItemSapo'>Người nghỉ hưu sẽ được tăng lương hưu.</p></div>"
        + article_html(P2)
        + "</div>"
    )
    art = extract(page(head, body))
    assert art.body == "\n\n".join((P1, "Lưu ý", P3, P2))


def test_an_article_nested_in_the_body_is_another_story() -> None:
    # A teaser of another story, marked up as its own <article> inside the body, with no class
    # that says "related": by HTML's meaning of <article> it is not part of this one.
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    teaser = (
        "<article class='item'><h3><a href='/gia-vang-123457.html'>Giá vàng tăng mạnh sáng nay"
        "</a></h3><p>Giá vàng miếng tăng mạnh, vượt mốc lịch sử trong phiên giao dịch sáng thứ "
        "hai theo diễn biến của thị trường thế giới.</p></article>"
    )
    body = (
        "<article><h1>Chi trả lương hưu tháng 3</h1><div class='noi-dung'>"
        + article_html(P1, P2)
        + teaser
        + article_html(P3)
        + "</div></article>"
    )
    assert extract(page(head, body)).body.split("\n\n") == [P1, P2, P3]


def test_paragraphs_nested_by_broken_markup_stay_separate() -> None:
    # "<p><b>..." closed by a stray "</td>": libxml2 nests every later <p> inside the first one.
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    body = (
        "<h1>Chi trả lương hưu tháng 3</h1><div class='noi-dung'>"
        f"<p>{P1}\n<p><b>{P2}</td>\n<p><span>{P3}</span>\n<p>Đoạn cuối cùng của bài viết mẫu.</div>"
    )
    art = extract(page(head, body))
    assert art.body.split("\n\n") == [P1, P2, P3, "Đoạn cuối cùng của bài viết mẫu."]


def test_text_between_blocks_is_kept_as_its_own_paragraph() -> None:
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    body = f"<h1>Chi trả lương hưu tháng 3</h1><div class='noi-dung'>{P1}<p>{P2}</p>{P3}</div>"
    assert extract(page(head, body)).body.split("\n\n") == [P1, P2, P3]


def test_a_date_in_an_unnamed_element_is_found_as_a_last_resort() -> None:
    # Báo Đầu tư: no date metadata, a "today" widget in the header, the article time in a
    # span without a date-like class.
    body = (
        '<div class="top"><span>Thứ Bảy, Ngày 07 tháng 03 năm 2026</span></div>'
        "<h1>Chi trả lương hưu tháng 3</h1><div class='info'><span>Hà Nội</span>"
        "<span>- 05/03/2026 08:47</span></div>"
        + article_html(P1, P2)
        + "<div class='bottom'><span>Cập nhật 01/01/2020</span></div>"
    )
    art = extract(page("", body))
    assert art.published_at == datetime(2026, 3, 5, 8, 47, tzinfo=VN_TZ)
    assert art.date_source == "visible-text"


def test_og_title_with_the_outlet_suffix_gives_way_to_the_h1() -> None:
    head = (
        '<meta property="og:title" content="Chi trả lương hưu tháng 3 - Báo Mẫu">'
        '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    )
    art = extract(page(head, "<h1>Chi trả lương hưu tháng 3</h1>" + article_html(P1, P2)))
    assert (art.title, art.methods["title"]) == ("Chi trả lương hưu tháng 3", "css")
    # A dash that belongs to the headline stays.
    head = head.replace(" - Báo Mẫu", " - những điều cần biết")
    body = "<h1>Chi trả lương hưu tháng 3 - những điều cần biết</h1>" + article_html(P1, P2)
    assert extract(page(head, body)).title == "Chi trả lương hưu tháng 3 - những điều cần biết"
