"""The question asked before the window closes during a call: keep it, discard it, or stay."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class CloseAnswer(Enum):
    KEEP_AS_DRAFT = "keep"
    DISCARD = "discard"
    STAY = "stay"


def ask_before_closing(parent: QWidget) -> CloseAnswer:
    """Keep as draft (the default, Enter), Discard, or Cancel (Esc: the window stays open)."""

    question = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CloseQuestion", "Leave during a call?"),
        QCoreApplication.translate(
            "CloseQuestion",
            "A call is being taken. Keep it as a draft to finish it the next time you sign in "
            "or start the console, or discard what was typed?",
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    keep = question.addButton(
        QCoreApplication.translate("CloseQuestion", "&Keep as draft"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    discard = question.addButton(QMessageBox.StandardButton.Discard)
    stay = question.addButton(QMessageBox.StandardButton.Cancel)
    question.setDefaultButton(keep)
    question.setEscapeButton(stay)
    question.exec()
    clicked = question.clickedButton()
    if clicked is keep:
        return CloseAnswer.KEEP_AS_DRAFT
    return CloseAnswer.DISCARD if clicked is discard else CloseAnswer.STAY
