"""The ways an alert leaves: SMTP, the console (no SMTP configured) and webhooks (JSON POST).

Thin adapters: each raises DeliveryFailed with the reason, and the dispatcher retries.
"""

from __future__ import annotations

import json
import smtplib
import ssl
import urllib.error
import urllib.request
from collections.abc import Sequence
from email.header import Header
from email.mime.text import MIMEText
from typing import Any, Protocol, TextIO

from pressmon.alerts.errors import AlertError, DeliveryFailed
from pressmon.alerts.messages import LINK_LABEL, Message
from pressmon.settings import AlertSettings


class Mailer(Protocol):
    def send(self, message: Message, to: Sequence[str]) -> None: ...


class Poster(Protocol):
    def post(self, url: str, payload: dict[str, Any]) -> None: ...


class SmtpMailer:
    def __init__(self, settings: AlertSettings) -> None:
        if settings.host is None:
            raise AlertError("chưa có máy chủ SMTP để gửi thư", hint="đặt alerts.host")
        self.settings = settings
        self.host: str = settings.host

    def send(self, message: Message, to: Sequence[str]) -> None:
        # Header() splits the encoded subject inside words: EmailMessage's folding drops the
        # space between two encoded words, so mail readers showed "xuấthiện" for "xuất hiện".
        email = MIMEText(message.body, "plain", "utf-8")
        email["Subject"] = Header(message.subject, "utf-8")  # type: ignore[assignment]
        email["From"] = self.settings.sender
        email["To"] = ", ".join(to)
        s = self.settings
        try:
            if s.tls == "ssl":
                context = ssl.create_default_context()
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, s.port, timeout=s.timeout_seconds, context=context
                )
            else:
                smtp = smtplib.SMTP(self.host, s.port, timeout=s.timeout_seconds)
            with smtp:
                if s.tls == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if s.user:
                    smtp.login(s.user, s.password or "")
                smtp.send_message(email)
        except (OSError, smtplib.SMTPException) as err:
            raise DeliveryFailed(f"SMTP {self.host}:{s.port}: {err}") from err


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


class HttpPoster:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def post(self, url: str, payload: dict[str, Any]) -> None:
        request = urllib.request.Request(
            url,
            data=json.dumps(payload, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:  # urlopen raises for every status >= 400
            raise DeliveryFailed(f"webhook {url}: HTTP {err.code}") from err
        except OSError as err:
            raise DeliveryFailed(f"webhook {url}: {err}") from err
