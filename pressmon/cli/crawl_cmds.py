"""Commands that fetch pages: crawl, run (scheduled), extract, sources (health)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from crawlers.errors import STATE_UNAVAILABLE, STORIES_UNAVAILABLE, ExtractionError, InvalidURL
from crawlers.sources import Source
from crawlers.urls import canonicalize_url
from index.types import Query
from pressmon.cli import output
from pressmon.cli.help_text import command
from pressmon.cli.options import sources_file_option
from pressmon.cli.progress import Progress, progress_mode, quiet_option
from pressmon.crawl import chosen_sources, run_crawl, run_every
from pressmon.crawl_report import PROBLEM_LABELS, crawl_report, failed_text
from pressmon.errors import PressmonError
from pressmon.filters import FilterResolver
from pressmon.health import source_health
from pressmon.outlets import OutletResolver
from pressmon.review.date_reasons import date_labels_of
from pressmon.settings import Settings, load_sources
from pressmon.web.formatting import vn_datetime
from pressmon.wiring import archive_from, crawl_state_from, gazetteer_from

# Scrapy's finish reasons, as people read them.
FINISH_REASONS = {
    "finished": "hoàn tất",
    "shutdown": "bị dừng giữa chừng",
    "cancelled": "bị huỷ",
    "closespider_timeout": "hết thời gian cho phép",
    "closespider_pagecount": "đủ số trang cho phép",
    "closespider_itemcount": "đủ số bài cho phép",
    "closespider_errorcount": "quá nhiều lỗi",
    STATE_UNAVAILABLE: "dừng vì không ghi được cơ sở dữ liệu trạng thái",
    STORIES_UNAVAILABLE: "dừng vì không đọc, ghi được nội dung chung trên Redis",
}
HEALTH_WEEKS = 9  # eight usual weeks and the current one


@command()
@sources_file_option
@click.option(
    "--source",
    "source_ids",
    multiple=True,
    metavar="ID",
    help="Chỉ thu thập nguồn này; lặp lại để chọn nhiều nguồn.",
)
@quiet_option
@click.pass_obj
def crawl(app, source_ids: tuple[str, ...], quiet: bool) -> None:
    """Thu thập một lượt các nguồn báo đã cấu hình vào kho bài (chỉ lấy phần mới, tải từ tốn).

    In kết quả của từng nguồn; kết thúc với mã khác 0 khi không nguồn nào tải được, hoặc khi
    một nguồn nêu bằng --source không tải được.
    """
    settings = app.settings_to_write()
    # A broken file or an unknown id fails here, not inside Scrapy.
    chosen = chosen_sources(settings, source_ids)
    with Progress(progress_mode(quiet)) as bar:

        def progress(pages: int, articles: int) -> None:
            stage = f"Thu thập {output.number(len(chosen))} nguồn (số trang)"
            bar(stage, pages, None, f"{output.number(articles)} bài về BHXH")

        result = run_crawl(
            settings,
            chosen,
            log_level="INFO" if app.verbose else "WARNING",
            tracebacks=app.verbose,
            progress=progress,
        )
    report = crawl_report(chosen, result.counters, named=bool(source_ids))
    click.echo(output.crawl_table(report))
    click.echo(
        f"Xong ({FINISH_REASONS.get(result.finish_reason, result.finish_reason)}): "
        f"lưu {output.number(result.stored)} bài"
        + (f", cập nhật {output.number(result.updated)} bài" if result.updated else "")
        + " từ "
        f"{output.number(len(report.outcomes) - len(report.failed))}/"
        f"{output.number(len(report.outcomes))} nguồn"
    )
    if result.state_problem is not None:
        click.echo(
            "Lượt thu thập dừng lại: các bài đã tải được đều đã lưu vào kho, bài nào chưa ghi "
            "được vào trạng thái thu thập sẽ được tải lại ở lượt sau; tình trạng nguồn của "
            "lượt này " + ("đã được ghi." if result.health_recorded else "KHÔNG được ghi."),
            err=True,
        )
        raise result.state_problem
    failed = report.failed
    if not report.succeeded:
        raise PressmonError(
            f"{len(failed)}/{len(report.outcomes)} nguồn không tải được trang nào: "
            + failed_text(report),
            hint="kiểm tra mạng và địa chỉ của các nguồn; chạy với -v để ghi log từng yêu cầu lỗi",
        )
    if failed:
        click.echo(
            f"Cảnh báo: {len(failed)}/{len(report.outcomes)} nguồn không tải được trang nào: "
            + failed_text(report),
            err=True,
        )


_INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)([smhd])$")


def _seconds(value: str) -> float:
    match = _INTERVAL.match(value.strip())
    if not match:
        raise click.BadParameter(
            f"{value!r}: hãy ghi một số kèm s, m, h hoặc d (giây, phút, giờ, ngày), ví dụ 2h",
            param_hint="'--every'",
        )
    return float(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@command()
@click.option(
    "--every",
    default="2h",
    show_default=True,
    metavar="KHOẢNG",
    help="Thời gian giữa hai lượt thu thập (30m, 2h, 1d).",
)
@click.option(
    "--cycles",
    type=click.IntRange(min=1),
    help="Dừng sau chừng này lượt (mặc định: chạy mãi).",
)
@click.option(
    "--source",
    "source_ids",
    multiple=True,
    metavar="ID",
    help="Chỉ thu thập nguồn này; lặp lại để chọn nhiều nguồn.",
)
@click.pass_obj
def run(app, every: str, cycles: int | None, source_ids: tuple[str, ...]) -> None:
    """Giữ số bài và tin đánh dấu luôn mới: thu thập sau mỗi khoảng thời gian, ghi nhật ký
    từng lượt (Ctrl-C để dừng)."""
    # A typo in --source or a broken sources file fails now, while the operator is there, not in
    # every cycle of a run left going; each cycle still reads the file afresh.
    chosen_sources(app.settings, source_ids)
    logging.getLogger("pressmon").setLevel(logging.INFO)
    command = []
    if app.config_dir:
        command += ["--config", str(app.config_dir)]
    # The child resolves the same data folder; --archive only when named (state goes beside it).
    command += ["--data-dir", str(app.settings.data_dir)]
    if "archive" in app.overrides:
        command += ["--archive", str(app.settings.archive.path)]
    command += ["crawl"]
    for source_id in source_ids:
        command += ["--source", source_id]
    try:
        failed = run_every(_seconds(every), command, cycles=cycles)
    except KeyboardInterrupt:
        click.echo("Đã dừng")
        return
    if failed:  # with --cycles: a script or cron job must see that the archive is not fresh
        raise PressmonError(
            f"{len(failed)}/{cycles} lượt thu thập không thành công (lượt "
            f"{', '.join(map(str, failed))})",
            hint="lỗi của từng lượt ở trên; chạy `pressmon -v crawl` để xem chi tiết một lượt",
        )


def _full_address(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """--url as the page's address: a typo is a usage error, not a crawl error."""
    try:
        canonicalize_url(value)
    except InvalidURL as err:
        raise click.BadParameter(
            f"{value!r} không phải địa chỉ đầy đủ của trang; hãy ghi cả http:// hoặc https:// "
            "và tên miền, ví dụ https://baomoi.vn/bai-viet.html"
        ) from err
    return value


def _known_parser(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--parser as one of the dedicated parsers: a typo is a usage error (exit 2) naming them,
    not a crawl error whose hint sends the operator to the sources' configuration."""
    # The parsers' selectors: imported by this command only (fast start of the others).
    from crawlers.extract.sites import PARSERS

    if value is None or value in PARSERS:
        return value
    raise click.BadParameter(
        f"không có bộ đọc (parser) {value!r}; chọn một trong: {', '.join(sorted(PARSERS))}"
    )


@command()
@click.argument("file", metavar="TỆP", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--url",
    required=True,
    callback=_full_address,
    metavar="URL",
    help="Địa chỉ gốc của trang (để hiểu các liên kết tương đối và đặt mã bài).",
)
@click.option(
    "--parser",
    default=None,
    callback=_known_parser,
    metavar="TÊN",
    help="Bộ đọc trang, ví dụ baohiemxahoi (mặc định: bộ đọc của nguồn đã cấu hình, không có "
    "thì generic).",
)
@click.option(
    "--source",
    "source_name",
    default=None,
    metavar="ID|TÊN|TÊN_MIỀN",
    help="Báo đăng trang, khi tên miền của URL không thuộc nguồn nào đã cấu hình.",
)
@click.option("--json", "as_json", is_flag=True, help="In các trường thành một đối tượng JSON.")
@sources_file_option
@click.pass_obj
def extract(
    app, file: Path, url: str, parser: str | None, source_name: str | None, as_json: bool
) -> None:
    """Trích xuất một trang đã lưu: tiêu đề, published_at và lý do, nội dung, báo, cách lấy
    từng trường.

    Báo là nguồn đã cấu hình khớp với --source hoặc với tên miền của URL (kể cả các tên miền
    khác của nguồn), rồi bộ đọc và các thói quen đã biết của nguồn đó được áp dụng; nếu không
    có, dùng tên đơn vị xuất bản ghi trên chính trang, không bao giờ là một URL trần.
    """
    # lxml and trafilatura: imported by this command only (fast start of the others).
    from crawlers.extract import extract_article
    from crawlers.extract.profile import DEFAULT_PROFILE

    sources = load_sources(app.settings.sources_file).sources
    source = (
        _named_source(app.settings, sources, source_name)
        if source_name
        else OutletResolver(sources).resolve(None, url).source
    )
    try:
        article = extract_article(
            file.read_bytes(),
            url,
            parser=parser or (source.parser if source else "generic"),
            now=datetime.now(UTC),
            profile=source.extraction.profile if source else DEFAULT_PROFILE,
            outlet=source.name if source else None,
        )
    except ExtractionError as err:
        # The file named, and a hint about the file: the crawl's hint (check the sources'
        # configuration) misled for an empty or binary file given by mistake.
        raise PressmonError(
            f"{file}: không trích xuất được bài: {err}",
            hint="TỆP phải là trang bài báo lưu nguyên dạng HTML (trình duyệt: Lưu trang › "
            "Chỉ HTML; hoặc curl -o); trang của một báo đã cấu hình thì thử thêm --source "
            "hoặc --parser",
        ) from err
    fields = {
        "title": article.title,
        "seo_title": article.seo_title,
        "published_at": article.published_at,
        "date_source": article.date_source,
        "date_field": article.date_field,
        "date_reason": article.date_reason,
        "date_disagreements": article.date_disagreements,
        "body": article.body,
        "lead": article.lead,
        "canonical_url": article.canonical_url,
        "outlet": article.outlet,
        "source_id": source.id if source else None,
        "authors": article.authors,
        "methods": article.methods,
    }
    labels = date_labels_of(article.date_source, article.date_reason, article.date_disagreements)
    if as_json:
        # The codes are the contract; their Vietnamese beside them, as in the web API's JSON.
        click.echo(output.dumps(fields | labels))
        return
    # For people, the date's choice in Vietnamese, not the extractor's English words.
    shown = fields | {
        "date_source": labels["date_source_label"],
        "date_reason": labels["date_reason_label"],
        "date_disagreements": labels["date_disagreement_labels"],
    }
    for key, value in shown.items():
        click.echo(f"{key}: {output.plain_value(value)}")


def _named_source(settings: Settings, sources: tuple[Source, ...], typed: str) -> Source:
    """--source read as --outlet is everywhere (id, name or domain): one that names no configured
    outlet is refused with the closest names, not ignored for the URL's or the page's outlet."""
    resolver = FilterResolver.build(gazetteer_from(settings), sources)
    stored = resolver.outlet(typed).value
    return next(s for s in sources if s.id == stored)


@command()
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Liệt kê mọi nguồn, không chỉ những nguồn cần chú ý.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON lines, mỗi dòng một nguồn.")
@click.pass_obj
def sources(app, show_all: bool, as_json: bool) -> None:
    """Tình trạng các nguồn: lần thu thập được gần nhất, số bài mỗi tuần, lỗi; nguồn im ắng
    hoặc bất thường."""
    settings = app.settings_to_read()
    now = datetime.now(UTC)
    today = now.astimezone(settings.tz).date()
    state = crawl_state_from(settings)
    archive = archive_from(settings)
    try:
        weekly = archive.counts(
            Query(date_from=today - timedelta(weeks=HEALTH_WEEKS), date_to=today), group_by="outlet"
        )
        report = source_health(load_sources(settings.sources_file), state, weekly, now=now)
    finally:
        state.close()
        archive.close()
    shown = [h for h in report if show_all or h.alerts]
    if as_json:
        for health in shown:
            click.echo(output.dumps(health))
        return
    rows = [
        (
            h.name,
            vn_datetime(h.last_success, settings.tz) or "chưa có",
            f"{h.weekly_mean:.1f}".replace(".", ","),
            output.number(h.last_week),
            output.number(h.date_disagreements),
            ", ".join(
                f"{PROBLEM_LABELS.get(k, k)}: {output.number(v)}"
                for k, v in sorted(h.errors.items())
            )
            or "-",
            "; ".join(h.alerts) or "bình thường",
        )
        for h in shown
    ]
    if rows:  # with none to show, the count below says so: no table of headers alone
        click.echo(
            output.table(
                [
                    "nguồn",
                    "lần thu thập được gần nhất",
                    "bài/tuần",
                    "7 ngày qua",
                    "ngày đăng không khớp",
                    "lỗi",
                    "tình trạng",
                ],
                rows,
            )
        )
    needing = sum(1 for h in report if h.alerts)
    click.echo(
        f"{output.number(needing)}/{output.number(len(report))} nguồn cần chú ý"
        + ("" if show_all else " (--all để xem mọi nguồn)")
    )


COMMANDS = (crawl, run, extract, sources)
