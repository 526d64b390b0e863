"""Real receivers on loopback for alert tests: an SMTP server (aiosmtpd), plain or with TLS
(STARTTLS or implicit) under a throw-away CA, and an HTTP server taking webhook POSTs, each able to
refuse the next messages to exercise retries; the SMTP server can hold a message mid-delivery."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Mailbox:
    """aiosmtpd handler: keeps what it accepts, with how it came (over TLS or not, the login);
    refuses the next `refuse` messages with a 451, and the recipients in `refused` with their
    reply (address -> e.g. "550 5.1.1 …")."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.encrypted: list[bool] = []
        self.logins: list[bytes | None] = []
        self.refuse = 0
        self.refused: dict[str, str] = {}
        self.refusals: list[str] = []  # the recipients refused, as they were tried
        # When given, the first message waits until it is set; `holding` says it is waiting.
        self.hold: threading.Event | None = None
        self.holding = threading.Event()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            self.refusals.append(address)
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.hold is not None and not self.holding.is_set():
            self.holding.set()
            while not self.hold.is_set():  # the server's other connections go on meanwhile
                await asyncio.sleep(0.01)
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Thử lại sau"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.recipients.append(list(envelope.rcpt_tos))
        # After STARTTLS aiosmtpd swaps its transport for the TLS one; with implicit TLS it is
        # the TLS one from the start.
        self.encrypted.append(server.transport.get_extra_info("ssl_object") is not None)
        self.logins.append(getattr(session.auth_data, "login", None))
        return "250 OK"


@contextmanager
def sending(send_due: Callable[[], int], mailbox: Mailbox) -> Iterator[list[int]]:
    """`send_due` (a Notifier's) runs on another thread, its first mail held at the server until
    the block ends; then how many it sent."""
    mailbox.hold, mailbox.holding = threading.Event(), threading.Event()
    sent: list[int] = []
    thread = threading.Thread(target=lambda: sent.append(send_due()))
    thread.start()
    try:
        assert mailbox.holding.wait(timeout=30)  # its mail is at the server
        yield sent
    finally:
        mailbox.hold.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


@dataclass(frozen=True)
class Certificates:
    """A throw-away CA and the server certificate it signed for some names (PEM)."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key_usage(*granted: str) -> x509.KeyUsage:
    """KeyUsage with only the `granted` uses (x509.KeyUsage's keyword names) set."""
    uses = (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    )
    return x509.KeyUsage(**{use: use in granted for use in uses})


def _valid_for_a_day(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, now: datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
    )


def _subject_alt_name(names: tuple[str, ...]) -> x509.SubjectAlternativeName:
    """Each name as what a verifier matches it against: an IP address, else a DNS name."""
    entries: list[x509.GeneralName] = []
    for name in names:
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name))
    return x509.SubjectAlternativeName(entries)


def throwaway_certificates(
    folder: Path, names: tuple[str, ...] = ("localhost", "127.0.0.1")
) -> Certificates:
    """Made fresh for each test (P-256 keys: milliseconds), the server's for `names`, with the
    extensions a strict verifier asks for (Python 3.13's default VERIFY_X509_STRICT), valid from
    an hour ago for a day."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("pressmon test CA")
    ca = (
        _valid_for_a_day(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage("key_cert_sign", "crl_sign"), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _valid_for_a_day(_name(names[0]), ca_name, key.public_key(), now)
        .add_extension(_subject_alt_name(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage("digital_signature"), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    certificates = Certificates(
        ca_file=folder / "ca.pem", cert_file=folder / "server.pem", key_file=folder / "server.key"
    )
    certificates.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    certificates.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    certificates.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificates


def one_login(user: str, password: str) -> Any:
    """aiosmtpd authenticator accepting `user` with `password` only (AUTH PLAIN or LOGIN)."""

    def authenticate(
        server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            user.encode(),
            password.encode(),
        )
        # Not handled: aiosmtpd answers 535 itself. auth_data: the session's, once accepted.
        return AuthResult(success=ok, handled=False, auth_data=data if ok else None)

    return authenticate


@contextmanager
def smtp_server(
    tls: Literal["none", "starttls", "ssl"] = "none",
    certificates: Certificates | None = None,
    **smtp: Any,
) -> Iterator[tuple[Mailbox, int]]:
    """aiosmtpd on 127.0.0.1: plain; "starttls" offers STARTTLS and refuses anything but EHLO,
    NOOP, QUIT before it (RFC 3207); "ssl" speaks TLS from the first byte. `smtp` goes to
    aiosmtpd's SMTP (e.g. `authenticator`; AUTH is offered only once TLS is up)."""
    mailbox = Mailbox()
    port = free_port()
    if tls != "none":
        assert certificates is not None, "TLS needs certificates"
        context = certificates.server_context()
        if tls == "starttls":
            smtp.update(tls_context=context, require_starttls=True)
        else:
            # Controller.start() checks the server answers over its own unverified TLS connection
            # (aiosmtpd.controller._server_to_client_ssl_ctx): nothing to add for implicit TLS.
            # auth_require_tls knows only STARTTLS, so it would never offer AUTH here; the
            # connection is TLS from the first byte, so not asking for it again is honest.
            smtp.update(ssl_context=context, auth_require_tls=False)
    # server_hostname: the greeting's name, so aiosmtpd does not ask the resolver (getfqdn).
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, server_hostname="localhost", **smtp
    )
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


class Hook:
    def __init__(self) -> None:
        self.payloads: list[dict[str, Any]] = []
        self.refuse = 0  # answer the next POSTs with `refuse_status`
        self.refuse_status = 500
        # (status, path): answer POSTs with that redirect to that path of the same server,
        # which answers a GET with 200 (as a web page would) and keeps nothing
        self.redirect: tuple[int, str] | None = None
        self.gets: list[str] = []
        self.paths: list[str] = []  # of the POSTs kept, as requested (percent-encoded)


@contextmanager
def webhook_server() -> Iterator[tuple[Hook, str]]:
    hook = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hook.gets.append(self.path)
            self.send_response(200)
            self.end_headers()

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if hook.redirect:
                status, path = hook.redirect
                self.send_response(status)
                self.send_header("Location", path)
                self.send_header("Content-Length", "0")
            elif hook.refuse:
                hook.refuse -= 1
                self.send_response(hook.refuse_status)
            else:
                assert self.headers["Content-Type"].startswith("application/json")
                hook.payloads.append(json.loads(body))
                hook.paths.append(self.path)
                self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:  # keep the test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hook, f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()
