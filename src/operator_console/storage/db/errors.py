"""Driver errors leave storage as the services' own errors, in words for the person."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError

AdapterT = TypeVar("AdapterT", bound=type)


def first_line(error: DBAPIError) -> str:
    """The driver's own message, first line only (no SQL, no parameters)."""
    lines = str(error.orig).strip().splitlines()
    return lines[0] if lines else type(error.orig).__name__


def service_error(error: DBAPIError) -> Exception:
    """The services' error for a driver error: unavailable (retry later) or refused."""
    if isinstance(error, OperationalError | InterfaceError):
        return BackendUnavailableError(
            QT_TRANSLATE_NOOP(
                "DatabaseProblems",
                "The database does not answer (%1); nothing was saved. Try again.",
            ).with_values(first_line(error))
        )
    return DatabaseRefusedError(
        QT_TRANSLATE_NOOP("DatabaseProblems", "The database refused this (%1).").with_values(
            first_line(error)
        )
    )


@contextmanager
def speaking_service_errors() -> Iterator[None]:
    """Inside the block, a driver error becomes the services' error for it."""
    try:
        yield
    except DBAPIError as exc:
        raise service_error(exc) from exc


def speaks_service_errors(adapter: AdapterT) -> AdapterT:
    """Class decorator: every public method of a storage adapter reports driver errors as the
    services' errors, so no screen ever shows SQLAlchemy's text."""
    for name, member in list(vars(adapter).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(adapter, name, _translating(member))
    return adapter


def _translating(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def translated(*args: Any, **kwargs: Any) -> Any:
        with speaking_service_errors():
            return method(*args, **kwargs)

    return translated
