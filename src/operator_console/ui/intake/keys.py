"""The intake form's keys and their words for the Help dialog, and the caller languages offered."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.intake.caller_fill import FILL_KEY

OTHER_LANGUAGE = "other"
LANGUAGES = (
    ("en", "English"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ht", "Kreyòl ayisyen"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    (OTHER_LANGUAGE, QT_TRANSLATE_NOOP("IntakePanel", "Other")),
)
"""Each language in its own words, for the caller to recognise; "Other" in the console's."""
SHORTCUTS = {
    "new_call": "Ctrl+N",
    "submit": "Ctrl+Return",
    "cancel": "Escape",
    "location": "Ctrl+L",
    "category": "Ctrl+K",
    "description": "Ctrl+D",
    "recall": "Ctrl+R",
    "fill_caller": FILL_KEY,
}
SHORTCUT_HELP = {  # what each key does, for the Help dialog (F1)
    "new_call": QT_TRANSLATE_NOOP("IntakePanel", "New call (asks before discarding a typed one)"),
    "submit": QT_TRANSLATE_NOOP("IntakePanel", "Submit the call"),
    "cancel": QT_TRANSLATE_NOOP("IntakePanel", "Cancel the call"),
    "location": QT_TRANSLATE_NOOP("IntakePanel", "Go to the address"),
    "category": QT_TRANSLATE_NOOP("IntakePanel", "Go to the category search"),
    "description": QT_TRANSLATE_NOOP("IntakePanel", "Go to the description"),
    "recall": QT_TRANSLATE_NOOP("IntakePanel", "Show the last read-back card again"),
    "fill_caller": QT_TRANSLATE_NOOP("IntakePanel", "Fill in the caller's name and e-mail"),
}


def install_shortcuts(form: QWidget, actions: Mapping[str, Callable[[], object]]) -> None:
    """Each key of SHORTCUTS runs its action while the focus is inside the form."""
    for name, keys in [*SHORTCUTS.items(), ("submit", "Ctrl+Enter")]:
        shortcut = QShortcut(QKeySequence(keys), form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(actions[name])


def described_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut of the form, in the console's language."""
    listed = [*SHORTCUTS.items(), ("submit", "Ctrl+Enter")]
    return [
        (keys, QCoreApplication.translate("IntakePanel", SHORTCUT_HELP[name]))
        for name, keys in listed
    ]
