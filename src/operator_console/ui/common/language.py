"""The console's own translation catalog: the console's language, else English plural forms."""

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
    """Install the catalog of `locale` (the console's language) or else the English one,
    whose plural forms make "%n case(s)" read "1 case" and "2 cases"; None when neither is
    there (counts then read "case(s)", and the log says why)."""
    translator = QTranslator(app)
    directory = str(CATALOGS)
    found = translator.load(locale or QLocale(), "operator_console", "_", directory)
    if found or translator.load("operator_console_en", directory):
        QCoreApplication.installTranslator(translator)
        return translator
    _log.warning(
        "No translation catalog in %s: counted words show as 'case(s)'. Build the package "
        "(pip install -e .) to compile translations/*.ts.",
        CATALOGS,
    )
    return None
