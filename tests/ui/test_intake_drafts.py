"""What was typed survives a crash, and a call taken while the database is away is sent later."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from operator_console.ui.common.background import BackgroundRunner
from tests.support.pg_cluster import PgCluster
from tests.ui.intake_support import open_intake, request_count
from tests.ui.test_intake_bad_input import fill_valid_call


def test_a_draft_left_by_a_crash_is_restored(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    first = open_intake(demo_pg_url, runner, qtbot, tmp_path)
    fill_valid_call(first)
    first.ui.descriptionEdit.setPlainText("Pole leaning over the sidewalk.")
    draft_file = tmp_path / "draft.json"
    qtbot.waitUntil(lambda: draft_file.exists() and "leaning" in draft_file.read_text())
    uuid_before = json.loads(draft_file.read_text())["client_uuid"]
    first.hide()  # the console is killed: nothing else is written

    second = open_intake(demo_pg_url, runner, qtbot, tmp_path)
    assert second.ui.descriptionEdit.toPlainText() == "Pole leaning over the sidewalk."
    assert second.ui.callerPhone.text() == "617 555 0142"
    assert second.fields.service_code == "street-light-outages"
    assert second.questions.answers() == {"lights_out": "one"}
    assert second.client_uuid == uuid_before
    assert "restored" in second.ui.queueBanner.text()


def _allow_connections(cluster: PgCluster, url: str, allowed: bool) -> None:
    name = make_url(url).database
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {str(allowed).lower()}"))
        if not allowed:
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            )
    admin.dispose()


def test_a_call_taken_while_the_database_refuses_is_kept_and_sent_later(
    demo_pg_url: str, pg_cluster: PgCluster, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path)
    before = request_count(demo_pg_url)
    fill_valid_call(panel)
    _allow_connections(pg_cluster, demo_pg_url, False)
    with qtbot.waitSignal(panel.presenter.submission_queued, timeout=20000):
        panel.submit()
        # a lookup started while typing fails on the outage before the submission answers
        panel.presenter.operation_failed.emit("The address lookup failed.")
        assert not panel.ui.submitButton.isEnabled()
    assert "kept on this computer" in panel.ui.queueBanner.text()
    assert len(list((tmp_path / "queued").glob("*.json"))) == 1
    assert panel.ui.callerPhone.text() == ""  # the operator can take the next call

    _allow_connections(pg_cluster, demo_pg_url, True)
    with qtbot.waitSignal(panel.presenter.queued_submission_sent, timeout=20000) as sent:
        panel.presenter.send_queued()
    assert sent.args[0].reference in panel.ui.queueBanner.text()
    assert list((tmp_path / "queued").glob("*.json")) == []
    assert request_count(demo_pg_url) == before + 1
