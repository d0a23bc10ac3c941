"""The scrolling list of numbered candidate cards and the details of the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from operator_console.services.duplicates.finder import CandidateView
from operator_console.ui.common.formatting import distance_words, local_time, status_label
from operator_console.ui.common.words import shown
from operator_console.ui.duplicates.candidate_card import STYLE, CandidateCard

MAX_SHOWN = 5


def details_text(view: CandidateView, time_zone: str) -> str:
    """What the card leaves out: when it was opened (on the city's clock, `time_zone`), and the
    score, said for what it measures."""
    opened = (
        QCoreApplication.translate("CandidateList", "Opened %1 (%2 ago) · %3 · %4 from the pin")
        .replace("%1", local_time(view.opened_at, time_zone))
        .replace("%2", shown(view.age_text))
        .replace("%3", status_label(view.status))
        .replace("%4", distance_words(view.distance_m))
    )
    score = QCoreApplication.translate(
        "CandidateList", "Score %1: how often the city closed reports like this as duplicates."
    ).replace("%1", f"{round(view.score * 100)}%")
    return f"{opened}\n{score}"


class CandidateList(QScrollArea):
    """Five cards (hidden until used), each with its "Add caller…" button, and a details box
    shown under the highlighted card.

    Signals:
        card_clicked(int): the operator clicked the card with this number.
        attach_clicked(int): the operator clicked "Add caller…" on the card with this number.
    """

    card_clicked = Signal(int)
    attach_clicked = Signal(int)

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
        self.detail_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.details_title = QLabel(self.detail_box)
        self.details_title.setStyleSheet("font-weight: 600;")
        self.details_title.setWordWrap(True)
        self.details = QLabel(self.detail_box)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        box = QVBoxLayout(self.detail_box)
        box.setContentsMargins(10, 8, 10, 8)
        box.addWidget(self.details_title)
        box.addWidget(self.details)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(4)
        for card in self.cards:
            card.hide()
            card.clicked.connect(self.card_clicked)
            card.attach_clicked.connect(self.attach_clicked)
            self._layout.addWidget(card)
        self._layout.addWidget(self.detail_box)
        self._layout.addStretch(1)
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
        self._layout.removeWidget(self.detail_box)
        self._layout.insertWidget(number, self.detail_box)  # right under the card
        self.detail_box.show()
        # Scroll once the new layout is in place, so the card's top and button are in view.
        card = self.cards[number - 1]
        QTimer.singleShot(0, self, lambda: self.ensureWidgetVisible(card, 0, 4))

    def set_attaching(self, attaching: bool) -> None:
        """While a caller is being added, no card's button starts another."""
        for card in self.cards:
            card.attach_button.setEnabled(not attaching)

    def settle(self) -> None:
        """Lay everything out now (not at the next event loop turn), so a paint is current."""
        for widget in (*self.cards, self.detail_box):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        content = self.widget()
        content_layout = content.layout() if content is not None else None
        if content_layout is not None:
            content_layout.activate()
