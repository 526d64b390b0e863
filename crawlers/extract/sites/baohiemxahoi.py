"""baohiemxahoi.gov.vn and its provincial subdomains: SharePoint publishing pages (.aspx).

Reconstructed from the notes in shared/data/research/sources.yaml (no saved page exists): news
details live at ``/tintuc/Pages/<slug>.aspx?CateID=<c>&ItemID=<i>``, listings at the same path
without ``ItemID`` (paged with ``Page=<n>``). The article is identified by its ItemID, so a URL
without one is a listing, not an article. SharePoint pages carry no JSON-LD or article meta; field
selectors therefore list the usual SharePoint/news-web-part names, most specific first. Dates are
Vietnamese-locale SharePoint output, e.g. "07/03/2026 8:30 SA" (SA/CH = AM/PM), which
:mod:`crawlers.extract.dates` reads. Verify against a live page before relying on it.
"""

from __future__ import annotations

from crawlers.extract.selectors import SiteSelectors

BAOHIEMXAHOI = SiteSelectors(
    title=".news-detail .title, .detail-news .title, .title-news, .news-title, .TitleNews, "
    "[id$=TitleField], .page-title h1, h1.title, h2.title, h3.title",
    body=".news-detail .content, .detail-news .content, .content-news, .news-content, "
    ".NewsContent, "
    "[id*=ArticleContent], [id*=PublishingPageContent], .ms-rtestate-field",
    lead=".news-detail .sapo, .sapo, .news-sapo, .summary, .tomtat, [id*=Summary]",
    date=".news-detail .date, .date-news, .news-date, .NewsDate, [id*=lblDate], [id*=NgayDang], "
    ".ngay-dang, .date",
    drop=".other-news, .tin-khac, .related, .news-other, .share, .print",
    links="a[href*='ItemID=']",
    next_page="a.next, a[title*='Trang sau'], .pagination a.next, .paging a.next",
    article_url=r"[?&]ItemID=\d+",
)
