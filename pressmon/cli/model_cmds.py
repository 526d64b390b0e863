"""Commands around the flagger: classify, train, evaluate."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from classifier.evaluation import evaluate_default
from classifier.examples import LabelledExample, load_vfnd
from classifier.flagger import Thresholds
from classifier.text import nfc
from classifier.training import train_default
from classifier.types import ArticleText
from pressmon.cli import output
from pressmon.review_examples import reviewed_examples
from pressmon.settings import REPO_ROOT
from pressmon.wiring import archive_from, flagger_from


class ClassifyLine(BaseModel):
    """One `classify` input line: title and text, the rest optional context."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: str = ""
    text: str = Field(min_length=1)
    url: str | None = None
    outlet: str | None = None
    kind: str | None = None
    published_at: datetime | None = None


def parse_classify_line(raw: str) -> ArticleText:
    data = json.loads(raw)
    if isinstance(data, dict) and "text" not in data and "body" in data:
        data["text"] = data.pop("body")
    line = ClassifyLine.model_validate(data)
    return ArticleText(
        title=nfc(line.title),
        text=nfc(line.text),
        url=line.url,
        outlet=line.outlet,
        outlet_kind=line.kind,
        published_at=line.published_at,
    )


@click.command()
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    required=True,
    help="Read JSON lines (title, text; optional url, outlet, kind, published_at); write JSON lines.",
)
@click.pass_obj
def classify(app, as_json: bool) -> None:
    """Score JSON lines from stdin: risk, tier, category, stance, reasons (triage, not a verdict)."""
    flagger = flagger_from(app.settings)
    failures = 0
    for number, raw in enumerate(sys.stdin, start=1):
        if not raw.strip():
            continue
        try:
            article = parse_classify_line(raw)
        except (json.JSONDecodeError, ValidationError) as err:
            failures += 1
            click.echo(output.dumps({"line": number, "error": " ".join(str(err).split())[:300]}))
            continue
        assessment = flagger.assess(article)
        click.echo(
            output.dumps(
                {
                    "line": number,
                    "url": article.url,
                    "risk": round(assessment.risk, 4),
                    "tier": assessment.tier,
                    "category": assessment.category,
                    "article11_clause": assessment.article11_clause,
                    "stance": assessment.stance,
                    "reasons": assessment.reasons,
                    "model_version": assessment.model_version,
                }
            )
        )
    if failures:
        raise click.ClickException(
            f"{failures} input line(s) could not be read; see their 'error' lines"
        )


@click.command()
@click.option(
    "--with-reviews",
    is_flag=True,
    help="Add reviewers' decisions from the archive (Sai sự thật = 1; Không vi phạm = 0).",
)
@click.option(
    "--extra",
    "extra_paths",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Labelled JSON lines (text, title, label[, category, stance]); repeat for several.",
)
@click.option(
    "--vfnd",
    "vfnd_dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="Add the VFND fake-news dataset folder (e.g. ../shared/data/raw/vfnd).",
)
@click.option(
    "--card-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the model card and metrics.json go (default: beside the model).",
)
@click.pass_obj
def train(
    app,
    with_reviews: bool,
    extra_paths: tuple[Path, ...],
    vfnd_dir: Path | None,
    card_dir: Path | None,
) -> None:
    """Train the flagger; write the model, metrics.json and a model card (README.md)."""
    settings = app.settings
    extra: list[LabelledExample] = []
    if with_reviews:
        archive = archive_from(settings)
        try:
            extra += reviewed_examples(archive)
        finally:
            archive.close()
        click.echo(f"{len(extra)} reviewer decisions added")
    if vfnd_dir:
        extra += load_vfnd(vfnd_dir)
    model_path = settings.classifier.model_path
    card_dir = card_dir or model_path.parent
    metrics = train_default(
        model_path,
        card_dir,
        extra_paths=extra_paths,
        extra_examples=extra,
        review_threshold=settings.classifier.review_threshold,
    )
    click.echo(output.dumps({"held_out": metrics.as_dict()}))
    click.echo(
        f"model: {model_path}\ncard: {card_dir / 'README.md'}\nmetrics: {card_dir / 'metrics.json'}"
    )


@click.command()
@click.option(
    "--shared",
    "shared_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=REPO_ROOT.parent / "shared",
    show_default=True,
    help="Team data folder with VFND and real BHXH coverage (skipped when absent).",
)
@click.option(
    "--metrics",
    "metrics_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the evaluation JSON here (default: evaluation.json beside the model).",
)
@click.pass_obj
def evaluate(app, shared_dir: Path, metrics_path: Path | None) -> None:
    """Evaluate the flagger on held-out data never used in training; print and write the metrics."""
    settings = app.settings
    classifier = settings.classifier
    metrics_path = metrics_path or classifier.model_path.parent / "evaluation.json"
    report = evaluate_default(
        classifier.model_path,
        classifier.known_claims,
        classifier.official_facts,
        shared_dir=shared_dir if shared_dir.is_dir() else None,
        thresholds=Thresholds(
            review=classifier.review_threshold, urgent=classifier.urgent_threshold
        ),
        metrics_path=metrics_path,
    )
    click.echo(output.dumps(report))
    click.echo(f"metrics: {metrics_path}", err=True)


COMMANDS = (classify, train, evaluate)
