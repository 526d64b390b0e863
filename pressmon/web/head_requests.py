"""Answer HEAD on every GET resource (pages, API, files) as GET would, without the body.

HTTP requires it of a GET resource (monitoring probes use HEAD), but FastAPI routes declared
with `get` accept GET only and answered HEAD with 405. Pure ASGI, in one place for every route:
the request runs as GET (same status and headers, Content-Length included) and the body is
dropped on the way out. A resource without GET still answers HEAD with 405.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from pressmon.web.body_limit import ASGIApp, Message, Receive, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server keeps its own scope, and with it the HEAD it must answer.
        await self.app({**scope, "method": "GET"}, receive, headers_only)
