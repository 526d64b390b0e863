"""Commands around the flagger: classify, train, evaluate."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import click
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from classifier.examples import LabelledExample
from classifier.types import ArticleText
from pressmon.cli import output
from pressmon.cli.byte_input import STDIN_NAME, is_utf16, peekable, utf16_refused
from pressmon.cli.evaluation_text import evaluation_text
from pressmon.cli.help_text import command
from pressmon.cli.legacy_encoding import not_utf8_refused, peeked_check
from pressmon.cli.options import not_a_data_file
from pressmon.cli.progress import Progress, progress_mode
from pressmon.errors import PressmonError
from pressmon.filters import LineKind
from pressmon.line_problems import line_problem
from pressmon.outlets import OutletResolver, Resolution
from pressmon.review.labels import label
from pressmon.review_examples import reviewed_examples
from pressmon.sanitize import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    NOT_UTF8_NOTE,
    InputRejected,
    Pasted,
    decode_line,
    pasted_text,
    without_lone_surrogate,
)
from pressmon.settings import REPO_ROOT, load_sources
from pressmon.wiring import archive_from, flagger_from, flagger_references_from
from vntext.jsonlines import loads_record
from vntext.syntax_text import read_problem


class ClassifyLine(BaseModel):
    """One `classify` input line: title and text, the rest optional context."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: str = ""
    text: str = Field(min_length=1)
    url: str | None = None
    outlet: str | None = None
    kind: LineKind = None  # as `ingest` reads it: a typo is refused, not trusted
    published_at: datetime | None = None

    @field_validator("url", "outlet", mode="after")
    @classmethod
    def _no_lone_surrogate(cls, value: str | None) -> str | None:
        # Echoed in the line's output, one ended the whole command in a traceback.
        return without_lone_surrogate(value)


class ClassifyInput(NamedTuple):
    """One `classify` line read: the flagger's input, its outlet, and what was done to its text."""

    article: ArticleText
    resolution: Resolution
    html: bool  # title or text was HTML markup, scored as its text
    notes: tuple[str, ...]  # what the user should know: only the text's start was scored


# What `classify` scores of a line: as much as `ingest` stores (pressmon.sanitize).
CLASSIFY_LIMITS = {"title": MAX_TITLE_CHARS, "text": MAX_BODY_CHARS}
_FIELD_NAMES = {"title": "tiêu đề", "text": "văn bản"}


def parse_classify_line(raw: str, outlets: OutletResolver) -> ClassifyInput:
    """One JSON line -> the flagger's input, its outlet resolved through sources.yaml.

    Title and text go through `pasted_text`: HTML markup read as its text, NFC, cut to
    CLASSIFY_LIMITS. InputRejected when the text is markup with no text in it.
    """
    data = loads_record(raw)
    if isinstance(data, dict) and "text" not in data and "body" in data:
        data["text"] = data.pop("body")
    line = ClassifyLine.model_validate(data)
    title = pasted_text(line.title, limit=CLASSIFY_LIMITS["title"])
    text = pasted_text(line.text, limit=CLASSIFY_LIMITS["text"])
    if text.html and not text.text.strip():
        raise InputRejected("trường 'text': không còn chữ nào sau khi bỏ thẻ HTML")
    notes = tuple(
        _cut_note(_FIELD_NAMES[field], pasted, CLASSIFY_LIMITS[field])
        for field, pasted in (("title", title), ("text", text))
        if pasted.length is not None
    )
    resolution = outlets.resolve(line.outlet, line.url)
    kind = resolution.source.kind if resolution.source else line.kind
    article = ArticleText(
        title=title.text,
        text=text.text,
        url=line.url,
        outlet=resolution.source.id if resolution.source else line.outlet,
        outlet_kind=kind,
        published_at=line.published_at,
        outlet_note=resolution.note if not line.kind else None,
    )
    return ClassifyInput(article, resolution, title.html or text.html, notes)


def _cut_note(field: str, pasted: Pasted, limit: int) -> str:
    """The note on stderr: "văn bản dài 250.000 ký tự, chỉ chấm 200.000 ký tự đầu"."""
    given = output.number(pasted.length or 0)
    if pasted.html:
        return f"{field} HTML dài {given} ký tự, chỉ chấm {output.number(limit)} ký tự chữ đầu"
    return f"{field} dài {given} ký tự, chỉ chấm {output.number(limit)} ký tự đầu"


def input_error(err: json.JSONDecodeError | ValidationError | InputRejected) -> str:
    """A line's problem in words, as `ingest` says it, and what a line holds."""
    return (
        line_problem(err)
        + " (cần ít nhất 'text'; tùy chọn: title, url, outlet, kind, published_at)"
    )


@command()
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    required=True,
    help="Đọc JSON lines (title, text; có thể thêm url, outlet, kind, published_at); ghi JSON "
    "lines.",
)
@click.pass_obj
def classify(app, as_json: bool) -> None:
    """Chấm điểm JSON lines từ stdin: risk, tier, category, stance, reasons (để sàng lọc, không
    phải kết luận).

    `outlet` có thể là mã nguồn, tên hiển thị ("VnExpress", "Tuổi Trẻ") hoặc tên miền; không có
    thì `url` quyết định. Loại báo của nguồn đó (sector, national, provincial) rồi được áp dụng.

    Tiêu đề hay văn bản dán kèm thẻ HTML được đọc thành chữ ("html": true). Chỉ chấm 1.000 ký
    tự đầu của tiêu đề và 200.000 ký tự đầu của văn bản ("truncated": true, có lưu ý trên stderr).
    """
    # Bytes, so a line of invalid UTF-8 is replaced and noted instead of aborting the input.
    stream = peekable(sys.stdin.buffer)
    if is_utf16(stream):  # before the model loads: nothing is scored
        raise utf16_refused(STDIN_NAME, "chưa chấm điểm dòng nào", again="chạy lại")
    # From its first lines: output follows each line, so the input is not read ahead; a stray
    # byte further on is replaced and noted on its line.
    check = peeked_check(stream)
    if check.windows_1258:
        raise not_utf8_refused(STDIN_NAME, check, "chưa chấm điểm dòng nào", again="chạy lại")
    flagger = flagger_from(app.settings)
    outlets = OutletResolver(load_sources(app.settings.sources_file).sources)
    failures = 0
    for number, line in enumerate(stream, start=1):
        raw, replaced = decode_line(line)
        if not raw.strip():
            continue
        if replaced:
            click.echo(f"Lưu ý: dòng {number}: {NOT_UTF8_NOTE}", err=True)
        try:
            article, resolution, html, notes = parse_classify_line(raw, outlets)
        except (json.JSONDecodeError, ValidationError, InputRejected) as err:
            failures += 1
            click.echo(output.dumps({"line": number, "error": input_error(err)}))
            continue
        for note in notes:
            click.echo(f"Lưu ý: dòng {number}: {note}", err=True)
        assessment = flagger.assess(article)
        source = resolution.source
        click.echo(
            output.dumps(
                {
                    "line": number,
                    "url": article.url,
                    "outlet": source.id if source else article.outlet,
                    "outlet_name": source.name if source else None,
                    "outlet_kind": article.outlet_kind,
                    "risk": round(assessment.risk, 4),
                    "tier": assessment.tier,
                    "tier_label": label(assessment.tier),
                    "category": assessment.category,
                    "article11_clause": assessment.article11_clause,
                    "stance": assessment.stance,
                    "reasons": assessment.reasons,
                    "model_version": assessment.model_version,
                    "html": html,
                    "truncated": bool(notes),
                }
            )
        )
    if failures:
        raise click.ClickException(
            f"{output.number(failures)} dòng đầu vào không đọc được; xem trường 'error' của chúng"
        )


def _flagger_factory(settings):
    """Builds a flagger around a model trained on given examples (evaluation and folds)."""
    from classifier.flagger import Flagger, Thresholds, Weights
    from classifier.training import train as fit

    c = settings.classifier
    references = flagger_references_from(settings)
    thresholds = Thresholds(review=c.review_threshold, urgent=c.urgent_threshold)

    def make(examples):
        return Flagger(
            fit(examples),
            references.known_claims,
            references.official_facts,
            references.channels,
            thresholds,
            weights=Weights(base_rate=c.base_rate),
        )

    return make


# The evaluation's stage names (classifier.evaluation) as the progress bar shows them.
EVALUATION_STAGES = {
    "real corpora": "Chấm điểm dữ liệu thật",
    "variants": "Thử các biến thể văn bản",
    "research model folds": "Mô hình nghiên cứu, từng phần",
}


def _evaluate_and_document(
    settings,
    shared_dir: Path | None,
    card_dir: Path,
    *,
    research: bool,
    progress: Progress,
    summary: dict,
    metrics_path: Path,
) -> dict:
    """Real-data evaluation (when ../shared is present), appendix, model card, metrics JSON."""
    from classifier.card import write_model_card
    from classifier.evaluation import evaluate_real, evaluate_research, synthetic_appendix

    flagger = flagger_from(settings)
    make = _flagger_factory(settings)
    raw = shared_dir / "data" / "raw" if shared_dir else None

    def progress_vn(stage: str, done: int, total: int) -> None:
        progress(EVALUATION_STAGES.get(stage, stage), done, total)

    report: dict[str, Any] = {"model_version": flagger.model_version, "data": summary}
    if raw and raw.is_dir():
        report["real"] = evaluate_real(flagger, raw, progress=progress_vn).as_dict()
        if research:
            report["research"] = evaluate_research(make, raw, progress=progress_vn)
    else:
        report["real"] = None
    report["appendix_own_examples"] = synthetic_appendix(make)
    with _writing(metrics_path):
        metrics_path.parent.mkdir(parents=True, exist_ok=True)
        metrics_path.write_text(output.dumps(report), encoding="utf-8")
    with _writing(card_dir / "README.md"):
        write_model_card(
            card_dir / "README.md",
            model_version=flagger.model_version,
            summary=summary,
            real=report["real"],
            research=report.get("research"),
            appendix=report["appendix_own_examples"],
        )
    return report


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """An OSError while writing `path` (no folder, no permission, disk full) as a Vietnamese
    error naming it, instead of a traceback after minutes of evaluation."""
    try:
        yield
    except OSError as err:
        raise PressmonError(
            f"không ghi được {path}: {read_problem(err)}",
            hint="chọn --metrics hoặc --card-dir ở một thư mục tạo và ghi được",
        ) from err


@command()
@click.option(
    "--with-reviews",
    is_flag=True,
    help="Thêm quyết định của người duyệt trong kho bài (Sai sự thật = 1; Không vi phạm = 0).",
)
@click.option(
    "--extra",
    "extra_paths",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    help="Thêm dữ liệu có nhãn: một tệp JSON lines (text, title, label[, category, stance]) "
    "hoặc một thư mục kho ngữ liệu trong ../shared/data/raw (ví dụ .../vfnd, "
    ".../sms-vietsmishing, hoặc chính thư mục raw để lấy tất cả); lặp lại để thêm nhiều.",
)
@click.option(
    "--card-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Nơi ghi thẻ mô hình và metrics.json (mặc định: cạnh tệp mô hình).",
)
@click.option(
    "--shared",
    "shared_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=REPO_ROOT.parent / "shared",
    show_default=True,
    help="Thư mục dữ liệu của nhóm: khi có, thẻ mô hình báo cáo kết quả đánh giá trên dữ liệu "
    "thật (không có thì bỏ qua).",
)
@click.option("--quiet", is_flag=True, help="Không hiện thanh hay dòng tiến độ.")
@click.pass_obj
def train(
    app,
    with_reviews: bool,
    extra_paths: tuple[Path, ...],
    card_dir: Path | None,
    shared_dir: Path,
    quiet: bool,
) -> None:
    """Huấn luyện bộ đánh dấu; ghi mô hình, metrics.json và thẻ mô hình (README.md)."""
    from classifier.examples import load_shipped
    from classifier.model import save
    from classifier.training import data_summary, load_extra
    from classifier.training import train as fit

    settings = app.settings
    extra: list[LabelledExample] = []
    if with_reviews:
        with archive_from(app.settings_to_read()) as archive:
            extra += reviewed_examples(archive)
        click.echo(f"Thêm {output.number(len(extra))} quyết định của người duyệt", err=True)
    for path in extra_paths:
        extra += load_extra(path)
    shipped = load_shipped()
    model_path = settings.classifier.model_path
    card_dir = card_dir or model_path.parent
    with Progress(progress_mode(quiet)) as progress:
        stage = (
            f"Huấn luyện trên {output.number(len(shipped))} ví dụ tự viết "
            f"+ {output.number(len(extra))} ví dụ thêm"
        )
        progress(stage, 0, 1)
        save(fit(shipped, extra=extra), model_path)
        progress(stage, 1, 1)
        report = _evaluate_and_document(
            settings,
            shared_dir if shared_dir.is_dir() else None,
            card_dir,
            research=False,
            progress=progress,
            summary=data_summary(shipped, extra),
            metrics_path=card_dir / "metrics.json",
        )
    click.echo(evaluation_text(report))
    click.echo(
        f"Xong: mô hình {model_path}\n  thẻ mô hình: {card_dir / 'README.md'}\n"
        f"  số liệu đầy đủ (JSON): {card_dir / 'metrics.json'}"
    )


@command()
@click.option(
    "--shared",
    "shared_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=REPO_ROOT.parent / "shared",
    show_default=True,
    help="Thư mục dữ liệu của nhóm, chứa các kho ngữ liệu thật (data/raw); không có thì bỏ qua.",
)
@click.option(
    "--metrics",
    "metrics_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Ghi kết quả đánh giá dạng JSON vào tệp này (mặc định: evaluation.json cạnh tệp mô hình).",
)
@click.option(
    "--research",
    is_flag=True,
    help="Huấn luyện và chấm thêm mô hình nghiên cứu (ví dụ có sẵn + kho ngữ liệu thật, chia 5 "
    "phần theo nhóm).",
)
@click.option("--quiet", is_flag=True, help="Không hiện thanh hay dòng tiến độ.")
@click.pass_obj
def evaluate(app, shared_dir: Path, metrics_path: Path | None, research: bool, quiet: bool) -> None:
    """Đánh giá bộ đánh dấu trên dữ liệu thật theo từng dạng (và mô hình nghiên cứu); in bảng,
    ghi JSON và thẻ mô hình."""
    from classifier.examples import load_shipped
    from classifier.training import data_summary

    settings = app.settings
    model_dir = settings.classifier.model_path.parent
    if metrics_path is not None:  # checked before the minutes of evaluation, not after
        not_a_data_file(metrics_path, settings, "--metrics", instead="evaluation.json")
    metrics_path = metrics_path or model_dir / "evaluation.json"
    with Progress(progress_mode(quiet)) as progress:
        report = _evaluate_and_document(
            settings,
            shared_dir if shared_dir.is_dir() else None,
            model_dir,
            research=research,
            progress=progress,
            summary=data_summary(load_shipped(), []),
            metrics_path=metrics_path,
        )
    click.echo(evaluation_text(report))
    click.echo(
        f"Xong: toàn bộ kết quả (JSON) ghi ở {metrics_path}; thẻ mô hình: {model_dir / 'README.md'}"
    )


COMMANDS = (classify, train, evaluate)
