"""Links to the web app that leave it (CLI output, alert e-mails and webhooks)."""

from __future__ import annotations

from urllib.parse import quote

from pressmon.settings import WebSettings


def _base(web: WebSettings) -> str:
    return (web.public_url or f"http://{web.host}:{web.port}").rstrip("/")


def item_link(web: WebSettings, document_id: str) -> str:
    """The item's page in the web app: web.public_url when set, else the host and port served."""
    return f"{_base(web)}/bai/{quote(document_id, safe='')}"


def story_link(web: WebSettings, story_id: str) -> str:
    """The review queue filtered to one story's copies (`?cau_chuyen=`), on the same base."""
    return f"{_base(web)}/hang-doi?cau_chuyen={quote(story_id, safe='')}"
