"""/api/docs: interactive documentation of the JSON API (Swagger UI), behind sign-in.

Swagger UI's files come from the swagger-ui-bundle package (Apache-2.0, licence in its
distribution) and are served by this app under /static/swagger-ui/: no CDN, works offline.
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from pressmon.web.deps import Context, CurrentSession
from pressmon.web.routes import page

router = APIRouter()
DOCS_PATH = "/api/docs"
SWAGGER_UI_URL = "/static/swagger-ui"
# The only page that runs scripts: its own and Swagger UI's, from this server; Swagger UI sets
# inline styles. Nothing may be loaded from, or sent to, another host.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def swagger_ui_files() -> Path:
    return Path(str(swagger_ui_bundle.swagger_ui_path))


@router.get(DOCS_PATH, response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request, ctx: Context, session: CurrentSession) -> Response:
    response = page(request, ctx, "api_docs.html")
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response
