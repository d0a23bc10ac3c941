"""Words composed by the services, shown in the console's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.domain.wording import Words
from operator_console.ui.common.formatting import decimal_number


def _look_up(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _decimal(value: float) -> str:
    """The digits Python writes ("64.0"), with the console locale's separators ("64,0")."""
    written = repr(value)
    if not written.replace("-", "").replace(".", "").isdigit():
        return written  # inf, nan, 1e-07
    return decimal_number(value, len(written.partition(".")[2]))


def shown(words: Words | str) -> str:
    """A service's sentence in the console's language; plain text is shown as it is."""
    return words.render(_look_up, _decimal) if isinstance(words, Words) else words


def error_text(error: BaseException) -> str:
    """What an error says to a person: its `Words` translated, else its English."""
    first = error.args[0] if error.args else None
    return shown(first) if isinstance(first, Words) else str(error)
