"""The Work lists tab: my cases beside my saved searches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from operator_console.services.changes import ChangeBatch
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.session import ConsoleSession
from operator_console.services.worklists.desk import WorklistDesk
from operator_console.ui.common.alt_key import alt_key
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.worklists.my_cases import MyCasesSection
from operator_console.ui.worklists.saved_searches import CurrentQuery, SavedSearchesSection


class WorklistsPanel(QWidget):
    """My cases on the left, my saved searches and the cases the open one finds on the right.
    Both follow the change feed; the saved searches are read again each time the tab is shown
    (a search a supervisor shares at another console appears then).

    Signals:
        case_opened(int): the id of a case to open.
    """

    case_opened = Signal(int)

    def __init__(
        self,
        session: ConsoleSession,
        desk: WorklistDesk,
        search: CaseSearch,
        runner: BackgroundRunner,
        current_query: CurrentQuery,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.desk = desk
        self.runner = runner
        self.problem = ProblemLine(self)
        self.my_cases = MyCasesSection(
            desk, session.requests, runner, session.time_zone, self.problem, self
        )
        self.saved = SavedSearchesSection(
            desk.saved, search, runner, session.time_zone, self.problem, current_query, self
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("worklistsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.my_cases)
        splitter.addWidget(self.saved)
        splitter.setStretchFactor(0, 6)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([6000, 5000])  # shared in this proportion whatever the width
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        self.my_cases.case_opened.connect(self.case_opened)
        self.saved.case_opened.connect(self.case_opened)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            (alt_key(self.my_cases.open_title.text()), self.tr("Go to my open cases")),
            (
                alt_key(self.my_cases.closed_title.text()),
                self.tr("Go to my resolved and closed cases"),
            ),
            (alt_key(self.saved.title.text()), self.tr("Go to the saved searches")),
            ("Return", self.tr("Open the case, or run the saved search, that is chosen")),
            ("Ctrl+Shift+S", self.tr("Save the search in Find a case under a name")),
            ("Delete", self.tr("Delete the chosen saved search (your own)")),
        ]

    def refresh(self) -> None:
        self.my_cases.refresh()
        self.saved.reload()

    def on_requests_changed(self, batch: ChangeBatch) -> None:
        self.my_cases.on_requests_changed(batch)
        self.saved.on_requests_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.saved.reload()
