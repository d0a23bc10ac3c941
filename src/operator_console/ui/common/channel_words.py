"""Where a request came from, in words: "Phone", "Web", "App", "Open311"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("RequestChannels", "Phone"),
    "web": QT_TRANSLATE_NOOP("RequestChannels", "Web"),
    "app": QT_TRANSLATE_NOOP("RequestChannels", "App"),
    "open311": QT_TRANSLATE_NOOP("RequestChannels", "Open311"),
}


def channel_label(channel: str) -> str:
    """A request's channel in the console's language; an unknown one capitalised as stored."""
    known = _CHANNELS.get(channel)
    return QCoreApplication.translate("RequestChannels", known) if known else channel.capitalize()
