"""One duplicate candidate as a compact card: why it is offered first, what to do, the button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.duplicates.finder import CandidateView
from operator_console.ui.common.formatting import distance_words, status_label
from operator_console.ui.common.words import shown

THUMBNAIL_PX = 48
MARKER_BLUE = "#1f4e9e"  # the map's numbered candidate markers (ui/map/script.py)
NBSP = "\u00a0"
VERDICT_COLOURS = {  # background, text
    "likely": ("#b3261e", "white"),
    "same_place": ("#9a5b00", "white"),
    "maybe": ("#57606a", "white"),
    "closed": ("#d0d7de", "#24292f"),
}

STYLE = f"""
QFrame#candidateCard {{
    background: palette(base); border: 1px solid #c9d1d9; border-radius: 6px;
}}
QFrame#candidateCard[highlighted="true"] {{
    border: 2px solid {MARKER_BLUE}; background: #eef4ff;
}}
QLabel#candidateNumber {{
    background: {MARKER_BLUE}; color: white; border-radius: 11px; font-weight: bold;
    min-width: 22px; max-width: 22px; min-height: 22px; max-height: 22px;
}}
QLabel#candidateTitle {{ font-weight: 600; }}
QLabel#candidateReasons {{ color: #24292f; font-weight: 600; }}
QLabel#candidateAdvice {{ color: #24292f; }}
QLabel#candidateFacts {{ color: #57606a; }}
QLabel#candidateDescription {{ color: #57606a; }}
QLabel#candidateNote {{ color: #57606a; font-style: italic; }}
QFrame#candidateDetailBox {{
    background: #f6f8fa; border: 1px solid #c9d1d9; border-left: 4px solid {MARKER_BLUE};
    border-radius: 4px;
}}
QLabel#verdictChip {{
    border-radius: 4px; padding: 1px 6px; font-weight: bold; font-size: 11px;
}}
"""


def _whole(text: str) -> str:
    return text.replace(" ", NBSP)


def reasons_text(view: CandidateView) -> str:
    """Why it is offered, strongest first: "Same address · same category · open · opened
    10 d ago · 0 m away"; lines break only between the reasons."""
    reasons = []
    if view.same_address:
        reasons.append(QCoreApplication.translate("CandidateCard", "same address"))
    reasons.append(
        QCoreApplication.translate("CandidateCard", "same category")
        if view.same_category
        else QCoreApplication.translate("CandidateCard", "related category")
    )
    if view.is_open:
        reasons.append(QCoreApplication.translate("CandidateCard", "open"))
        reasons.append(
            QCoreApplication.translate("CandidateCard", "opened %1 ago").replace(
                "%1", shown(view.age_text)
            )
        )
    else:
        reasons.append(
            QCoreApplication.translate("CandidateCard", "closed %1 ago").replace(
                "%1", shown(view.closed_age_text)
            )
        )
    reasons.append(
        QCoreApplication.translate("CandidateCard", "%1 away").replace(
            "%1", distance_words(view.distance_m)
        )
    )
    text = " · ".join(_whole(reason) for reason in reasons)
    return text[:1].upper() + text[1:]


def verdict_text(view: CandidateView) -> str:
    """How likely the same problem, in the words on the card's chip."""
    return {
        "likely": QCoreApplication.translate("CandidateCard", "Likely the same problem"),
        "same_place": QCoreApplication.translate("CandidateCard", "Could well be the same problem"),
        "maybe": QCoreApplication.translate("CandidateCard", "Possibly the same problem"),
        "closed": QCoreApplication.translate("CandidateCard", "Closed"),
    }[view.verdict]


def advice_text(view: CandidateView) -> str:
    """What the caller-taker does about it."""
    if view.verdict == "likely":
        return QCoreApplication.translate(
            "CandidateCard", "Add the caller unless they describe something else."
        )
    if view.verdict == "same_place":
        return QCoreApplication.translate(
            "CandidateCard", "Ask the caller whether it is the same problem; if it is, add them."
        )
    if view.verdict == "closed":
        return QCoreApplication.translate(
            "CandidateCard", "If the problem is back, make a new request."
        )
    return QCoreApplication.translate(
        "CandidateCard", "Ask the caller whether this is what they see."
    )


def rate_text(rate: float) -> str:
    """A share as people say it: "12%", "1%", "under 1%"."""
    if rate >= 0.01:
        return f"{round(rate * 100)}%"
    return QCoreApplication.translate("CandidateCard", "under 1%")


def low_score_note(view: CandidateView) -> str:
    """Why a candidate at the same place scores low, or "" when the card needs no note."""
    if view.verdict != "same_place" or view.duplicate_rate is None:
        return ""
    return (
        QCoreApplication.translate(
            "CandidateCard",
            "Its score is %1 because the city closed %2 of %3 reports as duplicates; that "
            "alone does not make this a different problem.",
        )
        .replace("%1", f"{round(view.score * 100)}%")
        .replace("%2", rate_text(view.duplicate_rate))
        .replace("%3", view.service_name)
    )


def facts_text(view: CandidateView) -> str:
    """Address · status · callers; lines break only between the facts."""
    if view.callers == 1:
        callers = QCoreApplication.translate("CandidateCard", "1 caller")
    else:
        callers = QCoreApplication.translate("CandidateCard", "%1 callers").replace(
            "%1", str(view.callers)
        )
    kept_whole = " · ".join(_whole(fact) for fact in (status_label(view.status), callers))
    address = view.address or QCoreApplication.translate("CandidateCard", "no address")
    return f"{address} · {kept_whole}"


class CandidateCard(QFrame):
    """A card for the candidate numbered `number`; `show_candidate` fills it.

    Top to bottom: number, reference and the "Add caller…" button; the reasons; the verdict
    and what to do; address, status and callers; the description; a note when the score is
    low for a request at the same place.

    Signals:
        clicked(int): the operator clicked the card; carries its number.
        attach_clicked(int): the operator clicked "Add caller…"; carries the card's number.
    """

    clicked = Signal(int)
    attach_clicked = Signal(int)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName("candidateCard")
        self.setProperty("highlighted", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Never squeezed below its full height: the list scrolls instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        badge = QLabel(str(number), self)
        badge.setObjectName("candidateNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setToolTip(
            QCoreApplication.translate("CandidateCard", "Alt+%1 chooses this one").replace(
                "%1", str(number)
            )
        )
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL_PX, THUMBNAIL_PX)
        self.thumbnail.setScaledContents(False)
        self.title = self._label("candidateTitle")
        self.title.setWordWrap(True)
        self.attach_button = QPushButton(
            QCoreApplication.translate("CandidateCard", "Add caller…"), self
        )
        self.attach_button.setObjectName("candidateAttach")
        self.attach_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.attach_button.clicked.connect(lambda: self.attach_clicked.emit(self.number))
        self.reasons = self._label("candidateReasons")
        self.reasons.setWordWrap(True)
        self.verdict = self._label("verdictChip")
        self.advice = self._label("candidateAdvice")
        self.advice.setWordWrap(True)
        self.facts = self._label("candidateFacts")
        self.facts.setWordWrap(True)
        self.description = self._label("candidateDescription")
        self.description.setWordWrap(True)
        self.note = self._label("candidateNote")
        self.note.setWordWrap(True)
        self._lay_out(badge)
        self.view: CandidateView | None = None

    def _lay_out(self, badge: QLabel) -> None:
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignRight)
        judged = QHBoxLayout()
        judged.setSpacing(8)
        judged.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignTop)
        judged.addWidget(self.advice, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(heading, 0, 1)
        grid.addWidget(self.reasons, 1, 1)
        grid.addLayout(judged, 2, 1)
        described = QVBoxLayout()
        described.setSpacing(2)
        described.addWidget(self.facts)
        described.addWidget(self.description)
        pictured = QHBoxLayout()  # a hidden thumbnail leaves no gap
        pictured.setSpacing(8)
        pictured.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        pictured.addLayout(described, 1)
        grid.addLayout(pictured, 3, 1)
        grid.addWidget(self.note, 4, 1)
        grid.setColumnStretch(1, 1)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def show_candidate(self, view: CandidateView) -> None:
        """Fill the card with `view` and show it."""
        self.view = view
        self.title.setText(f"{view.reference} · {view.service_name}")
        self.attach_button.setToolTip(
            QCoreApplication.translate(
                "CandidateCard",
                "Add this caller to %1 (no new request); you are asked first. Keys: Alt+%2, "
                "then Ctrl+Shift+A",
            )
            .replace("%1", view.reference)
            .replace("%2", str(self.number))
        )
        self.reasons.setText(reasons_text(view))
        background, colour = VERDICT_COLOURS[view.verdict]
        self.verdict.setStyleSheet(f"background: {background}; color: {colour};")
        self.verdict.setText(verdict_text(view))
        self.advice.setText(advice_text(view))
        self.facts.setText(facts_text(view))
        self.description.setText(
            view.description_start
            or QCoreApplication.translate("CandidateCard", "(no description)")
        )
        note = low_score_note(view)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._show_thumbnail(view.thumbnail)
        self.setToolTip(
            QCoreApplication.translate(
                "CandidateCard",
                "%1 — score %2: how often the city closed reports like this as duplicates",
            )
            .replace("%1", view.reference)
            .replace("%2", f"{round(view.score * 100)}%")
        )
        self.show()

    def _show_thumbnail(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.thumbnail.setPixmap(
                pixmap.scaled(
                    THUMBNAIL_PX,
                    THUMBNAIL_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.thumbnail.show()
        else:
            self.thumbnail.clear()
            self.thumbnail.hide()

    def set_highlighted(self, highlighted: bool) -> None:
        if self.property("highlighted") == highlighted:
            return
        self.setProperty("highlighted", highlighted)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.number)
        super().mousePressEvent(event)
