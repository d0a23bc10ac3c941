"""Builds the session and the main window from an opened database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from operator_console.app.admin_wiring import (
    add_administration,
    follow_configuration,
    start_config_bus,
)
from operator_console.app.alert_wiring import AlertSetup, add_alerts
from operator_console.app.dashboard_wiring import add_dashboard, dashboard_desk_for
from operator_console.app.messages_wiring import MessagesSetup, add_messages
from operator_console.app.queue_wiring import (
    add_queue_panels,
    saved_filters_path,
    start_change_bus,
)
from operator_console.app.routing_wiring import add_routing_page, routing_desk_for
from operator_console.app.rule_wiring import add_escalation_rules_page, rule_desk_for
from operator_console.app.search_wiring import add_search
from operator_console.app.sla_wiring import add_sla_page, sla_desk_for
from operator_console.app.worklist_wiring import add_worklists, worklist_desk_for
from operator_console.domain.permissions import Action, permits
from operator_console.services.admin.changes import ChangeLogDesk
from operator_console.services.admin.city.desk import CityDesk
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.changes import ChangeFeed
from operator_console.services.config_changes import ConfigFeed
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.messages.book import default_book
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.services.staff.desk import StaffDesk
from operator_console.storage.addresses.search import SqlAddressSearch
from operator_console.storage.admin.changes import SqlChangeLog
from operator_console.storage.admin.city.store import SqlCityAdminUnitOfWork
from operator_console.storage.admin.queues.store import SqlQueueAdminUnitOfWork
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.database import OpenedDatabase
from operator_console.storage.duplicates.store import SqlDuplicateStore
from operator_console.storage.intake.draft_files import FileDraftJournal
from operator_console.storage.intake.gateway import SqlIntakeGateway
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.storage.queues.directory import SqlQueueDirectory
from operator_console.storage.queues.request_list import SqlRequestListReader
from operator_console.storage.queues.saved_filters import JsonSavedFilters
from operator_console.storage.search.reads import SqlSearchReads
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.duplicates.candidates_panel import CandidatesPanel
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.map.page import BaseMap
from operator_console.ui.queues.requests_panel import RequestsPanel
from operator_console.ui.shell.main_window import MainWindow


def build_session(database: OpenedDatabase, staff: StaffIdentity) -> ConsoleSession:
    """The use cases every screen needs, over one engine."""
    addresses = SqlAddressSearch(database.engine)
    duplicates = SqlDuplicateStore(database.engine)
    book = default_book()

    def nearest_label(lat: float, lon: float) -> str | None:
        match = addresses.nearest(lat, lon)
        return match.label if match else None

    session = ConsoleSession(
        database_label=database.label,
        dialect=database.dialect,
        city_name=database.city_name,
        time_zone=database.time_zone,
        staff=staff,
        requests=SqlRequestListReader(database.engine),
        intake=SqlIntakeGateway(database.engine, nearest_label),
        intake_work=lambda: SqlIntakeUnitOfWork(database.engine),
        addresses=addresses,
        duplicates=DuplicateDesk(duplicates.unit_of_work, duplicates.reads, staff, book=book),
        queue_directory=SqlQueueDirectory(database.engine),
        saved_filters=JsonSavedFilters(saved_filters_path(staff.login)),
        case_desk=CaseDesk(
            lambda: SqlCaseUnitOfWork(database.engine),
            staff,
            new_detail_reader=lambda: SqlCaseDetailReader(database.engine),
            book=book,
        ),
        case_search=CaseSearch(lambda: SqlSearchReads(database.engine), staff),
        worklists=worklist_desk_for(database.engine, staff),
        staff_desk=(
            StaffDesk(lambda: SqlStaffUnitOfWork(database.engine), staff)
            if permits(staff.role, Action.MANAGE_STAFF)
            else None
        ),
        message_book=book,
        dashboard=dashboard_desk_for(database.engine, staff),
    )
    if permits(staff.role, Action.CONFIGURE):
        session = replace(
            session,
            change_log=ChangeLogDesk(SqlChangeLog(database.engine), staff),
            queue_admin=QueueDesk(lambda: SqlQueueAdminUnitOfWork(database.engine), staff),
            city_admin=CityDesk(lambda: SqlCityAdminUnitOfWork(database.engine), staff),
            routing_admin=routing_desk_for(database.engine, staff),
            sla_admin=sla_desk_for(database.engine, staff),
            escalation_rules=rule_desk_for(database.engine, staff),
        )
    return session


def build_main_window(
    session: ConsoleSession,
    runner: BackgroundRunner,
    drafts_dir: Path,
    base_map: BaseMap | None = None,
    change_feed: ChangeFeed | None = None,
    config_feed: ConfigFeed | None = None,
    alerts: AlertSetup | None = None,
    messages: MessagesSetup | None = None,
) -> MainWindow:
    """The main window with every screen in it, each asked to load its data.

    `change_feed` (see `queue_wiring.change_feed_for`) feeds the window's change bus and
    `config_feed` (`admin_wiring.config_feed_for`) its configuration bus; both are stopped when
    the application quits or the window is destroyed. `alerts` (`alert_wiring.alerts_for`)
    starts the console's SLA clock and, for those who see alerts, the alerts dock.
    `messages` (`messages_wiring.messages_for`) adds the Messages tab.
    """
    window = MainWindow(session)
    journal = FileDraftJournal(drafts_dir)
    presenter = IntakePresenter(session, runner, journal)
    candidates = CandidatesPanel(runner, session.duplicates)
    intake = IntakePanel(presenter, base_map or BaseMap(), candidates)
    window.add_panel("intake", QCoreApplication.translate("MainWindow", "Intake"), intake)
    requests = RequestsPanel(session, runner)
    window.add_panel("requests", QCoreApplication.translate("MainWindow", "Requests"), requests)
    bus = start_change_bus(window, change_feed)
    config_bus = start_config_bus(window, config_feed)
    intake.changes_made.connect(bus.publish)
    bus.requests_changed.connect(requests.on_requests_changed)
    open_case = add_queue_panels(window, session, runner, bus, base_map)
    requests.case_opened.connect(open_case)
    popup = add_search(window, session, runner, open_case)
    add_worklists(window, session, runner, bus, open_case, popup)
    add_dashboard(window, session, runner, bus, open_case, base_map)
    if messages is not None:
        add_messages(window, messages, runner, session.time_zone, open_case)
    follow_configuration(window, presenter, config_bus)
    admin = add_administration(window, session, runner, config_bus, base_map)
    add_routing_page(admin, session, runner, config_bus, base_map)
    add_sla_page(admin, session, runner, config_bus)
    rules_page = add_escalation_rules_page(admin, session, runner, config_bus)
    if alerts is not None:
        alerts_panel = add_alerts(window, alerts, session, runner, open_case)
        if alerts_panel is not None and rules_page is not None:  # how often each rule fired
            alerts_panel.count_changed.connect(lambda _count: rules_page.refresh())
    intake.load()
    window.refresh_all()
    return window
