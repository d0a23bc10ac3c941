"""Words intake, routing and permissions compose: English as before, each part looked up."""

from __future__ import annotations

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, validate_draft
from operator_console.domain.lifecycle import Priority
from operator_console.domain.permissions import Action, StaffIdentity, refusal
from operator_console.domain.routing import RoutingLabels, RoutingRule, route
from operator_console.domain.wording import Words

_SPANISH = {
    ("RoutingExplanations", "Routed to %1 because every request %2 goes there%3."): (
        "Enviado a %1 porque toda solicitud %2 va allí%3."
    ),
    ("RoutingExplanations", "in %1"): "en %1",
    ("RoutingExplanations", " (%1)"): " (%1)",
    ("RoutingExplanations", "rule %1"): "regla %1",
    ("RoutingExplanations", "priority %1"): "prioridad %1",
    ("PriorityNames", "high"): "alta",
    ("PermissionRefusals", "%1: only %2 can %3."): "%1: solo %2 pueden %3.",
    ("PermissionRefusals", "%1 is a dispatcher"): "%1 tiene el rol de despachador",
    ("PermissionRefusals", "%1 and %2"): "%1 y %2",
    ("PermissionRefusals", "supervisors"): "los supervisores",
    ("PermissionRefusals", "admins"): "los administradores",
    ("PermissionRefusals", "escalate cases"): "escalar casos",
}


def _spanish(context: str, text: str) -> str:
    return _SPANISH.get((context, text), text)


def _ward_rule() -> Words:
    rule = RoutingRule("WARD5", None, None, "5", Priority.HIGH, rank=1, rule_id=2)
    labels = RoutingLabels(queues={"WARD5": "Ward 5 Desk"}, districts={"5": "Ward 5"})
    return route("SL", None, "5", [rule], "TRIAGE", Priority.NORMAL, labels=labels).explanation


def test_a_routing_explanation_reads_in_english_as_before_and_each_part_is_looked_up() -> None:
    explanation = _ward_rule()
    assert str(explanation) == (
        "Routed to Ward 5 Desk because every request in Ward 5 goes there (rule 2, priority high)."
    )
    assert explanation.render(_spanish) == (
        "Enviado a Ward 5 Desk porque toda solicitud en Ward 5 va allí (regla 2, prioridad alta)."
    )


def test_a_permission_refusal_reads_in_english_as_before_and_each_part_is_looked_up() -> None:
    denise = StaffIdentity("dispatcher1", "Denise Walsh", "dispatcher")
    refused = refusal(denise, Action.ESCALATE)
    assert refused is not None
    assert str(refused) == (
        "Denise Walsh (dispatcher1) is a dispatcher: only supervisors and admins can escalate "
        "cases."
    )
    assert refused.render(_spanish) == (
        "Denise Walsh (dispatcher1) tiene el rol de despachador: solo los supervisores y los "
        "administradores pueden escalar casos."
    )


def test_intake_problems_read_in_english_as_before() -> None:
    draft = IntakeDraft(caller=Caller(email="ana at example"))
    messages = [str(problem.message) for problem in validate_draft(draft, {}, "US")]
    assert messages == [
        "“ana at example” is not an email address.",
        "Place a pin on the map or enter an address.",
        "Choose a service.",
    ]
