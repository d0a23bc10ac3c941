"""The "Saved searches" section: mine and my departments' shared ones, each reopened live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.search.case_search import CaseSearch
from operator_console.services.search.query import SearchError, SearchHit, SearchQuery
from operator_console.services.worklists.query_document import SavedQueryError
from operator_console.services.worklists.saved_searches import SavedSearch, SavedSearchDesk
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.search.hits_model import HitsModel

RERUN_AT_MOST_EVERY_MS = 2000
"""An open saved search runs again when cases change, at most this often."""
_SPOKEN = (SearchError, SavedQueryError)
_ID = Qt.ItemDataRole.UserRole

CurrentQuery = Callable[[], SearchQuery | None]


class SavedSearchesSection(QWidget):
    """Lists my saved searches, then those shared with my departments; Enter opens one (runs
    it and shows its cases, run again when cases change), Enter on a case opens the case.
    I save the search in the Find a case popup under a name, and rename, share (supervisors)
    or delete my own.

    Signals:
        case_opened(int): the id of a case to open.
        results_shown(int): an opened search's cases are on screen (how many).
        list_shown(int): the saved searches were read and listed (how many).
    """

    case_opened = Signal(int)
    results_shown = Signal(int)
    list_shown = Signal(int)

    def __init__(
        self,
        desk: SavedSearchDesk,
        search: CaseSearch,
        runner: BackgroundRunner,
        time_zone: str,
        problem: ProblemLine,
        current_query: CurrentQuery,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._search = search
        self._runner = runner
        self._problem = problem
        self._current_query = current_query
        self.searches: list[SavedSearch] = []
        self.opened: SavedSearch | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("savedSearches")
        self.list.setAccessibleName(self.tr("Saved searches"))
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.save_button = self._button("saveSearch", self.tr("&Save the current search…"))
        self.rename_button = self._button("renameSearch", self.tr("Re&name…"))
        self.share_button = self._button("shareSearch", self.tr("S&hare…"))
        self.delete_button = self._button("deleteSearch", self.tr("&Delete"))
        self.share_button.setVisible(desk.may_share)
        self.save_button.clicked.connect(self.ask_to_save)
        self.rename_button.clicked.connect(self._ask_to_rename)
        self.share_button.clicked.connect(self._ask_to_share)
        self.delete_button.clicked.connect(self._ask_to_delete)
        self.model = HitsModel(time_zone, self)
        self.results = QTableView(self)
        self.results.setObjectName("savedSearchResults")
        self.results.setAccessibleName(self.tr("Cases the saved search finds"))
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().setVisible(False)
        self.results.setWordWrap(False)
        self.results.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.activated.connect(self._on_result_activated)
        self.message = QLabel(self.tr("Choose a saved search and press Enter."), self)
        self.message.setObjectName("savedSearchMessage")
        self.message.setAccessibleName(self.tr("Saved search status"))
        self.message.setWordWrap(True)
        self.title = QLabel(self.tr("<b>Sa&ved searches</b>"), self)
        self.title.setBuddy(self.list)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.rename_button, self.share_button):
            buttons.addWidget(button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 3)
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(RERUN_AT_MOST_EVERY_MS)
        self._rerun.timeout.connect(self.run_opened)
        self._enable()

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read my saved searches and my departments' shared ones again."""
        self._runner.submit_latest(
            "saved-searches", self._desk.visible, self._show_list, self._on_list_failed, owner=self
        )

    def chosen(self) -> SavedSearch | None:
        row = self.list.currentRow()
        return self.searches[row] if 0 <= row < len(self.searches) else None

    def _show_list(self, searches: list[SavedSearch]) -> None:
        self._problem.resolve("saved-searches")
        previous = self.chosen()
        chosen_id = previous.id if previous else None
        self.searches = searches
        self.list.clear()
        for saved in searches:
            item = QListWidgetItem(self._label(saved), self.list)
            item.setData(_ID, saved.id)
            if saved.id == chosen_id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and searches:
            self.list.setCurrentRow(0)
        self._enable()
        self.list_shown.emit(len(searches))

    def _label(self, saved: SavedSearch) -> str:
        mine = saved.owner_login == self._desk.staff.login
        if mine and saved.shared:
            return (
                self.tr("%1 (shared with %2)")
                .replace("%1", saved.name)
                .replace("%2", saved.department_name or "")
            )
        if mine:
            return saved.name
        return (
            self.tr("%1 (by %2, for %3)")
            .replace("%1", saved.name)
            .replace("%2", saved.owner_login)
            .replace("%3", saved.department_name or "")
        )

    def _on_list_failed(self, error: BaseException) -> None:
        self._problem.report_error(
            "saved-searches",
            self.tr("Could not read the saved searches: %1"),
            error,
            self.reload,
            _SPOKEN,
        )

    def _enable(self) -> None:
        chosen = self.chosen()
        mine = chosen is not None and chosen.owner_login == self._desk.staff.login
        for button in (self.rename_button, self.share_button, self.delete_button):
            button.setEnabled(mine)

    # -- opening one --------------------------------------------------------------------------
    def open_chosen(self) -> None:
        """Run the chosen saved search and show its cases; they follow changes from now on."""
        chosen = self.chosen()
        if chosen is None:
            return
        self.opened = chosen
        self.model.show_hits([])
        self.run_opened()

    def run_opened(self) -> None:
        opened = self.opened
        if opened is None:
            return
        self.message.setText(self.tr("Searching…"))
        search, query = self._search, opened.query
        self._runner.submit_latest(
            "saved-search-run",
            lambda: search.search(query),
            lambda hits: self._on_found(opened, hits),
            self._on_search_failed,
            owner=self,
        )

    def on_requests_changed(self) -> None:
        """Cases changed: run the open search again, at most every few seconds."""
        if self.opened is not None and not self._rerun.isActive():
            self._rerun.start()

    def _on_found(self, opened: SavedSearch, hits: list[SearchHit]) -> None:
        self._problem.resolve("saved-search-run")
        self.model.show_hits(hits)
        self.message.setText(
            self.tr("%1: cases found: %2. Enter opens the one chosen.")
            .replace("%1", opened.name)
            .replace("%2", str(len(hits)))
        )
        if hits and not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.results_shown.emit(len(hits))

    def _on_search_failed(self, error: BaseException) -> None:
        self.message.setText("")
        self._problem.report_error(
            "saved-search-run",
            self.tr("Could not run the saved search: %1"),
            error,
            self.run_opened,
            _SPOKEN,
        )

    def _on_result_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.hits[index.row()].request_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self._ask_to_delete()
            return True
        return super().eventFilter(watched, event)

    # -- saving and changing ----------------------------------------------------------------
    def ask_to_save(self) -> None:
        """Ask a name (and, for a supervisor, with whom to share) for the search in the Find a
        case popup, then save it."""
        query = self._current_query()
        if query is None:
            self._problem.report(
                "saved-search-change",
                self.tr("There is no search to save: find cases with Ctrl+F first."),
            )
            return
        name, given = QInputDialog.getText(self, self.tr("Save this search"), self.tr("Name:"))
        if not given:
            return
        department = self._ask_department(None) if self._desk.may_share else None
        if department is _CANCELLED:
            return
        self.save(name, query, department if isinstance(department, str) else None)

    def save(self, name: str, query: SearchQuery, department_code: str | None = None) -> None:
        """Save `query` as `name` (shared with the department, when given)."""
        desk = self._desk
        self._change(lambda: desk.save(name, query, department_code))

    def rename_chosen(self, name: str) -> None:
        chosen = self.chosen()
        if chosen is not None:
            desk = self._desk
            self._change(lambda: desk.rename(chosen, name))

    def share_chosen(self, department_code: str | None) -> None:
        chosen = self.chosen()
        if chosen is not None:
            desk = self._desk
            self._change(lambda: desk.share(chosen, department_code))

    def delete_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            desk = self._desk
            self._change(lambda: desk.delete(chosen))

    def _change(self, work: Callable[[], object]) -> None:
        self._runner.submit(work, self._on_changed, self._on_change_failed, owner=self)

    def _on_changed(self, _result: object) -> None:
        self._problem.resolve("saved-search-change")
        self.reload()

    def _on_change_failed(self, error: BaseException) -> None:
        self._problem.report_error(
            "saved-search-change",
            self.tr("The saved search was not changed: %1"),
            error,
            spoken=(ValueError,),
        )

    def _ask_to_rename(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        name, given = QInputDialog.getText(
            self, self.tr("Rename the saved search"), self.tr("Name:"), text=chosen.name
        )
        if given:
            self.rename_chosen(name)

    def _ask_to_share(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        department = self._ask_department(chosen.department_code)
        if department is not _CANCELLED:
            self.share_chosen(department if isinstance(department, str) else None)

    def _ask_department(self, current: str | None) -> object:
        private = self.tr("Only me (private)")
        codes = self._desk.share_choices()
        items = [private, *codes]
        at = items.index(current) if current in items else 0
        chosen, given = QInputDialog.getItem(
            self, self.tr("Share the search"), self.tr("Shared with:"), items, at, False
        )
        if not given:
            return _CANCELLED
        return None if chosen == private else chosen

    def _ask_to_delete(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.owner_login != self._desk.staff.login:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the saved search"),
            self.tr("Delete the saved search “%1”?").replace("%1", chosen.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_chosen()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        return button


_CANCELLED = object()
