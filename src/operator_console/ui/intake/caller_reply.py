"""The caller's "Reply by" field: e-mail, text message, or no messages at all."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from operator_console.domain.caller import Caller
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

NO_MESSAGES = "none"
REPLY_BY = (
    ("email", QT_TRANSLATE_NOOP("IntakePanel", "E-mail")),
    ("sms", QT_TRANSLATE_NOOP("IntakePanel", "Text message")),
    (NO_MESSAGES, QT_TRANSLATE_NOOP("IntakePanel", "No messages")),
)


def offer_reply_choices(field: QComboBox) -> None:
    """Fill the field with its choices, in the console's language; e-mail first."""
    for code, words in REPLY_BY:
        field.addItem(QCoreApplication.translate("IntakePanel", words), code)


def chosen_reply(field: QComboBox) -> tuple[str | None, bool]:
    """(preferred channel, no messages) as the field says."""
    code = str(field.currentData() or "")
    if code == NO_MESSAGES:
        return None, True
    return code or None, False


def reply_index(field: QComboBox, caller: Caller) -> int:
    """The field's choice for the caller's way to reply: "No messages", their channel, else
    e-mail (the first)."""
    code = NO_MESSAGES if caller.no_messages else caller.preferred_channel or "email"
    return max(0, field.findData(code))


def show_reply(field: QComboBox, caller: Caller) -> None:
    """Show the caller's way to reply."""
    field.setCurrentIndex(reply_index(field, caller))
