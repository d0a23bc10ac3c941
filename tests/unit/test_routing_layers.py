"""Routing over several district layers: a rule names a district by layer and code, matches a
request lying in that district whatever its other layers, and its sentence names the layer."""

from __future__ import annotations

from operator_console.domain.lifecycle import Priority
from operator_console.domain.routing import DistrictRef, RoutingLabels, RoutingRule, route

BICYCLE = "abandoned-bicycle"
WARD_3 = DistrictRef("ward", "3")
COUNCIL_3 = DistrictRef("council", "3")
COUNCIL_C2 = DistrictRef("council", "C2")
LABELS = RoutingLabels(
    queues={"BRIDGES": "Bridge Maintenance", "D06": "District 06"},
    services={BICYCLE: "Abandoned Bicycle"},
    layer_districts={
        WARD_3: "Ward 3",
        COUNCIL_3: "Council District 3",
        COUNCIL_C2: "Council District 2",
    },
    name_layers=True,
)
WARD_RULE = RoutingRule(
    "D06", service_code=BICYCLE, district_code="3", rank=10, rule_id=4, district_layer="ward"
)


def test_a_rule_names_a_district_of_one_layer_only() -> None:
    assert WARD_RULE.matches(BICYCLE, None, [COUNCIL_C2, WARD_3])
    assert not WARD_RULE.matches(BICYCLE, None, [COUNCIL_3])  # the same code, another layer
    assert not WARD_RULE.matches(BICYCLE, None, [])


def test_a_rule_without_a_layer_names_the_code_in_any_layer() -> None:
    anywhere_3 = RoutingRule("D06", district_code="3")
    assert anywhere_3.matches(BICYCLE, None, [COUNCIL_3])
    assert anywhere_3.matches(BICYCLE, None, "3")
    assert not WARD_RULE.matches(BICYCLE, None, "3")  # a bare code has no layer


def test_a_council_rule_of_lower_rank_beats_a_ward_rule_of_the_same_reach() -> None:
    council = RoutingRule(
        "BRIDGES",
        service_code=BICYCLE,
        district_code="C2",
        rank=1,
        rule_id=9,
        district_layer="council",
    )
    decision = route(
        BICYCLE,
        None,
        [COUNCIL_C2, WARD_3],
        [WARD_RULE, council],
        "X",
        Priority.NORMAL,
        labels=LABELS,
    )
    assert decision.matched_rule is council
    assert str(decision.explanation) == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Council District 2 (council) "
        "goes there (rule 9)."
    )


def test_a_more_specific_ward_rule_beats_a_council_rule_of_any_rank() -> None:
    everything_in_c2 = RoutingRule("BRIDGES", district_code="C2", rank=0, district_layer="council")
    decision = route(
        BICYCLE,
        None,
        [COUNCIL_C2, WARD_3],
        [everything_in_c2, WARD_RULE],
        "X",
        Priority.NORMAL,
        labels=LABELS,
    )
    assert decision.matched_rule is WARD_RULE
    assert str(decision.explanation) == (
        "Routed to District 06 because Abandoned Bicycle in Ward 3 (ward) goes there (rule 4)."
    )


def test_no_matching_rule_names_every_district_of_the_request() -> None:
    decision = route(
        BICYCLE,
        None,
        [COUNCIL_3, DistrictRef("ward", "4")],
        [WARD_RULE],
        "D06",
        Priority.LOW,
        labels=LABELS,
    )
    assert decision.matched_rule is None
    assert str(decision.explanation) == (
        "Routed to District 06 because no rule matched Abandoned Bicycle in "
        "Council District 3 (council) and 4 (ward); it is the service's default queue."
    )


def test_a_city_of_one_layer_is_not_told_its_layer() -> None:
    one_layer = RoutingLabels(layer_districts={WARD_3: "Ward 3"})
    decision = route(BICYCLE, None, [WARD_3], [WARD_RULE], "X", Priority.NORMAL, labels=one_layer)
    assert (
        str(decision.explanation)
        == f"Routed to D06 because {BICYCLE} in Ward 3 goes there (rule 4)."
    )
