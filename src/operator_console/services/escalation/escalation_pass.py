"""The escalation pass: fire every rule whose line a case crossed, once per case and rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from operator_console.services.escalation.cutoffs import Cutoff, PolicyClock, cutoffs
from operator_console.services.escalation.rules import EscalationRule


class EscalationStore(Protocol):
    """The rules, the policies' clocks, and the database's pass itself."""

    def rules(self) -> list[EscalationRule]: ...

    def policy_clocks(self) -> list[PolicyClock]: ...

    def fire(self, now: datetime, overdue_by: Sequence[Cutoff]) -> int:
        """In one transaction, fire what is due at `now` and was not fired yet (recorded in
        escalations_fired, whose key makes a second firing impossible): apply each rule's
        action, write its history event and alert; return how many rules fired."""
        ...


def run_escalations(store: EscalationStore, now: datetime) -> int:
    """One pass at `now`: how many rules fired (0 when another pass is running, or when
    nothing crossed a line since the last one)."""
    rules = store.rules()
    if not any(rule.active for rule in rules):
        return 0
    needed = any(rule.active and rule.trigger == "overdue_by" for rule in rules)
    clocks = store.policy_clocks() if needed else []
    return store.fire(now, cutoffs(rules, clocks, now))
