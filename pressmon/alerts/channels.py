"""The ways an alert leaves: SMTP, the console (no SMTP configured) and webhooks (JSON POST).

Thin adapters: each raises DeliveryFailed with the reason, and the dispatcher retries;
DeliveryRefused when the server refused for good, and the dispatcher gives up at once.
"""

from __future__ import annotations

import http.client
import json
import smtplib
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Any, Protocol, TextIO

from pressmon.alerts.errors import AlertError, DeliveryFailed, DeliveryRefused
from pressmon.alerts.messages import LINK_LABEL, Message
from pressmon.alerts.recipients import diacritics_problem
from pressmon.errors import ConfigError
from pressmon.settings import AlertSettings
from vntext.syntax_text import read_problem


class Mailer(Protocol):
    def send(self, message: Message, to: Sequence[str]) -> None: ...


class Poster(Protocol):
    def post(self, url: str, payload: dict[str, Any]) -> None: ...


class SmtpMailer:
    def __init__(self, settings: AlertSettings) -> None:
        if settings.host is None:
            raise AlertError("chưa có máy chủ SMTP để gửi thư", hint="đặt alerts.host")
        # smtplib sends the login as ASCII only: anything else would fail every send with a
        # UnicodeEncodeError (not a delivery failure), so it is said once, here.
        for field, value in (("user", settings.user), ("password", settings.password)):
            if value and not value.isascii():
                raise ConfigError(
                    f"alerts.{field}: chỉ được dùng ký tự ASCII "
                    "(smtplib không gửi được chữ có dấu)",
                    hint="đổi tên đăng nhập hoặc mật khẩu SMTP (PRESSMON_SMTP_PASSWORD) sang "
                    "chữ không dấu, số và ký hiệu",
                )
        problem = diacritics_problem(parseaddr(settings.sender)[1])
        if problem:
            raise ConfigError(
                f"alerts.from: «{settings.sender}»: địa chỉ e-mail {problem}",
                hint='đặt alerts.from là một địa chỉ, hoặc "Tên <địa chỉ>"',
            )
        self.settings = settings
        self.host: str = settings.host
        # One context for STARTTLS and implicit TLS: the server's certificate and name are always
        # verified, against alerts.ca_file when set, else the system's CAs.
        self.context = tls_context(settings.ca_file)

    def send(self, message: Message, to: Sequence[str]) -> None:
        for address in to:
            # Saved before such addresses were refused: smtplib would raise a TypeError, not an
            # SMTP error, and stop every other delivery of the pass.
            problem = diacritics_problem(address)
            if problem:
                raise DeliveryFailed(
                    f"SMTP {self.host}:{self.settings.port}: địa chỉ {address} {problem}"
                )
        # Header() splits the encoded subject inside words: EmailMessage's folding drops the
        # space between two encoded words, so mail readers showed "xuấthiện" for "xuất hiện".
        email = MIMEText(message.body, "plain", "utf-8")
        email["Subject"] = Header(message.subject, "utf-8")  # type: ignore[assignment]
        # formataddr encodes the name alone: the whole "Tên <địa chỉ>" as one encoded word left
        # the header with no address.
        email["From"] = formataddr(parseaddr(self.settings.sender), "utf-8")
        email["To"] = ", ".join(to)
        # smtplib adds neither: without them filters score the alert as spam and readers show
        # no time.
        email["Date"] = formatdate(localtime=True)
        email["Message-ID"] = self._message_id(message.key)
        if message.follows:
            email["In-Reply-To"] = email["References"] = self._message_id(message.follows)
        s = self.settings
        try:
            if s.tls == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, s.port, timeout=s.timeout_seconds, context=self.context
                )
            else:
                smtp = smtplib.SMTP(self.host, s.port, timeout=s.timeout_seconds)
            with smtp:
                if s.tls == "starttls":
                    # Refused (SMTPNotSupportedError) when the server does not offer STARTTLS:
                    # never a silent fall back to plain text.
                    smtp.starttls(context=self.context)
                if s.user:
                    smtp.login(s.user, s.password or "")
                smtp.send_message(email)
        except ssl.SSLCertVerificationError as err:
            raise DeliveryFailed(
                f"SMTP {self.host}:{s.port}: không xác minh được chứng chỉ TLS của máy chủ "
                f"({err}); {_certificate_hint(err, s.ca_file is not None)}"
            ) from err
        except (OSError, smtplib.SMTPException) as err:  # ssl.SSLError is an OSError
            refusal = _permanent_refusal(err)
            if refusal:
                raise DeliveryRefused(
                    f"SMTP {self.host}:{s.port}: máy chủ từ chối hẳn, không gửi lại: {refusal}"
                ) from err
            mismatch = _tls_mismatch(err)
            reason = f"{str(err).rstrip('.')}{mismatch}" if mismatch else str(err)
            raise DeliveryFailed(f"SMTP {self.host}:{s.port}: {reason}") from err

    def _message_id(self, key: str) -> str:
        """<pressmon.KEY@domain> for a keyed message, else a unique one; the domain is the
        sender's (make_msgid would otherwise ask the resolver for this host's name)."""
        domain = parseaddr(self.settings.sender)[1].rpartition("@")[2] or "localhost"
        return f"<pressmon.{key}@{domain}>" if key else make_msgid("pressmon", domain)


# Authentication or STARTTLS required: the setup of [alerts], which an administrator fixes; the
# retries then deliver what was queued meanwhile.
_SETUP_REFUSAL = 530


def _permanent_refusal(err: Exception) -> str | None:
    """The server's 5xx reply (other than _SETUP_REFUSAL) refusing the message's sender, its
    recipient or its content, as the server said it; None for any other failure (a 4xx reply,
    no connection…), which may pass later."""
    replies: list[tuple[int, bytes | str]]
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        replies = list(err.recipients.values())
    elif isinstance(err, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        replies = [(err.smtp_code, err.smtp_error)]
    else:
        return None
    if not replies or not all(500 <= code < 600 and code != _SETUP_REFUSAL for code, _ in replies):
        return None
    return "; ".join(f"{code} {_text(said)}" for code, said in replies)


def _text(said: bytes | str) -> str:
    return said.decode(errors="replace") if isinstance(said, bytes) else said


# OpenSSL's verify codes for a certificate valid but issued to another name.
_NAME_MISMATCH = {62, 64}  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH


def _certificate_hint(err: ssl.SSLCertVerificationError, ca_file_set: bool) -> str:
    """What to change: the name when only the name is wrong, else which CAs are trusted."""
    if err.verify_code in _NAME_MISMATCH:
        return "chứng chỉ cấp cho tên khác: đặt alerts.host đúng tên trong chứng chỉ"
    if ca_file_set:
        return "alerts.ca_file không chứa CA đã cấp chứng chỉ này: sửa alerts.ca_file"
    return "đặt alerts.ca_file nếu chứng chỉ do CA nội bộ cấp"


def _tls_mismatch(err: Exception) -> str:
    """After the server's own words, what a `tls` it does not speak means (empty otherwise)."""
    if isinstance(err, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(err):
        return (
            "; máy chủ không mời STARTTLS nên thư không được gửi (không gửi khi chưa mã hóa); "
            'máy chủ mã hóa ngay từ đầu (thường cổng 465) thì đặt alerts.tls = "ssl"'
        )
    if isinstance(err, smtplib.SMTPResponseException) and b"STARTTLS" in err.smtp_error:
        return '; máy chủ đòi mã hóa trước khi nhận thư: đặt alerts.tls = "starttls"'
    return ""


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """A client context that verifies the server: the CAs in `ca_file` (PEM) only, or the
    system's; a missing or unreadable file is a configuration error naming alerts.ca_file."""
    if ca_file is None:
        return ssl.create_default_context()
    hint = "sửa alerts.ca_file trong settings.toml: tệp PEM các chứng chỉ CA của máy chủ SMTP"
    try:
        return ssl.create_default_context(cafile=ca_file)
    except ssl.SSLError as err:  # before OSError, which it is too
        raise ConfigError(
            f"alerts.ca_file: {ca_file}: không có chứng chỉ CA dạng PEM đọc được "
            f"({err.reason or err})",
            hint=hint,
        ) from err
    except OSError as err:
        raise ConfigError(f"alerts.ca_file: {ca_file}: {read_problem(err)}", hint=hint) from err


class ConsoleMailer:
    """Without SMTP, e-mails are printed (the demo shows its alerts this way)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def send(self, message: Message, to: Sequence[str]) -> None:
        # The subject and the link only: a whole e-mail per alert would bury everything else
        # a demo prints (a year of reposted scams is about a hundred alerts).
        links = [line for line in message.body.splitlines() if line.startswith(LINK_LABEL)]
        print("\n".join([f"CẢNH BÁO · {message.subject}", *links]), file=self.stream)
        self.stream.flush()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """urllib follows a 301, 302 or 303 answer to a POST with a GET without the body, which the
    new address may well answer 200: the alert would count as sent and never arrive. Not
    followed, a redirect reaches `post` as the HTTPError it is."""

    def redirect_request(self, *args: Any) -> None:
        return None


# What stays as it is in a path or query: its delimiters and escapes already made.
_URL_SAFE = "/%:@!$&'()*+,;=~?"


def request_url(url: str) -> str:
    """`url` as a request names it: letters beyond ASCII in its path and query percent-encoded
    (UTF-8), as a browser does; http.client would raise UnicodeEncodeError (the host may stay an
    IDN: http.client encodes that itself). ValueError when no request can be made of it."""
    parts = urllib.parse.urlsplit(url)
    _ = parts.port  # raises ValueError for a port out of range
    path, query = (urllib.parse.quote(part, safe=_URL_SAFE) for part in (parts.path, parts.query))
    return urllib.parse.urlunsplit(parts._replace(path=path, query=query, fragment=""))


def check_webhooks(urls: Sequence[str]) -> None:
    """ConfigError naming the first of alerts.webhooks no request can be made of."""
    for url in urls:
        try:
            request_url(url)
        except ValueError as err:
            raise ConfigError(
                f"alerts.webhooks: «{url}»: không gửi được tới địa chỉ này ({err})",
                hint="sửa địa chỉ webhook trong settings.toml",
            ) from err


# A client error says this request will never be taken (a wrong address, a refused token…), except
# 408 (too slow) and 429 (too many): those, server errors and network errors may pass later.
_PERMANENT_HTTP = frozenset(range(400, 500)) - {408, 429}


class HttpPoster:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirect)

    def post(self, url: str, payload: dict[str, Any]) -> None:
        try:
            request = urllib.request.Request(
                request_url(url),
                data=json.dumps(payload, ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
                method="POST",
            )
        except ValueError as err:  # refused when alerts are set up (check_webhooks)
            raise DeliveryFailed(f"webhook {url}: {err}") from err
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:  # raised for every redirect and status >= 400
            location = err.headers.get("Location") if 300 <= err.code < 400 else None
            moved = (
                f", chuyển hướng tới {urllib.parse.urljoin(url, location)}: "
                "đặt địa chỉ mới trong alerts.webhooks"
                if location
                else ""
            )
            if err.code in _PERMANENT_HTTP:
                raise DeliveryRefused(
                    f"webhook {url}: HTTP {err.code} {err.reason}: máy nhận từ chối hẳn, "
                    "không gửi lại"
                ) from err
            raise DeliveryFailed(f"webhook {url}: HTTP {err.code}{moved}") from err
        except http.client.HTTPException as err:  # not an OSError: a port that is not HTTP's
            raise DeliveryFailed(
                f"webhook {url}: máy chủ không trả lời bằng HTTP ({type(err).__name__}: {err}); "
                "kiểm tra cổng và http/https của địa chỉ"
            ) from err
        except OSError as err:
            raise DeliveryFailed(f"webhook {url}: {err}") from err
