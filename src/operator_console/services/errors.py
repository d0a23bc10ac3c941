"""Failures every use case may report, in words for the person at the console."""

from __future__ import annotations


class BackendUnavailableError(RuntimeError):
    """The database does not answer now; what was being done may be retried later."""
