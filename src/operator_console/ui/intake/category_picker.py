"""Choosing the service: type-to-search results, the notice to read, the questions to ask."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from operator_console.domain.catalog_search import search_services
from operator_console.services.intake.gateway import ServiceChoice
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel


class CategoryPicker(QObject):
    """Keeps the catalog, lists matches as the operator types, and reports the choice.

    Signals:
        service_chosen: the ServiceChoice picked (or None when cleared).
    """

    service_chosen = Signal(object)

    def __init__(self, ui: Ui_IntakePanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ui = ui
        self._catalog: dict[str, ServiceChoice] = {}
        self.chosen: ServiceChoice | None = None
        ui.categorySearch.textEdited.connect(self._on_search_edited)
        ui.categorySearch.returnPressed.connect(self.choose_current)
        ui.categoryResults.itemActivated.connect(self._on_result_activated)

    def set_catalog(self, services: list[ServiceChoice]) -> None:
        self._catalog = {service.code: service for service in services}
        if self._ui.categorySearch.text():
            self._on_search_edited(self._ui.categorySearch.text())

    def service(self, code: str) -> ServiceChoice | None:
        return self._catalog.get(code)

    def services(self) -> list[ServiceChoice]:
        """The catalog the operator picks from, in its order."""
        return list(self._catalog.values())

    def search(self, text: str) -> None:
        """Type `text` into the search box and list its matches, best first."""
        self._ui.categorySearch.setText(text)
        self._on_search_edited(text)

    def _on_search_edited(self, text: str) -> None:
        results = self._ui.categoryResults
        results.clear()
        searchable = [service.searchable() for service in self._catalog.values()]
        for hit in search_services(text, searchable, limit=8):
            service = self._catalog[hit.code]
            label = f"{service.name}  —  {service.group}"
            if service.staff_only:
                label += "  " + self.tr("[staff only]")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            results.addItem(item)
        if results.count():
            results.setCurrentRow(0)

    def choose_current(self) -> None:
        """Enter in the search box takes the highlighted (first) match."""
        item = self._ui.categoryResults.currentItem()
        if item is not None:
            self._on_result_activated(item)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        self.choose(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose(self, code: str, on_shown: Callable[[], None] | None = None) -> None:
        service = self._catalog.get(code)
        self.chosen = service
        ui = self._ui
        if service is None:
            ui.categoryChosen.setText(self.tr("No category chosen yet."))
            ui.serviceNotice.hide()
        else:
            staff = "  " + self.tr("(staff only)") if service.staff_only else ""
            ui.categoryChosen.setText(
                f"<b>{escape(service.name)}</b> — {escape(service.group)}{staff}"
            )
            ui.serviceNotice.setText(service.notice)
            ui.serviceNotice.setVisible(bool(service.notice))
        self.service_chosen.emit(service)

    def clear(self) -> None:
        self.chosen = None
        self._ui.categoryChosen.setText(self.tr("No category chosen yet."))
        self._ui.serviceNotice.hide()
