"""A server that asks for a password: the sign-in dialog asks for it, a wrong one is refused in
the dialog, and the TLS settings of the URL reach libpq."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from operator_console.app import settings
from operator_console.domain.permissions import Role
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.ui.common.background import BackgroundRunner
from tests.support.console_start import console, sign_in_dialog, window_of
from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import login_of, make_staff_login

_DATABASE = "oc_passwords"
_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def password_cluster() -> Iterator[PgCluster]:
    """A second server, asking for passwords on 127.0.0.1, with one migrated database."""
    cluster = PgCluster(max_connections=30, tcp_passwords=True).start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {_DATABASE}"))
        admin.dispose()
        engine = make_engine(cluster.url(_DATABASE))
        schema.upgrade(engine)
        engine.dispose()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(autouse=True)
def no_password_on_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq finds no password of its own: no PGPASSWORD, no ~/.pgpass (and the drafts of the
    person signing in go to this test's folder)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))


def _login_with_password(cluster: PgCluster) -> str:
    admin_url = cluster.url(_DATABASE)
    login = login_of(make_staff_login(admin_url, Role.DISPATCHER, display_name="Denise Walsh"))
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"ALTER ROLE \"{login}\" PASSWORD '{_PASSWORD}'"))
    engine.dispose()
    return login


def test_the_console_asks_for_the_password_and_refuses_a_wrong_one_in_the_dialog(
    password_cluster: PgCluster, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    login = _login_with_password(password_cluster)
    url = password_cluster.tcp_url(_DATABASE, login)
    with console(url, runner, qtbot) as controller:
        dialog = sign_in_dialog(controller, qtbot)
        port = password_cluster.port
        assert dialog.server_label.text() == f"Server: 127.0.0.1:{port}/{_DATABASE}"
        assert dialog.message.text() == (
            f"The server 127.0.0.1:{port}/{_DATABASE} asks for the password of '{login}'."
        )
        assert dialog.login_edit.text() == login
        assert dialog.password_edit.hasFocus()

        qtbot.keyClicks(dialog.password_edit, "wrong password")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        assert dialog.password_edit.text() == ""  # the password leaves the field when sent
        dialog = sign_in_dialog(controller, qtbot)
        assert "refused the login" in dialog.message.text()
        assert f'password authentication failed for user "{login}"' in dialog.message.text()
        assert dialog.login_edit.text() == login
        message = dialog.message
        assert message.height() >= message.heightForWidth(message.width())  # read whole

        qtbot.keyClicks(dialog.password_edit, _PASSWORD)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        window = window_of(controller, qtbot)
        assert window.staff_label.text() == f"Denise Walsh ({login}) · Dispatcher"
        assert _PASSWORD not in window.database_label.text() + window.database_label.toolTip()
        assert _PASSWORD not in window.session.database_label


@pytest.mark.parametrize("given_in", ["the URL", "the settings file"])
def test_sslmode_reaches_libpq(
    given_in: str,
    password_cluster: PgCluster,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = password_cluster.tcp_url(_DATABASE, "anyone")
    file = tmp_path / "settings.toml"
    if given_in == "the URL":
        file.write_text(f'database_url = "{url}?sslmode=require"\n')
    else:
        file.write_text(f'database_url = "{url}"\nsslmode = "require"\n')
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(file))
    with console(settings.resolve(environ={}).database_url, runner, qtbot) as controller:
        with qtbot.waitSignal(controller.startup_failed, timeout=10000) as failed:
            pass
        assert "server does not support SSL, but SSL was required" in str(failed.args[0])
        assert controller.sign_in_dialog is None
