"""Alert e-mail over real TLS on loopback: aiosmtpd offering and requiring STARTTLS, or speaking
TLS from the first byte, with a certificate from a throw-away CA made for each test. That CA is
trusted through alerts.ca_file, as a Center's internal CA would be; the system's CAs refuse it.
No mocks, nothing beyond 127.0.0.1."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import pytest

from pressmon.alerts.channels import SmtpMailer
from pressmon.alerts.errors import DeliveryFailed
from pressmon.alerts.messages import Message
from pressmon.errors import ConfigError
from pressmon.settings import AlertSettings, Settings, load_settings
from pressmon.wiring import notifier_from
from tests.web.alert_receivers import (
    Certificates,
    one_login,
    smtp_server,
    throwaway_certificates,
)

MESSAGE = Message(
    subject="[pressmon] Tin cần xem ngay: Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP",
    body=(
        "Tiêu đề: Cảnh báo cán bộ BHXH giả gọi điện đòi mã OTP\n"
        "Mức: cần xem ngay · điểm rủi ro 0,93\n"
        "Lý do chính: yêu cầu cung cấp mã OTP\n"
        "Xem và xử lý: https://pressmon.bhxh.test/bai/doc001\n"
    ),
)
TO = ["lanhdao@bhxh.test"]
USER, PASSWORD = "pressmon", "dung-Mat-khau-2026"
TLS_MODES = ("starttls", "ssl")


@pytest.fixture
def certificates(tmp_path: Path) -> Certificates:
    return throwaway_certificates(tmp_path)


def _mailer(port: int, **alerts: Any) -> SmtpMailer:
    values = {"host": "127.0.0.1", "port": port, "from": "pressmon@bhxh.test", **alerts}
    return SmtpMailer(AlertSettings.model_validate({"timeout_seconds": 5, **values}))


@pytest.mark.parametrize("tls", TLS_MODES)
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])  # the certificate's IP and DNS names
def test_with_the_internal_ca_in_ca_file_mail_arrives_intact_over_tls(
    certificates: Certificates, tls: Literal["starttls", "ssl"], host: str
) -> None:
    with smtp_server(tls, certificates) as (mailbox, port):
        _mailer(port, host=host, tls=tls, ca_file=certificates.ca_file).send(MESSAGE, TO)
    [email] = mailbox.messages
    assert email["Subject"] == MESSAGE.subject
    assert email.get_content() == MESSAGE.body
    assert email["From"] == "pressmon@bhxh.test" and email["To"] == "lanhdao@bhxh.test"
    assert mailbox.recipients == [TO] and mailbox.encrypted == [True]


@pytest.mark.parametrize("tls", TLS_MODES)
@pytest.mark.parametrize("trusted", ["system CAs", "another CA"])
def test_a_certificate_from_a_ca_not_trusted_is_refused_and_nothing_is_sent(
    certificates: Certificates, tmp_path: Path, tls: Literal["starttls", "ssl"], trusted: str
) -> None:
    ca_file = None
    if trusted == "another CA":  # ca_file replaces the system's CAs, it does not add to them
        other = tmp_path / "other"
        other.mkdir()
        ca_file = throwaway_certificates(other).ca_file
    with smtp_server(tls, certificates) as (mailbox, port):
        with pytest.raises(DeliveryFailed) as failed:
            _mailer(port, tls=tls, ca_file=ca_file).send(MESSAGE, TO)
    reason = str(failed.value)
    assert reason.startswith(f"SMTP 127.0.0.1:{port}: không xác minh được chứng chỉ TLS"), reason
    assert "certificate verify failed" in reason
    hint = {
        "system CAs": "đặt alerts.ca_file nếu chứng chỉ do CA nội bộ cấp",
        "another CA": "alerts.ca_file không chứa CA đã cấp chứng chỉ này",
    }[trusted]
    assert hint in reason and "alerts.host" not in reason  # the name was right
    assert isinstance(failed.value.__cause__, ssl.SSLCertVerificationError)
    assert mailbox.messages == []


@pytest.mark.parametrize("tls", TLS_MODES)
@pytest.mark.parametrize(
    ("host", "mismatch"),
    [("127.0.0.1", "IP address mismatch"), ("localhost", "Hostname mismatch")],
)
def test_a_certificate_for_another_name_is_refused_and_nothing_is_sent(
    tmp_path: Path, tls: Literal["starttls", "ssl"], host: str, mismatch: str
) -> None:
    # Issued by the trusted CA, so only the name is wrong: trusting the CA is not enough.
    certificates = throwaway_certificates(tmp_path, names=("mail.example.org",))
    with smtp_server(tls, certificates) as (mailbox, port):
        with pytest.raises(DeliveryFailed) as failed:
            _mailer(port, host=host, tls=tls, ca_file=certificates.ca_file).send(MESSAGE, TO)
    reason = str(failed.value)
    assert reason.startswith(f"SMTP {host}:{port}: không xác minh được chứng chỉ TLS"), reason
    assert mismatch in reason and "đặt alerts.host đúng tên trong chứng chỉ" in reason
    assert "ca_file" not in reason  # the CA is trusted: only the name is wrong
    assert isinstance(failed.value.__cause__, ssl.SSLCertVerificationError)
    assert mailbox.messages == []


# aiosmtpd warns at auth_required without auth_require_tls, which smtp_server turns off for
# implicit TLS only: there the connection is TLS already.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("tls", TLS_MODES)
@pytest.mark.parametrize(
    ("password", "delivered"),
    [(PASSWORD, True), ("sai-Mat-khau-2026", False)],
    ids=["right", "wrong"],
)
def test_login_over_tls(
    certificates: Certificates, tls: Literal["starttls", "ssl"], password: str, delivered: bool
) -> None:
    # The server offers AUTH only over TLS (see smtp_server), and here takes no mail without it.
    login = one_login(USER, PASSWORD)
    with smtp_server(tls, certificates, authenticator=login, auth_required=True) as (
        mailbox,
        port,
    ):
        mailer = _mailer(port, tls=tls, ca_file=certificates.ca_file, user=USER, password=password)
        if delivered:
            mailer.send(MESSAGE, TO)
        else:
            with pytest.raises(DeliveryFailed) as failed:
                mailer.send(MESSAGE, TO)
    if delivered:
        assert mailbox.logins == [USER.encode()] and mailbox.encrypted == [True]
        assert mailbox.messages[0]["Subject"] == MESSAGE.subject
    else:
        assert "535" in str(failed.value) and password not in str(failed.value)
        assert mailbox.messages == []


@pytest.mark.parametrize("field", ["user", "password"])
def test_a_login_smtplib_cannot_send_is_a_configuration_error_not_a_crash_at_send(
    field: str,
) -> None:
    # smtplib encodes the login as ASCII: "mật-khẩu" raised UnicodeEncodeError at every send.
    values = {"user": USER, "password": PASSWORD, field: "mật-khẩu-có-dấu"}
    with pytest.raises(ConfigError) as caught:
        _mailer(587, tls="starttls", **values)
    assert str(caught.value).startswith(f"alerts.{field}: chỉ được dùng ký tự ASCII")
    assert "mật-khẩu-có-dấu" not in str(caught.value) + caught.value.hint  # never echoed


@pytest.mark.parametrize(
    ("client", "server", "user", "said"),
    [
        # The server requires STARTTLS: a plain client is refused before its message...
        ("none", "starttls", None, ("530", 'đặt alerts.tls = "starttls"')),
        # ...and is not offered AUTH, so the password is never sent in the clear.
        ("none", "starttls", USER, ("AUTH extension not supported",)),
        # A server that does not offer STARTTLS: no falling back to plain text.
        ("starttls", "none", None, ("máy chủ không mời STARTTLS nên thư không được gửi",)),
        # Implicit TLS against a plain server: the handshake fails.
        ("ssl", "none", None, ("WRONG_VERSION_NUMBER",)),
    ],
    ids=["plain-to-starttls", "plain-login-to-starttls", "starttls-to-plain", "ssl-to-plain"],
)
def test_a_tls_mode_the_server_does_not_speak_fails_clearly_and_sends_nothing(
    certificates: Certificates,
    client: Literal["none", "starttls", "ssl"],
    server: Literal["none", "starttls"],
    user: str | None,
    said: tuple[str, ...],
) -> None:
    extra: dict[str, Any] = {"authenticator": one_login(USER, PASSWORD)} if user else {}
    with smtp_server(server, certificates, **extra) as (mailbox, port):
        mailer = _mailer(
            port, tls=client, ca_file=certificates.ca_file, user=user, password=PASSWORD
        )
        with pytest.raises(DeliveryFailed) as failed:
            mailer.send(MESSAGE, TO)
    assert str(failed.value).startswith(f"SMTP 127.0.0.1:{port}: "), failed.value
    assert all(part in str(failed.value) for part in said), failed.value
    assert mailbox.messages == []


def _config(root: Path, ca_file: str) -> Path:
    """root/config/settings.toml sending alerts over STARTTLS and trusting `ca_file`."""
    folder = root / "config"
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text(
        f'[alerts]\nhost = "smtp.bhxh.test"\ntls = "starttls"\nca_file = "{ca_file}"\n',
        encoding="utf-8",
    )
    return folder


def test_a_relative_ca_file_is_against_the_repository_root_like_other_config_files(
    tmp_path: Path, certificates: Certificates
) -> None:
    assert AlertSettings().ca_file is None  # the system's CAs unless set
    root = tmp_path / "center"  # config/ and, beside it, certs/
    (root / "certs").mkdir(parents=True)
    certificates.ca_file.rename(root / "certs" / "ca.pem")
    folder = _config(root, "certs/ca.pem")
    alerts = load_settings(folder, environ={}, data_dir=tmp_path / "data").alerts
    assert alerts.ca_file == root.resolve() / "certs" / "ca.pem"
    assert SmtpMailer(alerts).context.get_ca_certs()[0]["subject"] == (
        (("commonName", "pressmon test CA"),),
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: None, "không tìm thấy tệp"),
        (lambda path: path.mkdir(), "đây là một thư mục, không phải tệp"),
        (
            lambda path: path.write_text("không phải chứng chỉ\n", encoding="utf-8"),
            "không có chứng chỉ CA dạng PEM đọc được (NO_CERTIFICATE_OR_CRL_FOUND)",
        ),
    ],
    ids=["missing", "folder", "not-pem"],
)
def test_a_ca_file_that_cannot_be_used_is_a_clear_configuration_error(
    tmp_path: Path, settings: Settings, make: Callable[[Path], object], said: str
) -> None:
    folder = _config(tmp_path / "center", "config/ca-noi-bo.pem")
    ca_file = folder.resolve() / "ca-noi-bo.pem"
    make(ca_file)
    alerts = load_settings(folder, environ={}, data_dir=tmp_path / "data").alerts
    assert alerts.ca_file == ca_file
    # Said when the notifier is made (`pressmon serve`, `crawl`, `ingest` start), not at a send.
    with pytest.raises(ConfigError) as caught:
        notifier_from(settings.model_copy(update={"alerts": alerts}))
    assert str(caught.value) == f"alerts.ca_file: {ca_file}: {said}"
    assert caught.value.hint.startswith("sửa alerts.ca_file trong settings.toml")
