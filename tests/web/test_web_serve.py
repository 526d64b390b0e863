"""`pressmon serve`: the session secret and the listening address are checked first, uvicorn
never reads forwarded headers itself, and what the CLI creates is private (issue 14, item 5)."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from index.transfer import export_jsonl
from pressmon.cli import main
from pressmon.errors import ConfigError
from pressmon.web.serving import check_serve

GOOD_SECRET = "k" * 16 + "-mot-bi-mat-du-dai-32-byte"


@pytest.mark.parametrize(
    "secret", [None, "", "x", "a" * 31, "change-me-to-64-random-hex-characters"]
)
@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "pressmon.example"])
def test_off_loopback_a_missing_or_short_secret_is_refused(host, secret) -> None:
    with pytest.raises(ConfigError, match="PRESSMON_SESSION_SECRET"):
        check_serve(host, secret)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_on_loopback_a_missing_or_short_secret_is_a_warning(host) -> None:
    assert "chưa đặt" in check_serve(host, None).warnings[0]
    assert "ngắn hơn 32 byte" in check_serve(host, "x").warnings[0]
    assert check_serve(host, GOOD_SECRET).warnings == ()


def test_every_interface_is_warned_about() -> None:
    [warning] = check_serve("0.0.0.0", GOOD_SECRET).warnings
    assert "mọi giao diện mạng" in warning


@pytest.fixture
def uvicorn_calls(monkeypatch) -> list[dict]:
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    return calls


def _serve(tmp_path, *args: str, secret: str | None):
    env = {
        "PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.sqlite3"),
        "PRESSMON_SESSION_SECRET": secret,
    }
    # `serve` only reads: it refuses an archive that does not exist.
    CliRunner().invoke(
        main, ["--archive", str(tmp_path / "a.sqlite3"), "index", "import", "/dev/null"]
    )
    return CliRunner().invoke(
        main, ["--archive", str(tmp_path / "a.sqlite3"), "serve", *args], env=env
    )


def test_serve_refuses_the_network_without_a_secret(tmp_path, uvicorn_calls) -> None:
    result = _serve(tmp_path, "--host", "0.0.0.0", secret=None)
    assert result.exit_code == 1 and "không mở trang web ở 0.0.0.0" in result.output
    assert uvicorn_calls == []


def test_serve_on_loopback_warns_and_turns_off_proxy_headers(tmp_path, uvicorn_calls) -> None:
    result = _serve(tmp_path, "--host", "127.0.0.1", secret=None)
    assert result.exit_code == 0, result.output
    assert "chưa đặt PRESSMON_SESSION_SECRET" in result.output
    [kwargs] = uvicorn_calls
    assert kwargs["proxy_headers"] is False and kwargs["forwarded_allow_ips"] == ""


def test_serve_on_every_interface_with_a_secret_warns(tmp_path, uvicorn_calls) -> None:
    result = _serve(tmp_path, "--host", "0.0.0.0", secret=GOOD_SECRET)
    assert result.exit_code == 0, result.output
    assert "mọi giao diện mạng" in result.output and len(uvicorn_calls) == 1


@pytest.mark.parametrize(
    ("host", "secret"), [("127.0.0.1", "x"), ("127.0.0.1", None), ("0.0.0.0", GOOD_SECRET)]
)
def test_serve_warnings_read_as_the_other_warnings(tmp_path, uvicorn_calls, host, secret) -> None:
    # As `crawl`'s warning and the log's warning lines (log_format): "Cảnh báo: …", capitalised.
    result = _serve(tmp_path, "--host", host, secret=secret)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "báo:" in line.lower()]
    assert warnings and all(line.startswith("Cảnh báo: ") for line in warnings), warnings


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_the_cli_creates_are_private(tmp_path, archive) -> None:
    source = tmp_path / "source.jsonl"
    with source.open("w", encoding="utf-8") as out:
        export_jsonl(archive, out)
    target, exported = tmp_path / "new" / "archive.sqlite3", tmp_path / "out.jsonl"
    state = tmp_path / "new" / "state.sqlite3"
    runner = CliRunner(env={"PRESSMON_ARCHIVE__STATE_PATH": str(state)})
    for args, stdin in (
        (["index", "import", str(source)], None),
        (["index", "export", str(exported)], None),
        (["users", "add", "lan", "--password-stdin"], "ba tu khong lien quan\n"),
    ):
        result = runner.invoke(main, ["--archive", str(target), *args], input=stdin)
        assert result.exit_code == 0, result.output
    created = [target, exported, state, *target.parent.glob("*-wal"), *target.parent.glob("*-shm")]
    assert {str(p): oct(_mode(p)) for p in created} == {str(p): "0o600" for p in created}
    assert _mode(target.parent) == 0o700


def test_the_umask_is_restored_after_a_command(tmp_path) -> None:
    import os

    before = os.umask(0o022)
    os.umask(before)
    runner = CliRunner(env={"PRESSMON_ARCHIVE__STATE_PATH": str(tmp_path / "state.sqlite3")})
    assert (
        runner.invoke(main, ["--archive", str(tmp_path / "a.db"), "users", "list"]).exit_code == 0
    )
    after = os.umask(before)
    assert after == before
