"""The reassign dialog's queue picker: grouped by department, found by typing, keyboard only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from operator_console.services.queues.directory import Choice, FilterChoices, QueueSummary
from operator_console.ui.cases.queue_picker import CODE_ROLE
from operator_console.ui.cases.reassign_dialog import ReassignDialog

QUEUES = [
    QueueSummary(1, "Parks Maintenance", "Parks", "queue", code="PARKS"),
    QueueSummary(2, "Tree Crew", "Parks", "crew", code="PARKS_TREES"),
    QueueSummary(3, "Highway Maintenance", "Public Works", "queue", code="PWD_HWY"),
    QueueSummary(4, "Street Lights", "Public Works", "queue", code="PWD_LIGHTS"),
    QueueSummary(5, "Sidewalk Team", "Public Works", "team", code="PWD_WALKS"),
    QueueSummary(6, "Parking Enforcement", "Transportation", "queue", code="BTD_PARKING"),
    QueueSummary(7, "Signal Maintenance", "Transportation", "queue", code="BTD_SIGNALS"),
]
CHOICES = FilterChoices(assignee_logins=(Choice("dispatcher1", "Denise Walsh"),))


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[ReassignDialog]:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = ReassignDialog(QUEUES, CHOICES, 3, parent)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _shown(dialog: ReassignDialog) -> dict[str, list[str]]:
    """Department headings as shown, each with the queues shown under it."""
    model, found = dialog.queue.proxy, {}
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        children = [model.index(n, 0, heading).data() for n in range(model.rowCount(heading))]
        found[heading.data()] = children
    return found


def _chosen(dialog: ReassignDialog) -> QModelIndex:
    return dialog.queue.tree.selectionModel().selectedIndexes()[0]


def test_queues_are_grouped_under_their_department(dialog: ReassignDialog) -> None:
    assert _shown(dialog) == {
        "Keep each case's queue": [],
        "Parks": ["Parks Maintenance", "Tree Crew (crew)"],
        "Public Works": ["Highway Maintenance", "Street Lights", "Sidewalk Team (team)"],
        "Transportation": ["Parking Enforcement", "Signal Maintenance"],
    }
    heading = dialog.queue.proxy.index(1, 0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable  # a heading is not a choice
    assert dialog.queue.has_choice() and dialog.queue.currentData() is None  # keep, at first
    assert dialog.focusWidget() is dialog.queue.filter  # typing searches at once


def test_typing_narrows_to_every_word_and_chooses_the_first_queue(
    dialog: ReassignDialog, qtbot: QtBot
) -> None:
    qtbot.keyClicks(dialog.queue.filter, "maint")
    assert _shown(dialog) == {
        "Parks": ["Parks Maintenance"],
        "Public Works": ["Highway Maintenance"],
        "Transportation": ["Signal Maintenance"],
    }
    assert dialog.queue.currentData() == "PARKS"
    dialog.queue.filter.clear()
    qtbot.keyClicks(dialog.queue.filter, "works LIGHT")  # department and queue, any case
    assert _shown(dialog) == {"Public Works": ["Street Lights"]}
    assert dialog.queue.currentData() == "PWD_LIGHTS"
    dialog.queue.filter.clear()
    qtbot.keyClicks(dialog.queue.filter, "transportation")  # a department brings its queues
    assert _shown(dialog) == {"Transportation": ["Parking Enforcement", "Signal Maintenance"]}
    dialog.queue.filter.clear()
    qtbot.keyClicks(dialog.queue.filter, "crew")
    assert dialog.queue.currentData() == "PARKS_TREES"


def test_arrow_keys_from_the_filter_step_over_department_headings(
    dialog: ReassignDialog, qtbot: QtBot
) -> None:
    qtbot.keyClicks(dialog.queue.filter, "maint")
    codes = [dialog.queue.currentData()]
    for _ in range(3):
        qtbot.keyClick(dialog.queue.filter, Qt.Key.Key_Down)
        codes.append(dialog.queue.currentData())
    assert codes == ["PARKS", "PWD_HWY", "BTD_SIGNALS", "BTD_SIGNALS"]
    qtbot.keyClick(dialog.queue.filter, Qt.Key.Key_Up)
    assert dialog.queue.currentData() == "PWD_HWY"
    assert _chosen(dialog).data(CODE_ROLE) == "PWD_HWY"
    assert dialog.queue.filter.text() == "maint" and dialog.queue.filter.hasFocus()


def test_enter_reassigns_to_the_queue_found(dialog: ReassignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.queue.filter, "signal")
    dialog.reason.setText("Signals handle it")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.queue.filter, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.queue.currentData() == "BTD_SIGNALS"


def test_nothing_found_is_said_and_ok_is_refused(dialog: ReassignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.queue.filter, "zzz")
    assert _shown(dialog) == {}
    assert not dialog.queue.nothing.isHidden() and "zzz" in dialog.queue.nothing.text()
    assert not dialog.queue.has_choice()
    dialog.reason.setText("Somewhere")
    dialog.accept()
    assert dialog.isVisible() and "Choose a queue" in dialog.refusal.text()
    assert dialog.queue.filter.text() == "zzz" and dialog.reason.text() == "Somewhere"
    dialog.queue.filter.clear()
    assert dialog.queue.currentData() is None and dialog.queue.has_choice()  # keep, again
    dialog.accept()
    assert dialog.isVisible() and "a person, or both" in dialog.refusal.text()
