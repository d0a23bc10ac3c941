"""The Routing page on the demo city (SQLite): an admin filters the rules, adds one through the
dialog from the keyboard, tests where a request would go, is told of a rule changed meanwhile,
and removes a rule after saying yes; another console's change reloads the table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.services.addresses.search import AddressMatch
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.ports import DistrictKey, RuleDraft, RuleFilter
from operator_console.storage.addresses.search import SqlAddressSearch
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.db.database import open_database
from operator_console.storage.db.tables import addresses, config_events, districts, queues
from operator_console.storage.feeds.config import SqliteConfigFeed
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.routing.page import RoutingPage
from operator_console.ui.admin.routing.rule_dialog import RuleDialog
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from tests.support.staff import ADMIN1
from tests.ui.screen_support import open_demo_window, reachable, screen_rect

WAIT_MS = 15_000
BICYCLE = "abandoned-bicycle"


@pytest.fixture
def engine(demo_sqlite_url: str) -> Iterator[Engine]:
    database = open_database(demo_sqlite_url, migrate=False)
    yield database.engine
    database.engine.dispose()


def routing_desk(engine: Engine) -> RoutingDesk:
    return RoutingDesk(
        lambda: SqlRoutingAdminUnitOfWork(engine),
        lambda: SqlRoutingTestReads(engine),
        ADMIN1,
    )


@pytest.fixture
def bus(qtbot: QtBot, demo_sqlite_url: str) -> Iterator[ConfigBus]:
    bus = ConfigBus()
    with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
        bus.attach(SqliteConfigFeed(demo_sqlite_url.removeprefix("sqlite:///"), interval=0.05))
    yield bus
    bus.shutdown()


@pytest.fixture
def page(engine: Engine, runner: BackgroundRunner, bus: ConfigBus, qtbot: QtBot) -> RoutingPage:
    shown = RoutingPage(routing_desk(engine), runner, bus, places=SqlAddressSearch(engine))
    qtbot.addWidget(shown)
    shown.resize(1280, 680)
    shown.show()
    qtbot.waitExposed(shown)
    shown.refresh()
    qtbot.waitUntil(lambda: shown.model.rowCount() > 0, timeout=WAIT_MS)
    return shown


def ward_address(engine: Engine, ward: str) -> AddressMatch:
    with engine.connect() as connection:
        row = connection.execute(
            select(addresses.c.id, addresses.c.full_address, addresses.c.lat, addresses.c.lon)
            .join(districts, districts.c.id == addresses.c.district_id)
            .where(districts.c.code == ward)
            .order_by(addresses.c.id)
            .limit(1)
        ).one()
    return AddressMatch(row.id, row.full_address, row.lat, row.lon, None, "address")


def test_the_table_is_filtered_by_service(page: RoutingPage, qtbot: QtBot) -> None:
    everything = page.model.rowCount()
    page.filters.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() < everything, timeout=WAIT_MS)
    assert {rule.target.service_code for rule in page.model.rules} == {BICYCLE}
    page.filters.district.choose(DistrictKey("ward", "3"))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.model.rule_at(0).district_name == "Ward 3"
    page.filters.service.choose(("", ""))
    page.filters.queue.choose("PWDx_Bridge Maintenance")
    page.filters.district.choose(None)
    page.refresh()
    qtbot.waitUntil(
        lambda: {r.target.queue_code for r in page.model.rules} == {"PWDx_Bridge Maintenance"},
        timeout=WAIT_MS,
    )


def test_an_admin_adds_a_rule_from_the_keyboard_and_the_tester_follows_it(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    place = ward_address(engine, "3")
    page.tester.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    page.tester.test_point(place.lat, place.lon)
    qtbot.waitUntil(lambda: page.tester.answer is not None, timeout=WAIT_MS)
    assert "because Abandoned Bicycle in Ward 3 goes there" in page.tester.sentence.text()
    assert page.tester.where.text() == "In: Ward 3 (ward)"

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    dialog.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    dialog.layer.setCurrentIndex(dialog.layer.findData("ward"))
    dialog.district.setCurrentText("Ward 3 (3)")
    dialog.queue.lineEdit().clear()
    qtbot.keyClicks(dialog.queue.lineEdit(), "Bridge Maintenance (PWDx_Bridge Maintenance)")
    dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
    dialog.rank.setText("first")
    qtbot.keyClicks(dialog.note, "Bridge crew takes Ward 3 bikes")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.refusal.isVisible, timeout=WAIT_MS)
    assert "The rank must be a whole number" in dialog.refusal.text()
    rank_row = dialog.form.getWidgetPosition(dialog.rank)[0]  # type: ignore[index]
    assert dialog.form.getWidgetPosition(dialog.refusal)[0] == rank_row + 1  # type: ignore[index]
    assert dialog.rank.hasFocus() or dialog.focusWidget() is dialog.rank
    assert dialog.isVisible() and dialog.note.text() == "Bridge crew takes Ward 3 bikes"

    dialog.rank.setText("1")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT_MS)
    added = page.selected()
    assert added is not None and added.target.queue_code == "PWDx_Bridge Maintenance"
    assert page.notice.text().startswith(f"Added rule {added.id}. Routing: Abandoned Bicycle")
    qtbot.waitUntil(
        lambda: (
            page.tester.answer is not None
            and page.tester.answer.queue_code == "PWDx_Bridge Maintenance"
        ),
        timeout=WAIT_MS,
    )
    assert page.tester.sentence.text() == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Ward 3 goes there "
        f"(rule {added.id}, priority urgent)."
    )
    assert "has a higher rank (10)" in page.tester.losers.text()
    with engine.connect() as connection:
        kinds = connection.execute(
            select(config_events.c.kind).where(config_events.c.kind.like("routing_%"))
        ).scalars()
        assert list(kinds) == ["routing_rule_added"]


def test_an_address_typed_in_the_tester_puts_the_pin_and_tests(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    place = ward_address(engine, "3")
    page.tester.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    address_label = next(
        label for label in page.tester.findChildren(QLabel) if label.text() == "A&ddress:"
    )
    assert address_label.buddy() is page.tester.address  # Alt+D, and no '&' shown
    page.tester.address.setFocus()
    qtbot.keyClicks(page.tester.address, place.label.split(",")[0])
    qtbot.waitUntil(lambda: bool(page.tester.suggestions), timeout=WAIT_MS)
    label = next(iter(page.tester.suggestions))
    page.tester.address.setText(label)
    qtbot.keyClick(page.tester.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tester.answer is not None, timeout=WAIT_MS)
    assert page.tester.sentence.text().startswith("Routed to ")


def test_a_rule_changed_meanwhile_is_refused_in_the_dialog_and_the_table_reloads(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    rule = page.model.rule_at(0)
    page.select_rule(rule.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    other = routing_desk(engine)
    draft = RuleDraft(
        service_code=rule.target.service_code or "",
        service_group=rule.target.service_group or "",
        district_layer=rule.target.district.layer if rule.target.district else "",
        district_code=rule.target.district.code if rule.target.district else "",
        queue_code="PWDx_Bridge Maintenance",
        rank=str(rule.target.rank),
        note=rule.target.note,
    )
    other.change(rule, draft)  # another console, meanwhile
    dialog.rank.setText("55")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.refusal.isVisible, timeout=WAIT_MS)
    assert "someone changed it meanwhile: its queue is now Bridge Maintenance" in (
        dialog.refusal.text()
    )
    qtbot.waitUntil(
        lambda: page.model.rule_at(0).target.queue_code == "PWDx_Bridge Maintenance",
        timeout=WAIT_MS,
    )
    assert page.selected() is not None and page.selected().id == rule.id


def test_a_rule_is_removed_after_saying_yes_and_another_console_s_change_reloads(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    rule = page.model.rule_at(3)
    page.select_rule(rule.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    question = page.question
    assert isinstance(question, QMessageBox)
    assert question.text() == f"Remove rule {rule.id}?"
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert page.model.row_of(rule.id) is not None
    page.remove_button.click()
    assert page.question is not None
    next(b for b in page.question.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: page.model.row_of(rule.id) is None, timeout=WAIT_MS)
    assert page.notice.text().startswith(f"Removed rule {rule.id}.")

    kept = page.model.rule_at(page.model.rowCount() - 3)
    page.select_rule(kept.id)
    page.table.scrollToBottom()
    scrolled = page.table.verticalScrollBar().value()
    assert scrolled > 0
    added = routing_desk(engine).add(
        RuleDraft(service_code=BICYCLE, queue_code="PWDx_Bridge Maintenance", rank="7")
    )
    qtbot.waitUntil(lambda: page.model.row_of(added.rule_id) is not None, timeout=WAIT_MS)
    assert page.selected() is not None and page.selected().id == kept.id
    assert page.table.verticalScrollBar().value() == scrolled


def test_the_tester_asks_again_when_another_console_changes_the_rules(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    place = ward_address(engine, "3")
    page.tester.service.choose(BICYCLE)
    page.tester.test_point(place.lat, place.lon)
    qtbot.waitUntil(lambda: page.tester.answer is not None, timeout=WAIT_MS)
    assert page.tester.answer is not None
    assert page.tester.answer.queue_code != "PWDx_Bridge Maintenance"
    draft = RuleDraft(BICYCLE, "", "ward", "3", "PWDx_Bridge Maintenance", rank="2")
    added = routing_desk(engine).add(draft)  # another console
    qtbot.waitUntil(
        lambda: (
            page.tester.answer is not None
            and page.tester.answer.queue_code == "PWDx_Bridge Maintenance"
        ),
        timeout=WAIT_MS,
    )
    assert f"(rule {added.rule_id})" in page.tester.sentence.text()
    assert routing_desk(engine).book(RuleFilter(service_code=BICYCLE)).rules


def test_an_admin_s_window_has_the_routing_page_at_1280_by_720(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(
        demo_sqlite_url, "admin1", runner, qtbot, tmp_path, (1280, 720), with_maps=False
    )
    administration = window.panels()["admin"]
    assert isinstance(administration, AdministrationPanel)
    assert "routing" in administration.page_names()
    window.show_panel("admin")
    administration.show_page("routing")
    page = window.findChild(RoutingPage, "routingPage")
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    screen = screen_rect((1280, 720))
    for widget in (
        page.table,
        page.add_button,
        page.edit_button,
        page.remove_button,
        page.filters.service,
        page.tester.service,
        page.tester.address,
        page.tester.test_button,
        page.tester.sentence,
    ):
        assert reachable(widget, window, screen), widget.objectName() or widget.accessibleName()


def test_a_rule_to_a_queue_made_inactive_keeps_it_in_the_dialog_and_is_told_why(
    page: RoutingPage, engine: Engine, qtbot: QtBot
) -> None:
    rule = page.model.rule_at(1)
    with engine.begin() as connection:
        connection.execute(
            queues.update().where(queues.c.code == rule.target.queue_code).values(active=False)
        )
    page.refresh()
    qtbot.waitUntil(
        lambda: rule.target.queue_code not in {q.code for q in page.choices.queues},
        timeout=WAIT_MS,
    )
    page.select_rule(rule.id)
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    assert dialog.queue.chosen() == rule.target.queue_code
    assert dialog.service.chosen() == (rule.target.service_code, "")
    dialog.rank.setText("11")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.refusal.isVisible, timeout=WAIT_MS)
    assert f"There is no active queue '{rule.target.queue_code}'" in dialog.refusal.text()
    assert dialog.queue.hasFocus() or dialog.focusWidget() is dialog.queue
