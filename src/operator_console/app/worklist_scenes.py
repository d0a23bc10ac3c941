"""Screenshot scene for the Work lists tab: cases assigned to the person, a saved search open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from operator_console.services.cases.commands import AssignCases, CaseRef
from operator_console.services.queues.request_list import ListQuery
from operator_console.services.search.query import SearchQuery
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.worklists.panel import WorklistsPanel

EXAMPLE_CASES = 6
EXAMPLE_SEARCHES = (
    ("Potholes", SearchQuery("pothole")),
    ("Closed streetlight cases", SearchQuery("streetlight", statuses=frozenset({"closed"}))),
)


def worklist_scenes(window: MainWindow, may_submit: bool) -> list[Any]:
    """The Work lists tab; on a scratch copy, first a few cases of the person's queues are
    assigned to them and two searches saved (the second shared, when they may share)."""
    from operator_console.app.screenshot_scenes import Scene

    panel = window.panels().get("worklists")
    if not isinstance(panel, WorklistsPanel):
        return []

    answered: list[int] = []  # how many cases the opened search found, once it has
    panel.saved.results_shown.connect(answered.append)

    def open_the_last(count: int) -> None:
        if count:
            panel.saved.list.setCurrentRow(count - 1)
            panel.saved.open_chosen()

    def show() -> None:
        panel.saved.list_shown.connect(open_the_last, Qt.ConnectionType.SingleShotConnection)
        panel.refresh()

    def stage() -> None:
        if may_submit:
            panel.runner.submit(
                lambda: _add_examples(panel),
                lambda _done: show(),
                lambda error: panel.problem.report_error(
                    "examples", "The examples could not be added: %1", error
                ),
            )
        else:
            show()

    def ready() -> bool:
        saved, mine = panel.saved, panel.my_cases.open_model
        searched = bool(answered) or not saved.searches
        return mine.started and not mine.loading and searched and saved.opened is not None

    return [Scene("worklists", "worklists", stage, ready)]


def _add_examples(panel: WorklistsPanel) -> None:
    session, saved = panel.session, panel.desk.saved
    login = session.staff.login
    queue_ids = tuple(queue.id for queue in session.queue_directory.covered_by(login))
    rows = session.requests.page(ListQuery(queue_ids=queue_ids), None, EXAMPLE_CASES).rows
    if rows:
        cases = tuple(CaseRef(row.id, row.version) for row in rows)
        session.case_desk.assign(AssignCases(cases, "Taking these over", staff_login=login))
    choices: list[str | None] = [*saved.share_choices(), None]
    shared_with = choices[0]
    for (name, query), department in zip(EXAMPLE_SEARCHES, (None, shared_with), strict=True):
        saved.save(name, query, department)
