"""At 150 % (1280 x 720 logical pixels on a 1920 x 1080 screen) no label is cut short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.screen_support import open_demo_window

ROLES = {"operator": "operator1", "admin": "admin1"}


def clipped_labels(root: QWidget) -> list[str]:
    """Shown one-line labels of `root` whose text needs more width than they were given."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text().strip():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        needed = label.minimumSizeHint().width()
        if needed > label.width() + 1:
            name = label.objectName() or label.text()[:40]
            cut.append(f"{name!r}: needs {needed}, has {label.width()}")
    return cut


@pytest.fixture(params=[1.0, 1.25], ids=["system-font", "large-font"])
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The system's font, or one a quarter larger (a person's large-font setting)."""
    usual = QFont(qapp.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * request.param)
    qapp.setFont(larger)
    yield request.param
    qapp.setFont(usual)


@pytest.mark.parametrize("role", list(ROLES))
def test_no_label_is_cut_short_on_any_screen(
    role: str,
    font_scale: float,
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window = open_demo_window(demo_sqlite_url, ROLES[role], runner, qtbot, tmp_path, (1280, 720))
    problems: list[str] = []
    for name, panel in window.panels().items():
        window.show_panel(name)
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        problems += [f"{role}/{name}: {cut}" for cut in clipped_labels(panel)]
    problems += [f"{role}/status bar: {cut}" for cut in clipped_labels(window.statusBar())]
    assert not problems, "\n".join(problems)
