"""Scoring archived articles again with the current flagger (`pressmon rescore`), after a
`pressmon train`: only their flag fields change; reviews, assignments, notes and escalations
(all in the review log) are never touched.

The queue lists the articles whose stored tier is a review tier (`Query.flagged_only`). An article
someone has acted on (any review event) stays listed as it is when the new model no longer flags
it: its stored flags are kept, so the decision stays where reviewers find it.

An article nobody has acted on that the new model newly finds "cần xem ngay" or matching a known
false claim is alerted as `ingest` alerts it (`Notifier.notify`: once per content, copies of a
story alerted lately spared, the same recipients, quiet hours and digest).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Literal

from classifier.flagger import Flagger
from index.base import Archive
from index.types import DEFAULT_REVIEW_STATUS, REVIEW_TIERS, Document, Query, ReviewEvent
from pressmon.alerts.dispatch import Notifier
from pressmon.alerts.model import trigger_of
from pressmon.processing import FLAG_FIELDS, Prepared, flag_documents
from pressmon.sanitize import Received
from pressmon.web.formatting import number

BATCH = 200  # articles scored and committed together: an interrupted run keeps whole batches

# What scoring again did to one article:
# "new": now flagged, nobody had acted on it (enters the queue as unreviewed);
# "left": no longer flagged, nobody had acted on it (leaves the queue);
# "acted": acted on, its tier changed (its status, the decision, stays);
# "kept": acted on and no longer flagged: left as it was, so it stays listed;
# "regraded": nobody had acted on it, its tier changed, in the queue or out of it as before;
# "unchanged": the same tier (its risk and reasons may still have changed).
Outcome = Literal["new", "left", "acted", "kept", "regraded", "unchanged"]


@dataclass(frozen=True)
class RescoreReport:
    model_version: str
    outcomes: Mapping[Outcome, int]
    skipped: int  # already scored by this model version (without --force)
    dry_run: bool
    # Kept as they are: flagged partly for words hidden with invisible characters, which the
    # archive's text no longer holds, so scoring it again would drop that evidence.
    hid_words: int = 0
    alerts: int = 0  # alerts queued (would be, in a dry run) for articles newly reaching one

    @property
    def rescored(self) -> int:
        return sum(self.outcomes.values())


def rescore_archive(
    archive: Archive,
    flagger: Flagger,
    query: Query | None,
    notifier: Notifier,
    *,
    force: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> RescoreReport:
    """Score every article matching `query` (every one when None) again with `flagger`, batch by
    batch, each committed whole (`Archive.writing`) then its alerts queued on `notifier`, for the
    caller to send; `progress(done, total)` after each. Articles already scored by this model
    version are skipped unless `force`; `dry_run` writes and queues nothing."""
    total = archive.count_matches(query or Query())
    outcomes: Counter[Outcome] = Counter()
    skipped = done = hid_words = alerts = 0
    would_alert: list[Document] = []
    for batch in _batches(archive.iter_documents(BATCH, query=query), BATCH):
        due = [d for d in batch if force or d.model_version != flagger.model_version]
        skipped += len(batch) - len(due)
        hid_words += sum(1 for d in due if _hid_words(d))
        due = [d for d in due if not _hid_words(d)]
        if due:
            scored = {d.id: d for d in flag_documents(flagger, [_as_read(d) for d in due])}
            # The lock covers the re-read too: a review action meanwhile is seen, not undone.
            with nullcontext() if dry_run else archive.writing():
                found, alerting = _apply(archive, flagger, scored, dry_run)
            outcomes.update(found)
            if dry_run:
                would_alert += alerting  # judged together: copies among them count once
            else:
                # Once committed, as ingest queues them: an interrupted run alerted what it wrote.
                alerts += notifier.notify(alerting)
        done += len(batch)
        progress(done, total)
    if dry_run:
        alerts = notifier.notify(would_alert, dry_run=True)
    else:
        archive.refresh()
    return RescoreReport(flagger.model_version, dict(outcomes), skipped, dry_run, hid_words, alerts)


def _apply(
    archive: Archive, flagger: Flagger, scored: dict[str, Document], dry_run: bool
) -> tuple[list[Outcome], list[Document]]:
    """Write the new flags of the articles `scored` as they are stored now; each one's outcome,
    and those now to be alerted (`newly_alerted`) as written."""
    stored = archive.get_many(list(scored))
    # A crawl may have updated an article since it was read: its stored text is scored instead.
    moved = [d for d in stored if _inputs(d) != _inputs(scored[d.id])]
    scored = {**scored, **{d.id: d for d in flag_documents(flagger, [_as_read(d) for d in moved])}}
    histories = archive.review_histories([d.id for d in stored])
    written: list[Document] = []
    found: list[Outcome] = []
    alerting: list[Document] = []
    for old in stored:
        new = _with_flags(old, scored[old.id])
        acted = _acted_on(old, histories.get(old.id, ()))
        outcome = outcome_of(old, new, acted)
        found.append(outcome)
        if outcome != "kept" and new != old:
            written.append(new)
        if newly_alerted(old, new, acted):
            alerting.append(new)
    if written and not dry_run:
        archive.upsert(written)
    return found, alerting


def newly_alerted(old: Document, new: Document, acted: bool) -> bool:
    """Whether scoring `old` again as `new` makes it an alert's news: nobody has acted on it
    (someone is on it already) and it reaches an alert trigger it had not reached (one it had
    was alerted when it came, or deliberately not)."""
    return not acted and trigger_of(old) is None and trigger_of(new) is not None


def outcome_of(old: Document, new: Document, acted: bool) -> Outcome:
    """What scoring `old` again as `new` does to it in the review queue."""
    was, now = _listed(old), _listed(new)
    if old.tier == new.tier and was == now:
        return "unchanged"
    if acted:
        return "kept" if was and not now else "acted"
    if was != now:
        return "new" if now else "left"
    return "regraded"


def summary_text(report: RescoreReport) -> str:
    """The run in one Vietnamese sentence, numbers as every command writes them."""
    n = number
    count = report.outcomes.get
    extra = [
        f"{n(count('kept', 0))} bài đã xử lý nay không còn bị đánh dấu (giữ nguyên điểm cũ để "
        "vẫn nằm trong hàng đợi)"
        if count("kept")
        else "",
        f"{n(count('regraded', 0))} bài chưa ai xử lý đổi mức ưu tiên" if count("regraded") else "",
    ]
    parts = [
        f"{n(count('new', 0))} bài mới cần xem xét",
        f"{n(count('left', 0))} bài không còn cần xem xét (chưa ai xử lý)",
        f"{n(count('acted', 0))} bài đã xử lý đổi mức (giữ nguyên kết luận)",
        *(part for part in extra if part),
        f"{n(count('unchanged', 0))} bài không đổi mức",
    ]
    return (
        f"Đã chấm lại {n(report.rescored)} bài bằng mô hình {report.model_version}: "
        + ", ".join(parts)
        + f"; bỏ qua {n(report.skipped)} bài đã chấm bằng mô hình này"
        + (
            f", giữ nguyên {n(report.hid_words)} bài có chữ bị giấu bằng ký tự vô hình (văn bản"
            " lưu không còn các ký tự ấy để chấm lại)"
            if report.hid_words
            else ""
        )
        + (f"; xếp {n(report.alerts)} cảnh báo để gửi" if report.alerts else "")
        + "."
        + (" (chạy thử, chưa ghi gì)" if report.dry_run else "")
    )


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _as_read(document: Document) -> Prepared:
    # The archive keeps the text without invisible characters: that is what there is to score.
    return Prepared(document, Received(document.title, document.body))


def _inputs(document: Document) -> tuple[object, ...]:
    """What the flagger reads of an article."""
    return (
        document.title,
        document.body,
        document.url,
        document.outlet_name,
        document.kind,
        document.published_at,
    )


def _with_flags(stored: Document, scored: Document) -> Document:
    """`stored` with the flag fields of `scored` (as `processing.with_assessment` sets them)."""
    return replace(stored, **{name: getattr(scored, name) for name in FLAG_FIELDS})


def _hid_words(document: Document) -> bool:
    """Whether it was flagged partly for words hidden with invisible characters (a disguise
    cue), evidence only the text as it came held."""
    reasons = document.flag_details.get("reasons", ())
    return isinstance(reasons, list) and any(
        isinstance(r, dict)
        and isinstance(r.get("detail"), dict)
        and r["detail"].get("family") == "disguise"
        for r in reasons
    )


def _acted_on(document: Document, history: Sequence[ReviewEvent]) -> bool:
    return bool(history) or document.review_status != DEFAULT_REVIEW_STATUS


def _listed(document: Document) -> bool:
    """Whether the review queue lists it (as `Query.flagged_only` selects)."""
    return document.risk is not None and document.tier in REVIEW_TIERS
