"""The live duplicate panel on a real database: numbered candidates, latest wins, attach key."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from operator_console.domain.caller import Caller
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.duplicates.finder import CandidateView
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.duplicates.store import SqlDuplicateStore
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.duplicates.candidates_panel import CandidatesPanel
from tests.support.duplicates import (
    ANA,
    BEN,
    HARBOR,
    LIGHTS,
    LIGHTS_ANSWERS,
    VEHICLES,
    count,
    duplicate_desk,
    newest_open_request,
    offset,
    request_row,
    submit_call,
)
from tests.support.staff import OPERATOR2, OPERATOR3

PIER = "1 Harbor Pier, Boston, MA"
VAN = "Grey van with flat tyres, untouched for weeks."
WAIT_MS = 10_000


class GatedDesk(DuplicateDesk):
    """The real use cases as operator2, except that searches at `slow_lat` wait until
    `release` is set."""

    def __init__(self, engine: Engine, slow_lat: float) -> None:
        store = SqlDuplicateStore(engine)
        super().__init__(store.unit_of_work, store.reads, OPERATOR2)
        self.slow_lat = slow_lat
        self.slow_started = threading.Event()
        self.release = threading.Event()
        self.slow_finished = threading.Event()

    def candidates(
        self, service_code: str, lat: float, lon: float, description: str, address: str
    ) -> list[CandidateView]:
        if lat != self.slow_lat:
            return super().candidates(service_code, lat, lon, description, address)
        self.slow_started.set()
        self.release.wait(WAIT_MS / 1000)
        try:
            return super().candidates(service_code, lat, lon, description, address)
        finally:
            self.slow_finished.set()


def _panel(qtbot: QtBot, runner: BackgroundRunner, desk: DuplicateDesk) -> CandidatesPanel:
    panel = CandidatesPanel(runner, desk)
    qtbot.addWidget(panel)
    panel.resize(520, 640)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def answer(qtbot: QtBot, panel: CandidatesPanel, key: Qt.Key) -> str:
    """Wait for the "Add this caller to …?" question, answer it with `key`; its text."""
    qtbot.waitUntil(lambda: panel.question is not None and panel.question.isVisible())
    question = panel.question
    assert question is not None
    text = question.text()
    qtbot.keyClick(question, key)
    qtbot.waitUntil(lambda: panel.question is None)
    return text


def test_a_search_at_a_pin_shows_numbered_candidates(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2))
    with qtbot.waitSignal(panel.candidates_shown, timeout=WAIT_MS) as shown:
        panel.search(VEHICLES, *offset(*HARBOR, north_m=10), VAN, PIER)
    (marker,) = shown.args[0]
    assert marker[0] == 1 and existing.reference in marker[3]
    card = panel.cards[0]
    assert card.isVisible() and not panel.cards[1].isVisible()
    assert existing.reference in card.title.text()
    assert card.verdict.text() == "Likely the same problem"
    reasons = card.reasons.text().replace("\u00a0", " ")
    assert re.fullmatch(
        r"Same address · same category · open · opened \d+ min ago · 10 m away", reasons
    )
    assert card.facts.text().replace("\u00a0", " ") == f"{PIER} · In queue · 1 caller"
    assert card.advice.text() == "Add the caller unless they describe something else."
    assert card.attach_button.isVisible() and card.note.isHidden()
    with qtbot.waitSignal(panel.candidates_shown, timeout=WAIT_MS) as cleared:
        panel.search("", None, None, "", "")
    assert cleared.args == [[]] and not card.isVisible()


def test_an_older_slower_search_never_overwrites_a_newer_one(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    elsewhere = newest_open_request(engine)
    near_harbor = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    slow_pin = offset(elsewhere.lat, elsewhere.lon, north_m=15)
    finder = GatedDesk(engine, slow_pin[0])
    panel = _panel(qtbot, runner, finder)
    shown: list[list[object]] = []
    panel.candidates_shown.connect(shown.append)
    try:
        panel.search(VEHICLES, *slow_pin, "", "")
        qtbot.waitUntil(finder.slow_started.is_set, timeout=WAIT_MS)
        with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
            panel.search(VEHICLES, *offset(*HARBOR, east_m=8), VAN, PIER)
    finally:
        finder.release.set()
    qtbot.waitUntil(finder.slow_finished.is_set, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    assert [c.reference for c in panel.candidates] == [near_harbor.reference]
    assert len(shown) == 1
    assert elsewhere.reference not in str(shown)


def test_alt_1_then_the_attach_key_adds_the_caller_to_the_existing_request(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2))
    panel.set_caller_source(lambda: BEN)
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        panel.search(VEHICLES, *offset(*HARBOR, north_m=20), VAN, "")
    requests_before = count(engine, service_requests)

    qtbot.keyClick(panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert panel.highlighted is not None and panel.highlighted.reference == existing.reference
    assert panel.list.detail_box.isVisible()
    assert existing.reference in panel.list.details_title.text()
    qtbot.keyClick(
        panel, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    with qtbot.waitSignal(panel.caller_attached, timeout=WAIT_MS) as attached:
        asked = answer(qtbot, panel, Qt.Key.Key_Return)
    assert asked == f"Add this caller to {existing.reference}?"

    receipt = attached.args[0]
    assert (receipt.reference, receipt.callers) == (existing.reference, 2)
    assert count(engine, service_requests) == requests_before
    assert request_row(engine, existing.request_id).callers_count == 2
    assert existing.reference in panel.feedback.text()
    qtbot.waitUntil(lambda: bool(panel.candidates) and panel.candidates[0].callers == 2)


def test_a_request_that_changed_meanwhile_is_not_attached_and_says_why(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2))
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        panel.search(VEHICLES, *HARBOR, VAN, PIER)
    shown = panel.candidates[0]
    duplicate_desk(engine, OPERATOR3).attach_caller(shown.request_id, shown.version, BEN)
    with qtbot.waitSignal(panel.attach_failed, timeout=WAIT_MS) as failed:
        panel.attach(shown, Caller("Cy", "Ng", "617 555 0123", ""))
    assert failed.args[0].startswith(f"{shown.reference} changed since it was shown")
    assert "callers 1 → 2" in failed.args[0]
    assert request_row(engine, shown.request_id).callers_count == 2


def test_a_click_on_the_card_then_alt_a_also_attaches(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2))
    panel.set_caller_source(lambda: BEN)
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        panel.search(VEHICLES, *HARBOR, VAN, PIER)
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert "Choose a candidate first" in panel.feedback.text()
    with qtbot.waitSignal(panel.candidate_highlighted) as highlighted:
        qtbot.mouseClick(panel.cards[0], Qt.MouseButton.LeftButton)
    assert highlighted.args[0].reference == existing.reference
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(panel.caller_attached, timeout=WAIT_MS) as attached:
        answer(qtbot, panel, Qt.Key.Key_Enter)
    assert attached.args[0].reference == existing.reference


def test_the_button_on_the_card_asks_first_and_escape_adds_nothing(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    engine = make_engine(demo_pg_url)
    existing = submit_call(engine, ANA, *HARBOR, VAN, PIER)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2))
    panel.set_caller_source(lambda: BEN)
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        panel.search(VEHICLES, *HARBOR, VAN, PIER)
    button = panel.cards[0].attach_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.highlighted is not None and panel.highlighted.reference == existing.reference
    assert answer(qtbot, panel, Qt.Key.Key_Escape) == f"Add this caller to {existing.reference}?"
    assert request_row(engine, existing.request_id).callers_count == 1
    assert not panel.feedback.text()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.caller_attached, timeout=WAIT_MS):
        answer(qtbot, panel, Qt.Key.Key_Return)
    assert request_row(engine, existing.request_id).callers_count == 2


def test_an_open_request_at_the_same_address_is_never_told_apart_by_a_low_score(
    qtbot: QtBot, runner: BackgroundRunner, demo_pg_url: str
) -> None:
    """The issue's case: a street light reported 10 days ago at this address, still open.
    The city closes about 1 in 100 street-light reports as duplicates, so it scores near 5%."""
    engine = make_engine(demo_pg_url)
    address = "2 Harbor Pier, Boston, MA"
    existing = submit_call(
        engine, ANA, *HARBOR, "", address, service_code=LIGHTS, answers=LIGHTS_ANSWERS
    )
    ten_days_on = datetime.now(UTC) + timedelta(days=10)
    panel = _panel(qtbot, runner, duplicate_desk(engine, OPERATOR2, clock=lambda: ten_days_on))
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        panel.search(LIGHTS, *HARBOR, "", address.upper())
    (shown,) = panel.candidates
    assert shown.reference == existing.reference and shown.score < 0.1
    card = panel.cards[0]
    reasons = card.reasons.text().replace("\u00a0", " ")
    assert reasons == "Same address · same category · open · opened 10 d ago · 0 m away"
    assert card.verdict.text() == "Could well be the same problem"
    assert "same problem" in card.advice.text() and "add them" in card.advice.text()
    note = card.note.text()
    assert card.note.isVisible() and "Street Light Outages" in note and "1%" in note
    assert "does not make this a different problem" in note
    assert panel.state_label.text().startswith("1 nearby, 1 at the same address and still open")
    qtbot.keyClick(panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    details = panel.list.details.text()
    assert "likely the same problem" not in details.lower()
    assert "how often the city closed reports like this as duplicates" in details
