"""`operator-console open311 serve`: the real command, with two uvicorn processes, and the
databases it refuses to serve before it listens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from operator_console.app.cli import main
from tests.support.open311_server import free_port, make_open311_login, new_client
from tests.support.staff_logins import make_staff_login

COMMAND = Path(sys.executable).with_name("operator-console")


def test_serve_runs_uvicorn_with_two_processes(demo_pg_url: str) -> None:
    key = new_client(demo_pg_url, "Resident app")
    port = free_port()
    server = subprocess.Popen(
        [
            str(COMMAND),
            "--database-url",
            make_open311_login(demo_pg_url),
            "open311",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        started = 0
        for line in server.stderr:  # uvicorn says when each process is ready
            started += "Application startup complete" in line
            if started == 2:
                break
        assert started == 2, "the server stopped before both processes started"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            assert http.get("/services.xml").status_code == 200
            form = {"api_key": key, "service_code": "abandoned-bicycle", "lat": "42.35",
                    "long": "-71.06", "description": "A bicycle left for months."}  # fmt: skip
            assert [http.post("/requests.json", data=form).status_code for _ in range(4)] == [
                201
            ] * 4
    finally:
        server.terminate()
        server.wait(30)


def test_serve_refuses_a_login_outside_the_server_group(
    demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    operator = make_staff_login(demo_pg_url, "operator")
    assert main(["--database-url", operator, "open311", "serve"]) == 2
    said = capsys.readouterr().err
    assert "is not in console_open311" in said and "docs/open311.md" in said
