"""The status call on the case screen: the status read aloud, and what the call may lead to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.lifecycle import Status
from operator_console.services.cases.commands import (
    AddNote,
    CaseChange,
    CaseRef,
    EscalateCases,
    LogStatusCall,
    MoveCases,
)
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.status_call import StatusReading, status_reading
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.action_runner import CaseActionRunner
from operator_console.ui.cases.status_call_follower import FollowerForm
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import city_zone
from operator_console.ui.common.words import shown

START_KEYS = "F6"
"""The key that starts a status call on the case screen."""
END_KEYS = "Ctrl+Return"
"""The key that ends the call (and logs it on the case)."""
REOPEN_REASON = "A resident called: the problem is still there."
ESCALATE_REASON = "A resident called about it and it is overdue."


class StatusCallPanel(QFrame):
    """A status call in progress: the sentences to read aloud (`reading`), how many calls the
    case had, and the call's actions: the caller follows the case, a public or internal note,
    reopen (a finished case) or escalate (an overdue one), end the call. Actions go through
    the case screen's `CaseActionRunner`, so the role rules of the case actions apply: a
    refusal is said in `message`. Ending the call logs it on the case (one more call).

    Signals:
        call_ended: the call was logged on the case; the panel hides.
        changes_made(object): a caller was added (a `ChangeBatch` for the bus).
    """

    call_ended = Signal()
    changes_made = Signal(object)

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        actions: CaseActionRunner,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusCall")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#statusCall { background: #f3f8fc; border: 1px solid #9fc3e0; }")
        self._actions = actions
        self._zone = city_zone(session.time_zone)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.detail: CaseDetail | None = None
        self.reading: StatusReading | None = None
        self.heading = QLabel(self.tr("Status call — read this to the caller"), self)
        self.heading.setStyleSheet("font-weight: 600; color: #1f4e79;")
        self.calls = QLabel(self)
        self.calls.setObjectName("statusCallCount")
        self.sentence = QLabel(self)
        self.sentence.setObjectName("statusSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setAccessibleName(self.tr("The status to read aloud"))
        self.sentence.setStyleSheet("font-size: 15px;")
        self.follower = FollowerForm(session.duplicates, runner, self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the caller said, or a note for the case"))
        self.note.setAccessibleName(self.tr("Note from the call"))
        self.public = QCheckBox(self.tr("Residents can see it"), self)
        self.note_button = QPushButton(self.tr("Add &note"), self)
        self.reopen_button = QPushButton(self.tr("&Reopen: still a problem"), self)
        self.reopen_button.setToolTip(self.tr("The caller says the problem is still there"))
        self.escalate_button = QPushButton(self.tr("E&scalate: overdue"), self)
        self.end_button = QPushButton(self.tr("&End call"), self)
        self.end_button.setToolTip(self.tr("Log the call on the case (%1)").replace("%1", END_KEYS))
        self.end_button.setDefault(True)
        self.message = QLabel(self)
        self.message.setObjectName("statusCallMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #7a4a00;")
        self._layout()
        end = QShortcut(QKeySequence(END_KEYS), self, self.end_call)
        end.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.note_button.clicked.connect(self._on_note_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        self.escalate_button.clicked.connect(self._on_escalate_clicked)
        self.end_button.clicked.connect(self.end_call)
        self.follower.said.connect(self.message.setText)
        self.follower.caller_added.connect(
            lambda receipt: self.changes_made.emit(receipt.changes())
        )
        actions.saved.connect(self._on_action_saved)
        actions.failed.connect(self._on_action_refused)
        actions.stale_found.connect(self._on_action_refused)
        actions.busy_changed.connect(self._on_busy_changed)
        self.hide()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.calls)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.public)
        notes.addWidget(self.note_button)
        ending = QHBoxLayout()
        ending.addWidget(self.message, 1)
        ending.addWidget(self.reopen_button)
        ending.addWidget(self.escalate_button)
        ending.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.sentence)
        layout.addWidget(self.follower)
        layout.addLayout(notes)
        layout.addLayout(ending)

    @property
    def active(self) -> bool:
        """A call is in progress (the panel is shown)."""
        return not self.isHidden()

    def start(self, detail: CaseDetail) -> None:
        """Start a status call on the case: show what to read aloud."""
        self.message.clear()
        self.note.clear()
        self.public.setChecked(False)
        self.follower.clear()
        self.show()
        self.set_case(detail)
        self.note.setFocus()

    def set_case(self, detail: CaseDetail | None) -> None:
        """The case as read again (after a note, a reopen...): the sentences follow it."""
        if detail is None or (
            self.detail and detail.record.state.id != self.detail.record.state.id
        ):
            self.hide()
        self.detail = detail
        self.follower.set_case(detail)
        if detail is None or not self.active:
            return
        self.reading = status_reading(detail, self._clock(), self._zone)
        self.sentence.setText(shown(self.reading.text))
        earlier = detail.record.state.calls_count
        self.calls.setText(
            self.tr("Earlier calls about this case: %1").replace("%1", str(earlier))
            if earlier
            else self.tr("First call about this case")
        )
        self.reopen_button.setVisible(self.reading.finished and not detail.record.state.merged_into)
        self.escalate_button.setVisible(self.reading.overdue)

    def end_call(self) -> None:
        """Log the call on the case (with the note's words when they were not added)."""
        if self.detail is None or not self.active:
            return
        self._actions.run(LogStatusCall(self._ref(), self.note.text()))

    @Slot()
    def _on_note_clicked(self) -> None:
        if self.detail is None or not self.note.text().strip():
            self.message.setText(self.tr("Write the note first."))
            return
        self._actions.run(AddNote(self._ref(), self.note.text(), self.public.isChecked()))

    @Slot()
    def _on_reopen_clicked(self) -> None:
        if self.detail is not None:
            reason = " ".join(filter(None, (REOPEN_REASON, self.note.text().strip())))
            self._actions.run(MoveCases((self._ref(),), Status.IN_QUEUE, reason))

    @Slot()
    def _on_escalate_clicked(self) -> None:
        if self.detail is not None:
            reason = " ".join(filter(None, (ESCALATE_REASON, self.note.text().strip())))
            self._actions.run(EscalateCases((self._ref(),), reason))

    def _ref(self) -> CaseRef:
        assert self.detail is not None
        return CaseRef(self.detail.record.state.id, self.detail.version)

    def _on_action_saved(self, change: CaseChange) -> None:
        if not self.active:
            return
        if change.kind == "log_status_call":
            self.hide()
            self.call_ended.emit()
        elif change.kind == "add_note":
            self.note.clear()
            self.message.setText(self.tr("The note is on the case."))
        elif change.kind == "move":
            self.message.setText(self.tr("The case is reopened and back in its queue."))
        elif change.kind == "escalate":
            self.message.setText(self.tr("The case is escalated."))

    def _on_action_refused(self, message: str) -> None:
        if self.active:
            self.message.setText(message)

    def _on_busy_changed(self, busy: bool) -> None:
        for button in (self.note_button, self.reopen_button, self.escalate_button, self.end_button):
            button.setEnabled(not busy)
