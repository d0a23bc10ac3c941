"""Screenshot scenes for taking a call: the form mid-call, then the read-back once submitted."""

from __future__ import annotations

from typing import Any

import phonenumbers
from PySide6.QtCore import Qt

from operator_console.services.addresses.search import AddressMatch
from operator_console.services.intake.gateway import ServiceChoice
from operator_console.ui.intake.panel import IntakePanel

EXAMPLE_PHONE = "617 555 0142"
EXAMPLE_SERVICE = "street-light-outages"
EXAMPLE_CATEGORY_SEARCH = "streetlight out"  # as a caller says it
EXAMPLE_ADDRESS = "Exeter St & Newbury St"
EXAMPLE_ANSWERS = {"lights_out": "several", "pole_number": "N0012002"}
EXAMPLE_DESCRIPTION = "Three street lights out in a row since Friday; the block is dark at night."


class CallScene:
    """A call being taken: the demo city's example, or in any other city its first service
    that asks nothing required, pinned at the city's map centre."""

    def __init__(self, panel: IntakePanel) -> None:
        self.panel = panel
        self.demo = False
        self.settled = False

    def stage(self) -> None:
        panel, ui = self.panel, self.panel.ui
        service = panel.categories.service(EXAMPLE_SERVICE)
        self.demo = service is not None
        phone = EXAMPLE_PHONE if self.demo else _example_phone(panel.presenter.phone_region)
        ui.callerPhone.setText(phone)
        ui.callerFirstName.setText("Ana")
        ui.callerLastName.setText("Lopes")
        ui.callerEmail.setText("ana.lopes@example.org")
        panel.presenter.look_up_caller(phone)
        if self.demo:
            ui.locationAddress.setText(EXAMPLE_ADDRESS)
        panel.location.place_settled.connect(self._on_place_settled)
        panel.presenter.address_suggestions_found.connect(
            self._pin, Qt.ConnectionType.SingleShotConnection
        )
        panel.presenter.suggest_addresses(EXAMPLE_ADDRESS)
        service = service or _first_plain_service(panel.categories.services())
        if service is not None:
            panel.categories.search(EXAMPLE_CATEGORY_SEARCH if self.demo else service.name)
            panel.categories.choose(service.code)
        if self.demo:
            panel.questions.set_answers(EXAMPLE_ANSWERS)
            ui.descriptionEdit.setPlainText(EXAMPLE_DESCRIPTION)

    def _pin(self, _typed: str, matches: list[AddressMatch]) -> None:
        panel = self.panel
        if panel.fields.latitude is not None:
            return
        if self.demo and matches:
            panel.use_address(matches[0])
        elif panel.location.city_center is not None:
            panel.location.pin_at(*panel.location.city_center)

    def _on_place_settled(self) -> None:
        self.settled = True

    def ready(self) -> bool:
        """The place, the duplicates and the routing preview are in (in the demo city, where
        they are sure to exist, with candidates and a queue)."""
        panel = self.panel
        view = panel.map_view
        map_ready = view is None or (view.ready and view.pin is not None)
        candidates = panel.candidates
        searched = candidates is None or (
            not candidates.searching and (bool(candidates.candidates) or not self.demo)
        )
        previewed = bool(panel.ui.routingPreview.text()) or not self.demo
        return self.settled and searched and previewed and map_ready


def _example_phone(region: str) -> str:
    """The numbering plan's own example number of the city's region, as dialled there."""
    example = phonenumbers.example_number(region)
    if example is None:
        return EXAMPLE_PHONE
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)


def _first_plain_service(services: list[ServiceChoice]) -> ServiceChoice | None:
    """The first service the public may ask for that has no required question."""
    for service in services:
        if not service.staff_only and not any(q.required for q in service.questions):
            return service
    return services[0] if services else None


def intake_scenes(panel: IntakePanel, may_submit: bool) -> list[Any]:
    """The call mid-way; then, on a scratch copy, the read-back after submitting it (or the
    form with its marked fields, when the city's first service would not take it)."""
    from operator_console.app.screenshot_scenes import Scene

    call = CallScene(panel)
    result = [Scene("intake", "intake", call.stage, call.ready)]
    if may_submit:

        def answered() -> bool:
            return panel.ui.readBackCard.isVisible() or bool(panel.fields.marked)

        result.append(Scene("intake-read-back", "intake", panel.submit, answered))
    return result
