"""An alert links the item where the process sending it serves the web app: one queued by a crawl
or `demo --no-serve` (settings.toml's port) and sent by `serve --port N` links to port N."""

from __future__ import annotations

import io

from pressmon.alerts.messages import LINK_LABEL
from pressmon.cli.app_cmds import served_at
from pressmon.wiring import notifier_from
from tests.web.conftest import flagged


def test_the_sender_links_the_item_where_it_serves(settings, clock) -> None:
    notifier_from(settings, console=io.StringIO(), clock=clock).notify([flagged(1, "urgent", 0.93)])
    printed = io.StringIO()
    server = notifier_from(served_at(settings, "127.0.0.1", 18347), console=printed, clock=clock)
    assert server.send_due() == 1
    [link] = [line for line in printed.getvalue().splitlines() if line.startswith(LINK_LABEL)]
    assert link == f"{LINK_LABEL} http://127.0.0.1:18347/bai/{flagged(1, 'urgent', 0.93).id}"
