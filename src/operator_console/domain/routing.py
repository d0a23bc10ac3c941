"""Routing: which queue a request goes to, by service and district, and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TypeAlias

from operator_console.domain.lifecycle import Priority, priority_name
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined


@dataclass(frozen=True)
class DistrictRef:
    """A district as routing names it: its layer ("ward", "council") and its code in that layer."""

    layer: str
    code: str


RequestDistricts: TypeAlias = str | Iterable[DistrictRef] | None
"""Where a request lies: the districts holding its point, at most one per layer (none: outside
every district); a bare code is a district of a city's only layer."""


def district_refs(districts: RequestDistricts) -> tuple[DistrictRef, ...]:
    """`districts` as references; a bare code is one of an unnamed layer."""
    if districts is None:
        return ()
    if isinstance(districts, str):
        return (DistrictRef("", districts),)
    return tuple(districts)


class Specificity(IntEnum):
    """How narrowly a rule targets requests; the most specific matching rule wins."""

    ANY = 1
    DISTRICT = 2
    GROUP = 3
    GROUP_IN_DISTRICT = 4
    SERVICE = 5
    SERVICE_IN_DISTRICT = 6


@dataclass(frozen=True)
class RoutingRule:
    """Requests for a service (or a group of services, or any) in a district (or any) go to a queue.

    Attributes:
        queue_code: the queue the request goes to.
        service_code: one service; None with no group means any service.
        service_group: a group of services; only when service_code is None.
        district_code: one district; None means any district.
        priority: overrides the default priority; None keeps it.
        rank: orders rules of equal specificity, lowest first.
        rule_id: shown in explanations ("rule 12"); None for a rule not yet saved.
        district_layer: the layer of `district_code`, so that two layers using the same codes
            do not clash; None matches the code in any layer (a city of one layer).
    """

    queue_code: str
    service_code: str | None = None
    service_group: str | None = None
    district_code: str | None = None
    priority: Priority | None = None
    rank: int = 0
    rule_id: int | None = None
    district_layer: str | None = None

    def __post_init__(self) -> None:
        if self.service_code is not None and self.service_group is not None:
            raise ValueError("a routing rule names a service or a service group, not both")

    @property
    def specificity(self) -> Specificity:
        in_district = self.district_code is not None
        if self.service_code is not None:
            return Specificity.SERVICE_IN_DISTRICT if in_district else Specificity.SERVICE
        if self.service_group is not None:
            return Specificity.GROUP_IN_DISTRICT if in_district else Specificity.GROUP
        return Specificity.DISTRICT if in_district else Specificity.ANY

    def matches(
        self, service_code: str, service_group: str | None, districts: RequestDistricts
    ) -> bool:
        """True for a request of the service (and group) lying in `districts`: a rule naming a
        district matches when that district, of any of the request's layers, holds it."""
        return (
            (self.service_code is None or self.service_code == service_code)
            and (self.service_group is None or self.service_group == service_group)
            and (
                self.district_code is None
                or any(self._names(place) for place in district_refs(districts))
            )
        )

    def _names(self, place: DistrictRef) -> bool:
        return self.district_code == place.code and self.district_layer in (None, place.layer)


@dataclass(frozen=True)
class RoutingLabels:
    """Display names for codes, so explanations read as people speak; a code is its fallback.

    `districts` names districts by code, `layer_districts` by layer and code (which wins);
    `name_layers` adds each district's layer to the sentences, for a city of several layers.
    """

    queues: Mapping[str, str] = field(default_factory=dict)
    services: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)
    districts: Mapping[str, str] = field(default_factory=dict)
    layer_districts: Mapping[DistrictRef, str] = field(default_factory=dict)
    name_layers: bool = False

    def district(self, code: str, layer: str | None = None) -> str:
        """How a sentence names a district: by its name, and its layer when the city has more
        than one (`name_layers`)."""
        name = self.layer_districts.get(DistrictRef(layer or "", code))
        name = name or self.districts.get(code, code)
        return f"{name} ({layer})" if self.name_layers and layer else name


@dataclass(frozen=True)
class RoutingDecision:
    """Where a request goes: queue, priority, the rule that decided (None: defaults) and why."""

    queue_code: str
    priority: Priority
    matched_rule: RoutingRule | None
    explanation: Words


def route(
    service_code: str,
    service_group: str | None,
    districts: RequestDistricts,
    rules: Iterable[RoutingRule],
    default_queue: str,
    default_priority: Priority,
    *,
    labels: RoutingLabels | None = None,
) -> RoutingDecision:
    """Route a request by the most specific matching rule, then the lowest rank, then list order.

    A rule naming a district of any layer matches a request lying in that district. A request
    with no district (no pin, or a pin outside every district) matches only rules for any
    district. When no rule matches, the service's default queue and priority apply.
    """
    labels = labels or RoutingLabels()
    places = district_refs(districts)
    matching = [rule for rule in rules if rule.matches(service_code, service_group, places)]
    if not matching:
        subject = _request_subject(service_code, places, labels)
        queue_name = labels.queues.get(default_queue, default_queue)
        explanation = QT_TRANSLATE_NOOP(
            "RoutingExplanations",
            "Routed to %1 because no rule matched %2; it is the service's default queue.",
        ).with_values(queue_name, subject)
        return RoutingDecision(default_queue, default_priority, None, explanation)
    rule = min(matching, key=lambda candidate: (-candidate.specificity, candidate.rank))
    priority = rule.priority if rule.priority is not None else default_priority
    return RoutingDecision(rule.queue_code, priority, rule, _explain_rule(rule, labels))


def _request_subject(
    service_code: str, places: tuple[DistrictRef, ...], labels: RoutingLabels
) -> Words:
    service = labels.services.get(service_code, service_code)
    if not places:
        return QT_TRANSLATE_NOOP("RoutingExplanations", "%1 with no district").with_values(service)
    names: Words | str = labels.district(places[0].code, places[0].layer)
    for place in places[1:]:
        names = QT_TRANSLATE_NOOP("RoutingExplanations", "%1 and %2").with_values(
            names, labels.district(place.code, place.layer)
        )
    return QT_TRANSLATE_NOOP("RoutingExplanations", "%1 in %2").with_values(service, names)


def _explain_rule(rule: RoutingRule, labels: RoutingLabels) -> Words:
    if rule.district_code is None:
        where = QT_TRANSLATE_NOOP("RoutingExplanations", "in any district")
    else:
        where = QT_TRANSLATE_NOOP("RoutingExplanations", "in %1").with_values(
            labels.district(rule.district_code, rule.district_layer)
        )
    queue_name = labels.queues.get(rule.queue_code, rule.queue_code)
    notes = _notes(rule)
    if rule.service_code is not None:
        service = labels.services.get(rule.service_code, rule.service_code)
        return QT_TRANSLATE_NOOP(
            "RoutingExplanations", "Routed to %1 because %2 %3 goes there%4."
        ).with_values(queue_name, service, where, notes)
    if rule.service_group is not None:
        group = labels.groups.get(rule.service_group, rule.service_group)
        return QT_TRANSLATE_NOOP(
            "RoutingExplanations", "Routed to %1 because %2 requests %3 go there%4."
        ).with_values(queue_name, group, where, notes)
    if rule.district_code is not None:
        return QT_TRANSLATE_NOOP(
            "RoutingExplanations", "Routed to %1 because every request %2 goes there%3."
        ).with_values(queue_name, where, notes)
    return QT_TRANSLATE_NOOP(
        "RoutingExplanations",
        "Routed to %1 because every request with no more specific rule goes there%2.",
    ).with_values(queue_name, notes)


def _notes(rule: RoutingRule) -> Words | str:
    """ " (rule 12, priority high)" after the reason; "" when there is nothing to add."""
    notes: list[Words] = []
    if rule.rule_id is not None:
        notes.append(QT_TRANSLATE_NOOP("RoutingExplanations", "rule %1").with_values(rule.rule_id))
    if rule.priority is not None:
        notes.append(
            QT_TRANSLATE_NOOP("RoutingExplanations", "priority %1").with_values(
                priority_name(rule.priority)
            )
        )
    if not notes:
        return ""
    return QT_TRANSLATE_NOOP("RoutingExplanations", " (%1)").with_values(joined(notes, ", "))
