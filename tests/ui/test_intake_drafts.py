"""What was typed survives a crash, and a call taken while the database is away is sent later;
the journal's files are read and written off the Qt thread, and a failure to write says so."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from operator_console.ui.common.background import BackgroundRunner
from tests.support.disk_watch import DiskWatch, watching
from tests.support.pg_cluster import PgCluster
from tests.ui.intake_support import open_intake, request_count
from tests.ui.test_intake_bad_input import fill_valid_call
from tests.ui.test_photo_list import picture


def _says(disk: DiskWatch, kept: Path, text: str) -> bool:
    with disk.looking():
        return kept.exists() and text in kept.read_text()


def _queued(disk: DiskWatch, folder: Path) -> int:
    with disk.looking():
        return len(list((folder / "queued").glob("*.json")))


def test_the_qt_thread_leaves_the_draft_files_and_the_photos_to_the_runner(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    drafts, photo = tmp_path / "drafts", picture(tmp_path / "pole.png", "PNG")
    kept = drafts / "draft.json"
    with watching(tmp_path) as disk:
        first = open_intake(demo_sqlite_url, runner, qtbot, drafts)
        fill_valid_call(first)
        with qtbot.waitSignal(first.photo_list.files_read):
            first.photo_list.add_files([photo])
        first.ui.descriptionEdit.setPlainText("Pole leaning over the sidewalk.")
        qtbot.waitUntil(lambda: _says(disk, kept, "leaning") and _says(disk, kept, "pole.png"))
        first.hide()  # the console is killed

        second = open_intake(demo_sqlite_url, runner, qtbot, drafts)
        assert second.ui.descriptionEdit.toPlainText() == "Pole leaning over the sidewalk."
        assert [p.file_name for p in second.photo_list.photos()] == ["pole.png"]
        with qtbot.waitSignal(second.presenter.request_submitted, timeout=10000):
            second.submit()
        qtbot.waitUntil(lambda: not kept.exists())
    assert disk.on_main_thread() == []
    touched = {event for event, _path in disk.off_main_thread()}
    assert {"open", "os.mkdir", "os.rename", "os.remove"} <= touched


def test_a_draft_that_cannot_be_written_is_said_and_stays_on_the_form(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts"
    drafts.write_text("a file where the drafts folder should be")
    panel = open_intake(demo_sqlite_url, runner, qtbot, drafts)
    with qtbot.waitSignal(panel.presenter.operation_failed, timeout=5000) as failed:
        panel.ui.descriptionEdit.setPlainText("Pole leaning over the sidewalk.")
    assert failed.args[0].startswith("What was typed could not be kept on this computer: ")
    assert panel.ui.queueBanner.text() == failed.args[0] and panel.ui.queueBanner.isVisible()
    assert panel.ui.descriptionEdit.toPlainText() == "Pole leaning over the sidewalk."


def test_a_damaged_draft_is_named_and_the_form_stays_usable(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "draft.json").write_text('{"client_uuid": ')  # cut off by a power cut
    opened = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    qtbot.waitUntil(lambda: "saved draft could not be read" in opened.ui.queueBanner.text())
    assert "draft.json" in opened.ui.queueBanner.text()
    assert opened.fields.is_empty() and opened.ui.submitButton.isEnabled()


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
    with watching(tmp_path) as disk:
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
        assert _queued(disk, tmp_path) == 1
        assert panel.ui.callerPhone.text() == ""  # the operator can take the next call

        _allow_connections(pg_cluster, demo_pg_url, True)
        with qtbot.waitSignal(panel.presenter.queued_submission_sent, timeout=20000) as sent:
            panel.presenter.send_queued()
        assert sent.args[0].reference in panel.ui.queueBanner.text()
        assert _queued(disk, tmp_path) == 0
        assert request_count(demo_pg_url) == before + 1
    assert disk.on_main_thread() == []
