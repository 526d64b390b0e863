"""Serve the demo site on loopback from a background thread.

with serve_demo() as server:
    sources = demo_sources(server.base_url)
    ...  # crawl, then check server.fetched() never contains a robots-disallowed path
"""

from __future__ import annotations

import argparse
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from demo.model import DemoSite, Page, with_origin
from demo.site import build_site

_NOT_FOUND = Page(
    "<!DOCTYPE html><html><body><h1>404 - Không tìm thấy trang</h1></body></html>".encode(),
    "text/html; charset=utf-8",
    404,
)


class DemoServer:
    """A running demo site. `base_url` has no trailing slash, e.g. "http://127.0.0.1:41234"."""

    def __init__(self, site: DemoSite, host: str, port: int) -> None:
        self.site = site
        self._lock = threading.Lock()
        self._fetched: list[str] = []
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.socket.getsockname()[:2]
        self.base_url = f"http://{bound_host}:{bound_port}"
        self._pages = {
            path: Page(with_origin(page.body, self.base_url), page.content_type, page.status)
            for path, page in site.pages.items()
        }
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="pressmon-demo", daemon=True
        )
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def fetched(self) -> tuple[str, ...]:
        """Every request path (with query) served so far, in order, including 404s."""
        with self._lock:
            return tuple(self._fetched)

    def remove(self, path: str) -> None:
        """Take a page off the site, as an author deleting a post: it answers 404 from now on."""
        with self._lock:
            del self._pages[path]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lookup(self, raw_path: str) -> Page:
        with self._lock:
            return self._find(raw_path)

    def _find(self, raw_path: str) -> Page:
        page = self._pages.get(raw_path)
        if page is None:  # the same URL with its query arguments in another order
            parts = urlsplit(raw_path)
            query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
            page = self._pages.get(parts.path + ("?" + query if query else ""), _NOT_FOUND)
        return page

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server naming)
                self._respond(with_body=True)

            def do_HEAD(self) -> None:  # noqa: N802
                self._respond(with_body=False)

            def _respond(self, with_body: bool) -> None:
                with server._lock:
                    server._fetched.append(self.path)
                page = server._lookup(self.path)
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: tests and `pressmon demo` print their own progress

        return Handler


def serve_demo(host: str = "127.0.0.1", port: int = 0, site: DemoSite | None = None) -> DemoServer:
    """Start serving `site` (default: build_site()) on host:port (0 = any free port)."""
    return DemoServer(site or build_site(), host, port)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the pressmon demo press site on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    server = serve_demo(args.host, args.port)
    print(f"demo site at {server.base_url}/ (Ctrl+C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
