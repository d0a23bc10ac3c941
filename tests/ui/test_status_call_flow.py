"""A resident calls about a request: Ctrl+F finds it, F6 reads its status, the call counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import request_events, service_requests
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.search.find_box import FindBox
from operator_console.ui.search.search_popup import SearchPopup
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.screen_support import open_demo_window

WAIT_MS = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier
r = service_requests.c


def _focused(window: QWidget) -> QWidget:
    return QApplication.focusWidget() or window


def _case(url: str, status: str) -> tuple[int, str]:
    """A demo case in `status` that was not merged into another."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                select(r.id, r.reference)
                .where(r.status == status, r.parent_id.is_(None))
                .order_by(r.id)
                .limit(1)
            ).one()
    finally:
        engine.dispose()
    return int(row.id), str(row.reference)


def _calls(url: str, request_id: int) -> tuple[int, list[tuple[str, str]]]:
    """The case's call count and its status_call events (actor, kind)."""
    engine = make_engine(url)
    e = request_events.c
    try:
        with engine.connect() as connection:
            count = connection.execute(select(r.calls_count).where(r.id == request_id)).scalar()
            events = connection.execute(
                select(e.actor, e.kind).where(e.request_id == request_id, e.kind == "status_call")
            ).all()
    finally:
        engine.dispose()
    return int(count or 0), [(str(actor), str(kind)) for actor, kind in events]


def _find(window: MainWindow, qtbot: QtBot, typed: str) -> SearchPopup:
    qtbot.keyClick(_focused(window), Qt.Key.Key_F, CTRL)
    popup = window.findChild(SearchPopup)
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert QApplication.focusWidget() is popup.field
    qtbot.keyClicks(popup.field, typed)
    return popup


def test_an_operator_finds_a_closed_case_as_the_caller_reads_it_and_logs_a_status_call(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    request_id, reference = _case(demo_pg_url, "closed")
    _prefix, year, sequence = reference.split("-")
    spoken = f"{year} {int(sequence)}"  # "BOS-26-000123" read aloud as "26 123"
    window = open_demo_window(
        demo_pg_url, "operator1", runner, qtbot, tmp_path, size=(1280, 720), with_maps=False
    )
    popup = _find(window, qtbot, spoken)
    qtbot.waitUntil(lambda: bool(popup.model.hits), timeout=WAIT_MS)
    first = popup.model.hits[0]
    assert (first.reference, str(first.why)) == (reference, "reference")
    assert popup.model.index(0, 2).data() == "Closed"  # the status in words

    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)
    qtbot.waitUntil(
        lambda: case.detail is not None and case.detail.record.state.id == request_id,
        timeout=WAIT_MS,
    )
    assert not popup.isVisible()
    assert window.ui.screens.currentWidget() is case

    height = window.height()
    qtbot.keyClick(_focused(window), Qt.Key.Key_F6)
    call = case.status_call
    assert call.active
    QApplication.processEvents()  # the layout takes the panel in
    assert window.height() == height  # the call fits a 1280x720 screen
    assert window.minimumSizeHint().height() <= height
    sentence = call.sentence.text()
    assert sentence.startswith(f"Your request {reference} about ")
    assert "was received on" in sentence
    assert "It was closed" in sentence
    assert call.calls.text() == "First call about this case"
    assert not call.escalate_button.isVisibleTo(call)

    qtbot.keyClick(_focused(window), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not call.active, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: case.detail is not None and case.detail.record.state.calls_count == 1)
    assert _calls(demo_pg_url, request_id) == (1, [("operator1", "status_call")])
    assert "Status calls: 1" in case.subtitle.text()
    assert "The status call is logged" in case.banner.text.text()


def test_an_operator_may_not_reopen_from_a_status_call_and_is_told_why(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    request_id, _reference = _case(demo_pg_url, "closed")
    window = open_demo_window(demo_pg_url, "operator1", runner, qtbot, tmp_path, with_maps=False)
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)
    case.show_case(request_id)
    qtbot.waitUntil(lambda: case.detail is not None, timeout=WAIT_MS)
    case.start_status_call()
    call = case.status_call
    assert "It was closed" in call.sentence.text()
    assert "it can be reopened" in call.sentence.text()
    assert call.reopen_button.isVisibleTo(call)
    call.reopen_button.click()
    qtbot.waitUntil(lambda: bool(call.message.text()), timeout=WAIT_MS)
    assert "is an operator" in call.message.text()
    assert "reopen" in call.message.text()
    assert call.active  # the call goes on; nothing was saved
    assert _calls(demo_pg_url, request_id) == (0, [])


def test_a_search_that_cannot_run_says_why_in_the_popup(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(
        demo_pg_url, "operator1", runner, qtbot, tmp_path, size=(1280, 720), with_maps=False
    )
    popup = _find(window, qtbot, "pothole")
    popup.filters.dated.setChecked(True)
    popup.filters.opened_to.setDate(popup.filters.opened_from.date().addDays(-3))
    with qtbot.waitSignal(popup.results_shown, timeout=WAIT_MS):
        popup.search_now()
    assert popup.message.text().startswith("The search failed: The first day")
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_the_find_box_filters_and_keys_of_the_search(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path, qtmodeltester: Any
) -> None:
    window = open_demo_window(
        demo_pg_url, "operator1", runner, qtbot, tmp_path, size=(1280, 720), with_maps=False
    )
    box = window.findChild(FindBox)
    assert box is not None and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_P)  # typing in the box goes on in the popup
    popup = window.findChild(SearchPopup)
    assert popup is not None and popup.isVisible()
    qtbot.keyClicks(_focused(window), "othole")
    assert popup.field.text() == "pothole"
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: popup.geometry().right() < 1000)  # it stays inside the window
    with qtbot.waitSignal(popup.results_shown, timeout=WAIT_MS):
        pass
    assert len(popup.model.hits) > 2
    assert all(str(hit.why).startswith("description: ") for hit in popup.model.hits)
    qtmodeltester.check(popup.model)
    assert popup.chosen_request_id() == popup.model.hits[0].request_id
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    qtbot.keyClick(popup.field, Qt.Key.Key_Up)
    assert popup.chosen_request_id() == popup.model.hits[1].request_id

    closed = popup.filters.status.findData("closed")
    with qtbot.waitSignal(popup.results_shown, timeout=WAIT_MS):
        popup.filters.status.setCurrentIndex(closed)
    assert popup.model.hits
    assert {hit.status for hit in popup.model.hits} == {"closed"}
    assert all(hit.closed_at is not None for hit in popup.model.hits)

    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    qtbot.keyClick(_focused(window), Qt.Key.Key_F, CTRL)  # the last search, to type over
    assert popup.isVisible() and popup.field.selectedText() == "pothole"


def test_in_a_status_call_the_caller_follows_a_note_is_added_and_an_admin_reopens(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    request_id, _reference = _case(demo_pg_url, "closed")
    window = open_demo_window(
        demo_pg_url, "admin1", runner, qtbot, tmp_path, size=(1280, 720), with_maps=False
    )
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)
    window.show_panel("case")
    case.show_case(request_id)
    qtbot.waitUntil(lambda: case.detail is not None, timeout=WAIT_MS)
    window.show_shortcuts()
    assert window.shortcut_help is not None
    listed = dict(window.shortcut_help.listed())
    assert listed["F6"].startswith("Start a status call")
    assert listed["Ctrl+Return"] == "End the status call and log it on the case"
    assert listed["Ctrl+F"] == "Find a case"
    window.shortcut_help.close()

    qtbot.keyClick(case, Qt.Key.Key_F6)
    call = case.status_call
    assert call.active
    callers = case.detail.record.callers_count if case.detail else 0
    call.follower.name.setText("Ana Lopes")
    call.follower.phone.setText("617 555 0142")
    call.follower.add_button.click()
    qtbot.waitUntil(lambda: "now follows" in call.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: case.detail is not None and case.detail.record.callers_count == callers + 1,
        timeout=WAIT_MS,
    )
    assert any(c.name == "Ana Lopes" for c in case.detail.record.callers)

    call.note.setText("Says the tree is still blocking the sidewalk")
    call.public.setChecked(True)
    call.note_button.click()
    qtbot.waitUntil(lambda: call.message.text() == "The note is on the case.", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: "“Says the tree is still blocking the sidewalk”" in call.sentence.text(),
        timeout=WAIT_MS,
    )  # a public note is read aloud as the last update

    call.reopen_button.click()
    qtbot.waitUntil(
        lambda: case.detail is not None and case.detail.record.state.status.value == "in_queue",
        timeout=WAIT_MS,
    )
    assert call.message.text() == "The case is reopened and back in its queue."
    assert "It is with " in call.sentence.text()
    assert not call.reopen_button.isVisibleTo(call)
    call.end_button.click()
    qtbot.waitUntil(lambda: not call.active, timeout=WAIT_MS)
    assert _calls(demo_pg_url, request_id) == (1, [("admin1", "status_call")])


def test_an_overdue_case_is_said_overdue_and_escalated_from_the_call(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = make_engine(demo_pg_url)
    try:
        with engine.connect() as connection:
            request_id = connection.execute(
                select(r.id)
                .where(r.status == "in_queue", r.priority == "normal", r.due_at < func.now())
                .order_by(r.id)
                .limit(1)
            ).scalar_one()
    finally:
        engine.dispose()
    window = open_demo_window(demo_pg_url, "admin1", runner, qtbot, tmp_path, with_maps=False)
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)
    case.show_case(request_id)
    qtbot.waitUntil(lambda: case.detail is not None, timeout=WAIT_MS)
    case.start_status_call()
    call = case.status_call
    assert call.sentence.text().endswith(", so it is overdue.")
    assert call.escalate_button.isVisibleTo(call) and not call.reopen_button.isVisibleTo(call)
    call.escalate_button.click()
    qtbot.waitUntil(lambda: call.message.text() == "The case is escalated.", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: case.detail is not None and case.detail.record.state.priority.value == "high",
        timeout=WAIT_MS,
    )
    escalated = [e for e in case.detail.record.timeline if e.kind == "escalated"]
    assert escalated[-1].reason == "A resident called about it and it is overdue."
