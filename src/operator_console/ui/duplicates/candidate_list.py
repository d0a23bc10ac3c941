"""The scrolling list of numbered candidate cards and the details of the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from operator_console.services.duplicates.finder import CandidateView
from operator_console.ui.common.formatting import local_time, status_label
from operator_console.ui.duplicates.candidate_card import STYLE, CandidateCard, distance_text

MAX_SHOWN = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateList", text)


def details_text(view: CandidateView, time_zone: str) -> str:
    """What the card leaves out: when it was opened (on the city's clock, `time_zone`), and how
    likely it is the same problem."""
    opened = (
        _tr("Opened %1 (%2 ago) · %3 · %4 from the pin")
        .replace("%1", local_time(view.opened_at, time_zone))
        .replace("%2", view.age_text)
        .replace("%3", status_label(view.status))
        .replace("%4", distance_text(view.distance_m))
    )
    likely = _tr("About %1% likely the same problem.").replace("%1", str(round(view.score * 100)))
    return f"{opened}\n{likely}"


class CandidateList(QScrollArea):
    """Five cards (hidden until used) and a details box with the attach button.

    Signals:
        card_clicked(int): the operator clicked the card with this number.
        attach_clicked(): the operator clicked "Add caller to this request".
    """

    card_clicked = Signal(int)
    attach_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_zone = ""  # the city's, for the times shown; set with the city's map setup
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self)
        content.setObjectName("candidateListContent")
        content.setStyleSheet(STYLE)
        self.cards = [CandidateCard(n, content) for n in range(1, MAX_SHOWN + 1)]
        self.detail_box = QFrame(content)
        self.detail_box.setObjectName("candidateDetailBox")
        self.details_title = QLabel(self.detail_box)
        self.details_title.setStyleSheet("font-weight: 600;")
        self.details_title.setWordWrap(True)
        self.details = QLabel(self.detail_box)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.attach_button = QPushButton(
            _tr("Add caller to this request  (Ctrl+Shift+A)"), self.detail_box
        )
        self.attach_button.setToolTip(
            _tr("Ctrl+Shift+A (or Alt+A): the caller follows this request; no new request")
        )
        self.attach_button.clicked.connect(self.attach_clicked)
        box = QVBoxLayout(self.detail_box)
        box.setContentsMargins(10, 8, 10, 8)
        box.addWidget(self.details_title)
        box.addWidget(self.details)
        box.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        for card in self.cards:
            card.hide()
            card.clicked.connect(self.card_clicked)
            layout.addWidget(card)
        layout.addWidget(self.detail_box)
        layout.addStretch(1)
        self.detail_box.hide()
        self.setWidget(content)

    def show_candidates(self, views: Sequence[CandidateView]) -> None:
        """Fill the first cards with `views`, in order; hide the rest."""
        for card, view in zip(self.cards, views, strict=False):
            card.show_candidate(view)
        for card in self.cards[len(views) :]:
            card.hide()
            card.view = None

    def show_highlight(self, number: int | None, view: CandidateView | None) -> None:
        """Mark card `number` and show `view`'s details (None: no highlight, no details)."""
        for card in self.cards:
            card.set_highlighted(card.number == number)
        if view is None or number is None:
            self.detail_box.hide()
            return
        self.details_title.setText(f"{number}. {view.reference} · {view.service_name}")
        self.details.setText(details_text(view, self.time_zone))
        self.detail_box.show()
        self.ensureWidgetVisible(self.cards[number - 1])

    def settle(self) -> None:
        """Lay everything out now (not at the next event loop turn), so a paint is current."""
        for widget in (*self.cards, self.detail_box):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        content = self.widget()
        if content is not None and content.layout() is not None:
            content.layout().activate()
