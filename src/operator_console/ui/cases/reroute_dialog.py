"""Re-route: correct a case's category and/or location, then route it again by the rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from operator_console.domain.catalog_search import search_services
from operator_console.services.addresses.search import AddressMatch
from operator_console.services.cases.ports import CaseLocation, CaseState
from operator_console.services.intake.gateway import ServiceChoice
from operator_console.ui.cases.action_dialogs import ok_cancel_buttons, refusal_label, show_refusal

SEARCH_DELAY_MS = 200
_ROLE = Qt.ItemDataRole.UserRole


def _results(parent: QWidget, name: str) -> QListWidget:
    results = QListWidget(parent)
    results.setObjectName(name)
    results.setMaximumHeight(90)
    return results


class RerouteDialog(QDialog):
    """Asks for the corrected category and/or address and why; both may stay as they are
    (routing is then simply run again, e.g. after the rules were fixed).

    Signals:
        address_search_requested(str): look these words up in the gazetteer, then call
            `show_addresses` with the same words and the matches.
    """

    address_search_requested = Signal(str)

    def __init__(self, case: CaseState, services: list[ServiceChoice], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-route %1").replace("%1", case.reference))
        self._services = {service.code: service for service in services}
        self._current_code = case.service.code
        self.chosen_service: ServiceChoice | None = None
        self.chosen_address: AddressMatch | None = None
        self.category = QLineEdit(self)
        self.category.setObjectName("rerouteCategory")
        self.category.setPlaceholderText(
            self.tr("Now: %1. Type to choose another category").replace("%1", case.service.name)
        )
        self.category.setAccessibleName(self.tr("Corrected category"))
        self.category_results = _results(self, "rerouteCategoryResults")
        self.category_results.setAccessibleName(self.tr("Categories found"))
        self.address = QLineEdit(self)
        self.address.setObjectName("rerouteAddress")
        now = case.location.address or self.tr("no address")
        self.address.setPlaceholderText(
            self.tr("Now: %1. Type to find another address").replace("%1", now)
        )
        self.address.setAccessibleName(self.tr("Corrected address"))
        self.address_results = _results(self, "rerouteAddressResults")
        self.address_results.setAccessibleName(self.tr("Addresses found"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("rerouteReason")
        self.reason.setPlaceholderText(self.tr("Why (goes into the case history)"))
        explain = QLabel(
            self.tr(
                "Routing runs again by the rules. When it sends the case to another queue, the "
                "case waits there unassigned; the due date follows the new category."
            ),
            self,
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #52606d;")
        self.refusal = refusal_label(self)
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow("", self.category_results)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow("", self.address_results)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(explain)
        form.addRow(self.refusal)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)
        self._address_timer = QTimer(self)
        self._address_timer.setSingleShot(True)
        self._address_timer.setInterval(SEARCH_DELAY_MS)
        self._address_timer.timeout.connect(self._ask_addresses)
        self.category.textEdited.connect(self._list_services)
        self.category_results.currentItemChanged.connect(self._on_service_item)
        self.address.textEdited.connect(lambda _text: self._address_timer.start())
        self.address_results.currentItemChanged.connect(self._on_address_item)

    def _list_services(self, text: str) -> None:
        self.category_results.clear()
        self.chosen_service = None
        searchable = [service.searchable() for service in self._services.values()]
        for hit in search_services(text, searchable, limit=6):
            service = self._services[hit.code]
            item = QListWidgetItem(f"{service.name}  —  {service.group}")
            item.setData(_ROLE, service.code)
            self.category_results.addItem(item)
        if self.category_results.count():
            self.category_results.setCurrentRow(0)

    def _on_service_item(self, item: QListWidgetItem | None) -> None:
        self.chosen_service = None if item is None else self._services[str(item.data(_ROLE))]

    def _ask_addresses(self) -> None:
        words = self.address.text().strip()
        self.address_results.clear()
        self.chosen_address = None
        if words:
            self.address_search_requested.emit(words)

    def show_addresses(self, words: str, matches: list[AddressMatch]) -> None:
        """List the gazetteer's answer for `words`, unless the field says something else now."""
        if words != self.address.text().strip():
            return
        self.address_results.clear()
        for match in matches:
            item = QListWidgetItem(match.label)
            item.setData(_ROLE, match)
            self.address_results.addItem(item)
        if matches:
            self.address_results.setCurrentRow(0)
        else:
            self.address_results.addItem(self.tr("No address matches “%1”.").replace("%1", words))

    def _on_address_item(self, item: QListWidgetItem | None) -> None:
        match = None if item is None else item.data(_ROLE)
        self.chosen_address = match if isinstance(match, AddressMatch) else None

    def service_code(self) -> str | None:
        """The corrected category's code; None to keep the case's own."""
        chosen = self.chosen_service
        return None if chosen is None or chosen.code == self._current_code else chosen.code

    def location(self) -> CaseLocation | None:
        """The corrected place (pin and address); None to keep the case's own."""
        match = self.chosen_address
        if match is None:
            return None
        return CaseLocation(match.lat, match.lon, match.label, match.id)

    def accept(self) -> None:
        problem = ""
        if self.category.text().strip() and self.chosen_service is None:
            problem = self.tr("No category matches what is typed: choose one from the list.")
        elif self.address.text().strip() and self.chosen_address is None:
            problem = self.tr("Choose the address from the list, or clear the field to keep it.")
        elif not self.reason.text().strip():
            problem = self.tr("Say why: the reason goes into the case history.")
        if not show_refusal(self.refusal, problem):
            super().accept()
