"""Failures every use case may report, in words for the person at the console."""

from __future__ import annotations

from operator_console.domain.wording import QT_TRANSLATE_NOOP


class BackendUnavailableError(RuntimeError):
    """The database does not answer now; what was being done may be retried later."""


class CitySettingsMissingError(RuntimeError):
    """The database holds no city settings (name, time zone, phone region), so nothing that
    needs them can work; an administrator loads them."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "DatabaseProblems",
                "This database has no city settings (name, time zone, phone region) yet. "
                "An administrator loads them; for a trial, `operator-console db seed-demo` "
                "loads the demo city into an empty database.",
            )
        )


class DatabaseRefusedError(RuntimeError):
    """The database answered but refused the work (a permission, a rule of the schema);
    nothing was saved."""
