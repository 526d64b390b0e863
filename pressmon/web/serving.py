"""Checks before `pressmon serve` listens: the session secret and the address, pure.

Off loopback a missing, short or placeholder PRESSMON_SESSION_SECRET is refused (sessions are
HMAC-keyed by it); on loopback it is only warned about, so `make demo` works without one.
Several worker processes need it wherever they listen: without it each would make up its own,
and a session opened by one would be refused by the others.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from pressmon.errors import ConfigError

MIN_SECRET_BYTES = 32
PLACEHOLDER = "change-me"  # deploy/secrets.env.example's value starts so
_HINT = (
    "đặt PRESSMON_SESSION_SECRET là một chuỗi ngẫu nhiên từ 32 byte trở lên, ví dụ "
    "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
)


@dataclass(frozen=True)
class ServeCheck:
    warnings: tuple[str, ...]


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def _secret_problem(secret: str | None) -> str:
    if not secret:
        return "chưa đặt PRESSMON_SESSION_SECRET"
    if secret.startswith(PLACEHOLDER):
        return "PRESSMON_SESSION_SECRET vẫn là giá trị mẫu"
    if len(secret.encode()) < MIN_SECRET_BYTES:
        return f"PRESSMON_SESSION_SECRET ngắn hơn {MIN_SECRET_BYTES} byte"
    return ""


def check_serve(host: str, secret: str | None, workers: int = 1) -> ServeCheck:
    """Raise ConfigError when serving `host` with `secret` in `workers` processes is unsafe or
    cannot work; else what to warn about."""
    if workers > 1 and not secret:
        raise ConfigError(
            f"không thể chạy {workers} tiến trình phục vụ khi chưa đặt PRESSMON_SESSION_SECRET: "
            "mỗi tiến trình sẽ tự tạo khoá phiên riêng, phiên đăng nhập ở tiến trình này bị "
            "tiến trình khác từ chối",
            hint="đặt PRESSMON_SESSION_SECRET (32 byte ngẫu nhiên trở lên, ví dụ "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`) hoặc dùng "
            "--workers 1",
        )
    problem = _secret_problem(secret)
    loopback = is_loopback(host)
    if problem and not loopback:
        raise ConfigError(f"không mở trang web ở {host}: {problem}", hint=_HINT)
    warnings = []
    if problem:
        consequence = (
            "dùng một khóa ngẫu nhiên, mọi phiên đăng nhập kết thúc khi máy chủ dừng"
            if not secret
            else "phiên đăng nhập chỉ an toàn ngang khóa này"
        )
        warnings.append(f"Cảnh báo: {problem}: {consequence}")
    if host.strip() in ("0.0.0.0", "::", "[::]"):
        warnings.append(
            f"Cảnh báo: đang nghe trên mọi giao diện mạng ({host}): ai kết nối được tới máy "
            "này đều thấy trang đăng nhập; hãy đặt sau một reverse proxy có TLS "
            "(thiết lập web.secure_cookies và web.trusted_proxies)"
        )
    elif not loopback:
        warnings.append(
            f"Cảnh báo: {host} truy cập được từ mạng; hãy đặt sau một reverse proxy có TLS "
            "(thiết lập web.secure_cookies và web.trusted_proxies)"
        )
    return ServeCheck(tuple(warnings))
