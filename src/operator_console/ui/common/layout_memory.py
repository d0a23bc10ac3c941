"""Remembers one person's splitter positions and column widths, screen by screen."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QByteArray, QObject, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from operator_console.ui.common.preferences import person_group, preferences
from operator_console.ui.common.table_columns import TableColumns

_log = logging.getLogger(__name__)


class LayoutMemory(QObject):
    """Restores what `login` arranged on each screen and saves every change they make.

    Kept: each named `QSplitter` (its position) and each `TableColumns` (the widths the person
    chose) inside a screen, under `people/<login>/<screen>/<object name>` in the preferences.
    """

    def __init__(
        self, login: str, settings: QSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else preferences()
        self._group = person_group(login)

    def keep(self, screen: QWidget, name: str) -> None:
        """Restore the splitters and columns of `screen` and save them as they change."""
        for splitter in screen.findChildren(QSplitter):
            if splitter.objectName():
                self._keep_splitter(splitter, f"{self._group}/{name}/{splitter.objectName()}")
        for columns in screen.findChildren(TableColumns):
            if columns.objectName():
                self._keep_columns(columns, f"{self._group}/{name}/{columns.objectName()}")

    def _keep_splitter(self, splitter: QSplitter, key: str) -> None:
        state = self._settings.value(f"{key}/splitter")
        if isinstance(state, QByteArray) and not splitter.restoreState(state):
            _log.warning("%s: the saved splitter position was not usable", key)
        splitter.splitterMoved.connect(
            lambda _position, _index: self._settings.setValue(
                f"{key}/splitter", splitter.saveState()
            )
        )

    def _keep_columns(self, columns: TableColumns, key: str) -> None:
        saved = self._settings.value(f"{key}/columns")
        if isinstance(saved, str) and saved:
            try:
                widths = json.loads(saved)
            except ValueError as exc:
                _log.warning("%s: saved column widths not readable (%s)", key, exc)
            else:
                if isinstance(widths, dict):
                    columns.restore(widths)
        columns.changed.connect(
            lambda: self._settings.setValue(f"{key}/columns", json.dumps(columns.user_widths()))
        )
