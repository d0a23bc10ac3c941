"""Wires the Escalation rules page (the SLA clock's rules) for an admin."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Engine

from operator_console.domain.permissions import Action, StaffIdentity, permits
from operator_console.services.escalation.rule_desk import RuleDesk
from operator_console.services.session import ConsoleSession
from operator_console.storage.escalation.rule_store import SqlRuleStore
from operator_console.ui.admin.escalation.page import EscalationRulesPage
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus


def rule_desk_for(engine: Engine, staff: StaffIdentity) -> RuleDesk | None:
    """The escalation rules over `engine`, for an admin; None for anyone else."""
    if not permits(staff.role, Action.CONFIGURE):
        return None
    return RuleDesk(SqlRuleStore(engine), staff)


def add_escalation_rules_page(
    admin: AdministrationPanel | None,
    session: ConsoleSession,
    runner: BackgroundRunner,
    config_bus: ConfigBus,
) -> EscalationRulesPage | None:
    """The Escalation rules section of the Administration tab, for an admin's console."""
    if admin is None or session.escalation_rules is None:
        return None
    page = EscalationRulesPage(session.escalation_rules, runner, config_bus)
    title = QCoreApplication.translate("MainWindow", "Escalation rules")
    admin.add_page("escalation", title, page)
    return page
