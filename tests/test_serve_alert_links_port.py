"""`pressmon serve --port N` without web.public_url: the links in the alerts the server sends
(a province sending an item up, the Center's answer, a digest) lead to port N, where the app
is, not to settings.toml's port (8000), where nothing listens."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressmon.cli.app_cmds import serve_app
from pressmon.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.model_validate(
        {
            "archive": {
                "path": str(tmp_path / "archive.sqlite3"),
                "state_path": str(tmp_path / "state.sqlite3"),
            },
            "web": {"session_secret": "x" * 40},
        }
    )


def test_the_served_port_is_the_alerts_link(settings, monkeypatch) -> None:
    served = []
    monkeypatch.setattr(
        "pressmon.web.workers.serve", lambda app, **where: served.append((app, where))
    )
    serve_app(settings, "127.0.0.1", 18999, lambda line: None)
    [(app, where)] = served
    assert where == {"host": "127.0.0.1", "port": 18999}
    assert app.state.ctx.notifier.link("abc") == "http://127.0.0.1:18999/bai/abc"


def test_a_public_url_still_wins(settings, monkeypatch) -> None:
    settings = settings.model_copy(
        update={"web": settings.web.model_copy(update={"public_url": "https://bhxh.example"})}
    )
    served = []
    monkeypatch.setattr(
        "pressmon.web.workers.serve", lambda app, **where: served.append((app, where))
    )
    serve_app(settings, "127.0.0.1", 18999, lambda line: None)
    assert served[0][0].state.ctx.notifier.link("abc") == "https://bhxh.example/bai/abc"
