"""Emoji a caller's words carry are drawn from a colour emoji font, not as empty boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

# Colour emoji fonts by platform: Linux (packaging/bootstrap.sh installs Noto), macOS, Windows.
COLOUR_EMOJI_FAMILIES = (
    "Noto Color Emoji",
    "Apple Color Emoji",
    "Segoe UI Emoji",
    "Twemoji",
    "JoyPixels",
)

_log = logging.getLogger(__name__)


def use_colour_emoji_font() -> str | None:
    """Make the first installed colour emoji font the one every text draws emoji with (after
    the QApplication exists); return its family, or None when the computer has none."""
    installed = set(QFontDatabase.families())
    family = next((name for name in COLOUR_EMOJI_FAMILIES if name in installed), None)
    if family is None:
        _log.warning(
            "No colour emoji font is installed, so emoji show as empty boxes. On Debian or "
            "Ubuntu: sudo apt-get install fonts-noto-color-emoji (packaging/bootstrap.sh does)."
        )
        return None
    if family not in QFontDatabase.applicationEmojiFontFamilies():
        QFontDatabase.addApplicationEmojiFontFamily(family)
    return family
