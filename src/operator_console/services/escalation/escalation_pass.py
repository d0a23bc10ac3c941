"""The escalation pass: fire every rule whose line a case crossed, once per case and rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from operator_console.services.escalation.cutoffs import Cutoff, PolicyClock, cutoffs
from operator_console.services.escalation.rules import EscalationRule

MAX_CASES_PER_PASS = 2000
"""The most cases one pass escalates: a backlog is worked off pass after pass, each holding the
pass's lock for a moment only."""


class EscalationStore(Protocol):
    """The rules, the policies' clocks, and the database's pass itself."""

    def rules(self) -> list[EscalationRule]: ...

    def policy_clocks(self) -> list[PolicyClock]: ...

    def fire(self, now: datetime, overdue_by: Sequence[Cutoff], max_cases: int) -> int:
        """In one transaction, fire what is due at `now` and was not fired yet (recorded in
        escalations_fired, whose key makes a second firing impossible) on at most `max_cases`
        cases, the oldest first: apply each rule's action, write its history event and alert;
        return how many rules fired."""
        ...


def run_escalations(
    store: EscalationStore, now: datetime, max_cases: int = MAX_CASES_PER_PASS
) -> int:
    """One pass at `now`: how many rules fired (0 when another pass is running, or when
    nothing crossed a line since the last one). Cases beyond `max_cases` wait for the next."""
    rules = store.rules()
    if not any(rule.active for rule in rules):
        return 0
    needed = any(rule.active and rule.trigger == "overdue_by" for rule in rules)
    clocks = store.policy_clocks() if needed else []
    return store.fire(now, cutoffs(rules, clocks, now), max_cases)


def catch_up(store: EscalationStore, now: datetime, max_cases: int = MAX_CASES_PER_PASS) -> int:
    """Passes at `now` one after the other until one fires nothing: a backlog fired by the
    service command, each pass a transaction of its own; how many rules fired in all."""
    total = 0
    while fired := run_escalations(store, now, max_cases):
        total += fired
    return total
