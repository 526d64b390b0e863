"""What every route needs, held on app.state and handed out through FastAPI dependencies."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from index.base import Archive
from index.synonyms import Synonyms
from pressmon.alerts.dispatch import Notifier
from pressmon.alerts.store import AlertStore
from pressmon.coverage import archived_outlets
from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.filters import FilterResolver
from pressmon.review.changes import ChangeStore
from pressmon.review.escalations import EscalationStore
from pressmon.review.queue import QueueOrders
from pressmon.review.scope import Scope
from pressmon.review.scoped_archive import ScopedArchive
from pressmon.review.similar import DecidedTitles
from pressmon.settings import Settings, Targets
from pressmon.web.accounts import AccountStore, Session
from pressmon.web.client_address import Network, client_address
from pressmon.web.throttle import LoginThrottle
from pressmon.web.ttl_cache import TtlCache


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    archive: Archive
    accounts: AccountStore
    alerts: AlertStore  # accounts' alert preferences and the alerts' audit log
    clock: Callable[[], datetime]
    session_secret: str
    throttle: LoginThrottle
    login_pool: Executor  # a few threads for argon2, apart from the pool serving pages
    trusted_proxies: tuple[Network, ...]
    templates: Jinja2Templates
    targets: Targets
    provinces: tuple[str, ...]  # canonical list; empty when config/provinces.yaml is absent
    review_lock: threading.Lock
    outlets: Mapping[str, str]  # source id -> outlet name, from config/sources.yaml
    similar: DecidedTitles  # decided items' titles, for "similar decided items" on item pages
    coverage_cache: TtlCache[Any]  # dashboard figures per period (see routes.coverage.figures)
    # The outlets the archive holds that sources.yaml lacks (as `ingest` stores them), read
    # again every ARCHIVED_OUTLETS_MAX_AGE seconds: `counts --by outlet` and the dashboard show
    # them, so the drop-downs list them and the filters take them.
    archived_outlets: TtlCache[dict[str, str]]
    evidence: EvidenceKeeper  # saved copies of flagged articles (WARC beside the state database)
    escalations: EscalationStore  # items provincial offices sent to the Center
    changes: ChangeStore  # items edited at their source since someone last acted on them
    queue_orders: QueueOrders  # arranged queues, kept while what they were made of is unchanged
    # Queues the alerts of the Center's answers to the provinces (`pressmon serve` sends them).
    notifier: Notifier
    # Filter values as typed ("Nghe An", "Vĩnh Phúc", "vnexpress"); the CLI uses the same one.
    filters: FilterResolver | None = None  # None without config/provinces.yaml
    # config/synonyms.yaml's groups, for the search page's corrections (BHXN: BHXH).
    synonyms: Synonyms = Synonyms()

    def listed_outlets(self) -> Mapping[str, str]:
        """Outlet id → name: sources.yaml's, then those only the archive holds."""
        return {**self._archived(), **self.outlets}

    def filter_resolver(self) -> FilterResolver | None:
        """`filters`, taking also the outlets only the archive holds."""
        if self.filters is None:
            return None
        archived = self._archived()
        return self.filters.with_archived_outlets(archived) if archived else self.filters

    def _archived(self) -> dict[str, str]:
        return self.archived_outlets.get(
            "outlets", lambda: archived_outlets(self.archive, self.outlets)
        )


class NotSignedIn(Exception):
    """No valid session: HTML requests go to the login page, API requests get 401."""


class CsrfRejected(Exception):
    """A POST without the session's CSRF token (403)."""


class PasswordChangeRequired(Exception):
    """The account signed in with a one-time password: only the change-password page (and
    signing out) is open until it has chosen its own."""


# Open to an account that must change its password first.
PASSWORD_CHANGE_PATHS = frozenset({"/doi-mat-khau", "/dang-xuat", "/api/me"})


SESSION_COOKIE = "pm_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


async def get_context(request: Request) -> WebContext:
    """`async`: a plain `def` dependency would cost a hand-over to the thread pool per request."""
    return request.app.state.ctx


def request_address(request: Request, ctx: WebContext) -> str:
    peer = request.client.host if request.client else "?"
    return client_address(peer, request.headers.get("x-forwarded-for"), ctx.trusted_proxies)


def secure_cookies(request: Request, ctx: WebContext) -> bool:
    """Secure when the request is https, or always when TLS ends at a proxy in front."""
    return ctx.settings.web.secure_cookies or request.url.scheme == "https"


Context = Annotated[WebContext, Depends(get_context)]


def get_session(request: Request, ctx: Context) -> Session:
    token = request.cookies.get(SESSION_COOKIE)
    session = ctx.accounts.session(token, ctx.session_secret) if token else None
    if session is None:
        raise NotSignedIn()
    request.state.session = session  # templates show the user and the CSRF token
    if session.account.must_change_password and request.url.path not in PASSWORD_CHANGE_PATHS:
        raise PasswordChangeRequired()
    return session


CurrentSession = Annotated[Session, Depends(get_session)]


def session_scope(session: CurrentSession) -> Scope:
    return Scope(session.account.province)


SessionScope = Annotated[Scope, Depends(session_scope)]


def session_archive(ctx: Context, scope: SessionScope) -> Archive:
    """The archive as this session may see it: whole for the Center, one province's for a
    provincial office. Routes read and write items only through this (tests/web walk them)."""
    return ctx.archive if scope.is_center else ScopedArchive(ctx.archive, scope)


SessionArchive = Annotated[Archive, Depends(session_archive)]


async def check_csrf(request: Request, session: CurrentSession) -> Session:
    """Synchronizer token: header X-CSRF-Token (or, for HTML forms, field `csrf_token`) must equal
    the session's token."""
    sent = request.headers.get(CSRF_HEADER)
    is_api = request.url.path.startswith("/api/")  # the API takes the token from the header only
    if (
        sent is None
        and not is_api
        and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        )
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise CsrfRejected()
    return session


WritingSession = Annotated[Session, Depends(check_csrf)]
