"""The City settings page: a bad time zone is refused at its field with what was typed kept;
a save says what changed; another console's save shows here without reloading."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.city.desk import CityDesk
from operator_console.storage.admin.city.store import SqlCityAdminUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.ui.admin.city.page import CityPage, draft_of
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.admin_support import WAIT_MS, administration, open_live_window, seed_small_city


def shown_page(window: MainWindow, qtbot: QtBot) -> CityPage:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    admin.show_page("city")
    page = admin.page("city")
    assert isinstance(page, CityPage)
    qtbot.waitUntil(lambda: page.fields["name"].text() == "Springfield", timeout=WAIT_MS)
    return page


def test_a_bad_time_zone_is_refused_at_its_field_and_the_fixed_one_is_saved(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    zone = page.fields["time_zone"]
    zone.setFocus()
    zone.selectAll()
    qtbot.keyClicks(zone, "America/Springfield")
    page.fields["name"].setText("Springfield 311")
    qtbot.keyClick(zone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    refusal = page.refusals["time_zone"]
    qtbot.waitUntil(refusal.isVisible, timeout=WAIT_MS)
    assert "America/Springfield is not a time zone" in refusal.text()
    assert zone.hasFocus() and page.fields["name"].text() == "Springfield 311"
    zone.setText("America/Chicago")
    page.fields["reference_prefix"].setText("SPX")
    qtbot.keyClick(zone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.notice.isVisible, timeout=WAIT_MS)
    assert page.notice.text().startswith("City settings: name Springfield → Springfield 311;")
    assert "existing references keep SPR-" in page.notice.text()
    assert not refusal.isVisible() and not page.edited()


def test_another_console_s_save_shows_here_without_reloading(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    engine = make_engine(sqlite_url)
    other = CityDesk(lambda: SqlCityAdminUnitOfWork(engine), StaffIdentity("admin2", "Bo", "admin"))
    before = other.settings()
    other.save(before, replace(draft_of(before), name="Shelbyville", map_zoom="14"))
    engine.dispose()
    qtbot.waitUntil(lambda: page.fields["name"].text() == "Shelbyville", timeout=WAIT_MS)
    assert page.fields["map_zoom"].text() == "14"
