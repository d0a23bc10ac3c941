"""`operator-console open311 keys add|revoke|list`: admins make a client application's key,
shown once and kept only as a hash, list the clients and revoke a key; no one else may."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.services.open311.keys import key_hash
from operator_console.storage.db.engine import make_engine
from tests.support.open311_server import asgi_client, make_open311_login
from tests.support.staff_logins import make_staff_login

FORM = {
    "service_code": "abandoned-bicycle",
    "lat": "42.3504",
    "long": "-71.0867",
    "description": "A bicycle locked to the rail for months.",
}


def test_an_admin_adds_lists_and_revokes_a_client(
    demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = make_staff_login(demo_pg_url, "admin")
    assert main(["--database-url", admin, "open311", "keys", "add", "Web form",
                 "--per-minute", "30", "--channel", "web"]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "shown this once" in said
    key = said.strip().splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    engine = make_engine(demo_pg_url)
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT key_hash, key_prefix, per_minute, channel, created_by FROM open311_clients"
            )
        ).one()
    engine.dispose()
    assert stored.key_hash == key_hash(key) and key.startswith(stored.key_prefix)
    assert (stored.per_minute, stored.channel) == (30, "web")
    assert key not in str(tuple(stored))
    with asgi_client(make_open311_login(demo_pg_url)) as client:
        assert client.post("/requests.json", data=FORM | {"api_key": key}).status_code == 201
        assert main(["--database-url", admin, "open311", "keys", "list"]) == 0
        listing = capsys.readouterr().out
        assert "Web form" in listing and "active" in listing and key not in listing
        assert main(["--database-url", admin, "open311", "keys", "revoke", "Web form"]) == 0
        assert "revoked the key of Web form" in capsys.readouterr().out
        assert client.post("/requests.json", data=FORM | {"api_key": key}).status_code == 403
    assert main(["--database-url", admin, "open311", "keys", "list"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["--database-url", admin, "open311", "keys", "revoke", "Web form"]) == 2
    assert "No client application named 'Web form'" in capsys.readouterr().err


@pytest.mark.parametrize("role", ["operator", "supervisor"])
def test_only_admins_manage_keys(
    demo_pg_url: str, role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = make_staff_login(demo_pg_url, role)
    assert main(["--database-url", login, "open311", "keys", "add", "Sneaky"]) == 2
    said = capsys.readouterr().err
    assert "nothing was changed" in said and "only admins" in said
    assert main(["--database-url", login, "open311", "keys", "list"]) == 2


def test_a_bad_name_or_a_taken_one_is_said(
    demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = make_staff_login(demo_pg_url, "admin")
    assert main(["--database-url", admin, "open311", "keys", "add", "  "]) == 2
    assert "1 to 80 printable characters" in capsys.readouterr().err
    assert main(["--database-url", admin, "open311", "keys", "add", "App"]) == 0
    assert main(["--database-url", admin, "open311", "keys", "add", "App"]) == 2
    assert "already named 'App'" in capsys.readouterr().err
    assert main(["--database-url", admin, "open311", "keys", "add", "X", "--channel", "fax"]) == 2
    assert "not 'fax'" in capsys.readouterr().err
