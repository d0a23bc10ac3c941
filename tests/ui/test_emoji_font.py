"""Emoji typed into the console's text fields are drawn from a colour emoji font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from operator_console.ui.common.emoji_font import use_colour_emoji_font

NOTO = "Noto Color Emoji"  # Debian/Ubuntu: fonts-noto-color-emoji (packaging/bootstrap.sh)
EMOJI = ("🙂", "⚠️", "👍🏽", "🚧", "🇺🇸")


def _fonts_drawing(text: str, font: QFont) -> list[tuple[str, bool]]:
    """(family, has every glyph) of each run of fonts that draws `text` in `font`."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), 0 not in run.glyphIndexes()) for run in layout.glyphRuns()]


def test_the_text_fields_draw_emoji_from_the_colour_emoji_font(qtbot: QtBot) -> None:
    if NOTO not in QFontDatabase.families():
        pytest.skip(f"{NOTO} is not installed (sh packaging/bootstrap.sh installs it)")
    # The console's start-up (app.gui.prepare_widgets, run for this suite's app too) chose it.
    assert QFontDatabase.applicationEmojiFontFamilies() == [NOTO]
    assert use_colour_emoji_font() == NOTO  # asked again: still the one, not added twice
    assert QFontDatabase.applicationEmojiFontFamilies() == [NOTO]
    line, text = QLineEdit(), QPlainTextEdit()
    for field in (line, text):
        qtbot.addWidget(field)
        for emoji in EMOJI:
            assert _fonts_drawing(emoji, field.font()) == [(NOTO, True)], emoji
        words = _fonts_drawing("Pothole 🚧 again", field.font())
        assert (NOTO, True) in words and all(found for _family, found in words)
