"""Wires the Routing page (rules and the "where would this go?" tester) for an admin."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Engine

from operator_console.domain.permissions import Action, StaffIdentity, permits
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.session import ConsoleSession
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.routing.page import RoutingPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.map.page import BaseMap


def routing_desk_for(engine: Engine, staff: StaffIdentity) -> RoutingDesk | None:
    """Routing administration over `engine`, for an admin; None for anyone else."""
    if not permits(staff.role, Action.CONFIGURE):
        return None
    return RoutingDesk(
        lambda: SqlRoutingAdminUnitOfWork(engine), lambda: SqlRoutingTestReads(engine), staff
    )


def add_routing_page(
    admin: AdministrationPanel | None,
    session: ConsoleSession,
    runner: BackgroundRunner,
    config_bus: ConfigBus,
    base_map: BaseMap | None,
) -> RoutingPage | None:
    """The Routing section of the Administration tab, when the console has one and may route."""
    if admin is None or session.routing_admin is None:
        return None
    page = RoutingPage(
        session.routing_admin,
        runner,
        config_bus,
        places=session.addresses,
        map_setup=session.intake.map_setup,
        base_map=base_map,
    )
    admin.add_page("routing", QCoreApplication.translate("MainWindow", "Routing"), page)
    return page
