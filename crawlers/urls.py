"""One spelling per article URL, and the archive id derived from it.

Decisions (tested on a table of real URL shapes in tests/crawlers/test_urls.py):

* scheme and host are lower-cased, default ports dropped, fragments dropped;
* ``www.`` is KEPT in the URL: outlets are consistent in their own canonical links, a host may
  answer only one way, and stripping it everywhere could merge distinct hosts; but on an outlet's
  own configured domains (sources.yaml ``domain`` and ``aliases``, known where a source is) the
  host with and without ``www.`` is that one outlet, so :func:`article_id` leaves ``www.`` out
  there (a feed linking ``www.`` and a sitemap not, or a page without a canonical link, gave one
  article two ids); mobile/AMP hosts (``m.``, ``amp.``, ``mobile.``) fold into the main host;
* AMP path and query variants (``/amp/`` prefix, ``/amp`` suffix, ``.amp`` before the extension,
  ``?amp``, ``amp=1``) are removed;
* tracking and session parameters are removed (also behind an escaped ``&amp;``); the remaining
  parameters keep their spelling and values but are sorted, so SharePoint ``CateID``/``ItemID``
  ids survive in a stable order;
* the scheme stays in the canonical URL (it must remain fetchable, some sites are HTTP only), but
  :func:`article_id` ignores it so http/https copies of one page share an id;
* a page's own canonical URL is trusted only on the page's site (:func:`same_site`): one on another
  site would fold a syndicated copy into the original's id and lose the placement.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from crawlers.errors import InvalidURL
from vntext.normalize import nfc

_MOBILE_HOST_PREFIXES = ("m.", "amp.", "mobile.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "zarsrc",
    "gidzl",
    "zalo_source",
    "fb_action_ids",
    "fb_action_types",
    "fb_source",
    "fb_ref",
    "jsessionid",
    "phpsessid",
    "sid",
    "sessionid",
    "amp",
    "outputtype",
}
_TRACKING_PREFIXES = ("utm_", "aspsessionid")
_SESSION_PATH_RE = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_AMP_SUFFIX_RE = re.compile(r"(/amp/?|\.amp)$", re.IGNORECASE)
_AMP_BEFORE_EXT_RE = re.compile(r"\.amp(\.[a-z]{2,5})$", re.IGNORECASE)
_SLASHES_RE = re.compile(r"/{2,}")
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_SECOND_LEVEL_VN = frozenset({"com", "gov", "org", "edu", "net", "ac", "info", "int", "health"})
_QUERY_SAFE = ":@!$'()*,;/?-._~"


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    for prefix in _MOBILE_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix) :]
    return host


def _path(path: str) -> str:
    path = _SESSION_PATH_RE.sub("", path)
    path = _SLASHES_RE.sub("/", path) or "/"
    if path.lower().startswith("/amp/"):
        path = path[4:]
    path = _AMP_BEFORE_EXT_RE.sub(r"\1", path)
    path = _AMP_SUFFIX_RE.sub("", path) or "/"
    # One percent-encoding: decode, NFC (an NFD slug is the same page), quote what must be quoted.
    return quote(nfc(unquote(path)), safe=_PATH_SAFE)


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def _query(query: str) -> str:
    # "&amp;" is an HTML-escaped "&" left in a URL (feed links in CDATA): "amp;utm_medium" is
    # utm_medium, and no parameter name starts with "amp;".
    query = query.replace("&amp;", "&")
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _is_tracking(k)]
    pairs.sort()
    return urlencode(pairs, quote_via=quote, safe=_QUERY_SAFE)


def canonicalize_url(url: str) -> str:
    """The one spelling of an article URL used for storage and dedupe.

    >>> canonicalize_url("HTTPS://M.VnExpress.net:443/a-b-123.html?utm_source=zalo#top")
    'https://vnexpress.net/a-b-123.html'

    Raises:
        InvalidURL: not an absolute http(s) URL with a host.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise InvalidURL(f"không đọc được địa chỉ {url!r} ({err})") from err
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise InvalidURL(f"không phải địa chỉ http(s) đầy đủ: {url!r}")
    netloc = _host(parts.hostname)
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, _path(parts.path), _query(parts.query), ""))


def article_id(canonical_url: str, domains: Iterable[str] = ()) -> str:
    """The archive id: full SHA-1 hex (40 chars) of the canonical URL without its scheme.

    Full length because the id is a primary key across every outlet for years; truncation buys
    nothing. The scheme is left out so http and https copies of a page are one article, and so is
    a ``www.`` before one of `domains` (the outlet's configured domain and aliases, with or
    without ``www.``): ``www.baocantho.com.vn/x`` and ``baocantho.com.vn/x`` are one article of Báo
    Cần Thơ. Hosts outside `domains` keep their ``www.``: nothing says they are one site.
    """
    without_scheme = canonicalize_url(canonical_url).split("://", 1)[1]
    netloc, slash, rest = without_scheme.partition("/")
    own = {d.lower().rstrip(".").removeprefix("www.") for d in domains}
    if netloc.startswith("www.") and netloc[4:] in own:
        without_scheme = netloc[4:] + slash + rest
    return hashlib.sha1(without_scheme.encode("utf-8")).hexdigest()


def site_of(host: str) -> str:
    """The registrable site of a host: ``tuoitre.vn`` for ``m.tuoitre.vn``, ``nld.com.vn`` for
    ``www.nld.com.vn`` (Vietnam's second-level ``com.vn``, ``gov.vn``... keep three labels)."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-1] == "vn" and labels[-2] in _SECOND_LEVEL_VN else 2
    return ".".join(labels[-keep:])


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on one site (:func:`site_of` their hosts)."""
    return site_of(urlsplit(url).hostname or "") == site_of(urlsplit(other).hostname or "")
