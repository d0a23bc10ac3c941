"""SLA administration as an admin: list policies and calendars, change them, add a policy."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.admin.sla.errors import ChangedMeanwhileError, SlaAdminError
from operator_console.services.admin.sla.ports import (
    CalendarSettings,
    ConfigEvent,
    PolicySettings,
    SlaUnitOfWork,
)
from operator_console.services.admin.sla.rules import (
    checked_clock,
    checked_code,
    checked_fraction,
    checked_holidays,
    checked_hours,
    checked_name,
    checked_target,
    checked_time_zone,
    checked_working_days,
    weekday_words,
)

_GONE = QT_TRANSLATE_NOOP("SlaAdminWords", "gone")


@dataclass(frozen=True)
class SlaSetup:
    """Every SLA policy and business calendar, as the screen shows them."""

    policies: tuple[PolicySettings, ...]
    calendars: tuple[CalendarSettings, ...]


@dataclass(frozen=True)
class PolicyEdit:
    """A policy's new target, at-risk share and calendar; `before` is the policy as read."""

    before: PolicySettings
    target_hours: float
    at_risk_fraction: float
    calendar: str | None


@dataclass(frozen=True)
class CalendarEdit:
    """A calendar's new hours and working days and, when given, its time zone and the country
    and subdivision of its public holidays (empty: none); `before` is the calendar as read."""

    before: CalendarSettings
    work_start: str
    work_end: str
    working_days: tuple[int, ...]
    time_zone: str | None = None
    holidays: tuple[str, str] | None = None


@dataclass(frozen=True)
class SlaChange:
    """What a step did, in one sentence for the administrator; `moved` counts the open cases
    whose due date it moved."""

    summary: Words
    moved: int = 0


def read_setup(uow: SlaUnitOfWork, actor: StaffIdentity) -> SlaSetup:
    require(actor, Action.CONFIGURE)
    with uow:
        return SlaSetup(tuple(uow.policies()), tuple(uow.calendars()))


def add_policy(
    uow: SlaUnitOfWork, policy: PolicySettings, actor: StaffIdentity, now: datetime
) -> SlaChange:
    require(actor, Action.CONFIGURE)
    new = replace(
        policy,
        code=checked_code(policy.code),
        name=checked_name(policy.name),
        clock=checked_clock(policy.clock),
        target_hours=checked_target(policy.target_hours),
        at_risk_fraction=checked_fraction(policy.at_risk_fraction),
        services=0,
    )
    with uow:
        if any(p.code == new.code for p in uow.policies()):
            raise SlaAdminError(
                QT_TRANSLATE_NOOP("SlaAdminProblems", "There is already a policy %1.").with_values(
                    repr(new.code)
                ),
                "code",
            )
        _check_calendar(uow, new.calendar)
        uow.add_policy(new)
        detail = f"SLA policy {new.code} added: {_target_words(new)}"
        uow.record(audit_event(actor, now, "sla_policy_added", new.code, detail, after=asdict(new)))
        uow.commit()
    return SlaChange(
        QT_TRANSLATE_NOOP("SlaAdminWords", "Added the policy %1 (%2).").with_values(
            new.name, new.code
        )
    )


def change_policy(
    uow: SlaUnitOfWork, edit: PolicyEdit, actor: StaffIdentity, now: datetime
) -> SlaChange:
    """Change a policy's target, at-risk share and calendar, for cases opened from now on."""
    require(actor, Action.CONFIGURE)
    after = replace(
        edit.before,
        target_hours=checked_target(edit.target_hours),
        at_risk_fraction=checked_fraction(edit.at_risk_fraction),
        calendar=edit.calendar,
    )
    if after == edit.before:
        return SlaChange(
            QT_TRANSLATE_NOOP("SlaAdminWords", "%1: nothing to change.").with_values(after.name)
        )
    with uow:
        _check_calendar(uow, after.calendar)
        if not uow.update_policy(edit.before, after):
            now_is = next((p for p in uow.policies() if p.code == after.code), None)
            raise ChangedMeanwhileError(
                QT_TRANSLATE_NOOP(
                    "SlaAdminProblems",
                    "Another administrator changed the policy %1 meanwhile; it is now %2. "
                    "Nothing was changed; the list is read again.",
                ).with_values(after.code, _target_words(now_is) if now_is else _GONE)
            )
        detail = f"SLA policy {after.code}: {_target_words(edit.before)} -> {_target_words(after)}"
        uow.record(
            audit_event(
                actor,
                now,
                "sla_policy_changed",
                after.code,
                detail,
                asdict(edit.before),
                asdict(after),
            )
        )
        uow.commit()
    if after.at_risk_fraction != edit.before.at_risk_fraction:
        said = QT_TRANSLATE_NOOP(
            "SlaAdminWords",
            "%1 is now %2. This applies to cases opened from now on; open cases keep their due "
            "dates and turn at risk after %3 of their time.",
        )
    else:
        said = QT_TRANSLATE_NOOP(
            "SlaAdminWords",
            "%1 is now %2. This applies to cases opened from now on; open cases keep their due "
            "dates.",
        )
    return SlaChange(
        said.with_values(after.name, _target_words(after), f"{after.at_risk_fraction:.0%}")
    )


def change_calendar(
    uow: SlaUnitOfWork, edit: CalendarEdit, actor: StaffIdentity, now: datetime
) -> SlaChange:
    """Change a calendar's working hours and days, time zone and public holidays, for cases
    opened from now on."""
    require(actor, Action.CONFIGURE)
    start, end = checked_hours(edit.work_start, edit.work_end)
    before = edit.before
    country, subdivision = before.holiday_country, before.holiday_subdivision
    if edit.holidays is not None:
        country, subdivision = checked_holidays(*edit.holidays)
    after = replace(
        before,
        work_start=start,
        work_end=end,
        working_days=checked_working_days(edit.working_days),
        time_zone=before.time_zone if edit.time_zone is None else checked_time_zone(edit.time_zone),
        holiday_country=country,
        holiday_subdivision=subdivision,
    )
    if after == edit.before:
        return SlaChange(
            QT_TRANSLATE_NOOP("SlaAdminWords", "Calendar %1: nothing to change.").with_values(
                after.code
            )
        )
    with uow:
        if not uow.update_calendar(edit.before, after):
            now_is = next((c for c in uow.calendars() if c.code == after.code), None)
            now_says = (
                Words("", "%1 (%2)", (_hours_words(now_is), _place_words(now_is)))
                if now_is
                else _GONE
            )
            raise ChangedMeanwhileError(
                QT_TRANSLATE_NOOP(
                    "SlaAdminProblems",
                    "Another administrator changed the calendar %1 meanwhile; it is now %2. "
                    "Nothing was changed; the list is read again.",
                ).with_values(after.code, now_says)
            )
        detail = (
            f"Calendar {after.code}: {_hours_words(before)} ({_place_words(before)}) -> "
            f"{_hours_words(after)} ({_place_words(after)})"
        )
        uow.record(
            audit_event(
                actor,
                now,
                "calendar_changed",
                after.code,
                detail,
                _hours_data(edit.before),
                _hours_data(after),
            )
        )
        uow.commit()
    return SlaChange(
        QT_TRANSLATE_NOOP(
            "SlaAdminWords",
            "Calendar %1 now works %2 (%3). This applies to cases opened from now on; open cases "
            "keep their due dates.",
        ).with_values(after.code, _hours_words(after), _place_words(after))
    )


def known_calendar(calendars: list[CalendarSettings], code: str) -> CalendarSettings:
    for calendar in calendars:
        if calendar.code == code:
            return calendar
    raise SlaAdminError(
        QT_TRANSLATE_NOOP("SlaAdminProblems", "There is no calendar %1.").with_values(repr(code)),
        "calendar",
    )


def _check_calendar(uow: SlaUnitOfWork, code: str | None) -> None:
    if code is not None:
        known_calendar(uow.calendars(), code)


def _target_words(policy: PolicySettings) -> Words:
    if policy.clock == "business":
        said = QT_TRANSLATE_NOOP("SlaAdminWords", "%1 working hours, at risk after %2, calendar %3")
    else:
        said = QT_TRANSLATE_NOOP(
            "SlaAdminWords", "%1 hours around the clock, at risk after %2, calendar %3"
        )
    return said.with_values(
        f"{policy.target_hours:g}",
        f"{policy.at_risk_fraction:.0%}",
        policy.calendar or QT_TRANSLATE_NOOP("SlaAdminWords", "the first"),
    )


def _hours_words(calendar: CalendarSettings) -> Words:
    return Words(
        "",
        "%1 %2–%3",
        (weekday_words(calendar.working_days), calendar.work_start, calendar.work_end),
    )


def _place_words(calendar: CalendarSettings) -> Words:
    if calendar.holiday_country is None:
        return QT_TRANSLATE_NOOP("SlaAdminWords", "%1, no public holidays").with_values(
            calendar.time_zone
        )
    where = "-".join(p for p in (calendar.holiday_country, calendar.holiday_subdivision) if p)
    return QT_TRANSLATE_NOOP("SlaAdminWords", "%1, public holidays of %2").with_values(
        calendar.time_zone, where
    )


def _hours_data(calendar: CalendarSettings) -> dict[str, object]:
    return {
        "work_start": calendar.work_start,
        "work_end": calendar.work_end,
        "working_days": list(calendar.working_days),
        "time_zone": calendar.time_zone,
        "holiday_country": calendar.holiday_country,
        "holiday_subdivision": calendar.holiday_subdivision,
    }


def audit_event(
    actor: StaffIdentity,
    now: datetime,
    kind: str,
    subject: str,
    detail: str,
    before: object = None,
    after: object = None,
) -> ConfigEvent:
    return ConfigEvent(now, actor.login, kind, subject, detail, {"before": before, "after": after})
