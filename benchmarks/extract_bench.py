"""Benchmark article extraction: extract_article vs trafilatura.extract on the same bytes.

Also times StoryClusterer.assign on the extracted bodies (story dedupe, run once per article).

    .venv/bin/python benchmarks/extract_bench.py               # saved pages + generated variants
    .venv/bin/python benchmarks/extract_bench.py --rounds 20 --json
    .venv/bin/python benchmarks/extract_bench.py --clock cpu    # CPU time: steadier under load

Pages: the real article pages saved in ../shared (read at run time, never copied) plus generated
variants of a page we write here (different lengths, with/without JSON-LD, with navigation,
related-news boxes and footers like a real outlet). Each round times every page once with each
extractor, interleaved so machine load hits both alike. Target: extract_article median <= 30 ms
per page (decoding, parsing, every field, NFC normalisation included).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import trafilatura

from benchmarks.saved_pages import SHARED
from crawlers.extract import extract_article
from vntext.stories import StoryClusterer

TRUTH = SHARED / "data/research/html_truth.csv"
NOW = datetime(2026, 11, 22, tzinfo=UTC)

_SENTENCES = (
    "Bảo hiểm xã hội tỉnh đã chi trả lương hưu tháng này cho hơn mười nghìn người hưởng.",
    "Người lao động nên kiểm tra quá trình đóng bảo hiểm trên ứng dụng VssID mỗi quý.",
    "Cơ quan bảo hiểm cảnh báo các cuộc gọi giả danh cán bộ để lấy mã OTP của người dân.",
    "Tỷ lệ bao phủ bảo hiểm y tế trên địa bàn đã vượt chỉ tiêu Hội đồng nhân dân giao.",
    "Doanh nghiệp chậm đóng bảo hiểm xã hội sẽ bị xử phạt và phải nộp số tiền lãi chậm đóng.",
    "Từ tháng bảy, mức trợ cấp thất nghiệp được tính theo quy định mới của luật việc làm.",
)


def _paragraphs(count: int, offset: int) -> str:
    return "".join(
        "<p>" + " ".join(_SENTENCES[(offset + i + j) % len(_SENTENCES)] for j in range(3)) + "</p>"
        for i in range(count)
    )


def generated_page(index: int) -> tuple[bytes, str]:
    """A realistic outlet page: menu, sidebar lists, related box, footer; ~60-200 kB."""
    paragraphs = 6 + index % 25
    menu = "".join(f'<li><a href="/chuyen-muc-{i}">Chuyên mục {i}</a></li>' for i in range(80))
    sidebar = "".join(
        f'<li><a href="/tin-khac-{index}-{i}-1{i:05d}.html">{_SENTENCES[i % 6]}</a>'
        f'<span class="time">0{i % 9 + 1}/03/2026</span></li>'
        for i in range(40)
    )
    json_ld = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Chi trả lương hưu '
        f'kỳ {index}","datePublished":"2026-03-05T08:{index % 60:02d}:00+07:00"}}</script>'
        if index % 2
        else '<meta property="article:published_time" content="2026-03-05T08:00:00+07:00">'
    )
    scripts = "<script>" + "var x = 1;" * 3000 + "</script>"
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Chi trả lương hưu kỳ {index}"
        f"</title>{json_ld}{scripts}</head><body><header><ul class='menu'>{menu}</ul></header>"
        f"<div class='main'><h1 class='title'>Chi trả lương hưu kỳ {index}</h1>"
        f"<div class='sapo'>{_SENTENCES[index % 6]}</div><div class='content'>"
        f"{_paragraphs(paragraphs, index)}<div class='related'><ul>{sidebar[:4000]}</ul></div>"
        f"</div><aside><ul>{sidebar}</ul></aside></div><footer>{menu}</footer></body></html>"
    )
    return page.encode(
        "utf-8"
    ), f"https://baomau.vn/chi-tra-luong-huu-ky-{index}-1234{index:03d}.html"


def saved_pages() -> list[tuple[bytes, str]]:
    if not TRUTH.exists():
        return []
    with TRUTH.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["page_type"] == "article"]
    return [((SHARED / "data/raw/html" / row["file"]).read_bytes(), row["url"]) for row in rows]


_CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def _time(call: Callable[[], object], clock: Callable[[], float]) -> float:
    start = clock()
    call()
    return (clock() - start) * 1000


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "mean_ms": round(statistics.fmean(ordered), 2),
    }


def site_pages(count: int) -> list[tuple[bytes, str]]:
    """The article pages of the crawl benchmark's loopback site (benchmarks/crawl_site.py)."""
    from benchmarks.crawl_site import build_site

    site = build_site(count, outlets=5)
    return [
        (page.body, f"http://{host}{path}")
        for host, pages in site.pages.items()
        for path, page in pages.items()
        if page.content_type.startswith("text/html") and path.endswith(".html")
    ]


def run(rounds: int, generated: int, clock: Callable[[], float], site: int = 0) -> dict[str, Any]:
    saved = saved_pages()
    pages = [(b, u, "saved") for b, u in saved]
    pages += [(*generated_page(i), "generated") for i in range(generated)]
    pages += [(b, u, "crawl-site") for b, u in site_pages(site)]
    for body, url, _ in pages:  # warm-up: imports, compiled selectors, trafilatura's caches
        extract_article(body, url, now=NOW)
        trafilatura.extract(body)
    samples: dict[str, list[float]] = {}
    for _ in range(rounds):
        for body, url, kind in pages:
            ours = _time(partial(extract_article, body, url, now=NOW), clock)
            theirs = _time(partial(trafilatura.extract, body), clock)
            for name, value in (("extract_article", ours), ("trafilatura.extract", theirs)):
                samples.setdefault(name, []).append(value)
                samples.setdefault(f"{name} [{kind}]", []).append(value)
    bodies = [extract_article(b, u, now=NOW).body for b, u, _ in pages]
    clusterer = StoryClusterer()
    for round_ in range(rounds):  # later rounds are syndicated copies of the first: match path
        for i, text in enumerate(bodies):
            samples.setdefault("StoryClusterer.assign", []).append(
                _time(partial(clusterer.assign, f"{round_}-{i}", text), clock)
            )
    tracemalloc.start()  # separate pass: tracing allocations would distort the timings above
    clusterer = StoryClusterer()
    for round_ in range(rounds):
        for i, text in enumerate(bodies):
            clusterer.assign(f"{round_}-{i}", text)
    memory_kib = tracemalloc.get_traced_memory()[0] / 1024 / (rounds * len(bodies))
    tracemalloc.stop()
    return {
        "pages": len(pages),
        "clusterer_kib_per_article": round(memory_kib, 1),
        "saved_pages": len(saved),
        "rounds": rounds,
        "mean_page_kb": round(sum(len(b) for b, _, _ in pages) / len(pages) / 1024, 1),
        "timings": {name: _summary(values) for name, values in samples.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over all pages")
    parser.add_argument("--generated", type=int, default=30, help="generated page variants")
    parser.add_argument(
        "--site",
        type=int,
        default=0,
        help="also the first N article pages of the crawl benchmark's site",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--clock",
        choices=sorted(_CLOCKS),
        default="wall",
        help="wall time, or this process's CPU time (steadier on a loaded machine)",
    )
    args = parser.parse_args()
    result = run(args.rounds, args.generated, _CLOCKS[args.clock], args.site)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    if not result["saved_pages"]:
        print(f"warning: no saved pages under {SHARED}; generated pages only")
    print(
        f"{result['pages']} pages ({result['saved_pages']} saved, mean {result['mean_page_kb']} kB)"
        f" x {result['rounds']} rounds, {args.clock} clock"
    )
    print(f"{'extractor [pages]':<34} {'median ms':>10} {'p95 ms':>8} {'mean ms':>8}")
    for name, s in sorted(result["timings"].items()):
        print(f"{name:<34} {s['median_ms']:>10} {s['p95_ms']:>8} {s['mean_ms']:>8}")
    print(
        f"StoryClusterer memory: {result['clusterer_kib_per_article']} KiB per remembered article"
    )


if __name__ == "__main__":
    main()
