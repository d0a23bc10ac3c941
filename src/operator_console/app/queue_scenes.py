"""Screenshot scenes for the queue screens: the queue with its map, triage, and a case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget

from operator_console.services.queues.request_list import TRIAGE_BUCKETS, RequestRow
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.queues.panel import QueuesPanel
from operator_console.ui.queues.triage_panel import TriagePanel


def queue_scenes(panels: dict[str, QWidget]) -> list[Any]:
    """Scenes for the Queues, Triage and Case tabs that are in the window."""
    from operator_console.app.screenshot_scenes import Scene

    result: list[Any] = []
    queues, triage, case = panels.get("queues"), panels.get("triage"), panels.get("case")
    if isinstance(queues, QueuesPanel):
        result.append(
            Scene("queues", "queues", lambda: _select_busiest(queues), lambda: _queue_ready(queues))
        )
    if isinstance(triage, TriagePanel):
        result.append(
            Scene(
                "triage",
                "triage",
                lambda: _show_a_full_bucket(triage),
                lambda: _triage_ready(triage),
            )
        )
    if isinstance(case, CaseDetailPanel):
        sources = [panel for panel in (triage, queues) if panel is not None]
        result.append(
            Scene("case", "case", lambda: _open_first(sources, case), lambda: _case_ready(case))
        )
    return result


def _select_busiest(panel: QueuesPanel) -> None:
    summaries = panel.summaries.summaries()
    if not summaries:
        return
    busiest = max(range(len(summaries)), key=lambda n: summaries[n].open)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    panel.queue_list.selectionModel().select(panel.summaries.index(busiest, 0), flags)
    panel.queue_list.scrollTo(panel.summaries.index(busiest, 0))


def _queue_ready(panel: QueuesPanel) -> bool:
    if panel.model.loading or panel.model.rowCount() == 0:
        return False
    map_view: Any = panel.map_view
    return map_view is None or (map_view.ready and bool(panel.map_sync.points))


def _show_a_full_bucket(panel: TriagePanel) -> None:
    """The bucket shown if it holds cases, else the first that does (a dispatcher's queues may
    have nothing at risk today); a few of its cases selected, as for a bulk reassignment."""
    full = [n for n, bucket in enumerate(TRIAGE_BUCKETS) if panel.counts.get(bucket, 0) > 0]
    if not full or panel.tabs.currentIndex() in full:
        _select_rows(panel, 3)
        return
    panel.model.page_loaded.connect(
        lambda _held: _select_rows(panel, 3), Qt.ConnectionType.SingleShotConnection
    )
    panel.tabs.setCurrentIndex(full[0])


def _triage_ready(panel: TriagePanel) -> bool:
    if len(panel.counts) != 4 or panel.model.loading:
        return False
    return bool(panel.selected_rows()) or not any(panel.counts.values())


def _select_rows(panel: Any, count: int) -> None:
    model = panel.model
    if model.rowCount() == 0:
        return
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection = panel.table.selectionModel()
    first = min(2, model.rowCount() - 1)
    selection.setCurrentIndex(model.index(first, 0), flags)
    for row in range(first, min(first + count, model.rowCount())):
        selection.select(model.index(row, 0), flags)


def _open_first(sources: list[Any], case: CaseDetailPanel) -> None:
    """Open the case with the most callers among those the first table with cases holds."""
    held: list[list[RequestRow]] = [source.model.rows() for source in sources]
    rows = next((rows for rows in held if rows), [])
    if rows:
        case.show_case(max(rows, key=lambda row: (row.callers, -row.created_at.timestamp())).id)


def _case_ready(case: CaseDetailPanel) -> bool:
    """The case, its map and (for those who work cases) its action bar are on screen."""
    map_view: Any = case.map_view
    bar = case.actions_bar
    return (
        case.detail is not None
        and (bar is None or bar.detail is case.detail)
        and (map_view is None or map_view.ready)
    )
