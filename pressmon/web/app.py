"""create_app: the reviewers' web app (FastAPI + Jinja2, Vietnamese UI), no globals."""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic_core import ErrorDetails
from starlette.exceptions import HTTPException as StarletteHTTPException

from classifier.types import TIERS
from index.base import Archive
from index.errors import BackendUnavailable, DocumentNotFound, QueryError, SearchIndexError
from index.synonyms import Synonyms
from index.types import UNKNOWN_GROUP
from pressmon.alerts.store import AlertStore
from pressmon.evidence.errors import EvidenceError
from pressmon.evidence.keeper import EvidenceKeeper
from pressmon.filters import FilterResolver, UnknownFilterValue
from pressmon.reports import REPORT_CATEGORY_UNKNOWN
from pressmon.review.changes import ChangeStore
from pressmon.review.date_reasons import date_disagreement_text, date_reason_text
from pressmon.review.errors import NoteRequired, RoleForbidden, WorkflowError
from pressmon.review.escalations import EscalationStore
from pressmon.review.labels import (
    DATE_SOURCE_LABELS,
    EXTRACTED_FIELD_LABELS,
    EXTRACTION_METHOD_LABELS,
    actor_label,
    changed_marker,
    label,
    office_label,
)
from pressmon.review.queue import QueueOrders
from pressmon.review.similar import DecidedTitles
from pressmon.review.story_copies import provinces_of
from pressmon.settings import Settings, Targets, load_sources, load_targets
from pressmon.web import auth, formatting
from pressmon.web.accounts import ROLE_LABELS, AccountStore
from pressmon.web.body_limit import BodyLimit
from pressmon.web.client_address import trusted_networks
from pressmon.web.deps import (
    CsrfRejected,
    CurrentSession,
    NotSignedIn,
    PasswordChangeRequired,
    WebContext,
)
from pressmon.web.error_context import back_link, param_label
from pressmon.web.errors import AccountNotFound, BadParameter, PermissionDenied
from pressmon.web.head_requests import HeadAsGet
from pressmon.web.login_address_failures import LoginAddressFailureStore
from pressmon.web.login_failures import LoginFailureStore
from pressmon.web.params import is_api_path
from pressmon.web.routes import (
    REPORT_ROLES,
    alerts,
    api,
    api_docs,
    audit,
    coverage,
    item,
    password,
    queue,
    saved_copy,
    search,
    users,
)
from pressmon.web.throttle import AddressWindow, LoginThrottle
from pressmon.web.ttl_cache import TtlCache
from pressmon.wiring import gazetteer_from, notifier_from, synonyms_from, targets_from
from vntext.validation_text import field_path, problem_text

HERE = Path(__file__).resolve().parent
# Dashboard figures are shared by every reviewer for this long; new articles show up by then.
COVERAGE_MAX_AGE = 30.0
# Outlets only the archive holds come from `ingest` or `index import`, rarely: reading them (a count
# over the whole archive) every few minutes is soon enough.
ARCHIVED_OUTLETS_MAX_AGE = 300.0
# argon2 is CPU-bound: two verifications at a time leave the other cores to the pages.
LOGIN_WORKERS = 2
LOGIN_THREAD_PREFIX = "pressmon-login"
log = logging.getLogger(__name__)
# Defence in depth behind escaping: the pages need no script at all, nothing from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; "
    "style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _now() -> datetime:
    return datetime.now(UTC)


def _load_targets(settings: Settings) -> Targets:
    if not settings.targets_file.exists():
        return Targets()
    if not settings.provinces_file.exists():  # as `_provinces`: names then come from data
        return load_targets(settings.targets_file)
    return targets_from(settings)


def _load_outlets(settings: Settings) -> dict[str, str]:
    if not settings.sources_file.exists():
        return {}
    return {source.id: source.name for source in load_sources(settings.sources_file).sources}


def _provinces(settings: Settings) -> tuple[str, ...]:
    """The 34 current provinces from the gazetteer; () without one (names then come from data)."""
    if not settings.provinces_file.exists():
        return ()
    return gazetteer_from(settings).provinces


def _filters(settings: Settings) -> FilterResolver | None:
    """The CLI's filter resolver; None without a gazetteer, as for `_provinces`."""
    if not settings.provinces_file.exists():
        return None
    sources = load_sources(settings.sources_file).sources if settings.sources_file.exists() else ()
    return FilterResolver.build(gazetteer_from(settings), sources)


def _synonyms(settings: Settings) -> Synonyms:
    """The synonym groups; none without config/synonyms.yaml, as for `_load_outlets`."""
    if not settings.synonyms_file.exists():
        return Synonyms()
    return synonyms_from(settings)


def _templates(settings: Settings) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.auto_reload = False  # installed files: no stat of every template on every page
    tz = settings.tz
    env.filters["vn_datetime"] = lambda value: formatting.vn_datetime(value, tz)
    env.filters["vn_date"] = lambda value: formatting.vn_date(value, tz)
    env.filters["vn_datetime_seconds"] = lambda value: formatting.vn_datetime_seconds(value, tz)
    env.filters["correction_date"] = formatting.correction_date
    env.filters["number"] = formatting.number
    env.filters["decimal"] = formatting.decimal
    env.filters["percent"] = formatting.percent
    env.filters["upper_first"] = formatting.upper_first
    env.filters["at_least"] = formatting.at_least
    env.filters["safe_snippet"] = formatting.safe_snippet
    env.filters["safe_url"] = formatting.safe_url
    env.filters["label"] = label
    env.filters["office_label"] = office_label  # one wording of an office ("BHXH Nghệ An")
    env.filters["actor_label"] = actor_label
    env.filters["changed_marker"] = changed_marker
    env.filters["date_reason"] = date_reason_text
    env.filters["date_disagreement"] = date_disagreement_text
    env.filters["provinces_of"] = provinces_of
    env.globals.update(
        TIER_CLASSES=formatting.TIER_CLASSES,
        TIERS=TIERS,
        TOPIC_LABELS=formatting.TOPIC_LABELS,
        KIND_LABELS=formatting.KIND_LABELS,
        CATEGORY_LABELS=formatting.CATEGORY_LABELS,
        STANCE_LABELS=formatting.STANCE_LABELS,
        DATE_SOURCE_LABELS=DATE_SOURCE_LABELS,
        EXTRACTED_FIELD_LABELS=EXTRACTED_FIELD_LABELS,
        EXTRACTION_METHOD_LABELS=EXTRACTION_METHOD_LABELS,
        REASON_LABELS=formatting.REASON_LABELS,
        VN_DATE_PATTERN=formatting.VN_DATE_PATTERN,
        STATUS_CLASSES=formatting.STATUS_CLASSES,
        ROLE_LABELS=ROLE_LABELS,
        REPORT_ROLES=REPORT_ROLES,
        UNKNOWN_GROUP=UNKNOWN_GROUP,  # the counts' name for no province, reused where one is shown
        # The report's name for no category, in a table cell as UNKNOWN_GROUP is: "(chưa phân nhóm)"
        NO_CATEGORY=f"({REPORT_CATEGORY_UNKNOWN.lower()})",
    )
    return templates


def routers() -> tuple[APIRouter, ...]:
    """Every router the app includes, one per area (tests walk them to list the routes)."""
    return tuple(
        module.router
        for module in (
            auth,
            password,
            queue,
            item,
            saved_copy,
            coverage,
            search,
            users,
            alerts,
            audit,
            api,
            api_docs,
        )
    )


def create_app(
    settings: Settings,
    *,
    archive: Archive,
    accounts: AccountStore | None = None,
    clock: Callable[[], datetime] | None = None,
    owns_archive: bool = False,
) -> FastAPI:
    """The reviewers' app. `archive` stays owned by the caller (it is not closed here) unless
    `owns_archive`: a worker process opened it for this app alone (pressmon.web.workers)."""
    clock = clock or _now
    login_pool = ThreadPoolExecutor(LOGIN_WORKERS, thread_name_prefix=LOGIN_THREAD_PREFIX)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Read the decided items' titles before the first item page has to wait for them.
        try:
            await asyncio.to_thread(app.state.ctx.similar.warm)
        except SearchIndexError as err:  # pages will say the archive is unavailable
            log.warning("không đọc được các tin đã quyết định khi khởi động: %s", err)
        yield
        login_pool.shutdown(wait=False, cancel_futures=True)
        if owns_archive:
            archive.close()

    app = FastAPI(
        title="pressmon",
        description="API của hệ thống theo dõi báo chí BHXH (cần đăng nhập).",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served behind sign-in at /api/openapi.json
        lifespan=lifespan,
    )
    # Swagger UI 4 (swagger-ui-bundle, /api/docs) reads OpenAPI 3.0 documents, not 3.1.
    app.openapi_version = "3.0.3"
    accounts = accounts or AccountStore(settings.archive.state_path, clock=clock)
    app.state.ctx = WebContext(
        settings=settings,
        archive=archive,
        accounts=accounts,
        alerts=AlertStore(accounts.path),
        clock=clock,
        # `pressmon serve` refuses (off loopback) or warns about a missing secret first.
        session_secret=settings.web.session_secret or secrets.token_urlsafe(32),
        throttle=LoginThrottle(
            clock,
            LoginFailureStore(accounts.path, clock=clock),
            AddressWindow(clock, LoginAddressFailureStore(accounts.path)),
        ),
        login_pool=login_pool,
        trusted_proxies=trusted_networks(settings.web.trusted_proxies),
        templates=_templates(settings),
        targets=_load_targets(settings),
        provinces=_provinces(settings),
        review_lock=threading.Lock(),
        outlets=_load_outlets(settings),
        similar=DecidedTitles(archive),
        coverage_cache=TtlCache(COVERAGE_MAX_AGE),
        archived_outlets=TtlCache(ARCHIVED_OUTLETS_MAX_AGE),
        filters=_filters(settings),
        synonyms=_synonyms(settings),
        evidence=EvidenceKeeper.from_settings(settings),
        escalations=EscalationStore(settings.archive.state_path),
        changes=ChangeStore(settings.archive.state_path),
        queue_orders=QueueOrders(),
        notifier=notifier_from(settings, clock=clock),
    )
    # Before /static, which would otherwise take these paths too.
    app.mount(
        api_docs.SWAGGER_UI_URL,
        StaticFiles(directory=str(api_docs.swagger_ui_files())),
        name="swagger-ui",
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in routers():
        app.include_router(router)
    _install_error_handlers(app)

    app.add_middleware(BodyLimit, max_bytes=settings.web.max_body_bytes)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            # A route may set a stricter policy of its own (the saved copy: routes.saved_copy).
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            # Pages, API answers and exports hold what only a signed-in user may see: no copy
            # may stay in a browser or proxy cache after sign-out.
            response.headers["Cache-Control"] = "no-store"
        return response

    app.add_middleware(HeadAsGet)  # outermost: every route and mount sees HEAD as GET

    @app.get("/", include_in_schema=False)
    def home(session: CurrentSession) -> RedirectResponse:
        return RedirectResponse("/hang-doi", status_code=303)

    return app


def _wants_json(request: Request) -> bool:
    # /api/docs is a page for people: signed out, it leads to the sign-in page like the others.
    # The API's root itself too: a client trimming the slash gets JSON, not an HTML page.
    path = request.url.path
    return is_api_path(path) and path != api_docs.DOCS_PATH


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    ctx: WebContext = request.app.state.ctx
    back = back_link(
        method=request.method,
        path=request.url.path,
        query=request.url.query,
        status=status,
        host=request.url.netloc,
        referer=request.headers.get("referer", ""),
    )
    return ctx.templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "back": back},
        status_code=status,
    )


# A body that is not one JSON object: unreadable, a list, or sent as other than JSON (FastAPI
# reads the body as JSON only when its Content-Type says so).
JSON_OBJECT_EXPECTED = "nội dung phải là một đối tượng JSON, gửi kèm Content-Type: application/json"


def _request_problem(problem: ErrorDetails, page: str | None = None) -> str:
    """One problem of a request, in Vietnamese. `loc` starts with where the value came from
    (query, body, path); the rest names the field, and nothing when the body as a whole is wrong
    (a JSON syntax error: the character where it is, counted from 1). On a `page` a query or path
    parameter is named as its form labels it ("Trang"); the API names it as sent. Inputs are not
    echoed: forms hold passwords."""
    if problem["type"] == "json_invalid":
        position = problem["loc"][-1]
        where = f" (sai cú pháp ở ký tự thứ {position + 1})" if isinstance(position, int) else ""
        return f"nội dung không phải JSON hợp lệ{where}"
    source, *rest = problem["loc"]
    if page is not None and source in ("query", "path") and rest and isinstance(rest[0], str):
        return f"{param_label(page, rest[0])}: {problem_text(problem, show_input=False)}"
    field = field_path(rest)
    if not field and problem["type"] in ("model_attributes_type", "dict_type", "model_type"):
        return JSON_OBJECT_EXPECTED
    text = problem_text(problem, show_input=False)
    return f"{field}: {text}" if field else text


# Errors answered the same way on every page and API call: the status, and what a person reads
# (`str`: the error's own sentence, already written for them).
_ANSWERS: dict[type[Exception], tuple[int, Callable[[Exception], str]]] = {
    PermissionDenied: (403, str),
    RoleForbidden: (403, str),
    AccountNotFound: (404, lambda _exc: "Không tìm thấy người dùng."),
    BadParameter: (400, str),
    # The index's sentences say what is wrong already ("Khoảng ngày không hợp lệ: …").
    QueryError: (400, str),
    UnknownFilterValue: (400, lambda exc: f"Bộ lọc không hợp lệ: {exc}"),
    NoteRequired: (422, str),
    WorkflowError: (409, str),
    DocumentNotFound: (404, lambda _exc: "Không tìm thấy bài viết."),
    BackendUnavailable: (
        503,
        lambda _exc: "Kho dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau.",
    ),
}


def _answer(
    status: int, said: Callable[[Exception], str]
) -> Callable[[Request, Exception], Response]:
    def handle(request: Request, exc: Exception) -> Response:
        return _error(request, status, said(exc))

    return handle


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotSignedIn)
    def _not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"ok": False, "error": "Chưa đăng nhập.", "status": 401}, status_code=401
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/dang-nhap?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(PasswordChangeRequired)
    def _change_password_first(request: Request, _exc: PasswordChangeRequired) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"ok": False, "error": "Cần đổi mật khẩu trước.", "status": 403}, status_code=403
            )
        return RedirectResponse("/doi-mat-khau", status_code=303)

    @app.exception_handler(CsrfRejected)
    def _csrf(request: Request, _exc: CsrfRejected) -> Response:
        log.warning("thiếu hoặc sai mã CSRF: %s %s", request.method, request.url.path)
        # An API client has no page to reload: it is told where the token goes and comes from.
        what_to_do = (
            "Gửi mã csrf_token của /api/me trong tiêu đề X-CSRF-Token."
            if _wants_json(request)
            else "Vui lòng tải lại trang."
        )
        return _error(request, 403, f"Yêu cầu không hợp lệ (thiếu hoặc sai mã CSRF). {what_to_do}")

    for error_type, (status, said) in _ANSWERS.items():
        app.add_exception_handler(error_type, _answer(status, said))

    @app.exception_handler(EvidenceError)
    def _evidence(request: Request, exc: EvidenceError) -> Response:
        log.error("bản lưu không dùng được ở %s: %s", request.url.path, exc)
        return _error(
            request,
            500,
            "Bản lưu không đọc được hoặc không còn khớp mã SHA-256; báo quản trị viên.",
        )

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        page = None if _wants_json(request) else request.url.path
        problems = "; ".join(_request_problem(e, page) for e in exc.errors())
        return _error(request, 422, f"Dữ liệu gửi lên không hợp lệ: {problems}")

    @app.exception_handler(Exception)
    def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("lỗi không xử lý được ở %s %s", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "Lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị viên.")

    @app.exception_handler(StarletteHTTPException)
    def _http(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {
            404: "Không tìm thấy trang.",
            405: "Phương thức không được hỗ trợ.",
            413: "Dữ liệu gửi lên quá lớn.",
        }
        return _error(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))
