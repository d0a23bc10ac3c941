"""A message to residents in words: its kind, channel, language, status and address."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_KINDS = {
    "received": QT_TRANSLATE_NOOP("Messages", "Request received"),
    "linked": QT_TRANSLATE_NOOP("Messages", "Linked to another request"),
    "work_started": QT_TRANSLATE_NOOP("Messages", "Work started"),
    "resolved": QT_TRANSLATE_NOOP("Messages", "Resolved"),
    "reopened": QT_TRANSLATE_NOOP("Messages", "Reopened"),
    "public_note": QT_TRANSLATE_NOOP("Messages", "Public note"),
    "expected_date_changed": QT_TRANSLATE_NOOP("Messages", "Expected date changed"),
    "created": QT_TRANSLATE_NOOP("Messages", "Request created"),
    "assigned": QT_TRANSLATE_NOOP("Messages", "Assigned"),
}
_CHANNELS = {
    "email": QT_TRANSLATE_NOOP("Messages", "E-mail"),
    "sms": QT_TRANSLATE_NOOP("Messages", "Text message"),
    "webhook": QT_TRANSLATE_NOOP("Messages", "Webhook"),
}
_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("Messages", "Pending"),
    "sent": QT_TRANSLATE_NOOP("Messages", "Sent"),
    "undeliverable": QT_TRANSLATE_NOOP("Messages", "Undeliverable"),
    "held": QT_TRANSLATE_NOOP("Messages", "Held"),
}
_LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("Messages", "English"),
    "es": QT_TRANSLATE_NOOP("Messages", "Spanish"),
}
STATUS_ORDER = ("pending", "sent", "undeliverable", "held")
STATUS_COLOURS = {
    "pending": "#8a5a00",
    "sent": "#2e7d32",
    "undeliverable": "#c62828",
    "held": "#52606d",
}
"""Beside the words, never instead of them."""


def _translate(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def kind_label(kind: str) -> str:
    """What the message tells the resident: "Work started"."""
    known = _KINDS.get(kind)
    return _translate(known) if known else kind.replace("_", " ").capitalize()


def channel_label(channel: str) -> str:
    known = _CHANNELS.get(channel)
    return _translate(known) if known else channel


def delivery_label(status: str) -> str:
    known = _STATUSES.get(status)
    return _translate(known) if known else status


def language_name(code: str) -> str:
    """The language's name in the console's language ("Spanish" for "es"); a language the
    messages have no templates in is named in English."""
    known = _LANGUAGES.get(code)
    if known:
        return _translate(known)
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    return QLocale.languageToString(locale.language())


def masked_address(address: str) -> str:
    """An address shown on a case without spelling it out: "a…@example.org", "…4500"."""
    local, at, domain = address.partition("@")
    if at:
        return f"{local[:1]}…@{domain}"
    digits = address.strip()
    return f"…{digits[-4:]}" if len(digits) > 4 else digits
