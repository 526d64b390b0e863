"""A site's 429 back-off outlives its download slot: Scrapy drops a slot with nothing to ask for a
while, and the site's next requests went out at the configured pace again (crawlers.backoff).

The crawl runs with Scrapy's slot clean-up shortened (a slot idle 0.2 s is dropped, looked for
every 0.1 s instead of a minute each) and reports each slot it drops, so the test knows the lull
really dropped the refusing site's slot before its later pages were asked for.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import ClassVar

import yaml

from tests.crawlers.loopback_crawl import article_page, crawl_env, run_python
from tests.crawlers.polite_site import PoliteSite, Watch, serving

# `pressmon crawl` whose downloader drops a slot idle 0.2 s, printing "dropped slot KEY AT".
_CRAWL_WITH_QUICK_SLOT_GC = """
import sys, time
from scrapy.core.downloader import Downloader
collect = Downloader._slot_gc
def quick_slot_gc(self, age=60):
    before = set(self.slots)
    collect(self, age=0.2)
    for key in before - set(self.slots):
        print("dropped slot", key, time.monotonic(), file=sys.stderr, flush=True)
Downloader._SLOT_GC_INTERVAL = 0.1
Downloader._slot_gc = quick_slot_gc
from pressmon.cli import main
main(prog_name="pressmon", args=["crawl"])
"""


class _LullSite(PoliteSite):
    """Two sites on one server. 127.0.0.1's feed lists /tin/0-0.html, refused once with
    Retry-After: 1; localhost's feed answers `lull` seconds late and lists two more pages of
    127.0.0.1, which the crawler so asks for after that site has been idle the whole lull."""

    watch = Watch()
    hold = 0.05
    refuse = frozenset({"0-0.html"})
    retry_after = 1
    articles = 1
    lull: ClassVar[float] = 6.0
    late = ("/tin/late-0.html", "/tin/late-1.html")

    def _answer(self, path: str, refused: bool) -> tuple[int, dict[str, str], bytes]:
        if path == "/slow.xml":
            time.sleep(self.lull)
            port = self.headers["Host"].rsplit(":", 1)[1]
            items = "".join(
                f"<item><title>{page}</title><link>http://127.0.0.1:{port}{page}</link></item>"
                for page in self.late
            )
            xml = f'<rss version="2.0"><channel>{items}</channel></rss>'
            return 200, {"Content-Type": "application/rss+xml"}, xml.encode()
        if path in self.late:
            html = {"Content-Type": "text/html; charset=utf-8"}
            return 200, html, article_page(f"Tin BHXH {path[5:-5]}", "Nghệ An")
        return super()._answer(path, refused)


def _write_sources(folder: Path, port: int) -> None:
    sources = [
        {
            "id": "bao_thu",
            "name": "Báo thử",
            "kind": "provincial",
            "province": "Nghệ An",
            "domain": "127.0.0.1",
            "feeds": [f"http://127.0.0.1:{port}/feed0.xml"],
        },
        {
            "id": "dien_dan",
            "name": "Diễn đàn thử",
            "kind": "other",
            "domain": "localhost",
            "feeds": [f"http://localhost:{port}/slow.xml"],
        },
    ]
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), "utf-8")


def test_a_site_that_refused_is_still_asked_slowly_after_its_slot_was_dropped(
    tmp_path: Path,
) -> None:
    with serving(_LullSite) as port:
        _write_sources(tmp_path, port)
        env = crawl_env(tmp_path, concurrency_per_domain="2")
        result = run_python(["-c", _CRAWL_WITH_QUICK_SLOT_GC], env)
    assert result.returncode == 0, result.stderr[-2000:]
    watch = _LullSite.watch
    assert len(watch.refusals) == 1
    late = [arrived for arrived, path in watch.arrivals if path in _LullSite.late]
    assert len(late) == 2
    drops = [float(at) for at in re.findall(r"dropped slot 127\.0\.0\.1 (\S+)", result.stderr)]
    assert any(watch.refusals[0] < at < min(late) for at in drops)  # the lull dropped the slot
    # The slot's delay went from 0 to the Retry-After's 1 s; its jitter (±50 %) leaves at least
    # half of it between two starts. A fresh slot at the configured pace sent both at once.
    assert max(late) - min(late) >= 0.5
