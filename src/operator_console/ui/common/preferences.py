"""What this computer remembers for the people at the console: an INI file in the config dir."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "operator-console"
"""The folder of the file; the same as the settings file's (`~/.config/operator-console`)."""


def preferences() -> QSettings:
    """`preferences.ini` beside `settings.toml` (QSettings.setPath moves it, as tests do)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, "preferences"
    )


def person_group(login: str) -> str:
    """The settings group of one staff login: layouts are kept per person, not per computer."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in login) or "_"
    return f"people/{safe}"
