"""Commands around the flagger: classify, train, evaluate."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from classifier.text import nfc
from classifier.types import ArticleText
from pressmon.cli import output
from pressmon.wiring import flagger_from


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


COMMANDS = (classify,)
