"""The article body: paragraphs of the article container, without the page's furniture.

Container, in order: the site's selector, ``[itemprop=articleBody]``, then the element holding the
most paragraph text (text density). trafilatura is only the last resort, so the common case parses
the page once. Inside the container, related-news boxes, nested <article>s (other stories), share
bars, ads, figures and captions are skipped by tag and class; paragraphs that are navigation
("Xem thêm", "Tin liên quan"), paywall or login notices, share labels or photo credits are dropped
by text. A short trailing byline ("Lê Phương", "Hà Thu (tổng hợp)", "Tin, ảnh: P.Y") is taken out
of the body and returned as the author, because it is attribution, not content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree

from crawlers.extract.document import classes, clean_text, node_text
from crawlers.extract.selectors import GENERIC, SiteSelectors, select

MIN_BODY_CHARS = 150

# Checked on what a container holds, never on the container itself: an <article> inside the body
# is another story (a related-news teaser), not a part of this one.
_DROP_TAGS = frozenset(
    {
        "article",
        "figure",
        "figcaption",
        "aside",
        "script",
        "style",
        "noscript",
        "iframe",
        "form",
        "button",
        "nav",
        "footer",
        "header",
        "select",
        "svg",
        "video",
        "audio",
        "template",
        "object",
        "embed",
        "input",
        "textarea",
        "label",
        "table",
    }
)
_INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "cite",
        "code",
        "del",
        "em",
        "font",
        "i",
        "ins",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "u",
    }
)
_BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"})
_BOILERPLATE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:related\w*|relate|lien-?quan|tinlienquan|share\w*|social|comments?|tags?|"
    r"keywords?|banner\w*|ads?|adv|advert\w*|quang-?cao|readmore|read-more|xem-?them|widget\w*|"
    r"caption|newsletter|subscribe|paywall|login|breadcrumbs?|menu|nav|rating|vote|print|toolbar|"
    r"poll|amn_res\w*|box-?tin\w*|sponsor\w*|recommend\w*|video\w*|"
    r"author-info|inread|outbrain)(?:$|[\s_-])"
)
# Navigation lines. Not "Chia sẻ ...", "Bình luận ...", "Quảng cáo ...", "Đăng ký tài khoản ...":
# those open real sentences ("Chia sẻ với phóng viên, ông ...", "Quảng cáo sai sự thật về BHYT").
_BOILERPLATE_TEXT_RE = re.compile(
    r"^(?:xem thêm|tin liên quan|bài liên quan|đọc thêm|đọc tiếp|xem tiếp|xem ngay|"
    r"mời (?:bạn|quý) (?:đọc|độc giả) (?:xem|đón đọc|theo dõi)|"
    r"theo dõi .{0,60}(?:google news|zalo|facebook|youtube|tiktok)|>>|►|»)",
    re.IGNORECASE,
)
# Worded about reading *this article*: "đăng ký tài khoản VssID để xem quá trình đóng" is content.
_READ_ARTICLE = r"(?:đọc|xem) (?:tiếp|toàn bộ|đầy đủ|trọn vẹn|bài|nội dung|tin)"
_PAYWALL_RE = re.compile(
    rf"(?:đăng nhập|đăng ký)[^.]{{0,60}}(?:để|mới được|mới có thể) {_READ_ARTICLE}|"
    rf"(?:để|mời bạn) {_READ_ARTICLE}[^.]{{0,60}}(?:đăng nhập|đăng ký)|"
    r"(?:nội dung|bài viết)[^.]{0,30}(?:dành riêng|chỉ dành) cho (?:thành viên|hội viên|tài khoản|"
    r"bạn đọc|người đăng ký)",
    re.IGNORECASE,
)
_SHARE_LABELS = frozenset(
    {
        "chia sẻ",
        "facebook",
        "zalo",
        "twitter",
        "x",
        "email",
        "copy link",
        "sao chép liên kết",
        "in bài",
        "in",
        "lưu",
        "lưu bài",
        "nghe",
        "tweet",
        "bình luận",
        "thích",
        "gửi",
        "link",
        "quảng cáo",
        "advertisement",
    }
)
_CAPTION_RE = re.compile(
    r"(?:^|[.!?…]\s+)\(?(?:ảnh|video|clip|đồ họa|đồ hoạ|nguồn ảnh)(?: minh (?:họa|hoạ))?\s*:"
    r"\s*[^.!?]{1,80}[.)]?\)?$|^\(?ảnh minh (?:họa|hoạ)\)?\.?$",
    re.IGNORECASE,
)
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:tin|bài|ảnh|tin và ảnh|bài và ảnh|tin, ảnh|bài, ảnh|"
    r"bài, ảnh, video|thực hiện)\s*:\s*",
    re.IGNORECASE,
)
_BYLINE_SUFFIX_RE = re.compile(
    r"\s*\((?:tổng hợp|theo [^)]*|biên dịch|lược dịch)\)$", re.IGNORECASE
)
_SOURCE_LINE_RE = re.compile(r"^(?:theo|nguồn)\s*:?\s+\S", re.IGNORECASE)
_SENTENCE_END = tuple('.!?…:;"”)»')


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]
    method: str  # css | density | trafilatura
    byline: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _is_boilerplate_node(node: etree._Element) -> bool:
    if node.tag in _DROP_TAGS:
        return True
    if _BOILERPLATE_CLASS_RE.search(classes(node)):
        return True
    # VCCorp sites (CafeF, Người Lao Động) name their in-body "TIN MỚI" box only in
    # data-marked-zoneid ("cafef_detail_relatednewsbox").
    marker = " ".join(
        node.get(attr) or "" for attr in ("type", "data-module", "data-marked-zoneid")
    ).lower()
    return "related" in marker or "relate" in marker


def _has_blocks(node: etree._Element) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in node.iterdescendants())


Block = tuple[etree._Element, str | None]  # a leaf block, or loose text found beside blocks


def _collect(node: etree._Element, out: list[Block], dropped: frozenset[etree._Element]) -> None:
    """Leaf blocks in document order. Text standing between blocks becomes a block of its own,
    and a block that wraps other blocks is split: broken markup such as ``<p><b>one</td><p>two``
    nests every later paragraph inside the first, which must not become one long paragraph."""
    run: list[str] = [node.text or ""]

    def flush() -> None:
        text = clean_text("".join(run))
        if text:
            out.append((node, text))
        run.clear()

    for child in node:
        if not isinstance(child.tag, str) or child in dropped or _is_boilerplate_node(child):
            pass
        elif _has_blocks(child):
            flush()
            _collect(child, out, dropped)
        elif child.tag in _BLOCK_TAGS or child.tag in ("div", "section"):
            # A block, or a div that holds text directly (CMSs that write <div>text<br>text</div>).
            flush()
            out.append((child, None))
        elif child.tag == "br":
            run.append(" ")
        elif child.tag in _INLINE_TAGS:
            run.append(node_text(child))
        run.append(child.tail or "")
    flush()


def _looks_like_caption(block: etree._Element, text: str) -> bool:
    """Centred or all-italic short text: how CMS editors caption the image placed just above."""
    if len(text) > 300:
        return False
    if "center" in (block.get("style") or "").replace(" ", "").lower():
        return True
    italic = "".join(node_text(el) for el in block.iter("em", "i"))
    return clean_text(italic) == text


def _block_texts(blocks: list[Block]) -> list[str]:
    texts = []
    after_image = False
    for block, loose in blocks:
        text = loose if loose is not None else node_text(block)
        if not text:
            after_image = after_image or block.find(".//img") is not None
            continue
        if not (after_image and loose is None and _looks_like_caption(block, text)):
            texts.append(text)
        after_image = False
    return texts


def _keep(paragraph: str) -> bool:
    if not paragraph or not any(c.isalnum() for c in paragraph):
        return False
    if _BOILERPLATE_TEXT_RE.match(paragraph):
        return False
    if paragraph.lower().strip(" :|·-") in _SHARE_LABELS:
        return False
    if len(paragraph) < 200 and _PAYWALL_RE.search(paragraph):
        return False
    return not (len(paragraph) < 250 and _CAPTION_RE.search(paragraph))


def _split_byline(paragraphs: list[str]) -> tuple[list[str], str | None]:
    if len(paragraphs) < 2:
        return paragraphs, None
    last = paragraphs[-1]
    if len(last) > 60 or len(last.split()) > 8:
        return paragraphs, None
    if _SOURCE_LINE_RE.match(last):
        return paragraphs[:-1], None
    name = _BYLINE_SUFFIX_RE.sub("", _BYLINE_PREFIX_RE.sub("", last)).strip()
    if not name or name.endswith(_SENTENCE_END) or not name[0].isupper():
        return paragraphs, None
    return paragraphs[:-1], name


def paragraphs_of(container: etree._Element, extra_drop: str | None = None) -> list[str]:
    """Clean, de-duplicated paragraphs of one container, boilerplate removed."""
    blocks: list[Block] = []
    _collect(container, blocks, frozenset(select(container, extra_drop)))
    seen: set[str] = set()
    kept = []
    for paragraph in _block_texts(blocks):
        if _keep(paragraph) and paragraph not in seen:
            seen.add(paragraph)
            kept.append(paragraph)
    return kept


def _densest(tree: etree._Element) -> etree._Element | None:
    scores: dict[etree._Element, int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len((p.text_content() or "").strip())
    return max(scores, key=scores.__getitem__) if scores else None


def _finish(paragraphs: list[str], method: str) -> Body | None:
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        return None
    kept, byline = _split_byline(paragraphs)
    return Body(tuple(kept), method, byline)


def extract_body(tree: etree._Element, page: str, site: SiteSelectors) -> Body | None:
    """The body by the first method that yields at least ``MIN_BODY_CHARS`` characters."""
    for selector in (site.body, GENERIC.body):
        for container in select(tree, selector):
            body = _finish(paragraphs_of(container, site.drop), "css")
            if body:
                return body
    container = _densest(tree)
    if container is not None:
        body = _finish(paragraphs_of(container, site.drop), "density")
        if body:
            return body
    extracted = trafilatura.extract(
        page, include_comments=False, include_tables=False, favor_precision=True, deduplicate=True
    )
    if extracted:
        lines = [clean_text(line) for line in extracted.split("\n")]
        return _finish([line for line in lines if _keep(line)], "trafilatura")
    return None
