"""/bai/{id}/ban-luu: the saved copy of a flagged article, inert (pressmon.evidence.inert).

Served under its own Content-Security-Policy: nothing may load or run, and `sandbox` gives the
page an opaque origin, so even a script that slipped through could reach no cookie and no
route. The item page frames it (same origin only) and shows its SHA-256 beside it.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from index.errors import DocumentNotFound
from pressmon.evidence.inert import inert_html
from pressmon.web.deps import Context, CurrentSession, SessionArchive
from pressmon.web.params import DocumentId

router = APIRouter()

SAVED_COPY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox",
    "X-Frame-Options": "SAMEORIGIN",
}


@router.get("/bai/{document_id}/ban-luu", response_class=HTMLResponse, include_in_schema=False)
def saved_copy(
    document_id: DocumentId, ctx: Context, archive: SessionArchive, session: CurrentSession
) -> HTMLResponse:
    """404 when the article is out of the session's scope or has no saved copy."""
    if archive.get(document_id) is None:
        raise DocumentNotFound(document_id)
    copy = ctx.evidence.store.latest(document_id)
    if copy is None:
        raise DocumentNotFound(document_id)
    payload = ctx.evidence.open(copy)
    return HTMLResponse(inert_html(payload), headers=SAVED_COPY_HEADERS)
