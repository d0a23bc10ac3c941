"""The alert list: live, acknowledged with Enter or the button, a double-click opens the case."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.escalation.alerts import AlertDesk, OpenAlerts
from operator_console.ui.alerts.model import AlertsModel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import whole_number
from operator_console.ui.common.problem_line import ProblemLine


class AlertsPanel(QWidget):
    """The open alerts of the person's departments, read again whenever any console raises or
    acknowledges one (`on_alerts_changed`).

    Signals:
        case_opened: the request id of the alert opened.
        count_changed: how many alerts are open now (all of them, not only those listed).
    """

    case_opened = Signal(int)
    count_changed = Signal(int)

    def __init__(
        self,
        desk: AlertDesk,
        runner: BackgroundRunner,
        time_zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self._desk = desk
        self._runner = runner
        self.model = AlertsModel(time_zone)
        self.total = 0
        self.table = QTableView(self)
        self.table.setObjectName("alertsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)
        self.empty = QLabel(self.tr("No open alert: nothing crossed its at-risk or due time."))
        self.more = QLabel(self)
        self.more.setObjectName("alertsMore")
        self.more.hide()
        self.problem = ProblemLine(self)
        self.acknowledge_button = QPushButton(self.tr("&Acknowledge"), self)
        self.acknowledge_button.setToolTip(self.tr("Acknowledge the chosen alert (Enter)"))
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self._show(OpenAlerts([], 0))

    def reload(self) -> None:
        """Read the open alerts again, off the Qt thread (the newest read wins)."""
        self._runner.submit_latest(
            "alerts", self._desk.open_list, self._show, self._read_failed, owner=self
        )

    def on_alerts_changed(self, _kind: str) -> None:
        self.reload()

    def acknowledge_current(self) -> None:
        alert = self.model.alert_at(self.table.currentIndex().row())
        if alert is None:
            return
        alert_id = alert.id
        self._runner.submit(
            lambda: self._desk.acknowledge(alert_id, datetime.now(UTC)),
            lambda _done: self.reload(),
            self._acknowledge_failed,
            owner=self,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.acknowledge_current()
            return True
        return super().eventFilter(watched, event)

    def _open(self, row: int) -> None:
        alert = self.model.alert_at(row)
        if alert is not None:
            self.case_opened.emit(alert.request_id)

    def _show(self, shown: OpenAlerts) -> None:
        alerts = shown.alerts
        current = self.model.alert_at(self.table.currentIndex().row())
        self.model.show(alerts)
        self.problem.resolve("alerts")
        if alerts:
            row = self.model.row_of(current.id) if current is not None else -1
            self.table.selectRow(max(row, 0))
        self.empty.setVisible(not alerts)
        self.table.setVisible(bool(alerts))
        self.acknowledge_button.setEnabled(bool(alerts))
        self.open_button.setEnabled(bool(alerts))
        self.more.setText(
            self.tr("The newest %1 of %2 open alerts.")
            .replace("%1", whole_number(len(alerts)))
            .replace("%2", whole_number(shown.total))
        )
        self.more.setVisible(shown.total > len(alerts))
        self.total = shown.total
        self.count_changed.emit(shown.total)

    def _read_failed(self, error: BaseException) -> None:
        self.problem.report_error(
            "alerts", self.tr("The alerts cannot be read: %1"), error, self.reload
        )

    def _acknowledge_failed(self, error: BaseException) -> None:
        self.problem.report_error(
            "alerts", self.tr("The alert was not acknowledged: %1"), error, self.reload
        )
