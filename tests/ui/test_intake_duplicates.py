"""Duplicates inside the call: the pin and category bring candidates, one key attaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.services.addresses.search import AddressMatch
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import request_events, service_requests
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from tests.support.duplicates import ANA, HARBOR, VEHICLES, count, offset, request_row, submit_call
from tests.ui.intake_support import intake_of, open_intake
from tests.ui.map_support import click, pixel_of, summary, wait_settled
from tests.ui.screen_support import open_demo_window

PIER = "1 Harbor Pier, Boston, MA"
VAN = "Grey van with flat tyres, untouched for weeks."
WAIT_MS = 10_000


def _take_call_near_the_pier(qtbot: QtBot, panel: IntakePanel) -> None:
    """Ben calls about the van: his details, a pin 12 m from Ana's report, the category."""
    ui, candidates = panel.ui, panel.candidates
    assert candidates is not None
    qtbot.keyClicks(ui.callerPhone, "617-555-0199")
    qtbot.keyClicks(ui.callerFirstName, "Ben")
    qtbot.keyClicks(ui.callerLastName, "Okafor")
    lat, lon = offset(*HARBOR, north_m=12)
    panel.use_address(AddressMatch(0, PIER, lat, lon, None, "address"))
    assert candidates.candidates == []
    with qtbot.waitSignal(candidates.panel_painted, timeout=WAIT_MS):
        panel.categories.choose(VEHICLES)
        qtbot.keyClicks(ui.descriptionEdit, VAN)


def test_the_pin_and_category_bring_candidates_and_one_key_adds_the_caller(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path, with_candidates=True)
    candidates = panel.candidates
    assert candidates is not None
    _take_call_near_the_pier(qtbot, panel)
    assert candidates.candidates[0].reference == existing.reference
    assert candidates.candidates[0].likely_duplicate
    requests_before = count(engine, service_requests)

    qtbot.keyClick(panel.ui.descriptionEdit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.ui.descriptionEdit, Qt.Key.Key_A, both)
    qtbot.waitUntil(lambda: candidates.question is not None and candidates.question.isVisible())
    assert candidates.question is not None
    assert candidates.question.text() == f"Add this caller to {existing.reference}?"
    assert count(engine, service_requests) == requests_before
    assert request_row(engine, existing.request_id).callers_count == 1  # nothing before yes
    with qtbot.waitSignal(panel.changes_made, timeout=WAIT_MS) as published:
        qtbot.keyClick(candidates.question, Qt.Key.Key_Return)

    (change,) = published.args[0].changes
    assert change.request_id == existing.request_id
    ui = panel.ui
    assert ui.readBackCard.isVisible() and ui.readBackReference.text() == existing.reference
    assert "Already reported" in ui.readBackDetails.text()
    assert "Expected by:" in ui.readBackDetails.text()
    assert ui.callerPhone.text() == "" and ui.descriptionEdit.toPlainText() == ""
    assert candidates.candidates == []
    assert count(engine, service_requests) == requests_before
    assert request_row(engine, existing.request_id).callers_count == 2


def test_submitting_anyway_notes_the_passed_over_candidates_on_the_new_request(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path, with_candidates=True)
    _take_call_near_the_pier(qtbot, panel)
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=WAIT_MS) as submitted:
        panel.submit()
    receipt = submitted.args[0]
    assert receipt.reference != existing.reference
    e = request_events.c

    def noted() -> list[str | None]:
        with engine.connect() as connection:
            return list(
                connection.scalars(
                    select(e.to_value).where(
                        e.request_id == receipt.request_id,
                        e.kind == "submitted_despite_duplicate",
                    )
                )
            )

    qtbot.waitUntil(lambda: noted() == [existing.reference], timeout=WAIT_MS)


def test_a_pin_dropped_on_the_map_brings_numbered_candidates_on_list_and_map(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path, with_map=True, with_candidates=True)
    candidates = panel.candidates
    assert candidates is not None
    qtbot.waitUntil(lambda: panel.map_view is not None and panel.map_view.ready, timeout=20000)
    view = panel.map_view
    assert view is not None
    view.set_center(*HARBOR, 17)
    qtbot.waitUntil(lambda: summary(view, qtbot)["zoom"] == 17)
    wait_settled(view, qtbot)
    panel.categories.choose(VEHICLES)
    assert candidates.candidates == []

    with qtbot.waitSignal(candidates.panel_painted, timeout=WAIT_MS):
        click(view, pixel_of(view, qtbot, *offset(*HARBOR, north_m=15)))
    assert panel.fields.latitude is not None
    assert [c.reference for c in candidates.candidates] == [existing.reference]
    qtbot.waitUntil(lambda: summary(view, qtbot)["candidates"] == 1)
    with qtbot.waitSignal(candidates.candidate_highlighted, timeout=WAIT_MS) as highlighted:
        click(view, pixel_of(view, qtbot, *HARBOR))
    assert highlighted.args[0].reference == existing.reference


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    """Visible, at its full height, and clipped by none of its parents (a scroll area's
    viewport included)."""
    if not widget.isVisible() or widget.height() < widget.sizeHint().height():
        return False
    parent = widget.parentWidget()
    while parent is not None:
        on_parent = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(on_parent):
            return False
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768)])
def test_on_a_small_screen_each_card_shows_its_add_caller_button(
    screen: tuple[int, int],
    demo_pg_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    engine = make_engine(demo_pg_url)
    for n in range(5):
        submit_call(engine, ANA, *offset(*HARBOR, east_m=12 * n), VAN, PIER)
    window = open_demo_window(demo_pg_url, "operator1", runner, qtbot, tmp_path, size=screen)
    window.show_panel("intake")
    panel = intake_of(window)
    candidates = panel.candidates
    assert candidates is not None
    qtbot.waitUntil(lambda: panel.categories.service(VEHICLES) is not None, timeout=WAIT_MS)
    lat, lon = offset(*HARBOR, north_m=12)
    try:
        panel.use_address(AddressMatch(0, PIER, lat, lon, None, "address"))
        with qtbot.waitSignal(candidates.panel_painted, timeout=WAIT_MS):
            panel.categories.choose(VEHICLES)
        assert len(candidates.candidates) == 5
        qtbot.waitUntil(lambda: _fully_shown(candidates.cards[0].attach_button, window))
        for number in range(1, 6):
            key = Qt.Key(Qt.Key.Key_0.value + number)
            qtbot.keyClick(panel.ui.descriptionEdit, key, Qt.KeyboardModifier.AltModifier)
            button = candidates.cards[number - 1].attach_button
            qtbot.waitUntil(lambda button=button: _fully_shown(button, window))
    finally:
        panel.fields.clear()  # the window then closes without asking about the call
