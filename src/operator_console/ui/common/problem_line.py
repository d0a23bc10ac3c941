"""A line on a screen saying, in words, what could not be read or saved, with Retry."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from operator_console.services.errors import (
    BackendUnavailableError,
    CitySettingsMissingError,
    DatabaseRefusedError,
)
from operator_console.ui.common.words import error_text

_log = logging.getLogger(__name__)

SPOKEN_ERRORS: tuple[type[BaseException], ...] = (
    BackendUnavailableError,
    DatabaseRefusedError,
    CitySettingsMissingError,
)
"""Errors whose own text is written for the person at the console."""

Retry = Callable[[], None]


def reason_for(error: BaseException, spoken: tuple[type[BaseException], ...] = ()) -> str:
    """What to tell a person about `error`: its own words when they were written for a person
    (the services' errors, and the `spoken` types), else a general sentence while the error
    and its traceback go to the log."""
    if isinstance(error, SPOKEN_ERRORS + spoken) and str(error):
        return error_text(error)
    _log.error("Unexpected failure behind a screen", exc_info=error)
    return QCoreApplication.translate(
        "ProblemLine",
        "something unexpected went wrong; the details are in the console's log for support",
    )


class ProblemLine(QFrame):
    """What could not be done on a screen, one line per problem, with Retry when it helps.

    Problems are keyed by what failed: a new failure of the same thing replaces its line and
    its success (`resolve`) removes it; the frame hides when no problem is left. Retry runs
    every problem's retry again (a failure that comes back is reported again).

    Signals:
        (none)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemLine")
        self.setStyleSheet(
            "#problemLine { background: #fff4e0; border: 1px solid #e0b070; border-radius: 4px; }"
        )
        self._problems: dict[str, tuple[str, Retry | None]] = {}
        self.label = QLabel(self)
        self.label.setObjectName("problemText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("problemRetry")
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.dismiss_button)
        self.retry_button.clicked.connect(self.retry)
        self.dismiss_button.clicked.connect(self.clear)
        self.hide()

    def report(self, key: str, text: str, retry: Retry | None = None) -> None:
        """Say `text` for the problem `key` (replacing what was said for it); with `retry`,
        Retry runs it."""
        self._problems.pop(key, None)  # the newest problem goes last
        self._problems[key] = (text, retry)
        self._show()

    def report_error(
        self,
        key: str,
        sentence: str,
        error: BaseException,
        retry: Retry | None = None,
        spoken: tuple[type[BaseException], ...] = (),
    ) -> None:
        """Report `error` as `sentence` with its reason in place of %1 (see `reason_for`)."""
        self.report(key, sentence.replace("%1", reason_for(error, spoken)), retry)

    def resolve(self, key: str) -> None:
        """The problem `key` is over (what failed worked since)."""
        if self._problems.pop(key, None) is not None:
            self._show()

    def has(self, key: str) -> bool:
        return key in self._problems

    def text(self) -> str:
        return self.label.text() if self._problems else ""

    @Slot()
    def retry(self) -> None:
        """Try again what failed; problems without a retry have been read and go."""
        retries = [retry for _text, retry in self._problems.values() if retry is not None]
        self.clear()
        for again in retries:
            again()

    @Slot()
    def clear(self) -> None:
        self._problems.clear()
        self._show()

    def _show(self) -> None:
        if not self._problems:
            self.hide()
            return
        self.label.setText("\n".join(text for text, _retry in self._problems.values()))
        self.retry_button.setVisible(any(r is not None for _t, r in self._problems.values()))
        self.show()
