"""Links to the web app that leave it (CLI output, alert e-mails and webhooks)."""

from __future__ import annotations

from urllib.parse import quote

from pressmon.settings import WebSettings


def item_link(web: WebSettings, document_id: str) -> str:
    """The item's page in the web app: web.public_url when set, else the host and port served."""
    base = web.public_url or f"http://{web.host}:{web.port}"
    return f"{base.rstrip('/')}/bai/{quote(document_id, safe='')}"
