"""The "where would this go?" tester: intake's routing of a service at a point, and why the
other matching rules lost."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from operator_console.domain.lifecycle import Priority
from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.routing import RoutingLabels, RoutingRule, Specificity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import DistrictChoice
from operator_console.services.intake.routing import RoutingReads, route_request
from operator_console.services.unit_of_work import Transaction

_REACH = {
    Specificity.SERVICE_IN_DISTRICT: QT_TRANSLATE_NOOP(
        "RoutingTesterAnswers", "the service in one district"
    ),
    Specificity.SERVICE: QT_TRANSLATE_NOOP("RoutingTesterAnswers", "the service in any district"),
    Specificity.GROUP_IN_DISTRICT: QT_TRANSLATE_NOOP(
        "RoutingTesterAnswers", "the service's group in one district"
    ),
    Specificity.GROUP: QT_TRANSLATE_NOOP(
        "RoutingTesterAnswers", "the service's group in any district"
    ),
    Specificity.DISTRICT: QT_TRANSLATE_NOOP(
        "RoutingTesterAnswers", "every service in one district"
    ),
    Specificity.ANY: QT_TRANSLATE_NOOP("RoutingTesterAnswers", "every service in any district"),
}


class RoutingTestReads(Transaction, RoutingReads, Protocol):
    """What the tester reads, in one transaction: intake's routing reads."""


@dataclass(frozen=True)
class RoutingQuestion:
    """A request of `service_code` with its pin at (latitude, longitude)."""

    service_code: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class LosingRule:
    """A rule that matched the request but did not decide, and why."""

    rule: RoutingRule
    reason: Words


@dataclass(frozen=True)
class RoutingAnswer:
    """Where intake would send the request, and why.

    Attributes:
        districts: the districts the point is in, one per layer: intake matches rules naming
            any of them.
        recorded_district: the one a case records (of the city's routing layer; None: the
            point is outside that layer).
        winner: the rule that decided (None: the service's default queue).
        explanation: the sentence intake writes on the case.
        losers: the other matching rules, the closest to winning first.
    """

    question: RoutingQuestion
    service_name: str
    districts: tuple[DistrictChoice, ...]
    recorded_district: DistrictChoice | None
    queue_code: str
    queue_name: str
    priority: Priority
    winner: RoutingRule | None
    explanation: Words | str
    losers: tuple[LosingRule, ...]


def where_would_this_go(
    reads: RoutingTestReads, question: RoutingQuestion, actor: StaffIdentity
) -> RoutingAnswer:
    """Route the question with intake's own routing code, changing nothing."""
    require(actor, Action.CONFIGURE)
    _check_point(question.latitude, question.longitude)
    with reads:
        setup = reads.service_setup(question.service_code)
        if setup is None:
            raise RoutingRuleError(
                QT_TRANSLATE_NOOP(
                    "RoutingRuleProblems", "There is no active service %1."
                ).with_values(repr(question.service_code)),
                "service",
            )
        found = reads.districts_at(question.latitude, question.longitude)
        decision, labels = route_request(reads, setup, found.every)
        rules, _ = reads.routing_rules(setup.code, setup.group)
    places = [district.ref for district in found.every]
    matching = [rule for rule in rules if rule.matches(setup.code, setup.group or None, places)]
    winner = decision.matched_rule
    losers = [rule for rule in matching if rule != winner]
    losers.sort(key=lambda rule: (-rule.specificity, rule.rank))
    recorded = found.recorded
    return RoutingAnswer(
        question=question,
        service_name=setup.name,
        districts=tuple(DistrictChoice(d.layer, d.code, d.name) for d in found.every),
        recorded_district=(
            DistrictChoice(recorded.layer, recorded.code, recorded.name) if recorded else None
        ),
        queue_code=decision.queue_code,
        queue_name=labels.queues.get(decision.queue_code, decision.queue_code),
        priority=decision.priority,
        winner=winner,
        explanation=decision.explanation,
        losers=tuple(LosingRule(rule, why_lost(rule, winner, labels)) for rule in losers),
    )


def why_lost(rule: RoutingRule, winner: RoutingRule | None, labels: RoutingLabels) -> Words:
    """Why `rule` matched but `winner` decided, in one sentence."""
    name = _rule_words(rule, labels)
    if winner is None:
        return QT_TRANSLATE_NOOP(
            "RoutingTesterAnswers", "%1 matched but did not decide."
        ).with_values(name)
    won = (
        QT_TRANSLATE_NOOP("RoutingTesterAnswers", "rule %1").with_values(winner.rule_id)
        if winner.rule_id is not None
        else QT_TRANSLATE_NOOP("RoutingTesterAnswers", "the winning rule")
    )
    if rule.specificity < winner.specificity:
        return QT_TRANSLATE_NOOP(
            "RoutingTesterAnswers", "%1 is less specific: it names %2, %3 names %4."
        ).with_values(name, _REACH[rule.specificity], won, _REACH[winner.specificity])
    if rule.rank > winner.rank:
        return QT_TRANSLATE_NOOP(
            "RoutingTesterAnswers", "%1 has a higher rank (%2) than %3 (%4)."
        ).with_values(name, rule.rank, won, winner.rank)
    return QT_TRANSLATE_NOOP(
        "RoutingTesterAnswers", "%1 has the same reach and rank as %2, which was added first."
    ).with_values(name, won)


def _rule_words(rule: RoutingRule, labels: RoutingLabels) -> Words:
    queue = labels.queues.get(rule.queue_code, rule.queue_code)
    if rule.rule_id is None:
        return QT_TRANSLATE_NOOP("RoutingTesterAnswers", "A rule (to %1, rank %2)").with_values(
            queue, rule.rank
        )
    return QT_TRANSLATE_NOOP("RoutingTesterAnswers", "Rule %1 (to %2, rank %3)").with_values(
        rule.rule_id, queue, rule.rank
    )


def _check_point(latitude: float, longitude: float) -> None:
    valid = math.isfinite(latitude) and math.isfinite(longitude)
    if not (valid and -90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "(%1, %2) is not a point on the map."
            ).with_values(latitude, longitude),
            "point",
        )
