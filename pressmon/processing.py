"""From an extracted article to an archived Document: relevance, provinces, story, flagging."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Protocol

from classifier.flagger import Flagger, uncertainty
from classifier.relevance import RelevanceModel
from classifier.types import ArticleText, Assessment
from crawlers.items import ExtractedArticle
from crawlers.sources import Source
from crawlers.urls import article_id, canonicalize_url
from index.types import Document
from pressmon.sanitize import Received, clean_extracted
from vntext.provinces import Gazetteer
from vntext.stories import StoryClusterer

StoryRow = tuple[str, str, int]  # article id, story id, fingerprint


class StoryMemory(Protocol):
    """Where runs share their stories: the state database for the runs of one host
    (crawlers.state.CrawlState), Redis in distributed mode (crawlers.distributed.stories)."""

    def share_stories(
        self, after: int, assign: Callable[[list[StoryRow]], Iterable[StoryRow]]
    ) -> int: ...

    def last_story_row(self) -> int: ...

    def stories(self, since: datetime) -> list[StoryRow]: ...


@dataclass(frozen=True)
class Prepared:
    """A Document to archive, and its title and body as they came for the flagger: the archive
    keeps no invisible characters, while words hidden with them are evidence of disguise."""

    document: Document
    received: Received


class ArticleProcessor:
    """Pure wiring of the leaf models; one instance per crawl or ingest run."""

    def __init__(
        self,
        *,
        relevance: RelevanceModel,
        gazetteer: Gazetteer,
        flagger: Flagger,
        clusterer: StoryClusterer,
        story_row: int = 0,
    ) -> None:
        self.relevance = relevance
        self.gazetteer = gazetteer
        self.flagger = flagger
        self.clusterer = clusterer
        self.story_row = story_row  # the story memory's rows the clusterer has read

    def prepare(
        self,
        article: ExtractedArticle,
        source: Source,
        crawled_at: datetime,
        received: Received | None = None,
    ) -> Prepared | None:
        """The unflagged Document for a relevant article, its story not yet joined
        (`join_stories`); None when it is not about social insurance. `received`: the text as it
        came, when `article` was sanitised already (`ingest` says what changed per line).

        Raises:
            InputRejected: an absurd publication date, or no text once control characters go.
        """
        clean = clean_extracted(article)  # the one sanitising step shared with `ingest`
        article = clean.article
        text = f"{article.lead}\n\n{article.body}" if article.lead else article.body
        relevance = self.relevance.assess(article.title, text)
        if not relevance.relevant:
            return None
        home = self.gazetteer.current(source.province) if source.province else None
        attribution = self.gazetteer.attribute(article.title, text, source.kind, home)
        canonical = canonicalize_url(article.canonical_url or article.url)
        document_id = article_id(canonical, source.domains)  # www. or not, on its own domains
        document = Document(
            id=document_id,
            url=article.url,
            canonical_url=canonical,
            outlet=source.id,
            outlet_name=source.name,
            kind=source.kind,
            title=article.title,
            body=article.body,
            published_at=article.published_at,
            crawled_at=crawled_at,
            province=attribution.province,
            provinces=attribution.provinces,
            topics=relevance.topics,
            relevance_reasons=relevance.reasons,
            date_source=article.date_source,
            date_reason=article.date_reason,
            date_disagreements=article.date_disagreements,
            # Kept only as a second wording to search: an SEO title equal to the headline adds
            # nothing but the same words twice.
            seo_title=article.seo_title if article.seo_title != article.title else "",
            extraction=dict(article.methods),
        )
        return Prepared(document, received if received is not None else clean.received)

    def join_stories(
        self, prepared: Sequence[Prepared], state: StoryMemory | None
    ) -> list[Prepared]:
        """`prepared` in their stories. With `state`, in one step with the runs sharing it: a
        copy another run (a crawl beside an ingest, a worker on another host) assigned since
        this one started joins that story, and these are remembered for the others at once;
        without (the memory failed), this run's stories alone."""
        texts = [(p.document.id, f"{p.document.title}\n{p.document.body}") for p in prepared]
        stories: list[str] = []

        def assign(others: list[StoryRow]) -> list[StoryRow]:
            for other, story_id, fingerprint in others:
                self.clusterer.add(other, fingerprint, story_id)
            stories[:] = [self.clusterer.assign(doc_id, text) for doc_id, text in texts]
            return [
                (doc_id, story_id, self.clusterer.fingerprint_of(doc_id))
                for (doc_id, _), story_id in zip(texts, stories, strict=True)
            ]

        if state is None:
            assign([])
        else:
            self.story_row = state.share_stories(self.story_row, assign)
        return [
            replace(p, document=replace(p.document, story_id=story_id))
            for p, story_id in zip(prepared, stories, strict=True)
        ]

    def flag(self, prepared: Sequence[Prepared]) -> list[Document]:
        """Documents with the flagger's triage score, reasons and model version attached; the
        flagger reads each text as it came (`Prepared`)."""
        return flag_documents(self.flagger, prepared)


def flag_documents(flagger: Flagger, prepared: Sequence[Prepared]) -> list[Document]:
    """`ArticleProcessor.flag` with `flagger`: the one way an article is scored, whether new
    (crawl, ingest) or archived and scored again (`pressmon rescore`)."""
    texts = [
        ArticleText(
            title=p.received.title,
            text=p.received.body,
            url=p.document.url,
            outlet=p.document.outlet_name,
            outlet_kind=p.document.kind,
            published_at=p.document.published_at,
        )
        for p in prepared
    ]
    thresholds = flagger.thresholds
    return [
        with_assessment(p.document, a, uncertainty(a.risk, thresholds))
        for p, a in zip(prepared, flagger.assess_many(texts), strict=True)
    ]


# The fields `with_assessment` sets: all a score changes in an article (`pressmon rescore`
# copies these and nothing else).
FLAG_FIELDS = ("risk", "tier", "category", "stance", "model_version", "flag_details")


def with_assessment(
    document: Document, assessment: Assessment, uncertainty_score: float
) -> Document:
    """`uncertainty_score` (1 at the review threshold) lets reviewers label the most informative
    first."""
    return replace(
        document,
        risk=assessment.risk,
        tier=assessment.tier,
        category=assessment.category,
        stance=assessment.stance,
        model_version=assessment.model_version,
        flag_details={
            "reasons": [asdict(reason) for reason in assessment.reasons],
            "article11_clause": assessment.article11_clause,
            "uncertainty": round(uncertainty_score, 4),
        },
    )
