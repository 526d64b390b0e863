"""Typed, validated settings from config/*.toml|yaml, with PRESSMON_* environment overrides."""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from crawlers.sources import OutletKind, Source
from index.text import fold, words
from index.types import BUSY_TIMEOUT_SECONDS, COUNT_LIMIT
from pressmon.errors import ConfigError
from pressmon.filters import Resolved, UnknownFilterValue
from vntext.syntax_text import read_problem, syntax_problem
from vntext.unique_yaml import safe_load_unique
from vntext.validation_text import problem_line, problem_lines

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = REPO_ROOT / "config"
ENV_PREFIX = "PRESSMON_"
# Settings `pressmon serve --workers N` hands its worker processes (pressmon.web.workers): made,
# not read, by load_settings.
SERVE_SETTINGS_ENV = ENV_PREFIX + "SERVE_SETTINGS"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArchiveSettings(_Strict):
    backend: Literal["sqlite", "elasticsearch"] = "sqlite"
    path: Path = Path("pressmon.db")  # relative: inside the data folder
    elasticsearch_url: str | None = None  # secret-bearing: only from the environment
    elasticsearch_index: str = "pressmon"
    # Matches a search page counts at most; past it the page says "Hơn N kết quả" (counting all
    # of a common phrase's matches in 1M articles costs 100 ms, 10,001 cost 3).
    count_limit: int = Field(COUNT_LIMIT, ge=100, le=1_000_000)
    # Seconds a command waits while another one (a crawl, an ingest) holds the SQLite archive's
    # lock, before it stops with "đang bận".
    busy_timeout: float = Field(BUSY_TIMEOUT_SECONDS, ge=0)
    # Accounts, sessions, coverage snapshots, crawl health. Beside an archive named on the
    # command line or in PRESSMON_ARCHIVE (<archive>-state.db) unless named too.
    state_path: Path = Path("pressmon-state.db")


class ClassifierSettings(_Strict):
    model_path: Path = Path("model/flagger.skops")  # relative: inside the data folder
    review_threshold: float = Field(0.5, ge=0, le=1)  # tier "nên xem" from here
    urgent_threshold: float = Field(0.8, ge=0, le=1)  # tier "cần xem ngay" from here
    known_claims: Path = Path("config/known_claims.yaml")
    official_facts: Path = Path("config/official_facts.yaml")
    channels: Path = Path("config/channels.yaml")  # brands' official domains, link hosts
    # Expected share of texts that need review among those flagged; the model's probability is
    # restated for it (classifier.flagger.Weights.base_rate).
    base_rate: float = Field(0.1, gt=0, lt=1)

    @model_validator(mode="after")
    def _ordered(self) -> ClassifierSettings:
        if self.urgent_threshold < self.review_threshold:
            raise ValueError("urgent_threshold phải lớn hơn hoặc bằng review_threshold")
        return self


class CrawlSettings(_Strict):
    user_agent: str = "pressmon/0.1 (+https://baohiemxahoi.gov.vn; truyenthong@vss.gov.vn)"
    obey_robots: bool = True
    autothrottle: bool = True
    download_delay: float = Field(0.5, ge=0)
    concurrency_per_domain: int = Field(2, ge=1)
    max_page_bytes: int = Field(5_000_000, ge=10_000)
    download_timeout: float = Field(30, gt=0)
    http_cache: bool = False
    batch_size: int = Field(50, ge=1)  # articles flagged and committed together
    # Stored articles fetched again per source and run because discovery shows them changed
    # (after the run's new articles; the rest wait for the next run); 0 turns updates off.
    refetch_per_source: int = Field(100, ge=0)
    job_dir: Path | None = None  # resumable crawl state; None = not resumable
    redis_url: str | None = None  # distributed mode only; from the environment


class WebSettings(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    session_secret: str | None = None  # from the environment; generated per process when absent
    trusted_proxies: tuple[str, ...] = ()  # addresses/networks whose X-Forwarded-For is believed
    secure_cookies: bool = False  # behind a TLS-terminating proxy: cookies marked Secure
    max_body_bytes: int = Field(1_000_000, ge=1024)  # larger request bodies are refused (413)
    # The address staff open (behind a proxy); CLI output links items to it. None: host and port.
    public_url: str | None = None

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_list(cls, value: Any) -> Any:
        # PRESSMON_WEB__TRUSTED_PROXIES="10.0.0.1,10.0.1.0/24" arrives as one string.
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        for entry in value or ():
            try:
                ipaddress.ip_network(str(entry).strip(), strict=False)
            except ValueError as err:
                raise ValueError(f"{entry!r} không phải địa chỉ IP hay dải mạng") from err
        return value


_CLOCK_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"  # HH:MM, 24-hour, local time


class AlertSettings(_Strict):
    """[alerts]: who hears of a new "cần xem ngay" item or a known false claim, and how.

    Without `host` e-mail alerts are printed to the console (the demo). The password comes only
    from the environment (PRESSMON_SMTP_PASSWORD).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    enabled: bool = True
    host: str | None = None  # SMTP server; None: print alerts to the console
    port: int = Field(587, ge=1, le=65535)
    tls: Literal["starttls", "ssl", "none"] = "starttls"
    # PEM file of the CA certificates that sign the SMTP server's certificate (a Center's own
    # CA), trusted instead of the system's; relative: against the repository root. Checked when
    # the mailer is made (pressmon.alerts.channels.SmtpMailer), as other files are when read.
    ca_file: Path | None = None
    user: str | None = None
    password: str | None = None  # secret: only from the environment
    sender: str = Field("pressmon@localhost", alias="from")
    # Role (reviewer, lead, admin) or province name -> e-mail addresses. A province's addresses
    # hear only of items about that province; accounts add their own address on /canh-bao.
    recipients: dict[str, tuple[str, ...]] = {}
    webhooks: tuple[str, ...] = ()  # each gets a JSON POST per alert
    quiet_hours: str | None = Field(None, pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")  # "22:00-06:30"
    digest_time: str = Field("07:30", pattern=_CLOCK_TIME)  # daily digest, local time
    # 10: about four hours of retries (1, 2, 4… minutes, then hourly), past a mail server's
    # maintenance window.
    max_attempts: int = Field(10, ge=1, le=20)
    retry_seconds: float = Field(60, gt=0)  # first retry; doubles each time, at most an hour
    timeout_seconds: float = Field(20, gt=0)

    @field_validator("webhooks")
    @classmethod
    def _http_urls(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for url in value:
            if not re.match(r"^https?://[^\s/]+", url):
                raise ValueError(f"{url!r} không phải địa chỉ http:// hoặc https://")
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _clock_times(cls, value: str | None) -> str | None:
        for part in (value or "").split("-") if value else ():
            if not re.match(_CLOCK_TIME, part):
                raise ValueError(f"{part!r} không phải giờ trong ngày dạng HH:MM")
        return value


class Settings(_Strict):
    # Holds the archive, state database, model and exports (pressmon.settings.data_home); set
    # by load_settings, not read from settings.toml.
    data_dir: Path = Path(".")
    timezone: str = "Asia/Ho_Chi_Minh"
    sources_file: Path = Path("config/sources.yaml")
    targets_file: Path = Path("config/targets.yaml")
    topics_file: Path = Path("config/topics.yaml")
    provinces_file: Path = Path("config/provinces.yaml")
    synonyms_file: Path = Path("config/synonyms.yaml")
    archive: ArchiveSettings = ArchiveSettings()
    classifier: ClassifierSettings = ClassifierSettings()
    crawl: CrawlSettings = CrawlSettings()
    web: WebSettings = WebSettings()
    alerts: AlertSettings = AlertSettings()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise ValueError(
                f"không biết múi giờ {value!r}; dùng tên IANA như 'Asia/Ho_Chi_Minh'"
            ) from err
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class SourceList(_Strict):
    sources: tuple[Source, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> SourceList:
        seen: set[str] = set()
        for source in self.sources:
            if source.id in seen:
                raise ValueError(f"mã nguồn {source.id!r} bị lặp")
            seen.add(source.id)
        return self

    def enabled(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.enabled)

    def by_id(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(s.id for s in self.sources)
        raise ConfigError(f"không có nguồn {source_id!r}", hint=f"các nguồn có: {known}")


class Target(_Strict):
    id: str
    name: str
    count: int = Field(gt=0)
    period: Literal["year", "campaign"] = "year"
    kinds: tuple[OutletKind, ...] = ()  # empty = every kind
    provinces: tuple[str, ...] = ()  # empty = every province
    topics: tuple[str, ...] = ()
    campaign: str | None = None
    # Explicit per-province figures; the rest is split by recent share (pressmon.province_targets).
    province_targets: dict[str, int] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _province_targets_fit(self) -> Target:
        if any(n < 0 for n in self.province_targets.values()):
            raise ValueError(f"chỉ tiêu {self.id!r}: chỉ tiêu của tỉnh không được âm")
        if sum(self.province_targets.values()) > self.count:
            raise ValueError(f"chỉ tiêu {self.id!r}: tổng chỉ tiêu các tỉnh lớn hơn count")
        return self


class Campaign(_Strict):
    id: str
    name: str
    start: str = Field(pattern=r"^\d{2}-\d{2}$")  # MM-DD, every year
    end: str = Field(pattern=r"^\d{2}-\d{2}$")

    @model_validator(mode="after")
    def _within_every_year(self) -> Campaign:
        # 2025 has no 29 February: a window must exist every year, inside it (a campaign
        # across New Year would end before it starts, its days a negative count).
        try:
            start, end = self.window(2025)
        except ValueError as err:
            raise ValueError(
                f"đợt {self.id!r}: {self.start}–{self.end} không phải ngày có trong mọi năm "
                "(tháng-ngày, ví dụ 05-01; không dùng 02-29)"
            ) from err
        if end < start:
            raise ValueError(
                f"đợt {self.id!r} kết thúc ({self.end}) trước khi bắt đầu ({self.start}); "
                "một đợt nằm trong một năm: tách đợt qua năm mới thành hai"
            )
        return self

    def window(self, year: int) -> tuple[date, date]:
        start = date(year, *map(int, self.start.split("-")))
        end = date(year, *map(int, self.end.split("-")))
        return start, end


class Targets(_Strict):
    targets: tuple[Target, ...] = ()
    campaigns: tuple[Campaign, ...] = ()

    @model_validator(mode="after")
    def _campaigns_exist(self) -> Targets:
        ids = {c.id for c in self.campaigns}
        for target in self.targets:
            if target.campaign and target.campaign not in ids:
                raise ValueError(
                    f"chỉ tiêu {target.id!r} nêu đợt truyền thông không có: {target.campaign!r}"
                )
        return self


class SynonymTable(_Strict):
    """config/synonyms.yaml: groups of forms (BHXH, bảo hiểm xã hội) a search treats as one."""

    synonyms: tuple[tuple[str, ...], ...] = ()

    @field_validator("synonyms")
    @classmethod
    def _forms_have_words(cls, groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for i, group in enumerate(groups):
            if len(group) < 2:
                raise ValueError(f"nhóm {i + 1} ({', '.join(group)}) cần ít nhất hai cách viết")
            if empty := [form for form in group if not words(form)]:
                raise ValueError(f"nhóm {i + 1}: cách viết {empty[0]!r} không có chữ hay số")
        return groups

    @model_validator(mode="after")
    def _one_group_per_form(self) -> SynonymTable:
        seen: dict[str, int] = {}
        for i, group in enumerate(self.synonyms):
            for form in group:
                key = " ".join(fold(word) for word in words(form))
                if seen.setdefault(key, i) != i:
                    raise ValueError(
                        f"cách viết {form!r} có ở cả nhóm {seen[key] + 1} và nhóm {i + 1}: "
                        "gộp hai nhóm hoặc chỉ giữ cách viết ở một nhóm"
                    )
        return self


def _read(path: Path) -> Any:
    try:
        # utf-8-sig: a byte-order mark (Windows editors write one) is not part of the text.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        # A copy of config/ elsewhere (--config /etc/pressmon) still names its files
        # config/…, read from the folder above it: the hint says so, else the path looks wrong.
        raise ConfigError(
            f"{path}: không tìm thấy tệp",
            hint="kiểm tra đường dẫn hoặc PRESSMON_CONFIG_DIR; đường dẫn tương đối trong "
            "settings.toml (sources_file, synonyms_file…) tính từ thư mục chứa thư mục cấu "
            "hình: với --config /etc/pressmon, config/sources.yaml là "
            "/etc/config/sources.yaml, nên ghi đường dẫn tuyệt đối hoặc giữ tên thư mục config",
        ) from err
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(
            f"{path}: không đọc được: {read_problem(err)}",
            hint=f"{path.name} phải là một tệp văn bản UTF-8 đọc được; kiểm tra đường dẫn và quyền",
        ) from err
    try:
        data = tomllib.loads(text) if path.suffix == ".toml" else safe_load_unique(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as err:
        raise ConfigError(
            f"{path}: không phải {path.suffix[1:].upper()} hợp lệ: {syntax_problem(err)}",
            hint=f"sửa {path.name} rồi chạy lại",
        ) from err
    return _nfc(data)


def _nfc(data: Any) -> Any:
    """Every string in parsed YAML/TOML in NFC, so names compare equal however they were typed."""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, list):
        return [_nfc(item) for item in data]
    if isinstance(data, dict):
        return {_nfc(key): _nfc(value) for key, value in data.items()}
    return data


def _describe(err: ValidationError, path: Path) -> str:
    """One line per problem: `file: field[3].path: what is wrong` (secrets never echoed)."""
    return "\n".join(problem_lines(err, str(path)))


def validate_file(path: Path, model: type[_Strict], wrap: str | None = None) -> Any:
    """Read a YAML/TOML file into `model`; errors name the file, the field and the problem."""
    data = _read(path)
    if wrap is not None:
        if data is None:  # `[]` says "no source"; an empty file is more likely a mistake
            raise ConfigError(
                f"{path}: tệp trống, không khai báo nguồn nào",
                hint=f"ghi các nguồn vào {path.name} (xem config/sources.yaml), hoặc [] nếu "
                "cố ý không có nguồn nào",
            )
        data = {wrap: data}
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as err:
        raise ConfigError(_describe(err, path), hint=f"sửa {path.name} rồi chạy lại") from err


# Where to look, and what was already loaded: not fields.
# PRESSMON_SHARED_DIR names the real data the benchmarks and tests read (benchmarks/saved_pages.py),
# not a setting: a pressmon command run beside them must not refuse it as an unknown field.
_NOT_SETTINGS = {
    ENV_PREFIX + "CONFIG_DIR",
    ENV_PREFIX + "HOME",
    ENV_PREFIX + "SHARED_DIR",
    SERVE_SETTINGS_ENV,
}


def data_home(environ: Mapping[str, str], home: Path | None = None) -> Path:
    """The default data folder: $PRESSMON_HOME, else $XDG_DATA_HOME/pressmon, else
    ~/.local/share/pressmon (the XDG base-directory default), so no data lands in a checkout.
    """
    if environ.get(ENV_PREFIX + "HOME"):
        return Path(environ[ENV_PREFIX + "HOME"]).expanduser()
    if environ.get("XDG_DATA_HOME"):
        return Path(environ["XDG_DATA_HOME"]) / "pressmon"
    return (home or Path.home()) / ".local" / "share" / "pressmon"


_CONFIG_FILES = ("sources_file", "targets_file", "topics_file", "provinces_file", "synonyms_file")


def _section(given: Mapping[str, Any], name: str) -> dict[str, Any]:
    """`given[name]` when it is a table; a variable setting a section to anything else
    (PRESSMON_CLASSIFIER=x) is left to validation, which names the variable."""
    section = given.get(name)
    return dict(section) if isinstance(section, Mapping) else {}


def _given_data_paths(given: dict[str, Any], cwd: Path) -> dict[str, Any]:
    """Data paths typed on the command line or in the environment are relative to `cwd`; an
    archive named there without its state database gets one beside it, never a shared default.
    """
    archive, classifier = _section(given, "archive"), _section(given, "classifier")
    if "path" in archive and "state_path" not in archive:
        named = Path(archive["path"])
        archive["state_path"] = named.with_name(f"{named.stem}-state.db")
    alerts = _section(given, "alerts")
    out = dict(given)
    # Config files named there too (PRESSMON_SOURCES=mine.yaml): the file in the current
    # folder, as README says, not one of that name in the checkout.
    files = [(out, key) for key in _CONFIG_FILES] + [(alerts, "ca_file")]
    files += [(classifier, key) for key in ("known_claims", "official_facts", "channels")]
    paths = [(archive, "path"), (archive, "state_path"), (classifier, "model_path"), *files]
    for node, key in paths:
        if isinstance(node.get(key), str | Path):  # anything else is refused by validation
            node[key] = _anchor(Path(node[key]).expanduser(), cwd)
    if alerts:
        out["alerts"] = alerts
    if archive:
        out["archive"] = archive
    if classifier:
        out["classifier"] = classifier
    return out


def _env_overrides(
    environ: Mapping[str, str],
) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """PRESSMON_ARCHIVE etc. as shortcuts; PRESSMON_<SECTION>__<KEY> for anything else.

    Not pydantic-settings: its shortcut names for nested fields, a test's `environ` in place of
    os.environ and the file < environment < command-line order would each need a custom source.
    """
    shortcuts = {
        "ARCHIVE": ("archive", "path"),
        "BACKEND": ("archive", "backend"),
        "ELASTICSEARCH_URL": ("archive", "elasticsearch_url"),
        "REDIS_URL": ("crawl", "redis_url"),
        "SESSION_SECRET": ("web", "session_secret"),
        "SMTP_PASSWORD": ("alerts", "password"),
        "TIMEZONE": ("timezone",),
        "SOURCES": ("sources_file",),
        "TARGETS": ("targets_file",),
        "MODEL": ("classifier", "model_path"),
    }
    out: dict[str, Any] = {}
    setters: dict[tuple[str, ...], str] = {}  # a field or section → the variable that set it
    for key, value in environ.items():
        if not key.startswith(ENV_PREFIX) or key in _NOT_SETTINGS:
            continue
        name = key[len(ENV_PREFIX) :]
        path = shortcuts.get(name) or tuple(part.lower() for part in name.split("__"))
        # PRESSMON_WEB=1 beside PRESSMON_WEB__PORT=80: one sets the section, one a field of it.
        clash = next(
            (
                other
                for done, other in setters.items()
                if _within(done, path) or _within(path, done)
            ),
            None,
        )
        if clash is not None:
            raise ConfigError(
                f"biến môi trường {clash} và {key} cùng đặt {'.'.join(path[:1])}: một biến "
                "đặt cả mục, biến kia một trường của nó",
                hint=f"bỏ một trong hai biến (unset {clash} hoặc unset {key})",
            )
        setters[path] = key
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out, setters


def _source_of(loc: tuple[int | str, ...], setters: dict[tuple[str, ...], str], path: Path) -> str:
    """Where a bad setting came from: the variable that set it, its section or a field in an
    unknown section (PRESSMON_WEBB__PORT: `webb`), else the file."""
    named = next(
        (
            name
            for done, name in setters.items()
            if loc[: len(done)] == done or (loc and done[: len(loc)] == loc)
        ),
        None,
    )
    return f"biến môi trường {named}" if named else str(path)


def _within(section: tuple[str, ...], field: tuple[str, ...]) -> bool:
    return len(section) < len(field) and field[: len(section)] == section


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _anchor(path: Path, root: Path) -> Path:
    return path if path.is_absolute() else root / path


def load_settings(
    config_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    data_dir: Path | None = None,
    cwd: Path | None = None,
) -> Settings:
    """settings.toml from `config_dir` (or $PRESSMON_CONFIG_DIR, or the repo's config/), then env.

    Relative config-file paths (sources_file, known_claims, alerts.ca_file...) are resolved
    against the repository root (config_dir's parent); relative archive, state and model paths
    in the file against the data folder (`data_dir`, else `data_home`), and those given in the
    environment or `overrides` against `cwd` (the current folder).
    """
    environ = os.environ if environ is None else environ
    cwd = cwd or Path.cwd()
    home = _anchor(Path(data_dir).expanduser(), cwd) if data_dir else data_home(environ)
    home = _anchor(home, cwd)
    config_dir = Path(config_dir or environ.get(ENV_PREFIX + "CONFIG_DIR") or DEFAULT_CONFIG_DIR)
    path = config_dir / "settings.toml"
    data = _read(path) if path.exists() else {}
    from_environment, setters = _env_overrides(environ)
    given = _given_data_paths(_merge(from_environment, overrides or {}), cwd)
    data = _merge(data or {}, given)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as err:
        raise ConfigError(
            "\n".join(
                f"{_source_of(problem['loc'], setters, path)}: {problem_line(problem)}"
                for problem in err.errors(include_url=False)
            ),
            hint="sửa settings.toml hoặc biến PRESSMON_* tương ứng",
        ) from err
    root = config_dir.resolve().parent
    return settings.model_copy(
        update={
            "data_dir": home,
            "sources_file": _anchor(settings.sources_file, root),
            "targets_file": _anchor(settings.targets_file, root),
            "topics_file": _anchor(settings.topics_file, root),
            "provinces_file": _anchor(settings.provinces_file, root),
            "synonyms_file": _anchor(settings.synonyms_file, root),
            "archive": settings.archive.model_copy(
                update={
                    "path": _anchor(settings.archive.path, home),
                    "state_path": _anchor(settings.archive.state_path, home),
                }
            ),
            "classifier": settings.classifier.model_copy(
                update={
                    "model_path": _anchor(settings.classifier.model_path, home),
                    "known_claims": _anchor(settings.classifier.known_claims, root),
                    "official_facts": _anchor(settings.classifier.official_facts, root),
                    "channels": _anchor(settings.classifier.channels, root),
                }
            ),
            "alerts": settings.alerts.model_copy(
                update={
                    "ca_file": settings.alerts.ca_file and _anchor(settings.alerts.ca_file, root)
                }
            ),
        }
    )


def load_sources(path: Path) -> SourceList:
    return validate_file(path, SourceList, wrap="sources")


def load_targets(path: Path) -> Targets:
    return validate_file(path, Targets)


def with_current_provinces(
    targets: Targets, read: Callable[[str], Resolved], path: Path
) -> Targets:
    """`targets` with each province it names (`provinces`, `province_targets`) as the current
    province `read` reads it as, the way the filters read a typed one ("TP.HCM", "Hanoi",
    pre-2025 "Bình Dương"): the archive and the split know only those, so any other spelling
    counted nothing or lost its figure silently. An old unit's name is logged with its note.

    Raises:
        ConfigError: a name no province answers to (with the closest), or two names of one
            province's figure.
    """

    def resolved(where: str, name: str) -> str:
        try:
            found = read(name)
        except UnknownFilterValue as err:
            raise ConfigError(
                f"{path.name}: {where}: không có tỉnh, thành phố nào tên {name!r}"
                + (f"; gần nhất: {', '.join(err.suggestions)}" if err.suggestions else ""),
                hint=f"ghi tên một tỉnh, thành phố của config/provinces.yaml trong {path.name}",
            ) from err
        if found.note:  # an old unit's name: said, as wherever a province is typed
            log.warning("Lưu ý: %s: %s «%s»: %s", path.name, where, name, found.note)
        return found.value

    changed = []
    for i, target in enumerate(targets.targets):
        where = f"targets[{i}] ({target.id})"
        figures: dict[str, int] = {}
        written: dict[str, str] = {}  # province → the name its figure was given under
        for name, count in target.province_targets.items():
            province = resolved(f"{where}.province_targets", name)
            if province in figures:
                # two figures for one province: adding them up or keeping either would be a guess
                raise ConfigError(
                    f"{path.name}: {where}.province_targets: {province} được ghi hai lần "
                    f"(tên cũ hoặc cách viết khác của cùng một tỉnh: {written[province]!r} "
                    f"và {name!r})",
                    hint=f"giữ một dòng cho {province} trong {path.name}",
                )
            figures[province] = count
            written[province] = name
        provinces = tuple(
            dict.fromkeys(resolved(f"{where}.provinces", name) for name in target.provinces)
        )
        changed.append(
            target.model_copy(update={"provinces": provinces, "province_targets": figures})
        )
    return targets.model_copy(update={"targets": tuple(changed)})


def load_synonyms(path: Path) -> SynonymTable:
    return validate_file(path, SynonymTable)
