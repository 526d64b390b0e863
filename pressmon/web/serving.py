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
    "set PRESSMON_SESSION_SECRET to 32 or more random bytes, e.g. "
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
        return "PRESSMON_SESSION_SECRET is not set"
    if secret.startswith(PLACEHOLDER):
        return "PRESSMON_SESSION_SECRET is still the example placeholder"
    if len(secret.encode()) < MIN_SECRET_BYTES:
        return f"PRESSMON_SESSION_SECRET is shorter than {MIN_SECRET_BYTES} bytes"
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
        raise ConfigError(f"refusing to serve on {host}: {problem}", hint=_HINT)
    warnings = []
    if problem:
        consequence = (
            "a random secret is used, every session ends when the server stops"
            if not secret
            else "sessions are only as safe as the secret"
        )
        warnings.append(f"warning: {problem}: {consequence}")
    if host.strip() in ("0.0.0.0", "::", "[::]"):
        warnings.append(
            f"warning: listening on every network interface ({host}): anyone who can reach "
            "this machine reaches the sign-in page; serve behind a TLS reverse proxy "
            "(settings web.secure_cookies and web.trusted_proxies)"
        )
    elif not loopback:
        warnings.append(
            f"warning: {host} is reachable from the network; serve behind a TLS reverse proxy "
            "(settings web.secure_cookies and web.trusted_proxies)"
        )
    return ServeCheck(tuple(warnings))
