"""The dashboard's exports on the demo city: every table to CSV and to an XLSX workbook, the
dashboard to PNG and to a two-page PDF with its period and filters, each read back."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.exports.table import Table
from operator_console.services.exports.writers import write_csv, write_xlsx
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.dashboard.panel import DashboardPanel
from tests.ui.window_support import delete_maps

WAIT_MS = 30_000


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _sheet_cell(value: object) -> object:
    """A cell as a workbook gives it back: an empty cell is None, numbers stay numbers."""
    if value is None or value == "":
        return None
    return _cell(value) if isinstance(value, bool) else value


def _panel(url: str, qtbot: QtBot, runner: BackgroundRunner, drafts: Path) -> DashboardPanel:
    opened = open_for_console(Settings(url, False, "supervisor1", None, "test"))
    assert opened.staff is not None
    window = build_main_window(build_session(opened.database, opened.staff), runner, drafts)
    qtbot.addWidget(window, before_close_func=delete_maps)
    window.resize(1280, 720)
    window.show_panel("dashboard")
    window.show()
    panel = window.panels()["dashboard"]
    assert isinstance(panel, DashboardPanel)
    qtbot.waitUntil(panel.loaded, timeout=WAIT_MS)
    return panel


def test_every_table_goes_to_csv_and_xlsx_and_reads_back(
    demo_sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    panel = _panel(demo_sqlite_url, qtbot, runner, tmp_path / "drafts")
    panel.filters.channel.setCurrentIndex(panel.filters.channel.findData("phone"))
    qtbot.waitUntil(lambda: panel.loaded() and panel.figures is not None, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: (
            panel.figures is not None and panel.figures.by_queue.query.chosen.channel == "phone"
        ),
        timeout=WAIT_MS,
    )
    tables = panel.tables()
    assert [t.title for t in tables][:3] == [
        "Volume by day",
        "SLA compliance by queue",
        "Time to assign and resolve by queue",
    ]
    assert tables[3].title == "On-time share by ward"
    folder = tmp_path / "csv"
    folder.mkdir()
    written = panel.export_csv(folder)
    assert [p.name for p in written] == [
        "volume-by-day.csv",
        "sla-compliance-by-queue.csv",
        "time-to-assign-and-resolve-by-queue.csv",
        "on-time-share-by-ward.csv",
    ]
    described = panel.filters.described()
    assert described[1] == "Filters: Phone"
    for table, path in zip(tables, written, strict=True):
        with path.open(newline="", encoding="utf-8-sig") as file:
            rows = list(csv.reader(file))
        assert rows[: len(described)] == [[line] for line in described]
        assert rows[len(described)] == list(table.header)
        assert rows[len(described) + 1 :] == [[_cell(c) for c in row] for row in table.rows]

    workbook = tmp_path / "dashboard.xlsx"
    panel.export_xlsx(workbook)
    book = load_workbook(workbook, read_only=True)
    assert len(book.sheetnames) == len(tables)
    for table, name in zip(tables, book.sheetnames, strict=True):
        values = [list(row) for row in book[name].iter_rows(values_only=True)]
        assert values[0][0] == table.title
        assert [v[0] for v in values[1 : 1 + len(described)]] == described
        assert tuple(values[1 + len(described)]) == table.header
        body = values[2 + len(described) :]
        assert body == [[_sheet_cell(c) for c in row] for row in table.rows]
    book.close()


def test_the_writers_refuse_what_cannot_be_written(tmp_path: Path) -> None:
    table = Table("Queues: A/B [draft]", ("Queue", "Cases"), (("A", 3), ("B", None)))
    write_csv(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "Queue,Cases",
        "A,3",
        "B,",
    ]
    write_xlsx([table, table], tmp_path / "t.xlsx")
    assert load_workbook(tmp_path / "t.xlsx").sheetnames == [
        "Queues  A B  draft",
        "Queues  A B  draft (2)",
    ]
    try:
        Table("Bad", ("one", "two"), (("only one",),))
    except ValueError as exc:
        assert str(exc) == "table 'Bad': row 1 has 1 cells for 2 columns"
    else:
        raise AssertionError("a short row was accepted")


def test_the_dashboard_goes_to_png_and_pdf_with_its_filters(
    demo_sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    panel = _panel(demo_sqlite_url, qtbot, runner, tmp_path / "drafts")
    png = tmp_path / "dashboard.png"
    panel.export_png(png)
    picture = QImage(str(png))
    assert not picture.isNull() and picture.width() == panel.width()

    pdf = tmp_path / "dashboard.pdf"
    panel.export_pdf(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages == 2
    document = QPdfDocument()
    document.load(str(pdf))
    assert document.pageCount() == 2
    text = document.getAllText(0).text()
    assert "Dashboard" in text
    assert "Period: " in text and "Filters: none (every request)" in text
    document.close()
