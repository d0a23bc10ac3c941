"""Who is at the console, connected to which database, with which use cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from operator_console.domain.permissions import StaffIdentity as StaffIdentity
from operator_console.services.addresses.search import AddressSearch
from operator_console.services.admin.changes import ChangeLogDesk
from operator_console.services.admin.city.desk import CityDesk
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.dashboard.desk import DashboardDesk
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.escalation.rule_desk import RuleDesk
from operator_console.services.intake.gateway import IntakeGateway
from operator_console.services.intake.submission import IntakeUnitOfWork
from operator_console.services.messages.book import MessageBook
from operator_console.services.queues.directory import QueueDirectory, SavedFilterStore
from operator_console.services.queues.request_list import RequestListReader
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.staff.desk import StaffDesk
from operator_console.services.worklists.desk import WorklistDesk


@dataclass(frozen=True)
class ConsoleSession:
    """Everything the screens need, wired by the app; widgets see only this."""

    database_label: str
    dialect: str
    city_name: str
    time_zone: str  # the city's (IANA name); every time on screen is on its clock
    staff: StaffIdentity
    requests: RequestListReader
    intake: IntakeGateway
    intake_work: Callable[[], IntakeUnitOfWork]  # a new transaction for a submission
    addresses: AddressSearch
    duplicates: DuplicateDesk
    queue_directory: QueueDirectory
    saved_filters: SavedFilterStore
    case_desk: CaseDesk
    case_search: CaseSearch | None = None  # finding any case, open or closed
    worklists: WorklistDesk | None = None  # my cases and the saved searches
    staff_desk: StaffDesk | None = None  # staff administration, for an admin's console
    change_log: ChangeLogDesk | None = None  # the configuration's audit trail, for an admin
    queue_admin: QueueDesk | None = None  # queues and teams administration, for an admin
    city_admin: CityDesk | None = None  # the city's settings, for an admin
    routing_admin: RoutingDesk | None = None  # routing rules and their tester, for an admin
    sla_admin: SlaDesk | None = None  # SLA policies, calendars and closure days, for an admin
    escalation_rules: RuleDesk | None = None  # the SLA clock's escalation rules, for an admin
    dashboard: DashboardDesk | None = None  # the city's figures, for supervisors and admins
    message_book: MessageBook | None = None  # residents' message templates; None: the shipped
