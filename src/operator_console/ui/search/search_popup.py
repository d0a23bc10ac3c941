"""The search popup: type, the cases found appear, Up/Down to choose, Enter to open one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.intake.gateway import MapSetup, ServiceChoice
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.search.query import SearchError, SearchHit, SearchQuery
from operator_console.services.session import ConsoleSession
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.search.filters import SearchFilters
from operator_console.ui.search.hits_model import HitsModel

TYPING_PAUSE_MS = 250
"""How long typing must pause before the search runs."""
_WIDTH, _HEIGHT = 1000, 470
"""The popup's size where the window has room."""
_ELIDED_WIDTHS = {1: 180, 3: 220}
"""Pixels of the category and address columns (cut short, whole in the tooltip)."""
_MOVES = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class SearchPopup(QFrame):
    """Floats over the window's screens and finds any case, open or closed: results appear
    as the person types (the latest search wins; an older one still running is cancelled),
    filtered by status, category, district and the days opened. Up and Down choose a case,
    Enter opens it, Esc closes. A search that fails says why in `message`.

    Signals:
        case_opened(int): the person chose this case; the popup closes.
        results_shown(int): a search's hits are on screen (how many).
    """

    case_opened = Signal(int)
    results_shown = Signal(int)

    def __init__(
        self,
        session: ConsoleSession,
        search: CaseSearch,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setAccessibleName(self.tr("Find a case"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#searchPopup { background: palette(window); border: 1px solid #7b8794;"
            " border-radius: 4px; }"
        )
        self._session = session
        self._search = search
        self._runner = runner
        self._choices_read = False
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(self.tr("Find a case"))
        self.field.setPlaceholderText(
            self.tr("Reference, phone, caller's name, address or words of the description")
        )
        self.field.setClearButtonEnabled(True)
        self.filters = SearchFilters(self)
        self.model = HitsModel(session.time_zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setAccessibleName(self.tr("Cases found"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in _ELIDED_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Search status"))
        hint = QLabel(self.tr("Up and Down choose a case, Enter opens it, Esc closes."), self)
        hint.setStyleSheet("color: #52606d;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.filters.changed.connect(self._pause.start)
        self.field.installEventFilter(self)
        self.table.installEventFilter(self)
        if parent is not None:
            parent.installEventFilter(self)  # follows the window's size
        self.table.activated.connect(self._on_table_activated)
        self.hide()

    def open_with(self, text: str | None = None) -> None:
        """Show the popup with the field focused; with `text`, search for it (else the last
        text stays, selected, to type over)."""
        if text is not None:
            self.field.setText(text)
            self.field.end(False)
        else:
            self.field.selectAll()
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus()
        self._read_choices()

    def search_now(self) -> None:
        """Search for what is typed, with the filters (superseding a search still running)."""
        self._pause.stop()
        values = self.filters.values()
        text = self.field.text().strip()
        if not text and not any(
            (values.statuses, values.service_codes, values.district_codes, values.opened_from)
        ):
            self.model.show_hits([])
            self.message.setText(self.tr("Type what the caller gives you: any of the above."))
            return
        query = SearchQuery(
            text,
            values.statuses,
            values.service_codes,
            values.district_codes,
            values.opened_from,
            values.opened_to,
        )
        self.message.setText(self.tr("Searching…"))
        search = self._search
        self._runner.submit_latest(
            "case-search",
            lambda: search.search(query),
            lambda hits: self._on_found(text, hits),
            self._on_failed,
            owner=self,
        )

    def chosen_request_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.hits[index.row()].request_id

    def open_chosen(self) -> None:
        """Open the case chosen in the results, and close."""
        request_id = self.chosen_request_id()
        if request_id is not None:
            self.close_search()
            self.case_opened.emit(request_id)

    def close_search(self) -> None:
        """Hide the popup; what was typed stays for the next time."""
        self._pause.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            if key == Qt.Key.Key_Escape:
                self.close_search()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._pause.isActive():
                    self.search_now()  # a fresh search; Enter again opens
                else:
                    self.open_chosen()
                return True
            if watched is self.field and key in _MOVES:
                self._move(_MOVES[key])
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_search()
        else:
            super().keyPressEvent(event)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        row = min(max(0, (current if current >= 0 else -1) + step), rows - 1)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_field_text_changed(self, _text: str) -> None:
        self._pause.start()

    def _on_found(self, text: str, hits: list[SearchHit]) -> None:
        self.model.show_hits(hits)
        if hits:
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.message.setText(
                self.tr("Cases found: %1. Enter opens the one chosen.").replace(
                    "%1", str(len(hits))
                )
            )
        else:
            shown = f"“{text}”" if text else self.tr("these filters")
            self.message.setText(self.tr("No case matches %1.").replace("%1", shown))
        self.results_shown.emit(len(hits))

    def _on_failed(self, error: BaseException) -> None:
        self.model.show_hits([])
        self.message.setText(
            self.tr("The search failed: %1").replace("%1", reason_for(error, (SearchError,)))
        )
        self.results_shown.emit(0)

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.open_chosen()

    def _place(self) -> None:
        """Near the top of the window, centred, over what is on screen."""
        window = self.parentWidget()
        if window is None:
            return
        width = min(_WIDTH, window.width() - 24)
        height = min(_HEIGHT, window.height() - 80)
        self.setGeometry((window.width() - width) // 2, 52, width, height)

    def _read_choices(self) -> None:
        if self._choices_read:
            return
        self._choices_read = True
        intake = self._session.intake
        self._runner.submit(
            lambda: (intake.catalog(), intake.map_setup()),
            self._on_choices_read,
            self._on_choices_failed,
            owner=self,
        )

    def _on_choices_read(self, read: tuple[list[ServiceChoice], MapSetup]) -> None:
        catalog, setup = read
        categories = sorted(((s.code, s.name) for s in catalog), key=lambda pair: pair[1])
        districts = sorted(
            {
                (str(f["properties"]["code"]), str(f["properties"]["name"]))
                for f in setup.districts_geojson.get("features", [])
            },
            key=lambda pair: pair[1],
        )
        self.filters.set_choices(categories, districts)

    def _on_choices_failed(self, error: BaseException) -> None:
        self._choices_read = False  # read again next time
        self.message.setText(
            self.tr("The category and district filters could not be read: %1").replace(
                "%1", reason_for(error)
            )
        )
