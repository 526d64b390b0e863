"""Commands over the archive: search, counts, flagged, ingest, rescore, index export/import."""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast, get_args

import click

from classifier.types import TIER_LABELS, TIERS
from index.base import Archive
from index.errors import QueryError
from index.types import CountUnit, GroupBy, Interval, Query, SearchPage
from index.weeks import bucket_starts, cut_buckets
from pressmon.cli import output
from pressmon.cli.byte_input import (
    STDIN_NAME,
    is_utf16,
    peekable,
    starts_as_utf16,
    utf16_refused,
)
from pressmon.cli.help_text import command, group
from pressmon.cli.legacy_encoding import Utf8Tally, head_check, not_utf8_refused, peeked_check
from pressmon.cli.options import DAY, not_a_data_file
from pressmon.cli.progress import Progress, progress_mode, quiet_option
from pressmon.coverage import (
    PRESS_KINDS,
    archived_outlets,
    counted_until,
    open_end,
    progress_for_targets,
    stored_outlet_names,
)
from pressmon.filters import FilterField, FilterResolver, UnknownFilterValue
from pressmon.links import item_link, story_link
from pressmon.progress_text import cut_buckets_note
from pressmon.review.date_reasons import date_labels
from pressmon.review.labels import CATEGORY_LABELS, KIND_LABELS, TOPIC_LABELS, label
from pressmon.review.queue import documents_per_story, triage_order
from pressmon.search_hints import suggestions
from pressmon.settings import Settings, load_sources
from pressmon.snapshots import SnapshotStore, complete_weeks
from pressmon.whole_file import written_whole
from pressmon.wiring import (
    archive_from,
    check_processing_config,
    crawl_state_from,
    flagger_from,
    gazetteer_from,
    notifier_from,
    processor_from,
    story_memory_from,
    synonyms_from,
    targets_from,
)

GROUPS = ("province", "outlet", "kind", "topic")  # --by's choices, and the filter options' names
_LINES_SHOWN = 20  # ingest problems listed one per line; the rest are counted


def _filters(fn):
    for decorator in reversed(
        [
            click.option(
                "--from",
                "date_from",
                type=DAY,
                metavar="NGÀY",
                help="Từ ngày (giờ địa phương), tính cả ngày này; dạng YYYY-MM-DD hoặc DD/MM/YYYY.",
            ),
            click.option(
                "--to",
                "date_to",
                type=DAY,
                metavar="NGÀY",
                help="Đến ngày (giờ địa phương), tính cả ngày này; dạng YYYY-MM-DD hoặc "
                "DD/MM/YYYY.",
            ),
            click.option(
                "--outlet",
                multiple=True,
                metavar="BÁO",
                help='Mã, tên hoặc tên miền của báo (vnexpress, "Tuổi Trẻ"); lặp lại để chọn '
                "nhiều báo.",
            ),
            click.option(
                "--province",
                multiple=True,
                metavar="TỈNH",
                help='Tỉnh, tên hiện nay hoặc trước năm 2025 ("Nghe An", "Vĩnh Phúc"); lặp lại '
                "được.",
            ),
            click.option(
                "--kind",
                multiple=True,
                metavar="LOẠI",
                help='Loại báo: sector, national, provincial, other (hoặc "báo ngành"...).',
            ),
            click.option(
                "--topic",
                multiple=True,
                metavar="CHỦ_ĐỀ",
                help='Mã hoặc tên chủ đề (bhyt, "bảo hiểm y tế"); lặp lại để chọn nhiều chủ đề.',
            ),
        ]
    ):
        fn = decorator(fn)
    return fn


def _tier_codes(_ctx, _param, values: tuple[str, ...]) -> tuple[str, ...]:
    """Tiers are typed as codes or, as before codes, by the Vietnamese name staff see."""
    code_for_label = {name: code for code, name in TIER_LABELS.items()}
    return tuple(code_for_label.get(value, value) for value in values)


def _resolved(
    settings: Settings, options: Mapping[str, Any], archive: Archive
) -> dict[FilterField, frozenset[str]]:
    """Filter values as typed → stored values; renamed provinces are noted on stderr.

    The resolver reads sources.yaml and provinces.yaml, so it is built only when a filter is given.
    An outlet sources.yaml lacks is looked for among the archive's only then (it costs a count).
    """
    fields: tuple[FilterField, ...] = ("outlet", "province", "kind", "topic")
    given = {name: tuple(options.get(name, ())) for name in fields}
    if not any(given.values()):
        return {name: frozenset() for name in given}
    resolver = FilterResolver.build(
        gazetteer_from(settings), load_sources(settings.sources_file).sources
    )
    try:
        for value in given["outlet"]:
            resolver.outlet(value)
    except UnknownFilterValue:
        resolver = resolver.with_archived_outlets(archived_outlets(archive, resolver.outlets.names))
    out: dict[FilterField, frozenset[str]] = {}
    for name, values in given.items():
        found = [resolver.resolve(name, value) for value in values]
        for item in found:
            if item.note:
                click.echo(f"Lưu ý: {item.note}", err=True)
        out[name] = frozenset(item.value for item in found)
    return out


def _query(settings: Settings, archive: Archive, text: str = "", **options) -> Query:
    filters = _resolved(settings, options, archive)
    date_from = options.get("date_from")
    date_to = options.get("date_to")
    if date_from and date_to and date_from > date_to:
        # A mistake on the command line, said as one: not the archive's error for a query.
        raise click.UsageError(
            f"--from {date_from:%d/%m/%Y} sau --to {date_to:%d/%m/%Y}: khoảng ngày không có "
            "ngày nào; ngày --from phải trước hoặc bằng ngày --to"
        )
    return Query(
        text=text,
        date_from=date_from,
        date_to=date_to,
        outlets=filters["outlet"],
        provinces=filters["province"],
        kinds=filters["kind"],
        topics=filters["topic"],
        tiers=frozenset(options.get("tier", ())),
        sort=options.get("sort", "relevance"),
        page=options.get("page", 1),
        page_size=options.get("limit", 20),
    )


@command()
@click.argument("query", metavar="TỪ_KHOÁ")
@_filters
@click.option(
    "--tier",
    multiple=True,
    type=click.Choice([*TIERS, *TIER_LABELS.values()]),
    callback=_tier_codes,
    help="Mức ưu tiên: urgent, review, low (hoặc tên tiếng Việt của mức); lặp lại để chọn "
    "nhiều mức.",
)
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date"]),
    default="relevance",
    show_default=True,
    help="Xếp theo mức khớp (relevance) hoặc theo ngày đăng, mới nhất trước (date).",
)
@click.option(
    "--page", type=click.IntRange(min=1), default=1, show_default=True, help="Trang kết quả."
)
@click.option(
    "--limit",
    type=click.IntRange(1, 200),
    default=20,
    show_default=True,
    help="Số kết quả mỗi trang.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Một đối tượng JSON gồm tổng số và các kết quả; khi không có kết quả, trường "
    "suggestions nêu các câu tìm nên thử, kèm số bài.",
)
@click.pass_obj
def search(app, query: str, as_json: bool, **options) -> None:
    """Tìm trong kho bài (gõ có dấu hoặc không dấu).

    \b
    Cú pháp: "cụm từ" giữ đúng thứ tự; a OR b tìm bài có a hoặc b;
    a AND b như a b; -từ, -"cụm từ" hoặc NOT từ loại bài có từ đó
    (OR, AND, NOT viết hoa; –từ, —từ, −từ như -từ). Viết tắt và dạng đầy đủ
    (BHXH / bảo hiểm xã hội, xem config/synonyms.yaml) tìm ra nhau.
    Viết tắt có dấu chấm (B.H.Y.T) được đọc là BHYT.
    Câu bắt đầu bằng dấu trừ đặt sau --: pressmon search -- "-x y".
    """
    settings = app.settings_to_read()
    with archive_from(settings) as archive:
        asked = _query(app.settings, archive, query, **options)
        page = _page_or_past_the_end(archive, asked)
        # Counting the rewrites costs a search each: only an empty answer pays for it.
        tried = suggestions(archive, asked, synonyms_from(settings)) if not page.total else ()
    if as_json:
        click.echo(output.dumps(output.search_json(page, tried)))
        return
    if not page.total:
        click.echo(output.no_results_text(tried))
        return
    total = output.at_least(page.total, page.total_exact)
    click.echo(f"{total[:1].upper()}{total[1:]} kết quả")  # "Hơn 10.000 …" opens the line
    if not page.hits:
        click.echo(output.past_the_end_text(page))
    for hit in page.hits:
        title = output.snippet_for_terminal(hit.marked_title)
        click.echo(output.document_line(hit.document, app.settings.tz, title=title))
        click.echo(f"    {output.snippet_for_terminal(hit.snippet)}")


def _page_or_past_the_end(archive, asked: Query) -> SearchPage:
    """The page asked for; past the last match an empty page with the total, as in date order.
    A relevance page past the matches the backend ranks is refused before they are counted: its
    refusal would speak of thousands of results when the archive holds a handful."""
    try:
        return archive.search(asked)
    except QueryError:
        total = archive.count_matches(asked)
        if (asked.page - 1) * asked.page_size < total:
            raise
        return SearchPage(total=total, hits=(), page=asked.page, page_size=asked.page_size)


@command()
@click.option(
    "--by",
    "group_by",
    type=click.Choice(get_args(GroupBy)),
    help="Chia số bài theo tỉnh, báo, loại báo hoặc chủ đề.",
)
@click.option(
    "--interval",
    type=click.Choice(get_args(Interval)),
    default="week",
    show_default=True,
    help="Đếm theo tuần (week) hoặc theo tháng (month).",
)
@_filters
@click.option(
    "--json", "as_json", is_flag=True, help="JSON: các mốc thời gian, số bài từng nhóm, tổng."
)
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    help="CSV dạng dài, một dòng mỗi mốc và nhóm: bucket_start, cột mang tên của --by "
    "(province, outlet, kind, topic) ghi mã nhóm, label (tên nhóm), count; không có --by: "
    "bucket_start, count; cột cuối partial là 1 ở tuần (tháng) bị --from/--to cắt, chỉ tính "
    "một phần, còn lại 0. Mã UTF-8 không BOM (cho lệnh, script); mở bằng Excel qua Data › "
    "From Text/CSV, chọn UTF-8.",
)
@click.option(
    "--stories",
    is_flag=True,
    help="Đếm theo tin: một bài đăng lại ở nhiều báo chỉ tính một lần, không phải mỗi báo một lần.",
)
@click.option(
    "--targets",
    "with_targets",
    is_flag=True,
    help="Thêm tiến độ so với chỉ tiêu trong config/targets.yaml tính đến --to (mặc định "
    "và khi --to chưa tới: hôm nay).",
)
@click.option(
    "--freeze",
    is_flag=True,
    help="Chốt các tuần đã qua, nằm trọn trong --from/--to, như số đã báo cáo; thay đổi về sau "
    "hiện thành số điều chỉnh.",
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
    """Số bài trên báo chí theo tuần (bắt đầu thứ Hai, giờ Asia/Ho_Chi_Minh) hoặc theo tháng, kể
    cả tuần không có bài.

    Chỉ tính báo chí (báo ngành, trung ương, địa phương), như trang /bao-phu; diễn đàn, mạng xã
    hội chỉ được đếm khi ghi rõ --kind other.
    """
    if as_json and as_csv:
        raise click.UsageError("chỉ chọn một trong --json và --csv")
    if freeze and (interval != "week" or stories):
        raise click.UsageError(
            "--freeze chỉ dùng với số bài theo tuần (bỏ --interval month và --stories)"
        )
    # A frozen week is keyed by its grouping alone: a filtered count frozen there would make the
    # unfiltered one look revised (the articles filtered out reported as late arrivals).
    if freeze and (filtered := [f"--{name}" for name in GROUPS if options.get(name)]):
        raise click.UsageError(
            f"--freeze chốt số báo chí không lọc; bỏ {', '.join(filtered)} (nhóm bằng --by)"
        )
    settings = app.settings_to_read()
    today = datetime.now(settings.tz).date()
    unit: CountUnit = "stories" if stories else "articles"
    with archive_from(settings) as archive:
        query = _query(settings, archive, **options)
        # Press coverage unless --kind names the kinds: forum and social-media posts are not press.
        kinds_asked = bool(query.kinds)
        if not kinds_asked:
            query = replace(query, kinds=PRESS_KINDS)
        table = archive.counts(query, group_by=group_by, interval=interval, unit=unit)
        # Without --to the table ends at the last article: a week under way with none yet (a
        # Monday morning's --from) would be left out, or the whole table with it.
        if end := open_end(table.buckets, interval, query.date_from, query.date_to, today):
            # Nothing counted and no --from (a new archive, forum posts only): the table starts
            # where the archive's first article would, so it had no row; the week (month) under
            # way is then its row, with its 0, instead of a heading over nothing.
            start = query.date_from or (None if table.buckets else _under_way(today, interval))
            query = replace(query, date_from=start, date_to=end)
            table = archive.counts(query, group_by=group_by, interval=interval, unit=unit)
        # Topics overlap, and so do a story's copies in its groups: the ungrouped count says how
        # many articles (stories) there are.
        distinct = (
            archive.counts(query, group_by=None, interval=interval, unit=unit).total
            if group_by in output.OVERLAP_NOTES or (stories and group_by is not None)
            else None
        )
        # As on /bao-phu and /bao-cao: a range ending after today is read as of today, so the
        # year asked in December is behind or on pace, not already over and short.
        as_of = min(options.get("date_to") or today, today)
        progress = (
            progress_for_targets(archive, targets_from(settings), as_of, today)
            if with_targets
            else []
        )
        names = _group_names(settings, group_by)
        if group_by == "outlet":
            names |= stored_outlet_names(archive, table.rows, names)
    dates = (query.date_from, counted_until(table.buckets, query.date_to, today))
    partial = cut_buckets(table.buckets, interval, *dates)
    frozen, revisions = (
        _freeze_complete_weeks(settings, table, query, today) if freeze else ((), [])
    )
    if group_by == "province" and not query.provinces:
        table = output.with_every_group(table, list(names))
    if as_json:
        click.echo(
            output.dumps(
                {
                    **output.counts_json(table, names),
                    "distinct_total": table.total if distinct is None else distinct,
                    "kinds": sorted(query.kinds),
                    "targets": progress,
                    "revisions": revisions,
                    "frozen_weeks": list(frozen),
                    "partial_buckets": sorted(partial),
                    "counted_to": dates[1],
                }
            )
        )
    elif as_csv:
        click.echo(output.counts_csv(table, names, partial), nl=False)
        # Beside the CSV, not in it: what --freeze did is the operator's to read.
        if freeze:
            click.echo(output.frozen_text(frozen), err=True)
        for revision in revisions:
            click.echo(output.revision_text(revision), err=True)
    else:
        click.echo(output.counts_text(table, names, distinct))
        if cut := cut_buckets_note(table.buckets, interval, *dates, range_end=query.date_to):
            click.echo(cut)
        click.echo(output.kinds_text(query.kinds, asked=kinds_asked))
        for item in progress:
            click.echo(output.progress_text(item))
        if freeze:
            click.echo(output.frozen_text(frozen))
        for revision in revisions:
            click.echo(output.revision_text(revision))


def _group_names(settings: Settings, group_by: GroupBy | None) -> dict[str, str]:
    """Stored group value → the name people use; every current province, in gazetteer order."""
    if group_by == "province":
        return {p: p for p in gazetteer_from(settings).provinces}
    if group_by == "outlet":
        return {s.id: s.name for s in load_sources(settings.sources_file).sources}
    if group_by == "kind":
        return dict(KIND_LABELS)
    if group_by == "topic":
        return dict(TOPIC_LABELS)
    return {}


def _freeze_complete_weeks(
    settings, table, query: Query, today: date
) -> tuple[tuple[date, ...], list]:
    """The weeks frozen, and the changes to counts frozen before."""
    store = SnapshotStore(settings.archive.state_path)
    weeks = complete_weeks(
        table.buckets, date_from=query.date_from, date_to=query.date_to, today=today
    )
    try:
        return weeks, [revision for week in weeks for revision in store.freeze(week, table)]
    finally:
        store.close()


@command()
@_filters
@click.option("--json", "as_json", is_flag=True, help="JSON lines, mỗi dòng một tin được đánh dấu.")
@click.option(
    "--stories",
    is_flag=True,
    help="Gộp bài cùng nội dung (đăng lại, sao chép): mỗi nội dung một dòng, bản khẩn nhất đại "
    "diện, kèm số bản cùng nội dung khác; --json thêm story_id và story_copies.",
)
@click.pass_obj
def flagged(app, as_json: bool, stories: bool, **options) -> None:
    """Các tin được đánh dấu cần xem xét, khẩn nhất trước (danh sách sàng lọc, không phải
    kết luận)."""
    with archive_from(app.settings_to_read()) as archive:
        documents, capped = triage_order(archive, _query(app.settings, archive, **options))
    # --stories, named as `counts --stories`: a story's copies count once, as the web's ?gop=1.
    shown, copies = documents_per_story(documents) if stories else (tuple(documents), {})
    if as_json:
        for d in shown:
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
                        "date_source": d.date_source,
                        "date_reason": d.date_reason,
                        "date_disagreements": d.date_disagreements,
                        **date_labels(d),
                        "risk": d.risk,
                        "tier": d.tier,
                        "tier_label": label(d.tier),
                        "category": d.category,
                        "category_label": CATEGORY_LABELS.get(d.category or ""),
                        "stance": d.stance,
                        "link": item_link(app.settings.web, d.id),
                        "review_status": d.review_status,
                        "review_status_label": label(d.review_status),
                        "reasons": [r.get("text") for r in reasons][:5],
                        **(
                            {"story_id": d.story_id, "story_copies": copies.get(d.id, 0)}
                            if stories
                            else {}
                        ),
                    }
                )
            )
        return
    grouped = f"{output.stories_text(len(shown))}, mỗi nội dung một dòng; " if stories else ""
    click.echo(
        f"{output.number(len(documents))} tin cần xem xét"
        f" ({grouped}điểm sàng lọc, không phải kết luận)"
    )
    if capped:
        click.echo("(chỉ hiện những tin đầu tiên; lọc theo ngày, cơ quan hoặc tỉnh để xem tiếp)")
    for d in shown:
        link = item_link(app.settings.web, d.id)
        story = story_link(app.settings.web, d.story)
        click.echo(
            output.flagged_text(
                d, app.settings.tz, link, copies=copies.get(d.id, 0), copies_link=story
            )
        )


@command()
@click.argument(
    "file",
    metavar="TỆP",
    type=click.Path(path_type=Path, exists=True, dir_okay=False, allow_dash=True),
)
@quiet_option
@click.pass_obj
def ingest(app, file: Path, quiet: bool) -> None:
    """Thêm bài từ TỆP JSON lines (title, text, url, outlet, published_at, canonical_url; - là
    stdin), chấm điểm ngay khi nhập.

    Mã bài lấy theo canonical_url (địa chỉ gốc của trang) khi có, như khi thu thập: hai địa chỉ
    của cùng một trang là một bài; canonical_url ở trang khác với url không được dùng.

    Văn bản được làm sạch khi nhập (ký tự điều khiển, chuỗi thoát, UTF-8 hỏng, giới hạn độ dài;
    xem README). Dòng lỗi bị bỏ qua và được nêu ra; mọi dòng khác vẫn được lưu, rồi lệnh kết
    thúc với mã 1 để các script biết.
    """
    # The classifier: heavy, only here (fast start).
    from pressmon.ingest import ingest_parsed, nothing_to_ingest, parse_lines

    # Bytes, so a line of invalid UTF-8 is replaced and reported instead of aborting the file.
    from_stdin = str(file) == "-"
    name = STDIN_NAME if from_stdin else str(file)
    stream = peekable(sys.stdin.buffer if from_stdin else file.open("rb"))
    try:
        if is_utf16(stream):
            raise utf16_refused(name, "chưa nhập dòng nào", again="nhập lại")
        # Read once, the encoding counted on the way: every line is held before storing anyway.
        tally = Utf8Tally()
        result = parse_lines(tally.passing(stream), app.settings.tz)
    finally:
        if not from_stdin:
            stream.close()
    if tally.check.not_utf8:
        raise not_utf8_refused(name, tally.check, "chưa nhập dòng nào", again="nhập lại")
    from pressmon.locations import new_archive_kept_if_stored

    with new_archive_kept_if_stored(app.settings, _to_stderr) as stored:
        settings = app.settings_to_write()
        archive = archive_from(settings)
        state = crawl_state_from(settings)
        notifier = notifier_from(settings)
        try:
            if not result.lines:
                check_processing_config(settings)
                report = nothing_to_ingest(result)
            else:
                with Progress(progress_mode(quiet)) as progress:
                    stories = story_memory_from(settings, state)
                    processor = processor_from(settings, stories)
                    report = ingest_parsed(
                        result, settings, processor, archive, stories, notifier, progress, stored
                    )
        finally:
            archive.close()
            state.close()
        notifier.send_due()  # a failure is recorded and retried by the next crawl or serve
        n = output.number
        click.echo(
            f"Xong: đọc {n(report.read)} bài"
            + (f" ({n(len(report.rejected))} dòng bị bỏ qua)" if report.rejected else "")
            + f", lưu {n(report.stored)} ({n(report.new)} bài mới), "
            f"{n(report.irrelevant)} bài không về BHXH, BHYT, BHTN nên không lưu"
            + (f"; {n(report.alerts)} cảnh báo mới" if report.alerts else "")
        )
        _echo_lines("đã làm sạch", len(report.cleaned), report.cleaned[:_LINES_SHOWN])
        noted = report.noted[:_LINES_SHOWN]
        _echo_lines(
            "có tỉnh hoặc cơ quan báo không nhận ra",
            sum(len(same.lines) for same in report.noted),
            [same.text for same in noted],
            shown_lines=sum(len(same.lines) for same in noted),
        )
        _echo_lines("bị bỏ qua", len(report.rejected), report.rejected[:_LINES_SHOWN])
        if report.rejected:
            # "The other lines were stored" would be false of a file with no other line, or
            # whose others were read but, not about BHXH, not stored.
            rest = (
                "các dòng khác đã được lưu"
                if report.stored
                else "các bài khác không về BHXH, BHYT, BHTN nên không lưu"
                if report.read
                else "tệp không có dòng nào đọc được"
            )
            raise click.ClickException(
                f"{n(len(report.rejected))} dòng không được lưu (liệt kê ở trên); {rest}"
            )


def _refuse_utf16_or_legacy_export(file: Path) -> None:
    """An export saved again as UTF-16 (Windows editors' "Unicode"), or as Windows-1258, is
    refused as such before the archive is opened, as `ingest` refuses it, not as "có byte không
    phải UTF-8"; only its first lines are read for it (`head_check`), or, piped, peeked at."""
    if str(file) == "-":
        piped = sys.stdin.buffer
        if not isinstance(piped, io.BufferedReader):
            return  # nothing to peek at: a bad byte stops the import at its line, as below
        utf16, check = is_utf16(piped), peeked_check(piped)
    else:
        with file.open("rb") as raw:
            utf16 = starts_as_utf16(raw.read(2))
            raw.seek(0)
            check = head_check(raw)
    name = STDIN_NAME if str(file) == "-" else str(file)
    if utf16:
        raise utf16_refused(name, "chưa nhập dòng nào", again="nhập lại")
    # Any other bad byte, or one further on, is refused as it comes ("từ dòng N: có byte không
    # phải UTF-8").
    if check.windows_1258:
        raise not_utf8_refused(name, check, "chưa nhập dòng nào", again="nhập lại")


def _under_way(today: date, interval: Interval) -> date:
    """The first day of the week (month) `today` is in."""
    (start,) = bucket_starts(today, today, interval)
    return start


def _to_stderr(message: str) -> None:
    click.echo(message, err=True)


def _echo_lines(
    title: str, count: int, shown: Sequence[str], *, shown_lines: int | None = None
) -> None:
    """On stderr: "`count` dòng `title`:" and the first entries of them, if any; an entry is one
    line unless `shown_lines` says how many the shown entries stand for (`same_note`)."""
    if not count:
        return
    click.echo(f"{output.number(count)} dòng {title}:", err=True)
    for line in shown:
        click.echo(f"  {output.terminal_safe(line)}", err=True)
    hidden = count - (len(shown) if shown_lines is None else shown_lines)
    if hidden:
        click.echo(f"  … và {output.number(hidden)} dòng nữa", err=True)


@command()
@_filters
@click.option(
    "--dry-run",
    is_flag=True,
    help="Chạy thử: tính và báo các con số như khi chấm lại thật, không ghi gì vào kho.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Chấm lại cả những bài đã chấm bằng mô hình hiện tại (mặc định: bỏ qua các bài đó).",
)
@quiet_option
@click.pass_obj
def rescore(app, dry_run: bool, force: bool, quiet: bool, **options) -> None:
    """Chấm lại các bài đã lưu trong kho bằng mô hình hiện tại (chạy sau `pressmon train`).

    Chỉ đổi điểm sàng lọc, mức, loại tin, quan điểm, lý do và phiên bản mô hình; trạng thái
    xem xét, người được giao, ghi chú, chuyển cấp và lịch sử xem xét giữ nguyên. Bài đã có người
    xử lý giữ nguyên kết luận; bài đó không còn bị đánh dấu thì giữ điểm cũ để vẫn nằm trong
    hàng đợi. Bài đã chấm bằng mô hình này được bỏ qua (trừ khi có --force). Mỗi lô bài được
    ghi trọn vẹn: dừng giữa chừng (Ctrl-C) thì các lô đã ghi là đúng, phần còn lại như cũ, và
    chạy lại lệnh sẽ làm tiếp.

    Bài chưa ai xử lý nay mới thành "cần xem ngay" hoặc khớp thông tin sai đã biết được cảnh báo
    như khi nhập (ingest): mỗi nội dung một lần, cùng người nhận, giờ yên lặng và bản tổng hợp.
    """
    from pressmon.rescore import rescore_archive, summary_text

    settings = app.settings_to_read()
    with archive_from(settings) as archive:
        query = _query(settings, archive, **options)
        flagger = flagger_from(settings, train_if_missing=False)
        notifier = notifier_from(settings)
        with Progress(progress_mode(quiet)) as bar:
            report = rescore_archive(
                archive,
                flagger,
                None if query == Query() else query,  # no filter: the archive's cheaper walk
                notifier,
                force=force,
                dry_run=dry_run,
                progress=lambda done, total: bar("Chấm lại", done, total),
            )
    if not dry_run:
        notifier.send_due()  # as ingest: a failure is recorded and retried by a crawl or serve
    click.echo(summary_text(report))


@group("index")
def index_group() -> None:
    """Chuyển kho bài giữa các kiểu lưu trữ (SQLite ⇄ Elasticsearch) qua JSON lines."""


@index_group.command("export")
@click.argument(
    "file", metavar="TỆP", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True)
)
@quiet_option
@click.pass_obj
def index_export(app, file: Path, quiet: bool) -> None:
    """Ghi mọi bài cùng lịch sử duyệt của bài vào TỆP (- là stdout)."""
    from index.transfer import export_jsonl

    settings = app.settings_to_read()
    if str(file) != "-":
        _check_export_target(file, settings)
    # An Elasticsearch index of an older schema opens too: exporting it is how it is reindexed.
    with (
        archive_from(settings, exporting=True) as archive,
        Progress(progress_mode(quiet)) as bar,
    ):
        total = archive.stats().documents

        def progress(done: int) -> None:
            bar("Xuất bài", done, total)

        if str(file) == "-":
            written = export_jsonl(archive, sys.stdout, progress)
            sys.stdout.flush()  # delivered before "Xong", or a reader gone ends it quietly
        else:
            with written_whole(file) as out:
                written = export_jsonl(archive, out, progress)
    # On stdout, as every command's summary, unless the export itself is there (`-`).
    click.echo(f"Xong: đã xuất {output.number(written)} bài", err=str(file) == "-")


def _check_export_target(file: Path, settings: Settings) -> None:
    """A usage error for an export aimed at pressmon's own data or into no folder."""
    not_a_data_file(file, settings, "TỆP", instead="exports/pressmon.jsonl")
    if not file.parent.is_dir():
        raise click.BadParameter(
            f"không có thư mục '{file.parent}' để ghi '{file.name}'", param_hint="'TỆP'"
        )


@index_group.command("import")
@click.argument(
    "file",
    metavar="TỆP",
    type=click.Path(path_type=Path, exists=True, dir_okay=False, allow_dash=True),
)
@quiet_option
@click.pass_obj
def index_import(app, file: Path, quiet: bool) -> None:
    """Nạp một tệp đã xuất vào kho bài đang dùng (nạp lại lần nữa không tạo bài trùng)."""
    from index.transfer import import_jsonl
    from pressmon.locations import new_archive_kept_if_stored

    _refuse_utf16_or_legacy_export(file)
    # Counted, and only the lines shown kept: a large import can clean many.
    cleaned = 0
    shown: list[str] = []

    def heard(line: str) -> None:
        nonlocal cleaned
        cleaned += 1
        if len(shown) < _LINES_SHOWN:
            shown.append(line)

    with (
        new_archive_kept_if_stored(app.settings, _to_stderr) as stored,
        archive_from(app.settings_to_write()) as archive,
        Progress(progress_mode(quiet)) as bar,
    ):

        def progress(done: int) -> None:
            stored(done)
            bar("Nhập bài", done)

        if str(file) == "-":
            # Strict UTF-8 as a file is read: under a C locale stdin escapes a bad byte, which
            # then failed the write with a traceback instead of naming its line.
            piped = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=None)
            try:
                read = import_jsonl(archive, piped, progress, heard)
            finally:
                piped.detach()  # stdin itself stays open
        else:
            with file.open(encoding="utf-8") as inp:
                read = import_jsonl(archive, inp, progress, heard)
    click.echo(f"Xong: đã nhập {output.number(read)} bài")
    _echo_lines("đã làm sạch", cleaned, shown)


COMMANDS = (search, counts, flagged, ingest, rescore, index_group)
