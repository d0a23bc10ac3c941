"""The "where would this go?" tester: a service and a point (a map click or an address) give
the district, the queue, the priority and intake's own sentence, and why other rules lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.addresses.search import AddressMatch, AddressSearch
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import ServiceChoice
from operator_console.services.admin.routing.tester import RoutingAnswer, RoutingQuestion
from operator_console.services.intake.gateway import MapSetup
from operator_console.ui.admin.routing.pickers import SearchCombo
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import priority_label
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.common.words import shown
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView

STREET_ZOOM = 15
_SPOKEN = (RoutingRuleError, NotPermittedError)


class RoutingTester(QFrame):
    """Asks the routing desk where a request of the chosen service at the pin would go.

    The pin comes from a click on the map, an address chosen in the address field, or
    `test_point()`; Test (Ctrl+T) asks again, after rules were changed, say.

    Signals:
        answered(object): the newest `RoutingAnswer` is shown.
    """

    answered = Signal(object)

    def __init__(
        self,
        desk: RoutingDesk,
        runner: BackgroundRunner,
        places: AddressSearch | None = None,
        map_setup: Callable[[], MapSetup] | None = None,
        base_map: BaseMap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routingTester")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._desk = desk
        self._runner = runner
        self._places = places
        self._base_map = base_map
        self.point: tuple[float, float] | None = None
        self.answer: RoutingAnswer | None = None
        self.map_view: MapView | None = None
        self.suggestions: dict[str, AddressMatch] = {}
        title = QLabel(self.tr("Where would this go?"), self)
        title.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.service = SearchCombo(self.tr("Service to test"), self)
        self.service.setObjectName("testerService")
        self.address = QLineEdit(self)
        self.address.setObjectName("testerAddress")
        self.address.setAccessibleName(self.tr("Address to test"))
        self.address.setPlaceholderText(self.tr("Type an address, or click the map"))
        self.address.setEnabled(places is not None)
        self._address_model = QStringListModel(self)
        completer = QCompleter(self._address_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.address.setCompleter(completer)
        self.test_button = QPushButton(self.tr("&Test"), self)
        self.test_button.setToolTip(self.tr("Ask again where it would go (Ctrl+T)"))
        self.map_area = QVBoxLayout()
        self.map_area.setContentsMargins(0, 0, 0, 0)
        self.where = self._result_label("testerDistricts")
        self.queue = self._result_label("testerQueue")
        self.queue.setStyleSheet("font-weight: 600;")
        self.sentence = self._result_label("testerSentence")
        self.sentence.setStyleSheet("background: #eef5ff; padding: 6px; border-radius: 4px;")
        self.losers = self._result_label("testerLosers")
        self.losers.setStyleSheet("color: #555;")
        self.status = self._result_label("testerStatus")
        self.status.setText(self.tr("Choose a service, then click the map or type an address."))
        form = QFormLayout()
        form.addRow(self.tr("&Service:"), self.service)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.test_button)
        form.addRow(self.tr("A&ddress:"), address_row)
        address_label = form.labelForField(address_row)
        if isinstance(address_label, QLabel):
            address_label.setBuddy(self.address)  # Alt+D; the & is not shown
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(self.map_area, 1)
        for label in (self.status, self.where, self.queue, self.sentence, self.losers):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._suggest)
        self.address.textEdited.connect(lambda _text: self._timer.start())
        cast(Any, completer.activated)[str].connect(self._on_address_chosen)
        self.address.returnPressed.connect(lambda: self._on_address_chosen(self.address.text()))
        self.test_button.clicked.connect(self.test)
        self.service.activated.connect(lambda _index: self.test())
        test = QAction(self.tr("Test where it would go"), self)
        test.setShortcut(QKeySequence("Ctrl+T"))
        test.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        test.triggered.connect(self.test)
        self.addAction(test)
        if map_setup is not None and base_map is not None:
            runner.submit(map_setup, self._show_map, self._on_map_failed, owner=self)

    def _result_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_services(self, services: tuple[ServiceChoice, ...]) -> None:
        """The services to choose from (the one chosen stays chosen)."""
        keep = self.service.chosen()
        self.service.set_entries(((f"{s.name} ({s.code})", s.code) for s in services), keep)

    def test_point(self, latitude: float, longitude: float) -> None:
        """Put the pin at the point and ask where the chosen service would go from there."""
        self.point = (latitude, longitude)
        if self.map_view is not None:
            self.map_view.set_pin(latitude, longitude)
        self.test()

    def test_address(self, text: str) -> None:
        """Look the address up and test at the best match (as if it were typed and chosen)."""
        places = self._places
        if places is None:
            return
        self.address.setText(text)

        def found(matches: list[AddressMatch]) -> None:
            self._on_suggestions(text, matches)
            if matches:
                self._on_address_chosen(matches[0].label)

        self._runner.submit_latest(
            "address", lambda: places.suggest(text), found, self._on_refused, owner=self
        )

    def test(self) -> None:
        """Ask again for the chosen service at the pin."""
        code = self.service.chosen()
        if code is None:
            self.status.setText(self.tr("Choose a service from the list."))
            return
        if self.point is None:
            self.status.setText(self.tr("Click the map or type an address to put the pin."))
            return
        question = RoutingQuestion(str(code), *self.point)
        self.status.setText(self.tr("Asking…"))
        self._runner.submit_latest(
            "test",
            lambda: self._desk.where_would_this_go(question),
            self._show_answer,
            self._on_refused,
            owner=self,
        )

    def _show_answer(self, answer: RoutingAnswer) -> None:
        self.answer = answer
        lat, lon = answer.question.latitude, answer.question.longitude
        self.status.setText(
            self.tr("%1 at %2, %3")
            .replace("%1", answer.service_name)
            .replace("%2", f"{lat:.5f}")
            .replace("%3", f"{lon:.5f}")
        )
        if answer.districts:
            names = ", ".join(f"{d.name} ({d.layer})" for d in answer.districts)
            recorded = answer.recorded_district
            if len(answer.districts) > 1 and recorded is not None:
                where = (
                    self.tr("In: %1; a case records %2 (%3)")
                    .replace("%2", recorded.name)
                    .replace("%3", recorded.layer)
                )
            else:
                where = self.tr("In: %1")
            self.where.setText(where.replace("%1", names))
        else:
            self.where.setText(
                self.tr("Outside every district: only rules for any district apply.")
            )
        self.queue.setText(
            self.tr("Queue: %1 · priority: %2")
            .replace("%1", answer.queue_name)
            .replace("%2", priority_label(answer.priority))
        )
        self.sentence.setText(shown(answer.explanation))
        lost = [f"• {shown(loser.reason)}" for loser in answer.losers]
        self.losers.setText("\n".join(lost))
        self.losers.setVisible(bool(lost))
        self.answered.emit(answer)

    def _on_refused(self, error: BaseException) -> None:
        self.answer = None
        self.status.setText(self.tr("Could not test: %1").replace("%1", reason_for(error, _SPOKEN)))
        for label in (self.where, self.queue, self.sentence, self.losers):
            label.clear()

    def _suggest(self) -> None:
        places, typed = self._places, self.address.text()
        if places is None or len(typed.strip()) < 2:
            return
        self._runner.submit_latest(
            "address",
            lambda: places.suggest(typed),
            lambda matches: self._on_suggestions(typed, matches),
            lambda error: self.status.setText(
                self.tr("Could not look up the address: %1").replace(
                    "%1", reason_for(error, _SPOKEN)
                )
            ),
            owner=self,
        )

    def _on_suggestions(self, typed: str, matches: list[AddressMatch]) -> None:
        self.suggestions = {match.label: match for match in matches}
        self._address_model.setStringList(list(self.suggestions))
        if typed != self.address.text():
            return
        if matches and self.address.hasFocus():
            self.address.completer().complete()
        elif not matches:
            self.status.setText(
                self.tr("No known address matches “%1”.").replace("%1", typed.strip())
            )

    def _on_address_chosen(self, label: str) -> None:
        match = self.suggestions.get(label)
        if match is None:
            return
        self.address.setText(match.label)
        self.address.setCursorPosition(0)
        if self.map_view is not None:
            self.map_view.set_center(match.lat, match.lon, STREET_ZOOM)
        self.test_point(match.lat, match.lon)

    def _show_map(self, setup: MapSetup) -> None:
        view = MapView(self._base_map, center=(setup.center_lat, setup.center_lon), zoom=setup.zoom)
        view.setObjectName("testerMap")
        view.set_districts(setup.districts_geojson, fit=False)
        view.pin_moved.connect(self._on_pin_moved)
        self.map_view = view
        self.map_area.addWidget(view)
        if self.point is not None:
            view.set_pin(*self.point)

    def _on_map_failed(self, error: BaseException) -> None:
        self.status.setText(
            self.tr("The map could not be read: %1").replace("%1", reason_for(error))
        )

    def _on_pin_moved(self, lat: float, lon: float, source: str) -> None:
        if source != "api":
            self.address.clear()
            self.point = (lat, lon)
            self.test()
