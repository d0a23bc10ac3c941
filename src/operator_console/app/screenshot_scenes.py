"""Staged scenes for `--screenshot`: each screen with the data an operator would see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from operator_console.app.dashboard_scenes import dashboard_scenes
from operator_console.app.messages_scenes import messages_scenes
from operator_console.app.queue_scenes import queue_scenes
from operator_console.app.search_scenes import search_scenes
from operator_console.app.worklist_scenes import worklist_scenes
from operator_console.services.addresses.search import AddressMatch
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.routing.page import RoutingPage
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.staff.panel import StaffPanel

EXAMPLE_PHONE = "617 555 0142"
EXAMPLE_SERVICE = "street-light-outages"
EXAMPLE_ADDRESS = "Exeter St & Newbury St"
EXAMPLE_STAFF = "dispatcher1"
EXAMPLE_ROUTING_SERVICE = "abandoned-bicycle"
EXAMPLE_ROUTING_ADDRESS = "1102 Washington St"


@dataclass
class Scene:
    """One PNG: which panel to show, how to stage it, and when it is ready to grab."""

    name: str
    panel: str
    stage: Callable[[], None]
    ready: Callable[[], bool]


def scenes(window: MainWindow, may_submit: bool) -> list[Scene]:
    """The scenes in order; the read-back needs a submission, so only on a scratch copy."""
    panels = window.panels()
    intake = panels.get("intake")
    result: list[Scene] = []
    if isinstance(intake, IntakePanel):
        result.append(
            Scene("intake", "intake", lambda: _stage_call(intake), lambda: _mid_call(intake))
        )
        if may_submit:
            result.append(
                Scene("intake-read-back", "intake", intake.submit, intake.ui.readBackCard.isVisible)
            )
    result.extend(queue_scenes(panels))
    result.extend(search_scenes(window))
    result.extend(worklist_scenes(window, may_submit))
    result.extend(messages_scenes(window, may_submit))
    result.extend(dashboard_scenes(window))
    admin = panels.get("admin")  # an admin's window
    if isinstance(admin, AdministrationPanel):
        result.extend(admin_scenes(admin))
    staged = {scene.panel for scene in result}
    for name in panels:
        if name not in staged:
            result.append(Scene(name, name, lambda: None, lambda: True))
    return result


def admin_scenes(admin: AdministrationPanel) -> list[Scene]:
    """One scene per section of the Administration tab, the section shown."""
    result: list[Scene] = []
    for name in admin.page_names():
        page = admin.page(name)

        def stage(name: str = name, page: object = page) -> None:
            admin.show_page(name)
            if isinstance(page, StaffPanel):
                page.select_login(EXAMPLE_STAFF)
            if isinstance(page, RoutingPage):
                _stage_routing(page)

        def ready(page: object = page) -> bool:
            if isinstance(page, StaffPanel):
                return page.model.row_of(EXAMPLE_STAFF) is not None
            if isinstance(page, RoutingPage):
                return _routing_tested(page)
            loaded = getattr(page, "loaded", None)  # a page that reads its data says when
            return bool(loaded()) if callable(loaded) else True

        shot = "staff" if name == "staff" else f"admin-{name}"  # docs/staff.md shows staff.png
        result.append(Scene(shot, "admin", stage, ready))
    return result


def _stage_routing(page: RoutingPage) -> None:
    """The rules for one service, and the tester at an address where a district's rule wins."""
    page.filters.service.choose((EXAMPLE_ROUTING_SERVICE, ""))
    page.refresh()
    page.tester.service.choose(EXAMPLE_ROUTING_SERVICE)
    page.tester.test_address(EXAMPLE_ROUTING_ADDRESS)


def _routing_tested(page: RoutingPage) -> bool:
    view = page.tester.map_view
    map_ready = view is None or (view.ready and view.pin is not None)
    filtered = all(rule.target.service_code == EXAMPLE_ROUTING_SERVICE for rule in page.model.rules)
    return page.tester.answer is not None and filtered and page.model.rowCount() > 0 and map_ready


def _stage_call(panel: IntakePanel) -> None:
    ui = panel.ui
    ui.callerPhone.setText(EXAMPLE_PHONE)
    ui.callerFirstName.setText("Ana")
    ui.callerLastName.setText("Lopes")
    ui.callerEmail.setText("ana.lopes@example.org")
    panel.presenter.look_up_caller(EXAMPLE_PHONE)
    ui.locationAddress.setText(EXAMPLE_ADDRESS)

    def pin_first_match(_typed: str, matches: list[AddressMatch]) -> None:
        if matches and panel.fields.latitude is None:
            panel.use_address(matches[0])

    panel.presenter.address_suggestions_found.connect(pin_first_match)
    panel.presenter.suggest_addresses(EXAMPLE_ADDRESS)
    panel.categories.search("streetlight out")
    panel.categories.choose(EXAMPLE_SERVICE)
    panel.questions.set_answers({"lights_out": "several", "pole_number": "N0012002"})
    ui.descriptionEdit.setPlainText(
        "Three street lights out in a row since Friday; the block is dark at night."
    )


def _mid_call(panel: IntakePanel) -> bool:
    map_ready = panel.map_view is None or (panel.map_view.ready and panel.map_view.pin is not None)
    candidates = panel.candidates
    return (
        panel.fields.district_code is not None
        and (candidates is None or (not candidates.searching and bool(candidates.candidates)))
        and bool(panel.ui.routingPreview.text())
        and map_ready
    )
