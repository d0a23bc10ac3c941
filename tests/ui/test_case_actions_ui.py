"""The case screen's actions on real PostgreSQL: resolve, priority, stale writes, duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_session
from operator_console.domain.lifecycle import Priority, Status
from operator_console.services.cases.commands import CaseRef, ChangePriority
from operator_console.services.cases.options import resolve_reasons
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.storage.db.tables import service_requests
from operator_console.ui.cases.action_dialogs import CaseReassignDialog, ReasonDialog, ResolveDialog
from operator_console.ui.cases.actions_bar import CaseActionsBar
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.cases.mark_duplicate_dialog import MarkDuplicateDialog
from operator_console.ui.cases.reroute_dialog import RerouteDialog
from operator_console.ui.common.background import BackgroundRunner
from tests.support.duplicates import (
    ANA,
    BEN,
    HARBOR,
    events,
    follower_ids,
    offset,
    request_row,
    submit_call,
)

WAIT_MS = 15_000
SUPERVISOR = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
DISPATCHER = StaffIdentity("dispatcher1", "Denise Walsh", "dispatcher")
OPERATOR = StaffIdentity("operator1", "Maria Alvarez", "operator")
ADMIN = StaffIdentity("admin1", "Sam Okafor", "admin")
r = service_requests.c
NOTE = "Replaced the lamp; checked it at dusk."


@dataclass
class Console:
    """One console on the test database: its session and the engine under it."""

    session: ConsoleSession
    engine: Engine


@pytest.fixture
def consoles(demo_pg_url: str) -> Iterator[dict[str, Console]]:
    """A supervisor's, a dispatcher's, an operator's and an admin's console, each with its own
    engine."""
    opened = {}
    for staff in (SUPERVISOR, DISPATCHER, OPERATOR, ADMIN):
        settings = Settings(demo_pg_url, False, staff.login, None, "test")
        database = open_for_console(settings).database
        opened[staff.role] = Console(build_session(database, staff), database.engine)
    yield opened
    for console in opened.values():
        console.engine.dispose()


def _open_case(engine: Engine) -> int:
    """An open, unmerged demo case at normal priority, waiting in a queue."""
    waiting = (r.status == "in_queue", r.priority == "normal", r.parent_id.is_(None))
    with engine.connect() as connection:
        found = connection.execute(select(r.id).where(*waiting).order_by(r.id).limit(1))
        return int(found.scalar_one())


def _panel(
    console: Console, runner: BackgroundRunner, qtbot: QtBot, request_id: int
) -> CaseDetailPanel:
    panel = CaseDetailPanel(console.session, runner)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT_MS):
        panel.show_case(request_id)
    return panel


def _bar(panel: CaseDetailPanel) -> CaseActionsBar:
    assert panel.actions_bar is not None
    return panel.actions_bar


def _case_screen(
    console: Console, runner: BackgroundRunner, qtbot: QtBot
) -> tuple[Console, int, CaseDetailPanel, CaseActionsBar]:
    """An open demo case on `console`'s case screen, with its action bar."""
    case_id = _open_case(console.engine)
    panel = _panel(console, runner, qtbot, case_id)
    return console, case_id, panel, _bar(panel)


def _ok(dialog: Any) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert isinstance(button, QPushButton)
    return button


def test_resolving_without_a_closure_reason_is_refused_and_the_note_stays(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console, case_id, panel, bar = _case_screen(consoles["supervisor"], runner, qtbot)
    before = request_row(console.engine, case_id)
    assert bar.resolve_button.isEnabled() and not bar.reopen_button.isEnabled()
    bar.resolve_button.click()
    dialog = bar.questions.dialog
    assert isinstance(dialog, ResolveDialog) and dialog.isVisible()
    offered = [dialog.reason.itemData(n) for n in range(1, dialog.reason.count())]
    assert offered == [reason.value for reason in resolve_reasons()]
    dialog.note.setPlainText(NOTE)
    _ok(dialog).click()
    assert dialog.isVisible() and not dialog.refusal.isHidden()
    assert "Choose a closure reason" in dialog.refusal.text()
    assert dialog.note.toPlainText() == NOTE
    assert runner.pending == 0
    assert request_row(console.engine, case_id).version == before.version

    dialog.reason.setCurrentIndex(dialog.reason.findData("fixed"))
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        _ok(dialog).click()
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.version > before.version,
        timeout=WAIT_MS,
    )
    after = request_row(console.engine, case_id)
    assert (after.status, after.closure_reason, after.closure_note) == ("resolved", "fixed", NOTE)
    assert bar.reopen_button.isEnabled() and bar.close_button.isEnabled()
    assert not bar.resolve_button.isEnabled() and not bar.start_button.isEnabled()
    assert "reopen it" in bar.reassign_button.toolTip()

    bar.reopen_button.click()  # reopening asks why
    reopen = bar.questions.dialog
    assert isinstance(reopen, ReasonDialog)
    reopen.reason.setText("Resident says the lamp is out again")
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        _ok(reopen).click()
    assert request_row(console.engine, case_id).status == "in_queue"


def test_a_dispatcher_is_offered_only_what_the_role_table_allows(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    _, _, _, bar = _case_screen(consoles["dispatcher"], runner, qtbot)
    offered = [bar.reassign_button, bar.start_button, bar.move_button]
    withheld = [
        bar.priority_button,
        bar.escalate_button,
        bar.resolve_button,
        bar.close_button,
        bar.reopen_button,
        bar.reroute_button,
        bar.duplicate_button,
    ]
    assert all(button.isVisible() for button in offered)
    assert not any(button.isVisible() for button in withheld)


def test_reassign_then_start_work_from_the_case_screen(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console, case_id, panel, bar = _case_screen(consoles["dispatcher"], runner, qtbot)
    assert not bar.start_button.isHidden() and bar.start_button.isEnabled()
    assert not bar.move_actions[Status.ASSIGNED].isEnabled()  # nobody to be assigned to yet
    bar.reassign_button.click()
    qtbot.waitUntil(lambda: bar.questions.dialog is not None, timeout=WAIT_MS)
    dialog = bar.questions.dialog
    assert isinstance(dialog, CaseReassignDialog)
    dialog.person.setCurrentIndex(dialog.person.findData("dispatcher2"))
    _ok(dialog).click()
    assert dialog.isVisible() and "Say why" in dialog.refusal.text()
    dialog.reason.setText("Marcus covers Brighton today")
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: "Marcus Johnson" in panel.details.toPlainText(), timeout=WAIT_MS)
    assert request_row(console.engine, case_id).status == "assigned"
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        bar.start_button.click()
    qtbot.waitUntil(lambda: "In progress" in panel.subtitle.text(), timeout=WAIT_MS)
    assert request_row(console.engine, case_id).status == "in_progress"
    assert bar.move_actions[Status.ASSIGNED].isEnabled()


def test_a_priority_change_shows_in_the_timeline(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console, case_id, panel, bar = _case_screen(consoles["supervisor"], runner, qtbot)
    changes: list[Any] = []
    panel.changes_made.connect(changes.append)
    assert not bar.priority_actions[Priority.NORMAL].isEnabled()
    bar.priority_actions[Priority.HIGH].trigger()
    dialog = bar.questions.dialog
    assert isinstance(dialog, ReasonDialog)
    _ok(dialog).click()  # no reason yet: refused at the dialog
    assert dialog.isVisible() and "Say why" in dialog.refusal.text()
    dialog.reason.setText("Next to a school entrance")
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: "changed its priority" in panel.timeline.toPlainText(), timeout=WAIT_MS)
    timeline = panel.timeline.toPlainText()
    assert "Patricia Chen changed its priority (priority: Normal -> High)" in timeline
    assert "Next to a school entrance" in timeline
    assert "High priority" in panel.subtitle.text() and bar.priority_button.text().endswith("High")
    assert request_row(console.engine, case_id).priority == "high"
    assert [c.request_id for c in changes[0].changes] == [case_id]


def test_a_stale_action_shows_what_changed_and_writes_nothing(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console, case_id, panel, bar = _case_screen(consoles["supervisor"], runner, qtbot)
    seen = request_row(console.engine, case_id)
    other_desk = consoles["admin"].session.case_desk  # another console, its own engine
    seen_ref = CaseRef(case_id, seen.version)
    other_desk.change_priority(ChangePriority((seen_ref,), Priority.LOW, "Quiet street"))
    events_before = len(events(console.engine, case_id))

    bar.escalate_button.click()
    dialog = bar.questions.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setText("Resident called again")
    with qtbot.waitSignal(panel.action_runner.stale_found, timeout=WAIT_MS) as stale:
        _ok(dialog).click()
    assert "Sam Okafor changed its priority (priority: normal -> low)" in stale.args[0]
    assert "Nothing was saved" in stale.args[0]
    assert not panel.banner.isHidden()
    assert "Sam Okafor changed its priority" in panel.banner.text.text()
    assert not panel.banner.retry_button.isHidden()
    now = request_row(console.engine, case_id)
    assert (now.version, now.priority) == (seen.version + 1, "low")
    assert len(events(console.engine, case_id)) == events_before
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.version == now.version,
        timeout=WAIT_MS,
    )
    assert "Low priority" in panel.subtitle.text()

    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        panel.banner.retry_button.click()  # on the case as it is now: low -> normal
    assert request_row(console.engine, case_id).priority == "normal"
    assert panel.banner.isHidden()


def test_marking_a_duplicate_from_the_dialog_links_both_cases(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console = consoles["supervisor"]
    engine = console.engine
    parent = submit_call(engine, ANA, *HARBOR)
    child = submit_call(engine, BEN, *offset(*HARBOR, north_m=40))
    ben = follower_ids(engine, child.request_id)
    panel = _panel(console, runner, qtbot, child.request_id)
    bar = _bar(panel)
    bar.duplicate_button.click()
    dialog = bar.questions.dialog
    assert isinstance(dialog, MarkDuplicateDialog)
    qtbot.waitUntil(lambda: bool(dialog.candidates), timeout=WAIT_MS)
    assert parent.reference in [c.reference for c in dialog.candidates]
    _ok(dialog).click()
    assert "Choose the case it repeats" in dialog.refusal.text()
    dialog.choose(parent.request_id)
    dialog.reason.setText("Same grey van, same spot")

    # Someone changes the case meanwhile: the dialog says so and saves nothing.
    seen = CaseRef(child.request_id, request_row(engine, child.request_id).version)
    other_desk = consoles["admin"].session.case_desk
    other_desk.change_priority(ChangePriority((seen,), Priority.HIGH, "Blocking the driveway"))
    with qtbot.waitSignal(dialog.stale_found, timeout=WAIT_MS):
        _ok(dialog).click()
    assert dialog.isVisible() and "changed since it was shown" in dialog.refusal.text()
    assert request_row(engine, child.request_id).status == "in_queue"

    with qtbot.waitSignal(bar.questions.duplicate_marked, timeout=WAIT_MS) as marked:
        _ok(dialog).click()  # as it is now
    assert marked.args[0].parent_reference == parent.reference
    closed = request_row(engine, child.request_id)
    assert (closed.status, closed.closure_reason) == ("closed", "duplicate")
    assert closed.parent_id == parent.request_id
    assert follower_ids(engine, child.request_id) == []
    assert set(ben) <= set(follower_ids(engine, parent.request_id))
    assert request_row(engine, parent.request_id).callers_count == 2
    assert parent.reference in panel.banner.text.text()

    qtbot.waitUntil(lambda: "as a duplicate" in panel.timeline.toPlainText(), timeout=WAIT_MS)
    assert parent.reference in panel.timeline.toPlainText()
    assert parent.reference in panel.details.toPlainText()  # "Duplicate of"
    assert not bar.duplicate_button.isEnabled() and not bar.reopen_button.isEnabled()
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT_MS):
        panel.show_case(parent.request_id)
    assert "linked a duplicate to it" in panel.timeline.toPlainText()
    assert child.reference in panel.timeline.toPlainText()
    assert "Same grey van, same spot" in panel.timeline.toPlainText()


def test_operators_see_the_case_read_only_apart_from_notes(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console = consoles["operator"]
    case_id = _open_case(console.engine)
    panel = _panel(console, runner, qtbot, case_id)
    assert panel.actions_bar is None and not panel.findChildren(CaseActionsBar)
    panel.note.setPlainText("Caller says the light flickers before going out.")
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        panel.add_note_button.click()
    qtbot.waitUntil(lambda: "flickers" in panel.timeline.toPlainText(), timeout=WAIT_MS)
    assert panel.note.toPlainText() == ""
    assert request_row(console.engine, case_id).status == Status.IN_QUEUE.value


def test_reroute_corrects_category_and_address_and_routes_again(
    consoles: dict[str, Console], runner: BackgroundRunner, qtbot: QtBot
) -> None:
    console, case_id, panel, bar = _case_screen(consoles["supervisor"], runner, qtbot)
    before = request_row(console.engine, case_id)
    bar.reroute_button.click()
    qtbot.waitUntil(lambda: isinstance(bar.questions.dialog, RerouteDialog), timeout=WAIT_MS)
    dialog = bar.questions.dialog
    assert isinstance(dialog, RerouteDialog)
    qtbot.keyClicks(dialog.category, "graffiti")
    assert dialog.chosen_service is not None and "Graffiti" in dialog.chosen_service.name
    qtbot.keyClicks(dialog.address, "zzzz nowhere")
    qtbot.waitUntil(lambda: dialog.address_results.count() == 1, timeout=WAIT_MS)
    assert "No address matches" in dialog.address_results.item(0).text()
    dialog.reason.setText("Caller meant the tag on the wall")
    _ok(dialog).click()  # an address typed but none chosen: refused, nothing lost
    assert dialog.isVisible() and "Choose the address" in dialog.refusal.text()
    assert dialog.reason.text() == "Caller meant the tag on the wall"
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "washington st")
    qtbot.waitUntil(lambda: dialog.chosen_address is not None, timeout=WAIT_MS)
    chosen = dialog.chosen_address
    assert chosen is not None
    with qtbot.waitSignal(panel.action_runner.saved, timeout=WAIT_MS):
        _ok(dialog).click()
    after = request_row(console.engine, case_id)
    assert after.service_id != before.service_id and after.address == chosen.label
    assert (after.lat, after.lon) == pytest.approx((chosen.lat, chosen.lon))
    assert after.version == before.version + 1
    assert [kind for kind, _to, _actor in events(console.engine, case_id)].count("rerouted") == 1
    qtbot.waitUntil(lambda: "Caller meant the tag" in panel.timeline.toPlainText(), timeout=WAIT_MS)
