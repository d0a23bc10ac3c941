"""The Routing page's filters: the rules for one service, to one queue, or in one district."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from operator_console.services.admin.routing.ports import DistrictKey, RoutingChoices, RuleFilter
from operator_console.ui.admin.routing.pickers import SearchCombo, queue_entries, service_entries


class RuleFilters(QWidget):
    """Three searchable pickers above the rules; choosing one emits `changed`.

    Signals:
        changed(): the filter chosen is another one; read the rules again.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = SearchCombo(self.tr("Show rules for service"), self)
        self.service.setObjectName("routingServiceFilter")
        self.queue = SearchCombo(self.tr("Show rules to queue"), self)
        self.queue.setObjectName("routingQueueFilter")
        self.district = SearchCombo(self.tr("Show rules in district"), self)
        self.district.setObjectName("routingDistrictFilter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in (
            (self.tr("&Service:"), self.service),
            (self.tr("&Queue:"), self.queue),
            (self.tr("Dis&trict:"), self.district),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo, 1)
            combo.activated.connect(lambda _index: self.changed.emit())

    def set_choices(self, choices: RoutingChoices) -> None:
        """The services, queues and districts to filter by; what is chosen stays chosen."""
        self.service.set_entries(
            service_entries(choices, self.tr("All services")), self.service.chosen()
        )
        self.queue.set_entries(
            [(self.tr("All queues"), ""), *queue_entries(choices)], self.queue.chosen()
        )
        districts = [(f"{d.name} ({d.layer})", d.key) for d in choices.districts]
        self.district.set_entries(
            [(self.tr("All districts"), None), *districts], self.district.chosen()
        )

    def current(self) -> RuleFilter:
        service = self.service.chosen()
        district = self.district.chosen()
        return RuleFilter(
            service_code=str(service[0]) if isinstance(service, tuple) else "",
            queue_code=str(self.queue.chosen() or ""),
            district=district if isinstance(district, DistrictKey) else None,
        )
