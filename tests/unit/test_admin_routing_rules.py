"""The pure rules of routing administration: ranks, duplicates, sentences, and why a rule lost."""

from __future__ import annotations

import pytest

from operator_console.domain.routing import RoutingLabels, RoutingRule
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import (
    DistrictChoice,
    DistrictKey,
    QueueChoice,
    RoutingChoices,
    RoutingRuleRow,
    RuleDraft,
    ServiceChoice,
)
from operator_console.services.admin.routing.rules import (
    check_not_duplicate,
    checked_rank,
    checked_target,
    rule_sentence,
    what_changed,
)
from operator_console.services.admin.routing.tester import why_lost

CHOICES = RoutingChoices(
    services=(ServiceChoice("pothole", "Pothole", "Streets"),),
    districts=(DistrictChoice("ward", "3", "Ward 3"),),
    queues=(QueueChoice("PWD3", "PWD District 3"), QueueChoice("PWD", "Public Works")),
)
LABELS = RoutingLabels(queues={"PWD3": "PWD District 3", "PWD": "Public Works"})


def test_a_draft_becomes_a_rule_and_its_sentence() -> None:
    draft = RuleDraft("pothole", "", "ward", "3", "PWD3", "", " 10 ", "")
    target = checked_target(draft, CHOICES)
    assert target.district == DistrictKey("ward", "3") and target.rank == 10
    assert str(rule_sentence(target, CHOICES)) == (
        "Routing: Pothole in Ward 3 goes to PWD District 3 (rank 10)"
    )


@pytest.mark.parametrize("text", ["ten", "1.5", "", "-3", "1000000"])
def test_a_rank_that_is_not_a_whole_number_in_range_is_refused(text: str) -> None:
    with pytest.raises(RoutingRuleError) as refused:
        checked_rank(text)
    assert refused.value.field == "rank"


def test_a_second_rule_at_the_same_rank_is_refused_but_a_rule_may_keep_its_own() -> None:
    target = checked_target(RuleDraft("pothole", "", "ward", "3", "PWD3", rank="10"), CHOICES)
    existing = [RoutingRuleRow(7, target)]
    with pytest.raises(RoutingRuleError, match="Rule 7 already routes Pothole in Ward 3"):
        check_not_duplicate(target, existing, CHOICES)
    check_not_duplicate(target, existing, CHOICES, own_id=7)


def test_what_someone_else_changed_is_said() -> None:
    before = checked_target(RuleDraft("pothole", "", "", "", "PWD3", rank="10"), CHOICES)
    after = checked_target(RuleDraft("pothole", "", "", "", "PWD", rank="20"), CHOICES)
    assert str(what_changed(before, after, CHOICES)) == (
        "someone changed it meanwhile: its queue is now Public Works; its rank is now 20"
    )
    assert str(what_changed(before, None, CHOICES)) == "someone removed it meanwhile"


def test_a_losing_rule_says_whether_it_was_less_specific_or_ranked_later() -> None:
    winner = RoutingRule("PWD3", service_code="pothole", district_code="3", rank=10, rule_id=2)
    anywhere = RoutingRule("PWD", service_code="pothole", rank=1, rule_id=1)
    later = RoutingRule("PWD", service_code="pothole", district_code="3", rank=20, rule_id=3)
    assert str(why_lost(anywhere, winner, LABELS)) == (
        "Rule 1 (to Public Works, rank 1) is less specific: it names the service in any "
        "district, rule 2 names the service in one district."
    )
    assert str(why_lost(later, winner, LABELS)) == (
        "Rule 3 (to Public Works, rank 20) has a higher rank (20) than rule 2 (10)."
    )
