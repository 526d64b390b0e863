"""Build the whole demo site in memory: pages keyed by path, plus the ground truth.

Pure and deterministic: the same bytes on every call. URLs inside pages use
PLACEHOLDER_ORIGIN; the server (or DemoSite.body_for) substitutes the real base URL.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime
from html import escape

from demo.content.catalog import SPECS, Spec
from demo.content.compose import Text, compose
from demo.model import TZ, DemoArticle, DemoSite, Page
from demo.outlets import MODULES
from demo.outlets.common import HTML, View

LISTED_SECTIONS = frozenset({"xa-hoi", "noi-bo"})
RELATED_LINKS = 3


def build_site() -> DemoSite:
    modules = {module.OUTLET.id: module for module in MODULES}
    articles, texts, listed = _articles(SPECS, modules)
    pages: dict[str, Page] = {}
    for outlet_id, module in modules.items():
        own = [a for a in articles if a.outlet == outlet_id]
        views = [
            View(
                a,
                texts[a.path].paragraphs,
                a.path,
                _related(a, own),
                listed[a.path],
                texts[a.path].comments,
            )
            for a in own
        ]
        pages.update(module.pages(views))
    for article in articles:
        if "nfd" in article.features:
            page = pages[article.path]
            decomposed = unicodedata.normalize("NFD", page.body.decode("utf-8"))
            pages[article.path] = Page(decomposed.encode("utf-8"), page.content_type, page.status)
    pages["/robots.txt"] = _robots(modules.values())
    pages["/"] = _index(modules.values())
    forbidden = tuple(a.path for a in articles if "robots-disallowed" in a.features)
    return DemoSite(
        pages=pages,
        articles=tuple(a for a in articles if a.path not in forbidden),
        outlets=tuple(m.OUTLET for m in MODULES),
        forbidden_paths=forbidden,
    )


def _articles(
    specs: Sequence[Spec], modules: dict
) -> tuple[list[DemoArticle], dict[str, Text], dict[str, bool]]:
    articles: list[DemoArticle] = []
    texts: dict[str, Text] = {}
    listed: dict[str, bool] = {}
    paths: dict[str, str] = {}
    seq: dict[str, int] = {}
    used: list[frozenset[str]] = []
    for spec in specs:
        outlet = modules[spec.outlet].OUTLET
        seq[spec.outlet] = seq.get(spec.outlet, 0) + 1
        when = datetime.fromisoformat(spec.when).replace(tzinfo=TZ)
        path = modules[spec.outlet].article_path(spec, seq[spec.outlet], when)
        paths[f"{spec.slug}@{spec.outlet}"] = path
        original = paths[spec.syndicated_of] if spec.syndicated_of else None
        if original:
            text = texts[original]
        elif "challenge" in spec.features:
            text = Text(spec.title, "", (), "")
        else:
            text, templates = compose(spec, outlet.province, when, used)
            used.append(templates)
        texts[path] = text
        listed[path] = spec.section in LISTED_SECTIONS
        articles.append(
            DemoArticle(
                path=path,
                outlet=spec.outlet,
                title=text.title,
                published_at=when,
                relevant=spec.relevant,
                topics=spec.topics,
                province=outlet.province if outlet.kind == "provincial" else text.province,
                expected_flagged=spec.stance == "asserts",
                stance=spec.stance,  # type: ignore[arg-type]
                category=spec.category,
                syndicated_of=original,
                challenge="challenge" in spec.features,
                lead=text.lead,
                body="\n\n".join(text.paragraphs),
                author=text.author,
                features=spec.features + (("week-edge",) if _week_edge(when) else ()),
            )
        )
    return articles, texts, listed


def _week_edge(when: datetime) -> bool:
    """Late Sunday or early Monday local time: the hours where a wrong zone moves the week."""
    return (when.weekday() == 6 and when.hour >= 20) or (when.weekday() == 0 and when.hour < 7)


def _related(article: DemoArticle, own: Sequence[DemoArticle]) -> tuple[tuple[str, str], ...]:
    """The few articles published just before this one: the "Tin liên quan" box."""
    earlier = sorted(
        (
            a
            for a in own
            if a.published_at < article.published_at
            and not a.challenge
            and "robots-disallowed" not in a.features
        ),
        key=lambda a: a.published_at,
        reverse=True,
    )
    return tuple((a.path, a.title) for a in earlier[:RELATED_LINKS])


def _robots(modules) -> Page:
    lines = ["User-agent: *"]
    for module in modules:
        lines += [f"Disallow: {path}" for path in module.DISALLOW]
    lines.append("Allow: /dien-dan/wp-admin/admin-ajax.php")
    return Page(("\n".join(lines) + "\n").encode("ascii"), "text/plain; charset=utf-8")


def _index(modules) -> Page:
    items = "".join(
        f'<li><a href="{m.PREFIX}">{escape(m.OUTLET.name)}</a> ({m.OUTLET.kind})</li>'
        for m in modules
    )
    markup = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        "<title>pressmon demo</title></head>"
        f"<body><h1>Trang báo demo (ngoại tuyến)</h1><ul>{items}</ul></body></html>"
    )
    return Page(markup.encode("utf-8"), HTML)
