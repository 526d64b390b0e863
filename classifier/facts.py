"""Official BHXH channels and policy figures, and checks of an article's text against them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field

from classifier.config_file import FileModel, load_yaml
from classifier.errors import ReferenceDataError
from vntext.normalize import normalize_text

_BHXH_CUE = re.compile(
    r"bhxh|bảo hiểm xã hội|bảo hiểm y tế|bhyt|bhtn|vssid|dịch vụ công|lương hưu|trợ cấp", re.I
)
_SITE_CUE = re.compile(
    r"truy cập|vào trang|trang web|website|đăng nhập|đường link|\blink\b|đường dẫn|tải|cổng|"
    r"tra cứu|địa chỉ|fanpage|trang facebook",
    re.I,
)
_CALL_CUE = re.compile(
    r"gọi|liên hệ|hotline|tổng đài|zalo|số điện thoại|\bsđt\b|\bsdt\b|nhắn tin|kết bạn|"
    r"\bgoi\b|lien he",
    re.I,
)
# A host named after BHXH or its services. "baohiem" alone is any insurer's ("congbaohiem",
# "baohiembaoviet"): such a host is BHXH's only if the text around it says so.
_BHXH_HOST = re.compile(r"bhxh|baohiemxahoi|baohiemyte|vssid|dichvucong|bhyt|bhtn", re.I)
_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|vn|net|org|info|biz|co|top|xyz|site|online|app|me|link|cc|io|club|shop|store|"
    r"live|icu|asia|pro|tk|ml|ga|cf|gq))\b(/[\w@./%-]*)?",
    re.I,
)
# Mobile numbers and 1800/1900 lines. Landlines (02x…) are left alone: provincial BHXH offices
# publish theirs in ordinary coverage.
_PHONE_RE = re.compile(
    r"(?<![\d.])(?:\+84|84|0)[\s.-]?[35789](?:[\s.-]?\d){8}(?![\d])|(?<![\d.])1[89]00(?:[\s.-]?\d){4}(?!\d)"
)
_FAKE_APP_RE = re.compile(
    r"vssid[\s-]*(?:phiên bản\s*)?\d+\.\d|\.apk\b|tệp apk|file apk|tải[^.\n]{0,60}vssid[^.\n]{0,40}"
    r"(?:link|đường dẫn)|vssid[^.\n]{0,40}tải[^.\n]{0,30}(?:link|đường dẫn)",
    re.I,
)
# A figure is read only when it is stated as the value of the term ("mức lương cơ sở là 2,34 triệu
# đồng", "mức đóng BHYT bằng 4,5% tiền lương"): only linking words may stand between them.
_LINK = (
    r"^[\s,:(]*(?:(?:mới|hiện nay|hiện hành|hiện tại|hiện là|là|ở mức|bằng|"
    r"(?:áp dụng )?từ (?:ngày )?\d{1,2}/\d{1,2}(?:/\d{4})?)[\s,:(]*)*"
)
_MONEY_RE = re.compile(
    _LINK + r"(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(triệu)?\s*(?:đồng|đ\b|vnđ)", re.I
)
_PERCENT_RE = re.compile(
    _LINK + r"(\d+(?:[.,]\d+)?)\s*%\s*(?:của\s*)?(?:mức\s*)?(?:tiền\s*)?(?:lương|thu nhập)", re.I
)
# Proposals, scenarios and comparisons state figures that are not in force by design.
_HEDGE_RE = re.compile(
    r"đề xuất|dự kiến|dự thảo|phương án|kiến nghị|đề nghị|nếu|giả sử|lộ trình|tăng từ|trước đây|"
    r"trước đó|năm ngoái|\bcũ\b",
    re.I,
)


@dataclass(frozen=True)
class FigureValue:
    value: float
    effective_from: date
    effective_to: date | None
    source: str

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@dataclass(frozen=True)
class Figure:
    id: str
    name: str
    terms: tuple[str, ...]
    unit: str
    checked: bool
    values: tuple[FigureValue, ...]
    also_valid: tuple[float, ...] = ()

    def value_at(self, day: date) -> FigureValue | None:
        return next((v for v in self.values if v.in_force(day)), None)


@dataclass(frozen=True)
class FactCheckFailure:
    """Something an article presents as BHXH's (or as policy) that the official facts contradict."""

    kind: str  # domain | page | phone | app | figure
    found: str
    official: str
    context: str


@dataclass(frozen=True)
class OfficialFacts:
    domains: tuple[str, ...]
    pages: tuple[str, ...]
    trusted_suffixes: tuple[str, ...]
    hotlines: tuple[tuple[str, str], ...]  # (digits, display)
    apps: tuple[str, ...]
    figures: tuple[Figure, ...]

    @classmethod
    def load(cls, path: Path) -> OfficialFacts:
        data = load_yaml(path, OfficialFactsFile, ReferenceDataError)
        channels = data.channels
        return cls(
            domains=tuple(d.lower() for d in channels.domains),
            pages=tuple(p.lower() for p in channels.pages),
            trusted_suffixes=channels.trusted_suffixes,
            hotlines=tuple((h.number, h.display) for h in channels.hotlines),
            apps=tuple(a.name for a in channels.apps),
            figures=tuple(_figure(f) for f in data.figures),
        )

    def check(self, text: str, published_at: datetime | None = None) -> list[FactCheckFailure]:
        """Non-official sites, numbers or apps presented as BHXH's; figures never in force."""
        text = normalize_text(text.replace("[.]", ".").replace("(.)", "."))
        failures = [*self._check_sites(text), *self._check_phones(text), *self._check_apps(text)]
        failures += self._check_figures(text, published_at.date() if published_at else None)
        unique: dict[tuple[str, str], FactCheckFailure] = {}
        for failure in failures:
            unique.setdefault((failure.kind, failure.found), failure)
        return list(unique.values())

    def _is_official_host(self, host: str, path: str) -> bool:
        host = host.lower().removeprefix("www.")
        if any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        if any(host.endswith(s) for s in self.trusted_suffixes):
            return True
        page = f"{host}{path}".lower().rstrip("/")
        return any(page == p or page.startswith(p + "/") for p in self.pages)

    def _check_sites(self, text: str) -> list[FactCheckFailure]:
        failures = []
        for m in _DOMAIN_RE.finditer(text):
            host, path = m.group(1), m.group(2) or ""
            if self._is_official_host(host, path):
                continue
            near = _window(text, m.start(), m.end(), 120)
            social = host.lower() in {
                "facebook.com",
                "fb.com",
                "zalo.me",
                "tiktok.com",
                "youtube.com",
            }
            bhxh_host = bool(_BHXH_HOST.search(host + path))
            presented = bhxh_host or (
                _BHXH_CUE.search(near) and _SITE_CUE.search(_window(text, m.start(), m.end(), 60))
            )
            if social and not path.strip("/"):
                continue  # "facebook.com" alone names a network, not a page
            if presented:
                failures.append(
                    FactCheckFailure(
                        kind="page" if social else "domain",
                        found=f"{host}{path}".rstrip("/."),
                        official=", ".join([*self.domains[:2], *self.pages[:2]]),
                        context=near,
                    )
                )
        return failures

    def _check_phones(self, text: str) -> list[FactCheckFailure]:
        official = {digits for digits, _ in self.hotlines}
        failures = []
        for m in _PHONE_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group(0))
            if digits in official:
                continue
            near = _window(text, m.start(), m.end(), 80)
            # The number is presented as BHXH's: a BHXH word before it in the same sentence.
            clause = text[max(0, m.start() - 80) : m.start()]
            clause = clause[max(clause.rfind(". "), clause.rfind("\n")) + 1 :]
            if _BHXH_CUE.search(clause) and _CALL_CUE.search(near):
                failures.append(
                    FactCheckFailure(
                        kind="phone",
                        found=m.group(0).strip(),
                        official=f"tổng đài {self.hotlines[0][1]}",
                        context=near,
                    )
                )
        return failures

    def _check_apps(self, text: str) -> list[FactCheckFailure]:
        m = _FAKE_APP_RE.search(text)
        if not m:
            return []
        return [
            FactCheckFailure(
                kind="app",
                found=m.group(0),
                context=_window(text, m.start(), m.end(), 80),
                official=f"{self.apps[0]} chỉ tải từ CH Play hoặc App Store",
            )
        ]

    def _check_figures(self, text: str, day: date | None) -> list[FactCheckFailure]:
        failures = []
        lowered = text.lower()
        for figure in self.figures:
            terms = [t for t in map(str.lower, figure.terms) if t in lowered]
            if not (figure.checked and terms):
                continue
            allowed = [*_plausible_values(figure, day), *figure.also_valid]
            for term in terms:
                for m in re.finditer(re.escape(term), lowered):
                    sentence = _sentence_around(text, m.start())
                    if _HEDGE_RE.search(sentence):
                        continue
                    found = _first_amount(text[m.end() : m.end() + 70], figure.unit)
                    if found is None or any(abs(found - v) <= 0.005 * v for v in allowed):
                        continue
                    current = (figure.value_at(day) if day else None) or figure.values[-1]
                    failures.append(
                        FactCheckFailure(
                            kind="figure",
                            found=f"{figure.name}: {_fmt(found, figure.unit)}",
                            official=(
                                f"{_fmt(current.value, figure.unit)} từ "
                                f"{current.effective_from:%d/%m/%Y} ({current.source})"
                            ),
                            context=_window(text, m.start(), m.end() + 70, 40),
                        )
                    )
        return failures


def _plausible_values(figure: Figure, day: date | None) -> list[float]:
    # Articles recall the previous value and announce the next one, so accept any value in force
    # within two years before or one year after publication; with no date, any value ever used.
    if day is None:
        return [v.value for v in figure.values]
    start, end = day - timedelta(days=730), day + timedelta(days=365)
    return [
        v.value
        for v in figure.values
        if v.effective_from <= end and (v.effective_to is None or v.effective_to >= start)
    ]


def _first_amount(window: str, unit: str) -> float | None:
    if unit == "%":
        m = _PERCENT_RE.match(window)
        return float(m.group(1).replace(",", ".")) if m else None
    m = _MONEY_RE.match(window)
    if not m:
        return None
    number, millions = m.group(1), m.group(2)
    if millions:
        value = float(number.replace(",", ".")) * 1_000_000
    else:
        value = float(re.sub(r"[.,]", "", number))
    # Totals ("10 tháng lương cơ sở = 23,4 triệu") are not the monthly base figure.
    return value if 500_000 <= value <= 5_000_000 else None


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:g}%".replace(".", ",")
    return f"{value:,.0f} đồng".replace(",", ".")


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i != -1]
    return text[start : min(ends) if ends else len(text)]


def _window(text: str, start: int, end: int, size: int) -> str:
    return text[max(0, start - size) : end + size].strip()


def _figure(entry: FigureEntry) -> Figure:
    return Figure(
        id=entry.id,
        name=entry.name,
        terms=entry.terms,
        unit=entry.unit,
        checked=entry.checked,
        values=tuple(
            sorted(
                (
                    FigureValue(v.value, v.effective_from, v.effective_to, v.source)
                    for v in entry.values
                ),
                key=lambda v: v.effective_from,
            )
        ),
        also_valid=entry.also_valid,
    )


class HotlineEntry(FileModel):
    number: str  # digits only, as matched in text
    display: str


class AppEntry(FileModel):
    name: str
    stores: tuple[str, ...] = ()


class ChannelsEntry(FileModel):
    domains: tuple[str, ...]
    pages: tuple[str, ...]
    trusted_suffixes: tuple[str, ...] = ()
    hotlines: tuple[HotlineEntry, ...] = Field(min_length=1)
    sms_brandnames: tuple[str, ...] = ()
    apps: tuple[AppEntry, ...] = Field(min_length=1)
    source: str = ""


class FigureValueEntry(FileModel):
    value: float
    effective_from: date
    effective_to: date | None = None
    source: str


class FigureEntry(FileModel):
    id: str
    name: str
    terms: tuple[str, ...]
    unit: str
    checked: bool = False
    values: tuple[FigureValueEntry, ...] = Field(min_length=1)
    also_valid: tuple[float, ...] = ()


class OfficialFactsFile(FileModel):
    """config/official_facts.yaml."""

    version: Literal[1] = 1
    channels: ChannelsEntry
    figures: tuple[FigureEntry, ...]
