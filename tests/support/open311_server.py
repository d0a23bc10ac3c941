"""The Open311 server in tests: its own database login, client keys, an app or a live uvicorn."""

from __future__ import annotations

import socket
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import uvicorn
from sqlalchemy import create_engine, text

with warnings.catch_warnings():  # Starlette would rather its tests used httpx2; httpx is here
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.services.open311.keys import add_client
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import OPEN311_ROLE
from operator_console.storage.open311.clients import SqlClientStore
from tests.support.staff_logins import unique_login, url_as

OWNER = StaffIdentity("owner", "the database owner", Role.ADMIN.value)


def make_open311_login(admin_url: str) -> str:
    """A new login in the Open311 server's group; a URL of the database that connects as it."""
    login = unique_login("open311")
    engine = create_engine(admin_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE {OPEN311_ROLE}'))
    finally:
        engine.dispose()
    return url_as(admin_url, login)


def new_client(admin_url: str, name: str, per_minute: int = 600, channel: str = "app") -> str:
    """Add a client application (as the owner); its key."""
    engine = make_engine(admin_url)
    try:
        _client, key = add_client(
            SqlClientStore(engine), OWNER, name, per_minute, channel, datetime.now(UTC)
        )
    finally:
        engine.dispose()
    return key


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def live_server(database_url: str) -> Iterator[str]:
    """A real uvicorn serving the application in this process, on a free port; its base URL."""
    from operator_console.app.open311_cli import build_app

    port = free_port()
    config = uvicorn.Config(
        build_app(database_url), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    started = threading.Event()
    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets)
        started.set()

    server.startup = startup  # type: ignore[method-assign]
    thread.start()
    if not started.wait(30):
        raise RuntimeError("the Open311 server did not start within 30 s")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def asgi_client(
    database_url: str, pool_size: int = 2, clock: Callable[[], datetime] | None = None
) -> TestClient:
    """Starlette's test client over the application (use it in a with block)."""
    from operator_console.app.open311_cli import build_app

    return TestClient(build_app(database_url, pool_size=pool_size, clock=clock))
