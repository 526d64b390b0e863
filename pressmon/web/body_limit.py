"""Refuse request bodies larger than `web.max_body_bytes` with 413, before any route reads them.

Pure ASGI: a declared Content-Length over the limit is refused at once; otherwise the body is
read here, counting bytes as they stream in (chunked uploads declare no length), and handed on
only when it fits. Buffering is bounded by the limit itself, which routes would read anyway.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

TOO_LARGE = "Dữ liệu gửi lên quá lớn."


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(scope, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: let the app see it
                replay = [message]
                break
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _too_large(scope, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]
                break

        async def replayed() -> Message:
            return replay.pop(0) if replay else await receive()

        await self.app(scope, replayed, send)


async def _too_large(scope: MutableMapping[str, Any], send: Send) -> None:
    is_api = str(scope.get("path", "")).startswith("/api/")
    if is_api:
        body = json.dumps({"ok": False, "error": TOO_LARGE, "status": 413}, ensure_ascii=False)
        media = b"application/json"
    else:
        body, media = TOO_LARGE, b"text/plain; charset=utf-8"
    data = body.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", media),
                (b"content-length", str(len(data)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
