"""Staged scenes for `--screenshot`: each screen with the data an operator would see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from operator_console.app.dashboard_scenes import dashboard_scenes
from operator_console.app.intake_scenes import intake_scenes
from operator_console.app.messages_scenes import messages_scenes
from operator_console.app.queue_scenes import queue_scenes
from operator_console.app.search_scenes import search_scenes
from operator_console.app.worklist_scenes import worklist_scenes
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.routing.page import RoutingPage
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.staff.panel import StaffPanel

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
        result.extend(intake_scenes(intake, may_submit))
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
        routing = _RoutingScene(page) if isinstance(page, RoutingPage) else None

        def stage(name: str = name) -> None:
            admin.show_page(name)

        def ready(page: object = page, routing: _RoutingScene | None = routing) -> bool:
            if isinstance(page, StaffPanel):
                return _staff_shown(page)
            if routing is not None:
                return routing.ready()
            loaded = getattr(page, "loaded", None)  # a page that reads its data says when
            return bool(loaded()) if callable(loaded) else True

        shot = "staff" if name == "staff" else f"admin-{name}"  # docs/staff.md shows staff.png
        result.append(Scene(shot, "admin", stage, ready))
    return result


def _staff_shown(page: StaffPanel) -> bool:
    """The staff list is in, with the example dispatcher chosen when the city has one."""
    if page.model.rowCount() == 0:
        return False
    if page.model.row_of(EXAMPLE_STAFF) is not None:
        page.select_login(EXAMPLE_STAFF)
    return True


class _RoutingScene:
    """The rules for one service, and the tester at an address where a district's rule wins
    (in the demo city; another city's page is shown as it opens). Staged once the page has
    read what rules may name."""

    def __init__(self, page: RoutingPage) -> None:
        self.page = page
        self.staged = False

    def ready(self) -> bool:
        page = self.page
        if not page.choices.services:
            return False
        if not any(service.code == EXAMPLE_ROUTING_SERVICE for service in page.choices.services):
            return True
        if not self.staged:
            self.staged = True
            page.filters.service.choose((EXAMPLE_ROUTING_SERVICE, ""))
            page.refresh()
            page.tester.service.choose(EXAMPLE_ROUTING_SERVICE)
            page.tester.test_address(EXAMPLE_ROUTING_ADDRESS)
            return False
        view = page.tester.map_view
        map_ready = view is None or (view.ready and view.pin is not None)
        filtered = all(
            rule.target.service_code == EXAMPLE_ROUTING_SERVICE for rule in page.model.rules
        )
        answered = page.tester.answer is not None and page.model.rowCount() > 0
        return answered and filtered and map_ready
