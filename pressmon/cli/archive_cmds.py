"""Commands over the archive: search, counts, flagged, ingest, index export/import."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast, get_args

import click

from classifier.types import TIER_LABELS, TIERS
from crawlers.sources import OutletKind
from index.types import GroupBy, Interval, Query
from pressmon.cli import output
from pressmon.coverage import progress_for_targets
from pressmon.review.labels import label
from pressmon.review.queue import triage_order
from pressmon.settings import load_targets
from pressmon.snapshots import SnapshotStore
from pressmon.wiring import archive_from, crawl_state_from, processor_from


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from err


def _filters(fn):
    for decorator in reversed(
        [
            click.option(
                "--from",
                "date_from",
                metavar="YYYY-MM-DD",
                help="First day (local time), inclusive.",
            ),
            click.option(
                "--to", "date_to", metavar="YYYY-MM-DD", help="Last day (local time), inclusive."
            ),
            click.option("--outlet", multiple=True, help="Source id; repeat for several."),
            click.option(
                "--province", multiple=True, help="Current province name; repeat for several."
            ),
            click.option("--kind", multiple=True, type=click.Choice(get_args(OutletKind))),
            click.option("--topic", multiple=True, help="Topic id, e.g. bhyt; repeat for several."),
        ]
    ):
        fn = decorator(fn)
    return fn


def _tier_codes(_ctx, _param, values: tuple[str, ...]) -> tuple[str, ...]:
    """Tiers are typed as codes or, as before codes, by the Vietnamese name staff see."""
    code_for_label = {name: code for code, name in TIER_LABELS.items()}
    return tuple(code_for_label.get(value, value) for value in values)


def _query(text: str = "", **options) -> Query:
    return Query(
        text=text,
        date_from=_date(options.get("date_from")),
        date_to=_date(options.get("date_to")),
        outlets=frozenset(options.get("outlet", ())),
        provinces=frozenset(options.get("province", ())),
        kinds=frozenset(options.get("kind", ())),
        topics=frozenset(options.get("topic", ())),
        tiers=frozenset(options.get("tier", ())),
        sort=options.get("sort", "relevance"),
        page=options.get("page", 1),
        page_size=options.get("limit", 20),
    )


@click.command()
@click.argument("query")
@_filters
@click.option(
    "--tier",
    multiple=True,
    type=click.Choice([*TIERS, *TIER_LABELS.values()]),
    callback=_tier_codes,
    help="Flag tier: urgent, review, low (or its Vietnamese name); repeat for several.",
)
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object with total and hits.")
@click.pass_obj
def search(app, query: str, as_json: bool, **options) -> None:
    """Full-text search of the archive (diacritics optional; "quoted phrases")."""
    with archive_from(app.settings_to_read()) as archive:
        page = archive.search(_query(query, **options))
    if as_json:
        click.echo(output.dumps(output.search_json(page)))
        return
    click.echo(f"{page.total} kết quả")
    for hit in page.hits:
        click.echo(output.document_line(hit.document, app.settings.tz))
        click.echo(f"    {output.snippet_for_terminal(hit.snippet)}")


@click.command()
@click.option(
    "--by", "group_by", type=click.Choice(get_args(GroupBy)), help="Group the weekly counts."
)
@click.option(
    "--interval", type=click.Choice(get_args(Interval)), default="week", show_default=True
)
@_filters
@click.option("--json", "as_json", is_flag=True, help="JSON: buckets, rows per group, total.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV in long form: bucket_start, group, count.")
@click.option(
    "--stories",
    is_flag=True,
    help="Count stories: a syndicated article counts once, not once per outlet.",
)
@click.option(
    "--targets",
    "with_targets",
    is_flag=True,
    help="Also show progress against config/targets.yaml as of --to (default today).",
)
@click.option(
    "--freeze",
    is_flag=True,
    help="Freeze the shown complete weeks as reported; later changes show as revisions.",
)
@click.pass_obj
def counts(
    app,
    group_by: GroupBy | None,
    interval: Interval,
    as_json: bool,
    as_csv: bool,
    stories: bool,
    with_targets: bool,
    freeze: bool,
    **options,
) -> None:
    """Coverage counts per week (Monday-start, Asia/Ho_Chi_Minh) or month, zero weeks included."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if freeze and (interval != "week" or stories):
        raise click.UsageError("--freeze works on weekly article counts")
    settings = app.settings_to_read()
    today = datetime.now(settings.tz).date()
    with archive_from(settings) as archive:
        table = archive.counts(
            _query(**options),
            group_by=group_by,
            interval=interval,
            unit="stories" if stories else "articles",
        )
        as_of = _date(options.get("date_to")) or today
        progress = (
            progress_for_targets(archive, load_targets(settings.targets_file), as_of)
            if with_targets
            else []
        )
    revisions = _freeze_complete_weeks(settings, table, today) if freeze else []
    if as_json:
        click.echo(
            output.dumps({**output.counts_json(table), "targets": progress, "revisions": revisions})
        )
    elif as_csv:
        click.echo(output.counts_csv(table), nl=False)
    else:
        click.echo(output.counts_text(table))
        for item in progress:
            click.echo(output.progress_text(item))
        for revision in revisions:
            click.echo(output.revision_text(revision))


def _freeze_complete_weeks(settings, table, today: date) -> list:
    store = SnapshotStore(settings.archive.state_path)
    try:
        return [
            revision
            for week in table.buckets
            if week + timedelta(days=7) <= today
            for revision in store.freeze(week, table)
        ]
    finally:
        store.close()


@click.command()
@_filters
@click.option("--json", "as_json", is_flag=True, help="JSON lines, one flagged item each.")
@click.pass_obj
def flagged(app, as_json: bool, **options) -> None:
    """Items flagged for review, most urgent first (a triage list, not verdicts)."""
    with archive_from(app.settings_to_read()) as archive:
        documents, capped = triage_order(archive, _query(**options))
    if as_json:
        for d in documents:
            # The archive keeps flag_details as untyped JSON; the flagger writes reason objects.
            reasons = cast(list[Mapping[str, Any]], d.flag_details.get("reasons", []))
            click.echo(
                output.dumps(
                    {
                        "id": d.id,
                        "title": d.title,
                        "url": d.canonical_url,
                        "outlet": d.outlet,
                        "published_at": d.published_at,
                        "risk": d.risk,
                        "tier": d.tier,
                        "tier_label": label(d.tier),
                        "category": d.category,
                        "stance": d.stance,
                        "review_status": d.review_status,
                        "review_status_label": label(d.review_status),
                        "reasons": [r.get("text") for r in reasons][:5],
                    }
                )
            )
        return
    click.echo(f"{len(documents)} tin cần xem xét (điểm sàng lọc, không phải kết luận)")
    if capped:
        click.echo("(chỉ hiện những tin đầu tiên; lọc theo ngày, cơ quan hoặc tỉnh để xem tiếp)")
    for d in documents:
        click.echo(
            f"[{label(d.tier)}] {d.risk:.2f} {d.category or '-'} {d.stance}  "
            f"{label(d.review_status)}"
        )
        click.echo("    " + output.document_line(d, app.settings.tz))


@click.command()
@click.argument(
    "file", type=click.Path(path_type=Path, exists=True, dir_okay=False, allow_dash=True)
)
@click.pass_obj
def ingest(app, file: Path) -> None:
    """Add articles from JSON lines (title, text, url, outlet, published_at), classified on the
    way."""
    from pressmon.ingest import ingest_jsonl  # the classifier: heavy, only here (fast start)

    settings = app.settings_to_write()
    stream = sys.stdin if str(file) == "-" else file.open(encoding="utf-8")
    archive = archive_from(settings)
    state = crawl_state_from(settings)
    try:
        report = ingest_jsonl(stream, settings, processor_from(settings, state), archive, state)
    finally:
        archive.close()
        state.close()
        if stream is not sys.stdin:
            stream.close()
    click.echo(
        f"{report.stored} stored ({report.new} new), {report.irrelevant} not about social insurance"
    )


@click.group("index")
def index_group() -> None:
    """Move an archive between backends (SQLite ⇄ Elasticsearch) as JSON lines."""


@index_group.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.pass_obj
def index_export(app, file: Path) -> None:
    """Write every article and its review history to FILE (- for stdout)."""
    from index.transfer import export_jsonl

    with archive_from(app.settings_to_read()) as archive:
        if str(file) == "-":
            written = export_jsonl(archive, sys.stdout)
        else:
            with file.open("w", encoding="utf-8") as out:
                written = export_jsonl(archive, out)
    click.echo(f"exported {written} articles", err=True)


@index_group.command("import")
@click.argument(
    "file", type=click.Path(path_type=Path, exists=True, dir_okay=False, allow_dash=True)
)
@click.pass_obj
def index_import(app, file: Path) -> None:
    """Read an export into the configured archive (idempotent)."""
    from index.transfer import import_jsonl

    with archive_from(app.settings_to_write()) as archive:
        if str(file) == "-":
            read = import_jsonl(archive, sys.stdin)
        else:
            with file.open(encoding="utf-8") as inp:
                read = import_jsonl(archive, inp)
    click.echo(f"imported {read} articles")


COMMANDS = (search, counts, flagged, ingest, index_group)
