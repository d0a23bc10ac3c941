"""The Alt+letter a label's "&" underlines, as the keyboard help lists it."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def alt_key(text: str) -> str:
    """The key of "&Status:" is "Alt+S": the letter follows the translation on screen."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)
