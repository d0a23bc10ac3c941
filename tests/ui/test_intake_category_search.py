"""Category search on the demo city: ranked by use at this call center, staff-only by role."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from tests.ui.intake_support import open_intake


def listed(qtbot: QtBot, panel: IntakePanel, typed: str) -> list[str]:
    """Type `typed` into the category search; the codes of the services listed, in order."""
    search, results = panel.ui.categorySearch, panel.ui.categoryResults
    search.clear()
    search.setFocus()
    qtbot.keyClicks(search, typed)
    return [str(results.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(results.count())]


def test_an_operator_is_not_offered_staff_only_services(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path, login="operator1")
    assert listed(qtbot, panel, "pothole") == ["bwsc-pothole"]
    results = panel.ui.categoryResults
    for typed in ("trash", "sidewalk", "recycling", "street light"):
        listed(qtbot, panel, typed)
        labels = [results.item(row).text() for row in range(results.count())]
        assert labels and not any("staff only" in label for label in labels), typed


def test_a_supervisor_gets_the_service_this_call_center_uses_most_first(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path, login="supervisor1")
    assert listed(qtbot, panel, "pothole")[:2] == ["pothole-repair-internal", "bwsc-pothole"]
    qtbot.keyClick(panel.ui.categorySearch, Qt.Key.Key_Return)
    assert panel.fields.service_code == "pothole-repair-internal"
    assert "staff only" in panel.ui.categoryChosen.text()
