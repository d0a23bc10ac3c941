"""Tables keep reference, category, address and queue readable, share a wide screen's width,
and keep the widths a person chose, for that person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTableView
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.table_columns import TableColumns
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.screen_support import open_demo_window

_MARGIN = 8  # a cell's own padding around its text (as the table's delegate draws it)


def _shown_requests(window: MainWindow, qtbot: QtBot) -> tuple[QTableView, TableColumns]:
    window.show_panel("requests")
    panel: Any = window.panels()["requests"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 200, timeout=20000)
    return panel.ui.requestTable, panel.columns


def _width(table: QTableView, columns: TableColumns, key: str) -> int:
    return table.columnWidth(columns.column_of(key))


def _texts_cut(table: QTableView, columns: TableColumns, key: str) -> list[str]:
    """The texts of `key` in the loaded rows that do not fit their column whole."""
    model, column = table.model(), columns.column_of(key)
    width = table.columnWidth(column) - (1 if table.showGrid() else 0)
    cells = [model.index(row, column) for row in range(model.rowCount())]
    return [str(cell.data()) for cell in cells if table.sizeHintForIndex(cell).width() > width]


def test_a_wide_screen_is_shared_by_the_text_columns(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    size = (1920, 1080)
    window = open_demo_window(demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, size, False)
    table, columns = _shown_requests(window, qtbot)
    qtbot.waitUntil(lambda: table.horizontalHeader().length() == table.viewport().width())
    for key in ("service", "address", "queue"):
        assert _width(table, columns, key) > columns.readable_width(key) + 100, key
    for key in ("reference", "service", "queue"):
        assert not _texts_cut(table, columns, key), key
    header = table.horizontalHeader()
    for column in range(header.count()):  # every heading whole
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_small_screen_keeps_text_readable(
    size: tuple[int, int],
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window = open_demo_window(demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, size, False)
    table, columns = _shown_requests(window, qtbot)
    assert not _texts_cut(table, columns, "reference")
    for key in ("service", "address", "queue"):
        assert _width(table, columns, key) >= columns.readable_width(key), key
    window.show_panel("queues")
    queues: Any = window.panels()["queues"]
    queue_list, list_columns = queues.queue_list, queues.queue_list_columns
    qtbot.waitUntil(lambda: queues.summaries.rowCount() > 100, timeout=20000)
    header = queue_list.horizontalHeader()
    assert header.length() <= queue_list.viewport().width()  # names and counts side by side
    assert _width(queue_list, list_columns, "name") >= list_columns.readable_width("name")
    names = [q.name for q in queues.summaries.summaries()]
    width, metrics = _width(queue_list, list_columns, "name"), queue_list.fontMetrics()
    whole = [name for name in names if metrics.horizontalAdvance(name) + _MARGIN <= width]
    assert len(whole) >= 0.6 * len(names), f"{len(whole)} of {len(names)} queue names whole"


def test_the_widths_a_person_sets_are_theirs(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    size = (1280, 720)
    window = open_demo_window(demo_sqlite_url, "dispatcher1", runner, qtbot, tmp_path, size, False)
    table, columns = _shown_requests(window, qtbot)
    address = columns.column_of("address")
    table.horizontalHeader().resizeSection(address, 480)  # what dragging the divider does
    assert columns.user_widths() == {"address": 480}
    qtbot.waitUntil(lambda: table.horizontalHeader().length() >= table.viewport().width())
    window.close()

    again = open_demo_window(demo_sqlite_url, "dispatcher1", runner, qtbot, tmp_path / "b", size)
    kept_table, kept = _shown_requests(again, qtbot)
    assert kept.user_widths() == {"address": 480}
    assert kept_table.columnWidth(address) == 480
    other = open_demo_window(demo_sqlite_url, "dispatcher2", runner, qtbot, tmp_path / "c", size)
    other_table, other_columns = _shown_requests(other, qtbot)
    assert other_columns.user_widths() == {}
    assert other_table.columnWidth(address) != 480

    kept.forget_user_widths()  # the header's "Fit columns to the window"
    assert kept_table.columnWidth(address) != 480
    fresh = open_demo_window(demo_sqlite_url, "dispatcher1", runner, qtbot, tmp_path / "d", size)
    assert _shown_requests(fresh, qtbot)[1].user_widths() == {}


def test_the_header_menu_fits_the_columns_again(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    size = (1280, 720)
    window = open_demo_window(demo_sqlite_url, "operator1", runner, qtbot, tmp_path, size, False)
    table, columns = _shown_requests(window, qtbot)
    header = table.horizontalHeader()
    header.resizeSection(columns.column_of("service"), 90)
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    header.customContextMenuRequested.emit(header.rect().center())
    qtbot.waitUntil(lambda: any(m.isVisible() for m in header.findChildren(QMenu)))
    menus = [m for m in header.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    fit = menus[0].actions()[0]
    assert fit.text() == "Fit columns to the window"
    fit.trigger()
    menus[0].close()
    assert columns.user_widths() == {}
    assert table.columnWidth(columns.column_of("service")) >= columns.readable_width("service")
