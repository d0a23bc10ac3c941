"""`operator-console notify`: status counts, one pass with --once, and the service that wakes
on a queued message and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from operator_console.app.cli import main
from operator_console.storage.db.engine import make_engine
from tests.support.notifier_rows import outbox_rows, queue_messages
from tests.support.smtp_server import SmtpServer


def notify_toml(tmp_path: Path, server: SmtpServer) -> Path:
    path = tmp_path / "notify.toml"
    path.write_text(
        f'[email]\nhost = "{server.host}"\nport = {server.port}\nsecurity = "none"\n'
        'from = "City 311 <no-reply@city.example>"\n',
        encoding="utf-8",
    )
    return path


def test_status_and_one_pass(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(sqlite_url)
    queue_messages(engine, ["ana@example.org", "bo@example.org"])
    server = SmtpServer().start()
    try:
        config = str(notify_toml(tmp_path, server))
        assert main(["--database-url", sqlite_url, "notify", "status"]) == 0
        assert capsys.readouterr().out == "pending: 2\nsent: 0\nundeliverable: 0\nheld: 0\n"
        run = ["--database-url", sqlite_url, "notify", "run", "--config", config, "--once"]
        assert main(run) == 0
        out = capsys.readouterr().out
    finally:
        server.stop()
    assert out.endswith(": 2 sent, 0 to try again, 0 undeliverable, 0 held\n")
    assert main(["--database-url", sqlite_url, "notify", "status"]) == 0
    assert capsys.readouterr().out.startswith("pending: 0\nsent: 2\n")
    assert len(server.messages) == 2
    engine.dispose()


def test_without_a_file_one_pass_holds_the_messages(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(sqlite_url)
    queue_messages(engine, ["ana@example.org"])
    assert main(["--database-url", sqlite_url, "notify", "run", "--once"]) == 0
    assert capsys.readouterr().out.endswith(": 0 sent, 0 to try again, 0 undeliverable, 1 held\n")
    assert outbox_rows(engine)[0].status == "held"
    engine.dispose()


def test_a_database_before_the_outbox_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", f"sqlite:///{tmp_path}/none.sqlite3", "notify", "status"]) == 2
    assert "there is no database file there" in capsys.readouterr().err
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert main(["--database-url", f"sqlite:///{empty}", "notify", "status"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("operator-console: SQLite ")
    assert "the outbox cannot be used: no such table: notification_outbox" in err


def test_the_service_wakes_on_a_queued_message_and_stops_on_sigterm(
    pg_url: str, tmp_path: Path
) -> None:
    engine = make_engine(pg_url)
    server = SmtpServer().start()
    command = [sys.executable, "-m", "operator_console.app.cli", "--database-url", pg_url]
    command += ["notify", "run", "--config", str(notify_toml(tmp_path, server)), "--poll", "600"]
    service = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert service.stdout is not None
        assert "delivering messages" in service.stdout.readline()
        [key] = queue_messages(engine, ["ana@example.org"])
        assert server.wait_for(1, timeout=30), "the service did not wake on the queued message"
        service.send_signal(signal.SIGTERM)
        out, err = service.communicate(timeout=30)
    finally:
        if service.poll() is None:
            service.kill()
            service.communicate()
        server.stop()
    assert service.returncode == 0, err
    assert out.strip().splitlines()[-1].endswith(": stopped")
    assert server.message_ids() == {f"<{key}@city.example>": 1}
    assert outbox_rows(engine)[0].status == "sent"
    engine.dispose()
