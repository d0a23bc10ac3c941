"""SLA and status never rely on colour alone: a coloured cell says in words what it shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.queues.request_columns import RequestColumnsModel
from tests.ui.screen_support import open_demo_window

COLOURED = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole)
SLA_WORDS = {"at_risk": "at risk", "breached": "late"}


def _coloured_cells(model: QAbstractItemModel, where: str) -> tuple[int, list[str]]:
    """How many cells of `model` are coloured, and those whose words say nothing or do not
    name the SLA state their colour shows."""
    seen, silent = 0, []
    for row in range(min(model.rowCount(), 200)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if all(index.data(role) is None for role in COLOURED):
                continue
            seen += 1
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "").strip()
            if not text:
                silent.append(f"{where} row {row} column {column}: no words")
            if isinstance(model, RequestColumnsModel) and model.columns.keys[column] == "due_at":
                state = model.sla_state(model.row_at(row))
                if state in SLA_WORDS:
                    seen += 1000  # an SLA state shown by colour, counted apart
                if state in SLA_WORDS and SLA_WORDS[state] not in text:
                    silent.append(f"{where} row {row}: {state} shown as {text!r}")
    return seen, silent


def test_every_coloured_cell_says_what_its_colour_means(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, (1280, 720))
    seen, silent = 0, []
    for name, panel in window.panels().items():
        window.show_panel(name)
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
        for view in panel.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            count, found = _coloured_cells(model, f"{name}/{view.objectName()}")
            seen += count
            silent += found
    assert seen >= 1000, "no late or at-risk case shown"
    assert not silent, "\n".join(silent)
