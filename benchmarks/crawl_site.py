"""A loopback benchmark press site: thousands of generated Vietnamese article pages.

Each outlet is served on its own loopback address (127.0.0.2, 127.0.0.3, ...) so Scrapy's
per-domain slots behave as with real outlets, with a robots.txt, an RSS feed (latest 50), a
sitemap (every article) and one listing page. Pages are rendered once up front and served from
memory by one threaded HTTP/1.1 (keep-alive) server per outlet, in a process of its own.

    python -m benchmarks.crawl_site --articles 5000 --serve           # serve until Ctrl-C
    python -m benchmarks.crawl_site --articles 5000 --measure         # server alone: requests/s
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import random
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TZ = timezone(timedelta(hours=7))
_OPENINGS = (
    "Bảo hiểm xã hội {tinh} cho biết",
    "Theo báo cáo của cơ quan bảo hiểm xã hội {tinh},",
    "Tại hội nghị sơ kết ở {tinh},",
    "Ghi nhận của phóng viên tại {tinh} cho thấy",
)
_FACTS = (
    "số người tham gia bảo hiểm xã hội tự nguyện tăng {n} phần trăm so với cùng kỳ năm trước.",
    "đã chi trả lương hưu và trợ cấp hằng tháng cho {n} nghìn người qua tài khoản cá nhân.",
    "tỷ lệ bao phủ bảo hiểm y tế đạt {n} phần trăm dân số, vượt chỉ tiêu được giao.",
    "có {n} doanh nghiệp chậm đóng bảo hiểm xã hội, bảo hiểm thất nghiệp cho người lao động.",
    "hơn {n} nghìn người lao động đã cài đặt và sử dụng ứng dụng VssID để tra cứu quá trình đóng.",
    "quỹ bảo hiểm thất nghiệp đã hỗ trợ học nghề cho {n} trăm lao động mất việc làm.",
)
_ADVICE = (
    "Người dân cần kiểm tra thông tin đóng, hưởng trên ứng dụng VssID và liên hệ cơ"
    " quan bảo hiểm khi có sai lệch.",
    "Cơ quan bảo hiểm xã hội khuyến cáo người lao động không nên rút bảo hiểm xã hội"
    " một lần để bảo đảm an sinh lúc về già.",
    "Đơn vị sử dụng lao động có trách nhiệm đóng đủ, đúng hạn bảo hiểm xã hội, bảo"
    " hiểm y tế cho người lao động.",
    "Người tham gia bảo hiểm y tế theo hộ gia đình được giảm mức đóng từ thành viên"
    " thứ hai trở đi.",
    "Cán bộ thu đã đến từng thôn, bản để tuyên truyền chính sách bảo hiểm xã hội tự"
    " nguyện cho lao động tự do.",
)
_TITLES = (
    "{tinh}: tăng cường phát triển người tham gia bảo hiểm xã hội tự nguyện",
    "Chi trả lương hưu đúng hạn cho người hưởng tại {tinh}",
    "{tinh} đẩy mạnh cấp thẻ bảo hiểm y tế cho học sinh, sinh viên",
    "Xử lý tình trạng chậm đóng bảo hiểm xã hội tại {tinh}",
    "Người lao động {tinh} tra cứu quyền lợi bảo hiểm trên VssID",
    "Bảo hiểm thất nghiệp hỗ trợ lao động mất việc ở {tinh}",
)
_PROVINCES = (
    "Hà Nội",
    "Cần Thơ",
    "Đắk Lắk",
    "Nghệ An",
    "Quảng Ninh",
    "Lâm Đồng",
    "Huế",
    "Đồng Nai",
    "An Giang",
    "Thái Nguyên",
    "Gia Lai",
    "Khánh Hòa",
)


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str


@dataclass(frozen=True)
class BenchSite:
    outlets: tuple[str, ...]  # loopback hosts, one per outlet
    pages: dict[str, dict[str, Page]]  # host -> path -> page
    articles: int


def _article(
    rng: random.Random, outlet: int, number: int, published: datetime
) -> tuple[str, str, bytes]:
    tinh = _PROVINCES[(outlet + number) % len(_PROVINCES)]
    title = rng.choice(_TITLES).format(tinh=tinh) + f" (số {number})"
    paragraphs = []
    for _ in range(rng.randint(6, 10)):
        sentences = [
            rng.choice(_OPENINGS).format(tinh=tinh)
            + " "
            + rng.choice(_FACTS).format(n=rng.randint(2, 95))
        ]
        sentences += rng.sample(_ADVICE, 2)
        paragraphs.append(" ".join(sentences))
    path = f"/xa-hoi/bai-{number:06d}.html"
    stamp = published.isoformat()
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta property="og:title" content="{html.escape(title)}">'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<link rel="canonical" href="{path}"></head><body><header><nav><a href="/">Trang chủ</a>'
        f'<a href="/xa-hoi">Xã hội</a></nav></header><main><article><h1>{html.escape(title)}</h1>'
        f'<time datetime="{stamp}">{published:%d/%m/%Y %H:%M}</time>{body}</article></main>'
        f"<footer>Báo Thử Nghiệm {outlet} - Giấy phép số {outlet}/GP-BTTTT</footer></body></html>"
    )
    return path, title, page.encode("utf-8")


def build_site(articles: int, outlets: int, seed: int = 7) -> BenchSite:
    rng = random.Random(seed)
    hosts = tuple(f"127.0.0.{n + 2}" for n in range(outlets))
    now = datetime(2026, 6, 1, 8, 0, tzinfo=TZ)
    pages: dict[str, dict[str, Page]] = {host: {} for host in hosts}
    entries: dict[str, list[tuple[str, str, datetime]]] = {host: [] for host in hosts}
    for number in range(articles):
        outlet = number % outlets
        published = now - timedelta(minutes=37 * number)
        path, title, body = _article(rng, outlet, number, published)
        pages[hosts[outlet]][path] = Page(body, "text/html; charset=utf-8")
        entries[hosts[outlet]].append((path, title, published))
    for host in hosts:
        items = entries[host]
        urls = "".join(
            f"<url><loc>{p}</loc><lastmod>{d.isoformat()}</lastmod></url>" for p, _, d in items
        )
        pages[host]["/sitemap.xml"] = Page(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>".encode(),
            "application/xml",
        )
        rss = "".join(
            f"<item><title>{html.escape(t)}</title><link>{p}</link></item>"
            for p, t, _ in items[:50]
        )
        pages[host]["/rss.xml"] = Page(
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">'
            f"<channel><title>Thử nghiệm</title>"
            f"{rss}</channel></rss>".encode(),
            "application/rss+xml",
        )
        links = "".join(f'<li><a href="{p}">{html.escape(t)}</a></li>' for p, t, _ in items[:30])
        pages[host]["/xa-hoi"] = Page(
            f'<!DOCTYPE html><html lang="vi"><body><ul>{links}</ul></body></html>'.encode(),
            "text/html; charset=utf-8",
        )
        pages[host]["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain")
    return BenchSite(hosts, pages, articles)


def bench_sources(site: BenchSite, port: int) -> list[dict]:
    """Sources YAML entries for the site (one national outlet per loopback host)."""
    sources = []
    for n, host in enumerate(site.outlets):
        base = f"http://{host}:{port}"
        sources.append(
            {
                "id": f"bao_thu_{n}",
                "name": f"Báo Thử Nghiệm {n}",
                "kind": "national",
                "domain": host,
                "feeds": [f"{base}/rss.xml"],
                "sitemaps": [f"{base}/sitemap.xml"],
                "listings": [{"url": f"{base}/xa-hoi", "max_pages": 1}],
                "article_pattern": r"/xa-hoi/bai-\d+\.html$",
            }
        )
    return sources


class _SharedPortServer(ThreadingHTTPServer):
    """SO_REUSEPORT: several server processes share a port and the kernel spreads connections."""

    request_queue_size = 256  # the default backlog of 5 refuses connections under crawler load

    def server_bind(self) -> None:
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


class _Log:
    """Article request times on the server side, in shared memory across forked server processes:
    the crawl window is first to last article request (process start-up is not in it)."""

    def __init__(self) -> None:
        self.count = multiprocessing.Value("q", 0)
        self.first = multiprocessing.Value("d", 0.0)
        self.last = multiprocessing.Value("d", 0.0)

    def hit(self) -> None:
        now = time.time()
        with self.count.get_lock():
            self.count.value += 1
            if not self.first.value:
                self.first.value = now
            self.last.value = now

    def state(self) -> dict:
        with self.count.get_lock():
            return {
                "article_requests": self.count.value,
                "first": self.first.value,
                "last": self.last.value,
            }


def serve(site: BenchSite, port: int, log: _Log | None = None) -> list[ThreadingHTTPServer]:
    servers: list[ThreadingHTTPServer] = []
    for host in site.outlets:
        table = site.pages[host]

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            pages = table

            def do_GET(self) -> None:  # noqa: N802
                page = self.pages.get(self.path.split("?", 1)[0])
                if log is not None and page is not None and self.path.endswith(".html"):
                    log.hit()
                body, status = (page.body, 200) if page else (b"not found", 404)
                self.send_response(status)
                self.send_header("Content-Type", page.content_type if page else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        httpd = _SharedPortServer((host, port), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
    return servers


def measure(site: BenchSite, port: int, seconds: float, clients: int) -> dict:
    """The server alone: keep-alive GETs of article pages from `clients` threads."""
    paths = [
        (host, path) for host in site.outlets for path in site.pages[host] if path.endswith(".html")
    ]
    deadline = time.monotonic() + seconds

    def client(offset: int) -> int:
        done = 0
        connections: dict[str, HTTPConnection] = {}
        while time.monotonic() < deadline:
            host, path = paths[(offset + done * clients) % len(paths)]
            connection = connections.setdefault(host, HTTPConnection(host, port, timeout=10))
            connection.request("GET", path)
            connection.getresponse().read()
            done += 1
        return done

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        total = sum(pool.map(client, range(clients)))
    return {
        "requests": total,
        "seconds": round(time.monotonic() - started, 2),
        "requests_per_s": round(total / (time.monotonic() - started), 1),
        "clients": clients,
    }


def _fork_server(site: BenchSite, port: int, log: _Log | None = None) -> int:
    pid = os.fork()
    if pid == 0:
        serve(site, port, log)
        while True:
            time.sleep(3600)
    return pid


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--port", type=int, default=8870)
    parser.add_argument("--sources", type=Path, help="Write the sources YAML here.")
    parser.add_argument(
        "--serve", action="store_true", help="Serve until killed; print a JSON status line."
    )
    parser.add_argument(
        "--log", type=Path, help="With --serve: write the request log (JSON) here every second."
    )
    parser.add_argument(
        "--measure", type=float, metavar="SECONDS", help="Measure the server alone."
    )
    parser.add_argument(
        "--processes", type=int, default=2, help="Server processes sharing the port."
    )
    args = parser.parse_args(argv)
    site = build_site(args.articles, args.outlets)
    if args.sources:
        import yaml

        args.sources.write_text(
            yaml.safe_dump(bench_sources(site, args.port), allow_unicode=True), encoding="utf-8"
        )
    log = _Log()
    if args.measure:
        children = [_fork_server(site, args.port) for _ in range(args.processes)]
        time.sleep(1)
        print(
            json.dumps(
                {
                    **measure(site, args.port, args.measure, clients=8),
                    "server_processes": args.processes,
                }
            )
        )
        for pid in children:
            os.kill(pid, 9)
        return
    for _ in range(args.processes - 1):
        _fork_server(site, args.port, log)
    serve(site, args.port, log)
    print(
        json.dumps({"serving": list(site.outlets), "port": args.port, "articles": site.articles}),
        flush=True,
    )
    while args.serve:
        time.sleep(1)
        if args.log:
            tmp = args.log.with_suffix(".tmp")
            tmp.write_text(json.dumps(log.state()))
            tmp.replace(args.log)


if __name__ == "__main__":
    main()
