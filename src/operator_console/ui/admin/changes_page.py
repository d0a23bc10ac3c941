"""The Changes log: the newest changes to the configuration, who made them and when, live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.admin.changes import ChangeLogDesk, ConfigChangeLine
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.formatting import local_time
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_KINDS = {
    "queue_added": QT_TRANSLATE_NOOP("ChangesPage", "Queue added"),
    "queue_changed": QT_TRANSLATE_NOOP("ChangesPage", "Queue changed"),
    "team_added": QT_TRANSLATE_NOOP("ChangesPage", "Team added"),
    "routing_rule_added": QT_TRANSLATE_NOOP("ChangesPage", "Routing rule added"),
    "routing_rule_changed": QT_TRANSLATE_NOOP("ChangesPage", "Routing rule changed"),
    "routing_rule_removed": QT_TRANSLATE_NOOP("ChangesPage", "Routing rule removed"),
    "sla_policy_added": QT_TRANSLATE_NOOP("ChangesPage", "SLA policy added"),
    "sla_policy_changed": QT_TRANSLATE_NOOP("ChangesPage", "SLA policy changed"),
    "calendar_changed": QT_TRANSLATE_NOOP("ChangesPage", "Calendar changed"),
    "closure_declared": QT_TRANSLATE_NOOP("ChangesPage", "Closure declared"),
    "closure_removed": QT_TRANSLATE_NOOP("ChangesPage", "Closure removed"),
    "city_settings_changed": QT_TRANSLATE_NOOP("ChangesPage", "City settings changed"),
    "city_loaded": QT_TRANSLATE_NOOP("ChangesPage", "City loaded"),
    "history_imported": QT_TRANSLATE_NOOP("ChangesPage", "History imported"),
}


def kind_label(kind: str) -> str:
    """'queue_added' as a person reads it, in the console's language: 'Queue added' (a kind
    this console does not know: its words as they are)."""
    known = _KINDS.get(kind)
    if known:
        return QCoreApplication.translate("ChangesPage", known)
    return kind.replace("_", " ").capitalize()


class ChangesPage(QWidget):
    """A table of the newest config_events, newest first, read again on every change."""

    def __init__(
        self,
        desk: ChangeLogDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        time_zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changesPage")
        self._desk = desk
        self._runner = runner
        self._time_zone = time_zone
        self.lines: list[ConfigChangeLine] = []
        self._read = False
        title = QLabel(self.tr("Changes"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        explanation = QLabel(
            self.tr(
                "Every change to the configuration, from any console, a city load or an "
                "import; the newest first."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.problem = ProblemLine(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("changesTable")
        self.table.setAccessibleName(self.tr("Configuration changes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        config_bus.changed.connect(lambda _kind: self.refresh())

    def refresh(self) -> None:
        """Read the newest changes again."""
        self._runner.submit_latest(
            "changes",
            self._desk.newest,
            self._show,
            lambda error: self.problem.report_error(
                "changes",
                self.tr("Could not read the changes: %1"),
                error,
                self.refresh,
                (NotPermittedError,),
            ),
            owner=self,
        )

    def loaded(self) -> bool:
        """Whether the changes have been read."""
        return self._read

    def _show(self, lines: list[ConfigChangeLine]) -> None:
        self.problem.resolve("changes")
        self._read = True
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            detail = line.detail or line.subject
            cells = (
                local_time(line.at, self._time_zone),
                line.actor,
                kind_label(line.kind),
                detail,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(detail if column == 3 else text)
                self.table.setItem(row, column, item)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
