"""Wires the SLA & calendars page (policies, calendars, closure days) for an admin."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Engine

from operator_console.domain.permissions import Action, StaffIdentity, permits
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.session import ConsoleSession
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.sla.page import SlaPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus


def sla_desk_for(engine: Engine, staff: StaffIdentity) -> SlaDesk | None:
    """SLA administration over `engine`, for an admin; None for anyone else."""
    if not permits(staff.role, Action.CONFIGURE):
        return None
    return SlaDesk(lambda: SqlSlaUnitOfWork(engine), staff)


def add_sla_page(
    admin: AdministrationPanel | None,
    session: ConsoleSession,
    runner: BackgroundRunner,
    config_bus: ConfigBus,
) -> SlaPage | None:
    """The SLA & calendars section of the Administration tab, for an admin's console."""
    if admin is None or session.sla_admin is None:
        return None
    page = SlaPage(session.sla_admin, runner, config_bus)
    admin.add_page("sla", QCoreApplication.translate("MainWindow", "SLA & calendars"), page)
    return page
