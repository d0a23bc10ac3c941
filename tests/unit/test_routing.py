"""Routing rules: specificity, rank, defaults and the sentence that explains the choice."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.lifecycle import Priority
from operator_console.domain.routing import (
    RoutingLabels,
    RoutingRule,
    Specificity,
    route,
)

LIGHTS = "STRLGHT"
STREETS = "Streets & Lights"
LABELS = RoutingLabels(
    queues={
        "PWD_LIGHTS": "PWD Street Lights",
        "PWD_WARD5": "PWD Ward 5 Crew",
        "PWD": "Public Works",
        "CATCHALL": "311 Triage",
        "STREETS_W5": "Streets Ward 5",
        "STREETS": "Streets",
        "W5": "Ward 5 Desk",
    },
    services={LIGHTS: "Street Light Outage"},
    groups={STREETS: "Streets and lights"},
    districts={"5": "Ward 5", "6": "Ward 6"},
)

SERVICE_IN_DISTRICT = RoutingRule("PWD_LIGHTS", service_code=LIGHTS, district_code="5", rule_id=12)
SERVICE = RoutingRule("PWD", service_code=LIGHTS, rule_id=11)
GROUP_IN_DISTRICT = RoutingRule("STREETS_W5", service_group=STREETS, district_code="5", rule_id=4)
GROUP = RoutingRule("STREETS", service_group=STREETS, rule_id=3)
DISTRICT = RoutingRule("W5", district_code="5", rule_id=2)
ANY = RoutingRule("CATCHALL", rule_id=1)
ALL_RULES = [ANY, DISTRICT, GROUP, GROUP_IN_DISTRICT, SERVICE, SERVICE_IN_DISTRICT]


def route_lights(district: str | None, rules: list[RoutingRule]) -> RoutingRule | None:
    decision = route(LIGHTS, STREETS, district, rules, "DEFAULT", Priority.NORMAL, labels=LABELS)
    return decision.matched_rule


def test_specificity_ladder() -> None:
    assert [rule.specificity for rule in ALL_RULES] == sorted(Specificity)


@pytest.mark.parametrize("expected", range(len(ALL_RULES)))
def test_most_specific_matching_rule_wins_whatever_the_order(expected: int) -> None:
    # Only rules up to `expected` exist; the most specific of them must win.
    rules = ALL_RULES[: expected + 1]
    for seed in range(5):
        shuffled = rules[:]
        random.Random(seed).shuffle(shuffled)
        assert route_lights("5", shuffled) is ALL_RULES[expected]


def test_district_rules_do_not_match_other_districts() -> None:
    assert route_lights("6", ALL_RULES) is SERVICE


def test_group_rules_do_not_match_other_groups() -> None:
    decision = route("GRAFFITI", "Cleanup", "6", ALL_RULES, "DEFAULT", Priority.NORMAL)
    assert decision.matched_rule is ANY


def test_request_without_district_matches_only_any_district_rules() -> None:
    assert route_lights(None, [SERVICE_IN_DISTRICT, GROUP, DISTRICT]) is GROUP


def test_lower_rank_wins_among_equally_specific_rules() -> None:
    night = RoutingRule("NIGHT", service_code=LIGHTS, rank=2, rule_id=20)
    day = RoutingRule("DAY", service_code=LIGHTS, rank=1, rule_id=21)
    assert route_lights("5", [night, day]) is day
    assert route_lights("5", [day, night]) is day


def test_rank_never_beats_specificity() -> None:
    low_ranked_specific = RoutingRule("A", service_code=LIGHTS, district_code="5", rank=99)
    high_ranked_general = RoutingRule("B", service_code=LIGHTS, rank=-99)
    assert route_lights("5", [high_ranked_general, low_ranked_specific]) is low_ranked_specific


def test_no_match_falls_back_to_service_defaults() -> None:
    decision = route(LIGHTS, STREETS, "6", [DISTRICT], "PWD", Priority.HIGH, labels=LABELS)
    assert decision.queue_code == "PWD"
    assert decision.priority is Priority.HIGH
    assert decision.matched_rule is None
    assert str(decision.explanation) == (
        "Routed to Public Works because no rule matched Street Light Outage in Ward 6; "
        "it is the service's default queue."
    )


def test_rule_priority_overrides_default_and_none_keeps_it() -> None:
    urgent = RoutingRule("PWD", service_code=LIGHTS, priority=Priority.URGENT)
    assert route(LIGHTS, None, None, [urgent], "X", Priority.LOW).priority is Priority.URGENT
    assert route(LIGHTS, None, None, [SERVICE], "X", Priority.LOW).priority is Priority.LOW


@pytest.mark.parametrize(
    ("rules", "district", "sentence"),
    [
        (
            [SERVICE_IN_DISTRICT],
            "5",
            "Routed to PWD Street Lights because Street Light Outage in Ward 5 goes there "
            "(rule 12).",
        ),
        (
            [SERVICE],
            "5",
            "Routed to Public Works because Street Light Outage in any district goes there "
            "(rule 11).",
        ),
        (
            [GROUP_IN_DISTRICT],
            "5",
            "Routed to Streets Ward 5 because Streets and lights requests in Ward 5 go there "
            "(rule 4).",
        ),
        (
            [GROUP],
            "5",
            "Routed to Streets because Streets and lights requests in any district go there "
            "(rule 3).",
        ),
        (
            [DISTRICT],
            "5",
            "Routed to Ward 5 Desk because every request in Ward 5 goes there (rule 2).",
        ),
        (
            [ANY],
            "5",
            "Routed to 311 Triage because every request with no more specific rule goes there "
            "(rule 1).",
        ),
        (
            [],
            None,
            "Routed to DEFAULT because no rule matched Street Light Outage with no district; "
            "it is the service's default queue.",
        ),
    ],
)
def test_explanation_is_one_plain_sentence(
    rules: list[RoutingRule], district: str | None, sentence: str
) -> None:
    decision = route(LIGHTS, STREETS, district, rules, "DEFAULT", Priority.NORMAL, labels=LABELS)
    assert str(decision.explanation) == sentence


def test_explanation_names_an_overridden_priority_and_falls_back_to_codes() -> None:
    rule = RoutingRule(
        "Q9", service_code="SL", district_code="7", priority=Priority.HIGH, rule_id=8
    )
    decision = route("SL", None, "7", [rule], "DEFAULT", Priority.NORMAL)
    assert (
        str(decision.explanation)
        == "Routed to Q9 because SL in 7 goes there (rule 8, priority high)."
    )


def test_unsaved_rule_is_explained_without_a_number() -> None:
    rule = RoutingRule("Q9", service_code="SL")
    decision = route("SL", None, None, [rule], "DEFAULT", Priority.NORMAL)
    assert str(decision.explanation) == "Routed to Q9 because SL in any district goes there."


def test_a_rule_names_a_service_or_a_group_not_both() -> None:
    with pytest.raises(ValueError):
        RoutingRule("Q", service_code=LIGHTS, service_group=STREETS)


rule_strategy = st.builds(
    RoutingRule,
    queue_code=st.sampled_from(["Q1", "Q2", "Q3"]),
    service_code=st.sampled_from([None, LIGHTS, "OTHER"]),
    district_code=st.sampled_from([None, "5", "6"]),
    rank=st.integers(min_value=-3, max_value=3),
)


@given(rules=st.lists(rule_strategy, max_size=8), district=st.sampled_from([None, "5", "6"]))
def test_the_winner_matches_and_no_matching_rule_outranks_it(
    rules: list[RoutingRule], district: str | None
) -> None:
    decision = route(LIGHTS, None, district, rules, "DEFAULT", Priority.NORMAL)
    matching = [rule for rule in rules if rule.matches(LIGHTS, None, district)]
    winner = decision.matched_rule
    if winner is None:
        assert not matching
        assert decision.queue_code == "DEFAULT"
        return
    assert winner.matches(LIGHTS, None, district)
    assert decision.queue_code == winner.queue_code
    for rule in matching:
        assert (rule.specificity, -rule.rank) <= (winner.specificity, -winner.rank)
