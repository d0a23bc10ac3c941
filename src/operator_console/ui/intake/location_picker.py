"""The location of a call: address autocomplete, the map pin, and what is at the pin."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCompleter

from operator_console.services.addresses.search import AddressMatch
from operator_console.services.intake.gateway import MapSetup, PinPlace
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.fields import IntakeFields
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView

STREET_ZOOM = 16
OUTSIDE_STYLE = "color: #8a4b00; font-weight: 600;"


class LocationPicker(QObject):
    """Keeps the pin in `fields` in step with the address field and the map.

    Signals:
        location_changed: the pin or the address changed (the draft should be saved).
        place_settled: the district at the pin is known (routing can be previewed).
    """

    location_changed = Signal()
    place_settled = Signal()

    def __init__(
        self,
        ui: Ui_IntakePanel,
        fields: IntakeFields,
        presenter: IntakePresenter,
        base_map: BaseMap | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ui = ui
        self._fields = fields
        self._presenter = presenter
        self._base_map = base_map
        self._keep_address = False
        self._status_before_no_match: tuple[str, str] | None = None
        self.map_view: MapView | None = None
        self._next_view: tuple[float, float, int] | None = None  # the city's new centre, zoom
        self.city_center: tuple[float, float] | None = None  # the city's map centre, once read
        self._suggestions: dict[str, AddressMatch] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        ui.locationAddress.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._on_timer_timeout)
        cast(Any, completer.activated)[str].connect(self._on_completer_activated)
        ui.locationAddress.textEdited.connect(self._on_address_edited)
        ui.locationAddress.editingFinished.connect(self._on_address_editing_finished)
        presenter.address_suggestions_found.connect(self._on_address_suggestions_found)
        presenter.place_found.connect(self._on_place_found)
        presenter.map_setup_loaded.connect(self._on_map_setup_loaded)

    def _on_address_edited(self, _text: str) -> None:
        self._timer.start()
        self.location_changed.emit()

    def _on_timer_timeout(self) -> None:
        self._presenter.suggest_addresses(self._ui.locationAddress.text())

    @Slot(str, list)
    def _on_address_suggestions_found(self, typed: str, matches: list[AddressMatch]) -> None:
        if typed != self._ui.locationAddress.text():
            return
        self._suggestions = {match.label: match for match in matches}
        self._model.setStringList(list(self._suggestions))
        completer = self._ui.locationAddress.completer()
        if matches and self._ui.locationAddress.hasFocus():
            completer.complete()
        else:
            popup = completer.popup()
            if popup is not None:
                popup.hide()  # an empty list would stay open, over the status line
        status = self._ui.locationStatus
        if not matches and len(typed.strip()) >= 3:
            if self._status_before_no_match is None:
                self._status_before_no_match = (status.text(), status.styleSheet())
            status.setText(
                self.tr(
                    "No known address matches “%1”. Check the spelling, or click the map."
                ).replace("%1", typed)
            )
        elif self._status_before_no_match is not None:  # the address was put right
            text, style = self._status_before_no_match
            self._status_before_no_match = None
            status.setText(text)
            status.setStyleSheet(style)

    def _on_completer_activated(self, label: str) -> None:
        match = self._suggestions.get(label)
        if match is not None:
            self.use_address(match)

    def _on_address_editing_finished(self) -> None:
        match = self._suggestions.get(self._ui.locationAddress.text())
        pin = (self._fields.latitude, self._fields.longitude)
        if match is not None and pin != (match.lat, match.lon):
            self.use_address(match)

    def use_address(self, match: AddressMatch) -> None:
        """The operator picked a gazetteer address: the pin goes there."""
        self._ui.locationAddress.setText(match.label)
        self.show_pin(match.lat, match.lon)
        self._set_pin(match.lat, match.lon, keep_address=True)

    def _set_pin(self, lat: float, lon: float, keep_address: bool) -> None:
        self._fields.latitude, self._fields.longitude = lat, lon
        self._keep_address = keep_address
        self._status_before_no_match = None
        self._ui.locationStatus.setText(self.tr("Looking up the place…"))
        self._presenter.locate(lat, lon)
        self.location_changed.emit()

    def show_pin(self, lat: float, lon: float) -> None:
        if self.map_view is not None:
            self.map_view.set_pin(lat, lon)
            self.map_view.set_center(lat, lon, STREET_ZOOM)

    def restore_pin(self, lat: float, lon: float) -> None:
        """A pin from a restored call: shown, and what is at it looked up; the address stays."""
        self.show_pin(lat, lon)
        self._set_pin(lat, lon, keep_address=True)

    def pin_at(self, lat: float, lon: float) -> None:
        """The pin goes to (lat, lon) as if put there on the map: the address is looked up."""
        self.show_pin(lat, lon)
        self._set_pin(lat, lon, keep_address=False)

    def _on_map_pin_moved(self, lat: float, lon: float, source: str) -> None:
        if source != "api":
            self._set_pin(lat, lon, keep_address=False)

    @Slot(float, float, object)
    def _on_place_found(self, lat: float, lon: float, place: PinPlace) -> None:
        if (lat, lon) != (self._fields.latitude, self._fields.longitude):
            return
        self._fields.district_code = place.district_code
        status = self._ui.locationStatus
        if not self._keep_address and place.address:
            self._ui.locationAddress.setText(place.address)
        if place.district_code is None:
            status.setText(
                self.tr(
                    "⚠ This pin is outside every district of the city. "
                    "Check the location with the caller."
                )
            )
            status.setStyleSheet(OUTSIDE_STYLE)
        else:
            where = place.district_name or place.district_code
            status.setText(
                self.tr("Pin at %1, %2 (%3).")
                .replace("%1", f"{lat:.5f}")
                .replace("%2", f"{lon:.5f}")
                .replace("%3", where)
            )
            status.setStyleSheet("")
        self.place_settled.emit()
        self.location_changed.emit()

    @Slot(object)
    def _on_map_setup_loaded(self, setup: MapSetup) -> None:
        self.city_center = (setup.center_lat, setup.center_lon)
        if self._base_map is None:
            return
        if self.map_view is not None:  # read again: the city's settings changed
            self.map_view.set_districts(setup.districts_geojson, fit=False)
            view = (setup.center_lat, setup.center_lon, setup.zoom)
            if self.map_view.pin is None:
                self.map_view.set_center(*view)
            else:  # a call is placing its pin: the new centre waits for the next call
                self._next_view = view
            return
        center = (setup.center_lat, setup.center_lon)
        self.map_view = MapView(self._base_map, center=center, zoom=setup.zoom)
        self.map_view.set_districts(setup.districts_geojson, fit=False)
        self.map_view.pin_moved.connect(self._on_map_pin_moved)
        self._ui.mapLayout.addWidget(self.map_view)
        if self._fields.latitude is not None and self._fields.longitude is not None:
            self.show_pin(self._fields.latitude, self._fields.longitude)

    def clear(self) -> None:
        if self.map_view is not None:
            self.map_view.clear_pin()
            if self._next_view is not None:
                self.map_view.set_center(*self._next_view)
                self._next_view = None
        self._status_before_no_match = None
        self._ui.locationStatus.setText(self.tr("Type an address, or click the map."))
        self._ui.locationStatus.setStyleSheet("")
