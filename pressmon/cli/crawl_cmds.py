"""Commands that fetch pages: crawl, run (scheduled), extract, sources (health)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from index.types import Query
from pressmon.cli import output
from pressmon.cli.help_text import command
from pressmon.cli.options import sources_file_option
from pressmon.cli.progress import Progress, progress_mode, quiet_option
from pressmon.crawl import chosen_sources, run_crawl, run_every
from pressmon.crawl_report import PROBLEM_LABELS, crawl_report, failed_text, problems_text
from pressmon.errors import PressmonError
from pressmon.health import source_health
from pressmon.outlets import OutletResolver
from pressmon.settings import load_sources
from pressmon.wiring import archive_from, crawl_state_from

# Scrapy's finish reasons, as people read them.
FINISH_REASONS = {
    "finished": "hoàn tất",
    "shutdown": "bị dừng giữa chừng",
    "cancelled": "bị huỷ",
    "closespider_timeout": "hết thời gian cho phép",
    "closespider_pagecount": "đủ số trang cho phép",
    "closespider_itemcount": "đủ số bài cho phép",
    "closespider_errorcount": "quá nhiều lỗi",
}
HEALTH_WEEKS = 9  # eight usual weeks and the current one


@command()
@sources_file_option
@click.option(
    "--source", "source_ids", multiple=True, metavar="ID", help="Crawl only this source; repeat."
)
@quiet_option
@click.pass_obj
def crawl(app, source_ids: tuple[str, ...], quiet: bool) -> None:
    """Crawl the configured press sources once into the archive (incremental, polite).

    Prints what each source gave; exits non-zero when no source could be fetched, or when a
    source named with --source could not.
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
    rows = [
        (o.name, o.fetched, o.stored, o.irrelevant, o.known, problems_text(o))
        for o in report.outcomes
    ]
    click.echo(
        output.table(
            ["nguồn", "trang tải được", "bài lưu", "không liên quan", "đã có", "lỗi"], rows
        )
    )
    click.echo(
        f"Xong ({FINISH_REASONS.get(result.finish_reason, result.finish_reason)}): "
        f"lưu {output.number(result.stored)} bài từ "
        f"{output.number(len(report.outcomes) - len(report.failed))}/"
        f"{output.number(len(report.outcomes))} nguồn"
    )
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
            f"{value!r}: hãy ghi một số kèm s, m, h hoặc d (giây, phút, giờ, ngày), ví dụ 2h"
        )
    return float(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@command()
@click.option(
    "--every", default="2h", show_default=True, help="Interval between crawl cycles (30m, 2h, 1d)."
)
@click.option(
    "--cycles",
    type=click.IntRange(min=1),
    help="Stop after this many cycles (default: run forever).",
)
@click.option(
    "--source", "source_ids", multiple=True, metavar="ID", help="Crawl only this source; repeat."
)
@click.pass_obj
def run(app, every: str, cycles: int | None, source_ids: tuple[str, ...]) -> None:
    """Keep counts and flags current: crawl every interval, logging each cycle (Ctrl-C stops)."""
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
        run_every(_seconds(every), command, cycles=cycles)
    except KeyboardInterrupt:
        click.echo("Đã dừng")


@command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--url", required=True, help="The page's original URL (for relative links and ids).")
@click.option(
    "--parser",
    default=None,
    help="Site parser, e.g. baohiemxahoi (default: the configured source's, else generic).",
)
@click.option(
    "--source",
    "source_name",
    default=None,
    metavar="ID|NAME|DOMAIN",
    help="The outlet, if the URL's domain does not name a configured source.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the fields as one JSON object.")
@sources_file_option
@click.pass_obj
def extract(
    app, file: Path, url: str, parser: str | None, source_name: str | None, as_json: bool
) -> None:
    """Extract one saved page: title, published_at and why, body, outlet, method per field.

    The outlet is the configured source matching --source or the URL's domain (aliases
    included), whose parser and known habits then apply; otherwise the page's own publisher
    name, never a bare URL.
    """
    # lxml and trafilatura: imported by this command only (fast start of the others).
    from crawlers.extract import extract_article
    from crawlers.extract.profile import DEFAULT_PROFILE

    sources = load_sources(app.settings.sources_file).sources
    source = OutletResolver(sources).resolve(source_name, url).source
    article = extract_article(
        file.read_bytes(),
        url,
        parser=parser or (source.parser if source else "generic"),
        now=datetime.now(UTC),
        profile=source.extraction.profile if source else DEFAULT_PROFILE,
        outlet=source.name if source else None,
    )
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
    if as_json:
        click.echo(output.dumps(fields))
        return
    for key, value in fields.items():
        click.echo(f"{key}: {output.to_jsonable(value)}")


@command()
@click.option(
    "--all", "show_all", is_flag=True, help="List every source, not only those needing attention."
)
@click.option("--json", "as_json", is_flag=True, help="JSON lines, one source each.")
@click.pass_obj
def sources(app, show_all: bool, as_json: bool) -> None:
    """Source health: last successful crawl, articles per week, errors; silent or unusual
    sources."""
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
            h.last_success.strftime("%d/%m/%Y %H:%M") if h.last_success else "chưa có",
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
