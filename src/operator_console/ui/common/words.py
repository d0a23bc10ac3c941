"""Words composed by the services, shown in the console's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.domain.wording import Words


def _look_up(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def shown(words: Words | str) -> str:
    """A service's sentence in the console's language; plain text is shown as it is."""
    return words.render(_look_up) if isinstance(words, Words) else words


def error_text(error: BaseException) -> str:
    """What an error says to a person: its `Words` translated, else its English."""
    first = error.args[0] if error.args else None
    return shown(first) if isinstance(first, Words) else str(error)
