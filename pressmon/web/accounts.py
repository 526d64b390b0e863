"""Reviewer accounts and login sessions in the small state database (settings.archive.state_path).

Passwords are argon2id hashes; session tokens are stored only as an HMAC keyed by the
session secret, so a leaked database holds no usable token and a new secret ends every session.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pressmon.review.labels import office_label
from pressmon.review.offices import OfficeAt, OfficeChange, office_at
from pressmon.review.statuses import SYSTEM_ACTOR
from pressmon.state_db import open_state_db, transaction
from pressmon.web.errors import AccountError, AccountNotFound
from pressmon.web.passwords import check_password
from vntext.normalize import nfc

Role = Literal["reviewer", "lead", "admin"]
ROLES: tuple[Role, ...] = ("reviewer", "lead", "admin")
ROLE_LABELS = {"reviewer": "Người xác minh", "lead": "Lãnh đạo", "admin": "Quản trị"}
SESSION_LIFETIME = timedelta(hours=12)
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
CENTER_OFFICE = "Trung tâm"  # a move to the Center, as the account log says it


def added_detail(role: str, province: str | None) -> str:
    """The account log's detail of a new account: its role, and its province when it has one
    (read back by `AccountStore.office_changes`)."""
    return f"{role}, {province}" if province else role


def read_added_detail(detail: str) -> tuple[str, str | None]:
    """The role and the province (None: the Center) an `added_detail` holds."""
    role, _, province = detail.partition(", ")
    return role, province or None


def account_detail_text(action: str, detail: str) -> str:
    """An account log detail as people read it: roles by name, a province as its office
    ("lead, Nghệ An" → "Lãnh đạo, BHXH Nghệ An"; "reviewer -> lead" → "Người xác minh → Lãnh
    đạo"); other details are already words."""
    if action == "add":
        role, province = read_added_detail(detail)
        office = [office_label(province)] if province else []
        return ", ".join([ROLE_LABELS.get(role, role), *office])
    before, arrow, after = detail.partition(" -> ")
    if action == "set-role" and arrow:
        return f"{ROLE_LABELS.get(before, before)} → {ROLE_LABELS.get(after, after)}"
    return detail


def moved_detail(province: str | None) -> str:
    """The account log's detail of a move to a province's office or the Center (None)."""
    return province or CENTER_OFFICE


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: Role
    disabled: bool
    created_at: datetime
    must_change_password: bool = False  # after an administrator's reset
    province: str | None = None  # a provincial office's account; None: the Center

    @property
    def label(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class Session:
    account: Account
    csrf_token: str
    expires_at: datetime


def _office(row: sqlite3.Row) -> str | None:
    """The province an `add` or `set-province` event of the account log put the account in."""
    if row["action"] == "add":
        return read_added_detail(row["detail"])[1]
    return None if row["detail"] == CENTER_OFFICE else row["detail"]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class AccountEvent:
    at: datetime
    actor: str
    username: str
    action: str
    detail: str


class AccountStore:
    """users + sessions (+ the current assignee of each item) in one SQLite file."""

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] = _now,
        hasher: PasswordHasher | None = None,  # argon2id with the library's (RFC 9106) defaults
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._hasher = hasher or PasswordHasher()
        self._dummy: str | None = None
        open_state_db(self.path).close()

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    # --- accounts -------------------------------------------------------------------------

    def add(
        self,
        username: str,
        password: str,
        role: str,
        display_name: str = "",
        province: str | None = None,
    ) -> Account:
        """`province`: the stored (current) province name, already resolved by the caller.
        The display name is stored NFC, as all Vietnamese text (typed decomposed, it would not
        match the same name typed composed)."""
        username = self.new_username(username)
        display_name = nfc(display_name).strip()
        if role not in ROLES:
            raise AccountError(
                f"không có vai trò {role!r}", hint=f"chọn một trong: {', '.join(ROLES)}"
            )
        _check_province(role, province)
        check_password(password, username)
        created = self._clock()
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT INTO users (username, display_name, role, password_hash, disabled,"
                    " created_at, province) VALUES (?, ?, ?, ?, 0, ?, ?)",
                    (
                        username,
                        display_name,
                        role,
                        self._hasher.hash(password),
                        created.isoformat(),
                        province,
                    ),
                )
        except sqlite3.IntegrityError as err:
            raise AccountError(f"tài khoản {username!r} đã có") from err
        return Account(username, display_name, role, False, created, province=province)

    def new_username(self, username: str) -> str:
        """`username` as stored, checked first, before the password is asked or judged: an
        account that exists is said to exist, not refused for a weak password.

        Raises:
            AccountError: not a valid name, the system's, or an existing account's.
        """
        username = username.strip().lower()
        if not _USERNAME.match(username):
            raise AccountError(
                f"tên đăng nhập không hợp lệ: {username!r}",
                hint="2–32 ký tự: chữ thường không dấu, số, '.', '_' hoặc '-'",
            )
        if username == SYSTEM_ACTOR:  # the audit log shows its events as the system's
            raise AccountError(
                f"tên đăng nhập {username!r} dành cho hệ thống", hint="chọn một tên khác"
            )
        if self.get(username) is not None:
            raise AccountError(f"tài khoản {username!r} đã có")
        return username

    def list(self) -> list[Account]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM users ORDER BY username").fetchall()
        return [_account(row) for row in rows]

    def names(self) -> dict[str, str]:
        """username -> the name people read for the account (`Account.label`)."""
        return {a.username: a.label for a in self.list()}

    def get(self, username: str) -> Account | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM users WHERE username = ?", (username.lower(),)
            ).fetchone()
        return _account(row) if row else None

    def disable(self, username: str) -> None:
        with self._connect() as db:
            changed = db.execute(
                "UPDATE users SET disabled = 1 WHERE username = ?", (username.lower(),)
            ).rowcount
            db.execute("DELETE FROM sessions WHERE username = ?", (username.lower(),))
        if not changed:
            raise AccountNotFound(
                f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
            )

    def enable(self, username: str) -> None:
        with self._connect() as db:
            changed = db.execute(
                "UPDATE users SET disabled = 0 WHERE username = ?", (username.lower(),)
            ).rowcount
        if not changed:
            raise AccountNotFound(
                f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
            )

    def set_role(self, username: str, role: str) -> Account:
        if role not in ROLES:
            raise AccountError(
                f"không có vai trò {role!r}", hint=f"chọn một trong: {', '.join(ROLES)}"
            )
        current = self.get(username.strip())
        _check_province(role, current.province if current else None)
        with self._connect() as db:
            changed = db.execute(
                "UPDATE users SET role = ? WHERE username = ?", (role, username.strip().lower())
            ).rowcount
        if not changed:
            raise AccountNotFound(
                f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
            )
        account = self.get(username.strip())
        assert account is not None  # just updated
        return account

    def set_province(self, username: str, province: str | None) -> Account:
        """Move the account to a province's office (a resolved name), or to the Center (None)."""
        current = self.get(username.strip())
        if current is None:
            raise AccountNotFound(
                f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
            )
        _check_province(current.role, province)
        with self._connect() as db:
            db.execute(
                "UPDATE users SET province = ? WHERE username = ?", (province, current.username)
            )
        account = self.get(current.username)
        assert account is not None  # just updated
        return account

    def reset_password(self, username: str) -> str:
        """A random one-time password, to be replaced at the next sign-in; every session of the
        account ends (whoever knew the old password is signed out)."""
        account = self.get(username.strip())
        if account is None:
            raise AccountNotFound(
                f"không có tài khoản {username!r}", hint="xem danh sách: pressmon users list"
            )
        password = secrets.token_urlsafe(12)  # 16 characters: passes check_password
        with self._connect() as db:
            db.execute(
                "UPDATE users SET password_hash = ?, must_change_password = 1 WHERE username = ?",
                (self._hasher.hash(password), account.username),
            )
            db.execute("DELETE FROM sessions WHERE username = ?", (account.username,))
        return password

    def change_password(self, username: str, password: str) -> None:
        """The account's own new password (checked by the policy); clears a pending reset."""
        if self._matches(username, password):
            raise AccountError(
                "mật khẩu mới phải khác mật khẩu dùng một lần",
                hint="hãy chọn mật khẩu của riêng bạn",
            )
        self.set_password(username, password)
        with self._connect() as db:
            db.execute(
                "UPDATE users SET must_change_password = 0 WHERE username = ?",
                (username.strip().lower(),),
            )

    def _matches(self, username: str, password: str) -> bool:
        with self._connect() as db:
            row = db.execute(
                "SELECT password_hash FROM users WHERE username = ?", (username.strip().lower(),)
            ).fetchone()
        if row is None:
            return False
        try:
            return bool(self._hasher.verify(row["password_hash"], password))
        except (VerificationError, InvalidHashError):
            return False

    # --- audit of administrative changes ---------------------------------------------------

    def record(self, actor: str, username: str, action: str, detail: str = "") -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO account_events (at, actor, username, action, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                (self._clock().isoformat(), actor, username.strip().lower(), action, detail),
            )

    def events(
        self,
        username: str | None = None,
        limit: int = 50,
        *,
        actor: str | None = None,
        action: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[AccountEvent, ...]:
        """Newest first: of the account `username`, by `actor`, of one `action`, since <= at <
        until (each when given)."""
        conditions = [
            (username, "username = ?", username and username.strip().lower()),
            (actor, "actor = ?", actor),
            (action, "action = ?", action),
            (since, "at >= ?", since and since.astimezone(UTC).isoformat()),
            (until, "at < ?", until and until.astimezone(UTC).isoformat()),
        ]
        where = " AND ".join(sql for given, sql, _ in conditions if given) or "1"
        args = [value for given, _, value in conditions if given]
        with self._connect() as db:
            rows = db.execute(
                f"SELECT * FROM account_events WHERE {where} ORDER BY at DESC, id DESC LIMIT ?",
                (*args, limit),
            ).fetchall()
        return tuple(
            AccountEvent(
                datetime.fromisoformat(r["at"]), r["actor"], r["username"], r["action"], r["detail"]
            )
            for r in rows
        )

    def office_changes(self) -> tuple[OfficeChange, ...]:
        """Every account's office as the account log recorded it, oldest first: made with one
        (`added_detail`), moved to one (`moved_detail`)."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT at, username, action, detail FROM account_events"
                " WHERE action IN ('add', 'set-province') ORDER BY at, id"
            ).fetchall()
        return tuple(
            OfficeChange(
                r["username"],
                datetime.fromisoformat(r["at"]),
                _office(r),
                moved=r["action"] == "set-province",
            )
            for r in rows
        )

    def offices_at(self, accounts: Iterable[Account] | None = None) -> OfficeAt:
        """The province each account acted for at a time (`office_at`; None: the Center).
        `accounts`: `list()` as the caller read it already, else read here."""
        current = self.list() if accounts is None else accounts
        return office_at(self.office_changes(), {a.username: a.province for a in current})

    def set_password(self, username: str, password: str) -> None:
        check_password(password, username)
        with self._connect() as db:
            changed = db.execute(
                "UPDATE users SET password_hash = ? WHERE username = ?",
                (self._hasher.hash(password), username.lower()),
            ).rowcount
        if not changed:
            raise AccountNotFound(f"không có tài khoản {username!r}")

    def verify(self, username: str, password: str) -> Account | None:
        """The account when the password matches and the account is enabled, else None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM users WHERE username = ?", (username.strip().lower(),)
            ).fetchone()
        # Unknown and disabled accounts verify against a dummy hash, so every refusal costs
        # one argon2 verification and the answer's timing says nothing about which names exist.
        usable = row is not None and not row["disabled"]
        stored = row["password_hash"] if usable else self._dummy_hash()
        try:
            self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return _account(row) if usable else None

    def _dummy_hash(self) -> str:
        # Made on first use with this store's hasher (same parameters as real hashes), never
        # stored: `pressmon users list` should not pay for an argon2 hash.
        if self._dummy is None:
            self._dummy = self._hasher.hash(secrets.token_urlsafe(32))
        return self._dummy

    # --- sessions -------------------------------------------------------------------------

    def open_session(self, account: Account, secret: str) -> tuple[str, Session]:
        """A new session; returns (cookie token, session). Only the token's HMAC is stored."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        session = Session(account, secrets.token_urlsafe(32), now + SESSION_LIFETIME)
        with self._connect() as db:
            db.execute("DELETE FROM sessions WHERE expires_at < ?", (now.isoformat(),))
            db.execute(
                "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                (
                    _digest(token, secret),
                    account.username,
                    session.csrf_token,
                    now.isoformat(),
                    session.expires_at.isoformat(),
                ),
            )
        return token, session

    def session(self, token: str, secret: str) -> Session | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT s.csrf_token, s.expires_at, u.* FROM sessions s "
                "JOIN users u ON u.username = s.username WHERE s.token_digest = ?",
                (_digest(token, secret),),
            ).fetchone()
        if row is None or row["disabled"]:
            return None
        expires = datetime.fromisoformat(row["expires_at"])
        if expires <= self._clock():
            return None
        return Session(_account(row), row["csrf_token"], expires)

    def close_session(self, token: str, secret: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM sessions WHERE token_digest = ?", (_digest(token, secret),))

    def close_other_sessions(self, username: str, token: str, secret: str) -> None:
        """End every session of `username` but the one of `token` (the browser it acts from)."""
        with self._connect() as db:
            db.execute(
                "DELETE FROM sessions WHERE username = ? AND token_digest != ?",
                (username.strip().lower(), _digest(token, secret)),
            )

    # --- current assignee (the audit trail itself lives in the archive) ----------------------

    def assign(self, document_id: str, assignee: str) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO assignments VALUES (?, ?, ?) ON CONFLICT(document_id) DO UPDATE "
                "SET assignee = excluded.assignee, assigned_at = excluded.assigned_at",
                (document_id, assignee, self._clock().isoformat()),
            )

    def assignees(self) -> dict[str, str]:
        """document id -> username of its current assignee."""
        with self._connect() as db:
            return {
                row["document_id"]: row["assignee"]
                for row in db.execute("SELECT * FROM assignments")
            }


def _digest(token: str, secret: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def _check_province(role: str, province: str | None) -> None:
    # Administrators manage every account, so they belong to the Center.
    if province and role == "admin":
        raise AccountError(
            "tài khoản quản trị (admin) không thể thuộc một tỉnh",
            hint="cho tài khoản của tỉnh vai trò reviewer hoặc lead",
        )


def _account(row: sqlite3.Row) -> Account:
    return Account(
        username=row["username"],
        display_name=row["display_name"],
        role=row["role"],
        disabled=bool(row["disabled"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        must_change_password=bool(row["must_change_password"]),
        province=row["province"],
    )


DEMO_PROVINCIAL = "demo-tinh"


def ensure_demo_provincial_account(store: AccountStore, province: str) -> tuple[str, str]:
    """A reviewer `demo-tinh` of `province`'s office with a fresh random password (reset on
    every demo run): the demo's sample of a province that reports to the Center."""
    password = secrets.token_urlsafe(12)
    if store.get(DEMO_PROVINCIAL) is None:
        store.add(
            DEMO_PROVINCIAL,
            password,
            "reviewer",
            display_name="Cán bộ trình diễn",  # its office is named beside it: "(BHXH X)"
            province=province,
        )
    else:
        store.set_province(DEMO_PROVINCIAL, province)
        store.set_password(DEMO_PROVINCIAL, password)
        store.enable(DEMO_PROVINCIAL)
    return DEMO_PROVINCIAL, password


def ensure_demo_account(store: AccountStore) -> tuple[str, str]:
    """A lead account `demo` with a fresh random password (reset on every demo run)."""
    password = secrets.token_urlsafe(12)
    if store.get("demo") is None:
        store.add("demo", password, "lead", display_name="Tài khoản trình diễn")
    else:
        store.set_password("demo", password)
        store.enable("demo")
    return "demo", password
