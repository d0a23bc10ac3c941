"""Sentences the administration's services compose (a queue's refusal, what was done, the
dashboard's table words) shown in Spanish with the Spanish catalog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from pytestqt.qtbot import QtBot

from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.dashboard.tables import BEYOND, EQUITY_METRICS, SMALL
from operator_console.services.exports.table import Table
from operator_console.ui.admin.queues.dialogs import AddQueueDialog
from operator_console.ui.admin.queues.page import QueuesPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.dashboard.table_model import TableModel
from tests.ui.admin_support import WAIT_MS, administration, open_live_window, seed_small_city
from tests.ui.test_translations import spanish_catalog

__all__ = ["spanish_catalog"]  # the fixture, installed by the tests that name it


def test_a_queue_refusal_and_what_was_done_read_in_spanish(
    sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
    spanish_catalog: QTranslator,
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    admin.show_page("queues")
    page = admin.page("queues")
    assert isinstance(page, QueuesPage)
    qtbot.waitUntil(lambda: page.tree_data.queue("PWD_STREETS") is not None, timeout=WAIT_MS)
    page.select_code("PWD_STREETS")
    page.ask_to_add_team()
    dialog = page.dialog
    assert isinstance(dialog, AddQueueDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("crew"))
    dialog.name.setText("Night crew")
    dialog.code.setText("PWD_STREETS")
    dialog.accept()

    refused = "El código PWD_STREETS ya lo usa Streets (Public Works)."
    qtbot.waitUntil(lambda: refused in dialog.refusal_text(), timeout=WAIT_MS)
    dialog.code.setText("PWD_STREETS_NIGHT")
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    assert page.notice.text() == (
        "Se agregó la cuadrilla Night crew (PWD_STREETS_NIGHT) dentro de Streets (PWD_STREETS)."
    )


def test_the_dashboards_table_words_read_in_spanish(
    qtbot: QtBot, spanish_catalog: QTranslator
) -> None:
    on_time = EQUITY_METRICS[0].label
    model = TableModel()
    interval = QT_TRANSLATE_NOOP("DashboardTables", "%1 to %2").with_values(64.0, 71.1)
    rows = ((BEYOND, 3), (SMALL, 1), (interval, 2))
    model.show_table(Table(on_time, (on_time, "Ward"), rows), [1, 2, 3])

    assert model.table.title == "Proporción a tiempo"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Proporción a tiempo"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Ward"  # a stored name, as it is
    assert model.data(model.index(0, 0)) == "sí"
    assert model.data(model.index(1, 0)) == "pequeño: pocos casos"
    assert model.data(model.index(2, 0)) == "64,0 a 71,1"  # the locale's decimal comma, digits kept
