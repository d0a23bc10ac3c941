"""Screenshot scenes for finding a case: the search popup with results, then a status call."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.search.search_popup import SearchPopup
from operator_console.ui.shell.main_window import MainWindow

EXAMPLE_SEARCH = "Kingbird Rd"


def search_scenes(window: MainWindow) -> list[Any]:
    """The search popup over the Queues tab, then the first case found with a status call (when
    the example finds one)."""
    from operator_console.app.screenshot_scenes import Scene

    popup = window.findChild(SearchPopup)
    case = window.panels().get("case")
    if popup is None or not isinstance(case, CaseDetailPanel):
        return []

    answered: list[int] = []  # how many cases the example search found, once it has
    popup.results_shown.connect(answered.append)

    def found() -> bool:
        return bool(answered)

    def start_call() -> None:
        popup.close_search()
        if not popup.model.hits:
            return
        case.case_loaded.connect(
            lambda _id: case.start_status_call(), Qt.ConnectionType.SingleShotConnection
        )
        case.show_case(popup.model.hits[0].request_id)

    def calling() -> bool:  # a city with no case at the example address has no status call
        return not popup.model.hits or (case.detail is not None and case.status_call.active)

    return [
        Scene("search", "queues", lambda: popup.open_with(EXAMPLE_SEARCH), found),
        Scene("status-call", "case", start_call, calling),
    ]
