"""The case screen's action bar: reassign, priority, escalate, the status steps, duplicates."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.lifecycle import Priority, Status
from operator_console.domain.permissions import Action, permits
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.options import CaseOptions, Offer, case_options
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.action_questions import CaseQuestions
from operator_console.ui.cases.action_runner import CaseActionRunner
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import priority_label
from operator_console.ui.common.words import shown

_NO = Offer(False)
BAR_ACTIONS = (
    Action.ASSIGN,
    Action.CHANGE_PRIORITY,
    Action.ESCALATE,
    Action.MOVE,
    Action.RESOLVE,
    Action.CLOSE,
    Action.REOPEN,
    Action.REROUTE,
    Action.MARK_DUPLICATE,
)
"""The actions the bar offers; a role allowed none of them gets no bar."""


def offers_anything(role: str) -> bool:
    """True when the role may take at least one of the bar's actions (operators may not)."""
    return any(permits(role, action) for action in BAR_ACTIONS)


class CaseActionsBar(QWidget):
    """Buttons for the actions the case on screen can take now, as `case_options` (the case
    actions' own rules) says; a refused one is disabled and its tooltip says why. A button
    for an action the person's role may not take (`domain.permissions`) is hidden. On a case
    of a department whose cases the person may not change, every button is disabled and
    `outside_note` says why.

    Attributes:
        questions: asks what an action needs and runs it (`questions.dialog`: the open one).
    """

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        actions: CaseActionRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.questions = CaseQuestions(session, runner, actions, self)
        self._detail: CaseDetail | None = None
        self._options: CaseOptions | None = None
        self._busy = False
        self.reassign_button = QPushButton(self.tr("Reassign…"), self)
        self.priority_button = QPushButton(self)
        priority_menu = QMenu(self.priority_button)
        self.priority_actions: dict[Priority, QAction] = {}
        for priority in Priority:
            action = priority_menu.addAction(priority_label(priority))
            action.setCheckable(True)
            action.triggered.connect(lambda _on=False, p=priority: self.questions.priority(p))
            self.priority_actions[priority] = action
        self.priority_button.setMenu(priority_menu)
        self.escalate_button = QPushButton(self.tr("Escalate…"), self)
        self.start_button = QPushButton(self.tr("Start work (on site)"), self)
        self.resolve_button = QPushButton(self.tr("Resolve…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.move_button = QPushButton(self.tr("Move to"), self)
        move_menu = QMenu(self.move_button)
        self.move_actions = {
            Status.ROUTED: move_menu.addAction(self.tr("Routed")),
            Status.IN_QUEUE: move_menu.addAction(self.tr("Back to the queue (unassigned)")),
            Status.ASSIGNED: move_menu.addAction(self.tr("Assigned (not started)")),
        }
        for target, move in self.move_actions.items():
            move.triggered.connect(lambda _on=False, t=target: self.questions.move(t))
        self.move_button.setMenu(move_menu)
        self.reroute_button = QPushButton(self.tr("Re-route…"), self)
        self.reroute_button.setToolTip(self.tr("Correct the category or address and route again"))
        self.duplicate_button = QPushButton(self.tr("Mark as duplicate…"), self)
        self.outside_note = QLabel(self)
        self.outside_note.setObjectName("outsideDepartments")
        self.outside_note.setWordWrap(True)
        self.outside_note.setStyleSheet("color: #52606d;")
        self.outside_note.hide()
        self._layout()
        self._hide_what_the_role_may_not_do(session.staff.role)
        self.reassign_button.clicked.connect(self.questions.reassign)
        self.escalate_button.clicked.connect(self.questions.escalate)
        self.start_button.clicked.connect(lambda: self.questions.move(Status.IN_PROGRESS))
        self.resolve_button.clicked.connect(self.questions.resolve)
        self.close_button.clicked.connect(lambda: self.questions.move(Status.CLOSED))
        self.reopen_button.clicked.connect(self.questions.reopen)
        self.reroute_button.clicked.connect(self.questions.reroute)
        self.duplicate_button.clicked.connect(self.questions.mark_duplicate)
        self.set_case(None)

    def _layout(self) -> None:
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 2, 0, 2)
        rows.setSpacing(2)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        groups = (
            (self.reassign_button, self.priority_button, self.escalate_button),
            (self.start_button, self.resolve_button, self.close_button, self.reopen_button),
            (self.move_button, self.reroute_button, self.duplicate_button),
        )
        for number, group in enumerate(groups):
            if number:
                line = QFrame(self)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                layout.addWidget(line)
            for widget in group:
                layout.addWidget(widget)
        layout.addStretch(1)
        rows.addWidget(self.outside_note)  # under the buttons: a squeezed column wrapped tall

    def _hide_what_the_role_may_not_do(self, role: str) -> None:
        buttons = {
            self.reassign_button: Action.ASSIGN,
            self.priority_button: Action.CHANGE_PRIORITY,
            self.escalate_button: Action.ESCALATE,
            self.start_button: Action.MOVE,
            self.resolve_button: Action.RESOLVE,
            self.close_button: Action.CLOSE,
            self.reopen_button: Action.REOPEN,
            self.move_button: Action.MOVE,
            self.reroute_button: Action.REROUTE,
            self.duplicate_button: Action.MARK_DUPLICATE,
        }
        for button, action in buttons.items():
            if not permits(role, action):
                button.hide()

    def set_case(self, detail: CaseDetail | None) -> None:
        """Offer what the case can take now, as of `detail` (the version actions will name)."""
        self._detail = detail
        self._options = None
        if detail is not None:
            self._options = case_options(detail.record.state, detail.outside_departments)
        self.questions.set_case(detail, self._options)
        outside = shown(detail.outside_departments) if detail is not None else ""
        self.outside_note.setText(outside)
        self.outside_note.setVisible(bool(outside))
        self._refresh()

    @property
    def detail(self) -> CaseDetail | None:
        """The case the bar offers actions for."""
        return self._detail

    def set_busy(self, busy: bool) -> None:
        """While an action runs, offer nothing."""
        self._busy = busy
        self._refresh()

    def _refresh(self) -> None:
        options = None if self._busy else self._options
        state = self._detail.record.state if self._detail is not None else None
        finished = state is not None and not state.status.is_open
        moves = options.moves if options else {}
        self._offer(self.reassign_button, options.reassign if options else _NO)
        self._offer(self.priority_button, options.priority if options else _NO)
        self._offer(self.escalate_button, options.escalate if options else _NO)
        if options and options.escalate_to is not None:
            raised = priority_label(options.escalate_to)
            self.escalate_button.setToolTip(
                self.tr("Raise the priority to %1").replace("%1", raised)
            )
        self._offer(self.start_button, moves.get(Status.IN_PROGRESS, _NO))
        self._offer(self.resolve_button, moves.get(Status.RESOLVED, _NO))
        self._offer(self.close_button, moves.get(Status.CLOSED, _NO))
        self._offer(self.reopen_button, moves.get(Status.IN_QUEUE, _NO) if finished else _NO)
        for target, move in self.move_actions.items():
            offer = _NO if finished else moves.get(target, _NO)
            move.setEnabled(offer.allowed)
            move.setToolTip(shown(offer.why_not))
        self.move_button.setEnabled(any(move.isEnabled() for move in self.move_actions.values()))
        self._offer(self.duplicate_button, options.mark_duplicate if options else _NO)
        self._offer(self.reroute_button, options.reroute if options else _NO)
        if options and options.reroute.allowed:
            self.reroute_button.setToolTip(
                self.tr("Correct the category or address and route again")
            )
        priority = state.priority if state is not None else None
        self.priority_button.setText(
            self.tr("Priority: %1").replace("%1", priority_label(priority)) if priority else "—"
        )
        for value, action in self.priority_actions.items():
            action.setChecked(value is priority)
            action.setEnabled(value is not priority)

    @staticmethod
    def _offer(widget: QWidget, offer: Offer) -> None:
        widget.setEnabled(offer.allowed)
        widget.setToolTip(shown(offer.why_not))
