"""The service catalog, departments, queues, SLA policies and routing rules, from the cases."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from operator_console.domain.sla import BusinessCalendar
from operator_console.storage.demo_city.parsing import EMPLOYEE_SOURCES, slugify
from operator_console.tools.demo_city import hand_written
from operator_console.tools.demo_city.boston_export import BostonCase
from operator_console.tools.demo_city.questions import QUESTIONS
from operator_console.tools.demo_city.sla_targets import SlaTarget, WorkingTime, choose_sla_target

WARD_RULE_MIN_SHARE = 0.6
WARD_RULE_MIN_CASES = 5
DEFAULT_RULE_RANK = 100
WARD_RULE_RANK = 10
STAFF_ONLY_EMPLOYEE_SHARE = 0.9
NO_DUPLICATES_UNKNOWN_SHARE = 0.5


def _most_common(counter: Counter[str]) -> str:
    """The most frequent value; ties go to the alphabetically first so output is stable."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def business_calendar() -> BusinessCalendar:
    settings = hand_written.BUSINESS_CALENDAR
    return BusinessCalendar(
        time_zone=settings["time_zone"],
        country=settings["holiday_country"],
        subdivision=settings["holiday_subdivision"],
    )


def build_departments(cases: Sequence[BostonCase]) -> list[dict[str, Any]]:
    codes = sorted({case.department for case in cases if case.queue})
    return [{"code": code, "name": hand_written.DEPARTMENT_NAMES.get(code, code)} for code in codes]


def queue_name(code: str) -> str:
    """ "PWDx_District 1C: Downtown" -> "District 1C: Downtown" (the department shows apart)."""
    _, _, rest = code.partition("_")
    return (rest or code).replace("_", " – ").replace("\\", " / ")


def build_queues(cases: Sequence[BostonCase]) -> list[dict[str, Any]]:
    owners: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        if case.queue:
            owners[case.queue][case.department] += 1
    return [
        {"code": code, "name": queue_name(code), "department": _most_common(owners[code])}
        for code in sorted(owners)
    ]


def build_sla_targets(cases: Sequence[BostonCase]) -> dict[str, SlaTarget]:
    """The SLA target of every service (by TYPE) that has enough recorded due dates."""
    calendar = business_calendar()
    with_target = [case for case in cases if case.target is not None]
    first_day = min(case.opened for case in cases).date() - timedelta(days=1)
    last_day = max(case.target for case in with_target if case.target).date() + timedelta(days=1)
    working_time = WorkingTime(calendar, first_day, last_day)
    calendar_hours: dict[str, list[float]] = defaultdict(list)
    business_hours: dict[str, list[float]] = defaultdict(list)
    for case in with_target:
        assert case.target is not None
        calendar_hours[case.type_name].append(
            (case.target.timestamp() - case.opened.timestamp()) / 3600
        )
        business_hours[case.type_name].append(working_time.hours_between(case.opened, case.target))
    case_counts = Counter(case.type_name for case in cases)
    day_hours = calendar.working_day_length.total_seconds() / 3600
    targets = {}
    for type_name, count in case_counts.items():
        target = choose_sla_target(
            calendar_hours[type_name], business_hours[type_name], count, day_hours
        )
        if target is not None:
            targets[type_name] = target
    return targets


def sla_policies(targets: dict[str, SlaTarget]) -> list[dict[str, Any]]:
    unique = {target.code: target for target in targets.values()}
    return [
        {
            "code": code,
            "name": target.name,
            "clock": target.clock,
            "target_hours": target.target_hours,
        }
        for code, target in sorted(unique.items())
    ]


def _priority(type_name: str) -> str:
    if type_name in hand_written.URGENT_SERVICES:
        return "urgent"
    if type_name in hand_written.HIGH_PRIORITY_SERVICES:
        return "high"
    if type_name in hand_written.LOW_PRIORITY_SERVICES:
        return "low"
    return "normal"


def _notice(target: SlaTarget | None) -> str:
    if target is None:
        return "There is no published target time for this request."
    if target.clock == "calendar":
        return f"The city aims to respond within {target.target_hours:g} hours."
    return f"The city aims to resolve this within {target.name}."


def _description(type_name: str, group: str, department_name: str) -> str:
    heading = type_name if group == type_name else f"{group}: {type_name}"
    return f"{heading}. Handled by the {department_name}."


def _keywords(type_name: str, reasons: Counter[str], subjects: Counter[str]) -> str:
    subject = _most_common(subjects)
    phrases = [*hand_written.SYNONYMS.get(type_name, []), *sorted(reasons)]
    if subject not in hand_written.INTAKE_SUBJECTS:
        phrases.append(subject)
    unique = dict.fromkeys(phrase.lower() for phrase in phrases if phrase and phrase != type_name)
    return ", ".join(unique)


def build_services(
    cases: Sequence[BostonCase], targets: dict[str, SlaTarget]
) -> list[dict[str, Any]]:
    by_type: dict[str, list[BostonCase]] = defaultdict(list)
    for case in cases:
        by_type[case.type_name].append(case)
    unknown_questions = set(QUESTIONS) - set(by_type)
    if unknown_questions:
        raise ValueError(f"questions written for services not in the data: {unknown_questions}")
    services = []
    for type_name in sorted(by_type):
        type_cases = by_type[type_name]
        reasons = Counter(case.reason for case in type_cases)
        queues = Counter(case.queue for case in type_cases if case.queue)
        department = _most_common(Counter(case.department for case in type_cases if case.queue))
        department_name = hand_written.DEPARTMENT_NAMES.get(department, department)
        employee_share = sum(case.source in EMPLOYEE_SOURCES for case in type_cases) / len(
            type_cases
        )
        unknown_share = sum(case.location_unknown for case in type_cases) / len(type_cases)
        target = targets.get(type_name)
        group = _most_common(reasons)
        services.append(
            {
                "code": slugify(type_name),
                "name": type_name,
                "group": group,
                "description": _description(type_name, group, department_name),
                "keywords": _keywords(
                    type_name, reasons, Counter(case.subject for case in type_cases)
                ),
                "notice": _notice(target),
                "staff_only": employee_share >= STAFF_ONLY_EMPLOYEE_SHARE,
                "sla_policy": target.code if target else None,
                "default_priority": _priority(type_name),
                "default_queue": _most_common(queues),
                "dup_enabled": unknown_share < NO_DUPLICATES_UNKNOWN_SHARE,
                "attributes": QUESTIONS.get(type_name, []),
            }
        )
    codes = Counter(service["code"] for service in services)
    if max(codes.values()) > 1:
        raise ValueError(f"service codes collide: {[c for c, n in codes.items() if n > 1]}")
    return services


def build_routing_rules(
    cases: Sequence[BostonCase], wards: Sequence[str], services: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each service's default queue, plus service x ward rules where a ward's cases went elsewhere.

    `wards` holds the ward code of each case by position ("" when the location is unknown).
    """
    by_service_ward: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for case, ward in zip(cases, wards, strict=True):
        if ward and case.queue and not case.location_unknown:
            by_service_ward[(case.type_name, ward)][case.queue] += 1
    rules = []
    for service in services:
        rules.append(
            {
                "service": service["code"],
                "ward": None,
                "queue": service["default_queue"],
                "rank": DEFAULT_RULE_RANK,
                "note": f"Default: the queue most {service['name']} cases went to in 2015.",
            }
        )
        ward_codes = sorted(
            (ward for name, ward in by_service_ward if name == service["name"]), key=int
        )
        for ward in ward_codes:
            counts = by_service_ward[(service["name"], ward)]
            queue = _most_common(counts)
            share = counts[queue] / sum(counts.values())
            enough = counts[queue] >= WARD_RULE_MIN_CASES and share >= WARD_RULE_MIN_SHARE
            if enough and queue != service["default_queue"]:
                rules.append(
                    {
                        "service": service["code"],
                        "ward": ward,
                        "queue": queue,
                        "rank": WARD_RULE_RANK,
                        "note": f"Ward {ward}: {counts[queue]} of {sum(counts.values())} "
                        f"cases ({share:.0%}) went to this queue in 2015.",
                    }
                )
    return rules
