"""Closure days as an admin declares and removes them, moving the due dates of the open cases
whose business clock runs through the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted
from operator_console.services.admin.sla.actions import SlaChange, audit_event, known_calendar
from operator_console.services.admin.sla.errors import SlaAdminError
from operator_console.services.admin.sla.ports import CalendarSettings, ClosureDay, SlaUnitOfWork
from operator_console.services.admin.sla.rules import business_calendar, checked_day, checked_name
from operator_console.services.admin.sla.shift import (
    moves_for_closing,
    moves_for_reopening,
    working_window,
)


@dataclass(frozen=True)
class ClosureRequest:
    """Close (or reopen) `day` (YYYY-MM-DD) on the calendar `calendar`, called `name`."""

    calendar: str
    day: str
    name: str = ""


def preview_closure(uow: SlaUnitOfWork, request: ClosureRequest, actor: StaffIdentity) -> int:
    """How many open cases closing `request.day` would make due later (nothing is written)."""
    require(actor, Action.CONFIGURE)
    day = checked_day(request.day)
    with uow:
        calendar = known_calendar(uow.calendars(), request.calendar)
        _check_not_closed(calendar, day)
        domain = business_calendar(calendar)
        window = working_window(day, domain)
        if window is None:
            return 0
        cases = uow.clocks_through(calendar.code, *window)
        return len(moves_for_closing(cases, day, domain))


def declare_closure(
    uow: SlaUnitOfWork, request: ClosureRequest, actor: StaffIdentity, now: datetime
) -> SlaChange:
    """Close a day on a calendar and, in the same transaction, make every open case whose
    business clock runs through it due later by the working time it loses."""
    require(actor, Action.CONFIGURE)
    day = checked_day(request.day)
    name = checked_name(request.name)
    with uow:
        calendar = _locked(uow, request.calendar)
        _check_not_closed(calendar, day)
        domain = business_calendar(calendar)
        window = working_window(day, domain)
        moves = []
        if window is not None:
            moves = moves_for_closing(uow.clocks_through(calendar.code, *window), day, domain)
        uow.add_closure(calendar.code, ClosureDay(day.isoformat(), name))
        reason = f"{name} (closure day {day.isoformat()})"
        moved = uow.move_due_dates(moves, now, actor.login, reason)
        detail = (
            f"Calendar {calendar.code}: {day.isoformat()} closed ({name}); "
            f"{moved} open cases due later"
        )
        data = {"day": day.isoformat(), "name": name, "moved": moved}
        uow.record(audit_event(actor, now, "closure_declared", calendar.code, detail, after=data))
        uow.commit()
    return SlaChange(_closure_words(day, moved, declared=True, working=window is not None), moved)


def remove_closure(
    uow: SlaUnitOfWork, request: ClosureRequest, actor: StaffIdentity, now: datetime
) -> SlaChange:
    """Open a closed day again; the open cases it had moved become due earlier again."""
    require(actor, Action.CONFIGURE)
    day = checked_day(request.day)
    with uow:
        calendar = _locked(uow, request.calendar)
        closure = next((c for c in calendar.closures if c.day == day.isoformat()), None)
        if closure is None:
            raise SlaAdminError(
                QT_TRANSLATE_NOOP(
                    "SlaAdminProblems",
                    "%1 is not a closure day of %2 (any more): nothing was changed.",
                ).with_values(day.isoformat(), calendar.code),
                "day",
            )
        domain = business_calendar(calendar)
        window = working_window(day, domain)
        moves = []
        if window is not None:
            moves = moves_for_reopening(uow.clocks_through(calendar.code, *window), day, domain)
        uow.remove_closure(calendar.code, closure.day)
        reason = f"{closure.name} (closure day {closure.day}) removed"
        moved = uow.move_due_dates(moves, now, actor.login, reason)
        detail = (
            f"Calendar {calendar.code}: {closure.day} open again; {moved} open cases due earlier"
        )
        data = {"day": closure.day, "name": closure.name, "moved": moved}
        uow.record(audit_event(actor, now, "closure_removed", calendar.code, detail, before=data))
        uow.commit()
    return SlaChange(_closure_words(day, moved, declared=False, working=window is not None), moved)


def _closure_words(day: date, moved: int, *, declared: bool, working: bool) -> Words:
    if declared and not working:
        return QT_TRANSLATE_NOOP(
            "SlaAdminWords",
            "Declared %1 closed: it was no working day anyway, so no due date moved.",
        ).with_values(day.isoformat())
    if declared:
        return counted(
            moved,
            QT_TRANSLATE_NOOP("SlaAdminWords", "Declared %2 closed: 1 open case now due later."),
            QT_TRANSLATE_NOOP("SlaAdminWords", "Declared %2 closed: %1 open cases now due later."),
        ).with_values(f"{moved:,}", day.isoformat())
    if not working:
        return QT_TRANSLATE_NOOP(
            "SlaAdminWords",
            "%1 is no longer a closure day; it is no working day anyway, so no due date moved.",
        ).with_values(day.isoformat())
    return counted(
        moved,
        QT_TRANSLATE_NOOP(
            "SlaAdminWords", "%2 is a working day again: 1 open case is due earlier again."
        ),
        QT_TRANSLATE_NOOP(
            "SlaAdminWords", "%2 is a working day again: %1 open cases are due earlier again."
        ),
    ).with_values(f"{moved:,}", day.isoformat())


def _locked(uow: SlaUnitOfWork, code: str) -> CalendarSettings:
    calendar = uow.lock_calendar(code)
    if calendar is None:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP("SlaAdminProblems", "There is no calendar %1.").with_values(
                repr(code)
            ),
            "calendar",
        )
    return calendar


def _check_not_closed(calendar: CalendarSettings, day: date) -> None:
    for closure in calendar.closures:
        if closure.day == day.isoformat():
            raise SlaAdminError(
                QT_TRANSLATE_NOOP(
                    "SlaAdminProblems", "%1 is already a closure day of %2 (%3)."
                ).with_values(closure.day, calendar.code, closure.name),
                "day",
            )
