"""The live "already reported?" panel: candidates while the call is taken, one key to attach."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.caller import Caller, PhoneNumberError
from operator_console.domain.permissions import NotPermittedError
from operator_console.domain.wording import joined
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.duplicates.finder import (
    AttachReceipt,
    CandidateView,
    LinkRefusedError,
    RequestNotFoundError,
    StaleRequestError,
    describe_changes,
)
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown
from operator_console.ui.duplicates.candidate_list import MAX_SHOWN, CandidateList

DEBOUNCE_MS = 250
ATTACH_KEYS = ("Ctrl+Shift+A", "Alt+A")
Query = tuple[str, float, float, str, str]
ATTACH_REFUSALS = (LinkRefusedError, RequestNotFoundError, PhoneNumberError, NotPermittedError)
"""Why adding a caller may be refused, each said in words for the operator."""


class CandidatesPanel(QWidget):
    """Searches as the call is typed (debounced, the latest search wins) and shows up to five.

    Alt+1..Alt+5 highlights a candidate and shows its details; a card's "Add caller…" button,
    or Ctrl+Shift+A (or Alt+A) for the highlighted one, asks "Add this caller to BOS-…?"
    (Enter answers yes, Escape no) and then adds the caller: through `attach()` when a caller
    source is set (see `set_caller_source`), otherwise by emitting `attach_requested`.

    Attributes:
        question: the "Add this caller to …?" question while it is open, else None.

    Signals:
        candidates_shown(list): [(number, lat, lon, label)] now shown, for the map's markers.
        candidate_highlighted(object): the CandidateView highlighted, or None.
        attach_requested(object): the CandidateView to add the caller to (no caller source).
        caller_attached(object): the AttachReceipt; the caller now follows that request.
        attach_failed(str): why the caller was not added; nothing was written.
        search_failed(str): the candidates could not be read (why, in words); the problem
            line says so, and its Retry searches again.
        panel_painted(float): results applied and painted; milliseconds since the search left
            the debounce timer.
    """

    candidates_shown = Signal(list)
    candidate_highlighted = Signal(object)
    attach_requested = Signal(object)
    caller_attached = Signal(object)
    attach_failed = Signal(str)
    search_failed = Signal(str)
    panel_painted = Signal(float)

    def __init__(
        self,
        runner: BackgroundRunner,
        desk: DuplicateDesk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._key = f"duplicate-candidates-{id(self)}"
        self._caller_source: Callable[[], Caller] | None = None
        self._query: Query | None = None
        self._generation = 0
        self._attaching = False
        self.question: QMessageBox | None = None
        self.searching = False
        self.candidates: list[CandidateView] = []
        self.highlighted: CandidateView | None = None
        self.debounce_timer = QTimer(self)
        self.debounce_timer.setSingleShot(True)
        self.debounce_timer.setInterval(DEBOUNCE_MS)
        self.debounce_timer.timeout.connect(self._on_debounce_timer_timeout)
        self._build()
        self._add_shortcuts()

    def _build(self) -> None:
        title = QLabel(self.tr("Already reported?"), self)
        title.setStyleSheet("font-weight: 600; font-size: 13px;")
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("color: #57606a;")
        self.state_label.setWordWrap(True)
        self.list = CandidateList(self)
        self.list.card_clicked.connect(self.highlight)
        self.list.attach_clicked.connect(self._on_list_attach_clicked)
        self.cards = self.list.cards
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = ProblemLine(self)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addWidget(self.state_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.feedback)
        self.state_label.setText(self._waiting_text())

    def _add_shortcuts(self) -> None:
        for number in range(1, MAX_SHOWN + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number: self.highlight(n))
        for keys in ATTACH_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.request_attach)

    def shortcuts(self) -> list[tuple[str, str]]:
        """The panel's keys and what they do (the Help dialog lists them)."""
        look = [
            (f"Alt+{n}", self.tr("Look at candidate %1").replace("%1", str(n)))
            for n in range(1, MAX_SHOWN + 1)
        ]
        attach = self.tr("Add the caller to the candidate looked at (no new request)")
        return look + [(keys, attach) for keys in ATTACH_KEYS]

    def _waiting_text(self) -> str:
        return self.tr("Choose a category and place the pin to see requests nearby.")

    def set_caller_source(self, source: Callable[[], Caller] | None) -> None:
        """Where the attach key gets the caller (e.g. the intake form's caller fields)."""
        self._caller_source = source

    def search(
        self,
        service_code: str,
        lat: float | None,
        lon: float | None,
        description: str,
        address: str,
    ) -> None:
        """Look for candidates once the input rests for 250 ms; returns at once. Without a
        service or a pin the panel empties at once; the same input again changes nothing."""
        if not service_code or lat is None or lon is None:
            self.problem.resolve("search")  # nothing to search: the failed search is moot
            self._generation += 1
            self.debounce_timer.stop()
            self._query = None
            self.searching = False
            self._apply([], None)
            self.state_label.setText(self._waiting_text())
            return
        query = (service_code, lat, lon, description, address)
        if query == self._query:
            return  # shown, or on its way
        self._generation += 1
        self._query = query
        self.searching = True
        self.debounce_timer.start()

    def refresh(self) -> None:
        """Search again now for the current call (after an attach or a refused one)."""
        if self._query is not None:
            self._generation += 1
            self.debounce_timer.stop()
            self._on_debounce_timer_timeout()

    def clear(self) -> None:
        """A new call: no candidates, nothing highlighted, no message."""
        self.search("", None, None, "", "")
        self.feedback.clear()

    @Slot()
    def _on_debounce_timer_timeout(self) -> None:
        query, generation = self._query, self._generation
        if query is None:
            return
        fired = time.perf_counter()
        desk = self._desk
        self.state_label.setText(self.tr("Looking for requests nearby…"))
        self._runner.submit_latest(
            self._key,
            lambda: desk.candidates(*query),
            lambda views: self._on_found(views, generation, fired),
            lambda error: self._on_search_error(error, generation),
            owner=self,
        )

    def _on_found(self, views: list[CandidateView], generation: int, fired: float) -> None:
        if generation == self._generation:  # else the call changed: a newer search is coming
            self.searching = False
            self.problem.resolve("search")
            self._apply(views[:MAX_SHOWN], fired)

    def _on_search_error(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        failed, self._query = self._query, None  # the same search may be tried again
        self.searching = False
        message = reason_for(error)
        self.state_label.clear()
        self.problem.report(
            "search",
            self.tr("Could not look for requests nearby: %1").replace("%1", message),
            lambda: self.search(*failed) if failed is not None else None,
        )
        self.search_failed.emit(message)

    def _apply(self, views: Sequence[CandidateView], fired: float | None) -> None:
        kept = self.highlighted.request_id if self.highlighted else None
        self.candidates = list(views)
        self.list.show_candidates(self.candidates)
        still = [n for n, view in enumerate(self.candidates, 1) if view.request_id == kept]
        self._highlight_number(still[0] if still else None)
        if fired is not None:
            self.state_label.setText(self._found_text())
        self.candidates_shown.emit(
            [
                (n, view.lat, view.lon, f"{n}. {view.reference} · {view.service_name}")
                for n, view in enumerate(self.candidates, 1)
            ]
        )
        if fired is not None:
            if self.isVisible():
                self.list.settle()
                self.repaint()
            self.panel_painted.emit((time.perf_counter() - fired) * 1000.0)

    def _found_text(self) -> str:
        shown = len(self.candidates)
        likely = sum(view.verdict == "likely" for view in self.candidates)
        same_place = sum(view.verdict == "same_place" for view in self.candidates)
        if not shown:
            return self.tr("No request like this nearby.")
        keys = (
            self.tr("Alt+1 to look")
            if shown == 1
            else self.tr("Alt+1…Alt+%1 to look").replace("%1", str(shown))
        )
        if likely:
            return (
                self.tr("%1 nearby, %2 likely the same: %3.")
                .replace("%1", str(shown))
                .replace("%2", str(likely))
                .replace("%3", keys)
            )
        if same_place:
            return (
                self.tr("%1 nearby, %2 at the same address and still open: %3.")
                .replace("%1", str(shown))
                .replace("%2", str(same_place))
                .replace("%3", keys)
            )
        return self.tr("%1 nearby: %2.").replace("%1", str(shown)).replace("%2", keys)

    @Slot(int)
    def highlight(self, number: int) -> None:
        """Highlight candidate `number` (1-based) and show its details; ignored if not shown."""
        if 1 <= number <= len(self.candidates):
            self._highlight_number(number)
            self.feedback.clear()

    def _highlight_number(self, number: int | None) -> None:
        view = self.candidates[number - 1] if number else None
        self.list.show_highlight(number, view)
        if view != self.highlighted:
            self.highlighted = view
            self.candidate_highlighted.emit(view)

    @Slot()
    def request_attach(self) -> None:
        """The attach key: ask to add the caller to the highlighted candidate (or ask for one)."""
        view = self.highlighted
        if view is None:
            self.feedback.setText(self.tr("Choose a candidate first: Alt+1…Alt+5."))
        else:
            self.ask_to_attach(view)

    @Slot(int)
    def _on_list_attach_clicked(self, number: int) -> None:
        self.highlight(number)
        if self.highlighted is not None:
            self.ask_to_attach(self.highlighted)

    def ask_to_attach(self, view: CandidateView) -> None:
        """Ask "Add this caller to BOS-…?" (window-modal, never blocking); yes adds the caller."""
        if self.question is not None or self._attaching:
            return
        typing_in = QApplication.focusWidget()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Add the caller?"))
        box.setText(self.tr("Add this caller to %1?").replace("%1", view.reference))
        box.setInformativeText(
            self.tr("%1 at %2. No new request is made: the caller follows this one.")
            .replace("%1", view.service_name)
            .replace("%2", view.address or self.tr("the pin"))
        )
        add = box.addButton(self.tr("Add caller"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._on_question_answered(box, add, view, typing_in))
        self.question = box
        box.open()

    def _on_question_answered(
        self,
        box: QMessageBox,
        add: QAbstractButton,
        view: CandidateView,
        typing_in: QWidget | None,
    ) -> None:
        self.question = None
        box.deleteLater()
        if typing_in is not None and self.window().isAncestorOf(typing_in):
            typing_in.setFocus()  # the operator goes on where they were, whatever the answer
        if box.clickedButton() is not add:
            return
        if self._caller_source is None:
            self.attach_requested.emit(view)
        else:
            self.attach(view, self._caller_source())

    def attach(self, candidate: CandidateView, caller: Caller) -> None:
        """Add `caller` to `candidate`'s request in the background; then `caller_attached` or
        `attach_failed`. A second press while one is running is ignored."""
        if self._attaching:
            return
        self._attaching = True
        self.list.set_attaching(True)
        self.feedback.setText(
            self.tr("Adding the caller to %1…").replace("%1", candidate.reference)
        )
        desk = self._desk
        self._runner.submit(
            lambda: desk.attach_caller(candidate.request_id, candidate.version, caller),
            self._on_attached,
            lambda error: self._on_attach_error(candidate, error),
            owner=self,
        )

    def _on_attached(self, receipt: AttachReceipt) -> None:
        self._attaching = False
        self.list.set_attaching(False)
        self.feedback.setText(
            self.tr("Caller added to %1 (%2 callers now). No new request was made.")
            .replace("%1", receipt.reference)
            .replace("%2", str(receipt.callers))
        )
        self.caller_attached.emit(receipt)
        self.refresh()

    def _on_attach_error(self, candidate: CandidateView, error: BaseException) -> None:
        self._attaching = False
        self.list.set_attaching(False)
        if isinstance(error, StaleRequestError):
            message = (
                self.tr("%1 changed since it was shown (%2). Look at it again.")
                .replace("%1", candidate.reference)
                .replace("%2", shown(joined(describe_changes(candidate, error.current))))
            )
            self.refresh()
        else:
            message = self.tr("The caller was not added to %1: %2").replace(
                "%1", candidate.reference
            )
            message = message.replace("%2", reason_for(error, ATTACH_REFUSALS))
        self.feedback.setText(message)
        self.attach_failed.emit(message)

    def record_submitted_as_new(self, new_request_id: int, likely: list[int] | None = None) -> None:
        """A new request was submitted although likely duplicates were shown: note which on
        its history (for tuning). Nothing is written when none was likely."""
        if likely is None:
            likely = [view.request_id for view in self.candidates if view.likely_duplicate]
        if not likely:
            return
        desk = self._desk
        self._runner.submit(
            lambda: desk.record_submit_as_new(new_request_id, likely),
            lambda _none: self.problem.resolve("note"),
            lambda error: self.problem.report_error(
                "note",
                self.tr("Could not note on the likely duplicates that this call is new: %1"),
                error,
                lambda: self.record_submitted_as_new(new_request_id, likely),
            ),
            owner=self,
        )
