"""One duplicate candidate as a compact card: number, reference, where, how old, why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from operator_console.services.duplicates.finder import CandidateView
from operator_console.ui.common.formatting import status_label

THUMBNAIL_PX = 48
MARKER_BLUE = "#1f4e9e"  # the map's numbered candidate markers (ui/map/script.py)
NBSP = "\u00a0"

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
QLabel#candidateFacts {{ color: #24292f; }}
QLabel#candidateDescription {{ color: #57606a; }}
QLabel#candidateReason {{ color: #57606a; font-style: italic; }}
QFrame#candidateDetailBox {{
    background: #f6f8fa; border: 1px solid #c9d1d9; border-left: 4px solid {MARKER_BLUE};
    border-radius: 4px;
}}
QLabel#likelyBadge {{
    background: #b3261e; color: white; border-radius: 4px; padding: 1px 6px;
    font-weight: bold; font-size: 11px;
}}
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateCard", text)


def distance_text(metres: float) -> str:
    """ "38 m", or "1.2 km" from a kilometre up."""
    return f"{round(metres)} m" if metres < 1000 else f"{metres / 1000:.1f} km"


def facts_text(view: CandidateView) -> str:
    """Address · distance · age · status · callers; lines break only between the facts."""
    if view.callers == 1:
        callers = _tr("1 caller")
    else:
        callers = _tr("%1 callers").replace("%1", str(view.callers))
    facts = [
        distance_text(view.distance_m),
        _tr("%1 old").replace("%1", view.age_text),
        status_label(view.status),
        callers,
    ]
    kept_whole = " · ".join(fact.replace(" ", NBSP) for fact in facts)
    return f"{view.address or _tr('no address')} · {kept_whole}"


class CandidateCard(QFrame):
    """A card for the candidate numbered `number`; `show_candidate` fills it.

    Signals:
        clicked(int): the operator clicked the card; carries its number.
    """

    clicked = Signal(int)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName("candidateCard")
        self.setProperty("highlighted", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        badge = QLabel(str(number), self)
        badge.setObjectName("candidateNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setToolTip(_tr("Alt+%1 chooses this one").replace("%1", str(number)))
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL_PX, THUMBNAIL_PX)
        self.thumbnail.setScaledContents(False)
        self.title = self._label("candidateTitle")
        self.title.setWordWrap(True)
        self.likely_badge = QLabel(_tr("Likely duplicate"), self)
        self.likely_badge.setObjectName("likelyBadge")
        self.facts = self._label("candidateFacts")
        self.facts.setWordWrap(True)
        self.description = self._label("candidateDescription")
        self.description.setWordWrap(True)
        self.reason = self._label("candidateReason")
        self.reason.setWordWrap(True)
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.likely_badge, 0, Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        grid.addWidget(badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.thumbnail, 0, 1, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(heading, 0, 2)
        grid.addWidget(self.facts, 1, 2)
        grid.addWidget(self.description, 2, 2)
        grid.addWidget(self.reason, 3, 2)
        grid.setColumnStretch(2, 1)
        self.view: CandidateView | None = None

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
        self.likely_badge.setVisible(view.likely_duplicate)
        self.facts.setText(facts_text(view))
        self.description.setText(view.description_start or _tr("(no description)"))
        self.reason.setText(view.reason)
        self._show_thumbnail(view.thumbnail)
        self.setToolTip(
            _tr("%1 — about %2% likely the same problem")
            .replace("%1", view.reference)
            .replace("%2", str(round(view.score * 100)))
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
