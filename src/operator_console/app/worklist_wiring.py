"""Wires the Work lists tab: my cases, the saved searches, and saving the search being made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from sqlalchemy import Engine

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.search.query import SearchQuery
from operator_console.services.session import ConsoleSession
from operator_console.services.worklists.desk import WorklistDesk
from operator_console.services.worklists.saved_searches import SavedSearchDesk
from operator_console.storage.worklists.saved_searches import SqlSavedSearches
from operator_console.storage.worklists.staff_ids import SqlStaffDirectory
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.search.search_popup import SearchPopup
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.worklists.panel import WorklistsPanel

SAVE_SEARCH_KEYS = "Ctrl+Shift+S"


def worklist_desk_for(engine: Engine, staff: StaffIdentity) -> WorklistDesk:
    return WorklistDesk(SavedSearchDesk(SqlSavedSearches(engine), staff), SqlStaffDirectory(engine))


def add_worklists(
    window: MainWindow,
    session: ConsoleSession,
    runner: BackgroundRunner,
    bus: ChangeBus,
    open_case: Callable[[int], None],
    popup: SearchPopup | None,
) -> WorklistsPanel | None:
    """The Work lists tab on `bus`, and Console, Save this search… (Ctrl+Shift+S), which
    saves what the Find a case popup searches for; None without the desks it needs."""
    if session.worklists is None or session.case_search is None:
        return None

    def current_query() -> SearchQuery | None:
        if popup is None:
            return None
        text, values = popup.field.text().strip(), popup.filters.values()
        filters = (values.statuses, values.service_codes, values.district_codes)
        if not text and not any(filters) and values.opened_from is None:
            return None
        return SearchQuery(
            text,
            values.statuses,
            values.service_codes,
            values.district_codes,
            values.opened_from,
            values.opened_to,
        )

    panel = WorklistsPanel(session, session.worklists, session.case_search, runner, current_query)
    title = QCoreApplication.translate("MainWindow", "Work lists")
    window.add_panel("worklists", title, panel)
    bus.requests_changed.connect(panel.on_requests_changed)
    panel.case_opened.connect(open_case)
    save = QAction(QCoreApplication.translate("MainWindow", "Save this search…"), window)
    save.setObjectName("actionSaveSearch")
    save.setShortcut(QKeySequence(SAVE_SEARCH_KEYS))
    window.ui.menuConsole.insertAction(window.ui.actionRefresh, save)
    save.triggered.connect(panel.saved.ask_to_save)
    return panel
