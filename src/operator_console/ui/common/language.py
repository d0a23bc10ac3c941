"""The console's own translation catalogs: the console's language over English plural forms."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

CATALOGS = Path(__file__).parents[1] / "catalogs"
"""Compiled from translations/*.ts when the package is built (setup.py)."""
_log = logging.getLogger(__name__)


def install_console_catalog(
    app: QCoreApplication, locale: QLocale | None = None
) -> QTranslator | None:
    """Install the catalog of `locale` (the console's language) over the English one, whose
    plural forms make "%n case(s)" read "1 case" and "2 cases" wherever the language's
    catalog has no translation yet. Returns the catalog of the language, else the English
    one; None when neither is there (counts then read "case(s)", and the log says why)."""
    directory = str(CATALOGS)
    english = QTranslator(app)
    has_english = english.load("operator_console_en", directory)
    wanted = locale or QLocale()
    language: QTranslator | None = None
    if wanted.language() not in (QLocale.Language.English, QLocale.Language.C):
        language = QTranslator(app)
        if not language.load(wanted, "operator_console", "_", directory):
            _log.warning(
                "No %s catalog in %s: the console shows English. Build the package "
                "(pip install -e .) to compile translations/*.ts.",
                wanted.name(),
                CATALOGS,
            )
            language = None
    if has_english:
        QCoreApplication.installTranslator(english)
    if language is not None:
        QCoreApplication.installTranslator(language)
        return language
    if has_english:
        return english
    _log.warning(
        "No translation catalog in %s: counted words show as 'case(s)'. Build the package "
        "(pip install -e .) to compile translations/*.ts.",
        CATALOGS,
    )
    return None
