"""Routing rules administered on both databases: listed with filters, added, changed and removed
in one transaction each with a line in the audit trail; bad rules and stale edits refused."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.errors import (
    RoutingRuleError,
    RuleChangedMeanwhileError,
)
from operator_console.services.admin.routing.ports import DistrictKey, RuleDraft, RuleFilter
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events, routing_rules
from tests.support.staff import ADMIN1, SUPERVISOR1

NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
BICYCLE = "abandoned-bicycle"
WARD_3 = DistrictKey("ward", "3")


@pytest.fixture
def engine(demo_db_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


def desk_for(engine: Engine, actor: object = ADMIN1) -> RoutingDesk:
    return RoutingDesk(
        lambda: SqlRoutingAdminUnitOfWork(engine),
        lambda: SqlRoutingTestReads(engine),
        actor,  # type: ignore[arg-type]
        clock=lambda: NOON,
    )


def count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def events(engine: Engine) -> list[tuple[str, str, str]]:
    """The routing lines of the audit trail, oldest first."""
    e = config_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.subject, e.detail).where(e.kind.like("routing_rule_%")).order_by(e.id)
        )
        return [(row.kind, row.subject, row.detail) for row in rows]


def pothole_in_ward_3(**changes: str) -> RuleDraft:
    draft = RuleDraft(
        service_code=BICYCLE,
        district_layer="ward",
        district_code="3",
        queue_code="PWDx_District 03: North Dorchester",
        priority="high",
        rank="5",
        note="Ward 3 bikes go to the North Dorchester crew this winter.",
    )
    return replace(draft, **changes)


def test_rules_are_listed_with_their_names_and_filtered(engine: Engine) -> None:
    desk = desk_for(engine)
    book = desk.book()
    assert len(book.rules) == count(engine, routing_rules)
    bicycle = desk.book(RuleFilter(service_code=BICYCLE)).rules
    assert bicycle and all(rule.target.service_code == BICYCLE for rule in bicycle)
    assert bicycle[0].service_name == "Abandoned Bicycle"
    in_ward_3 = desk.book(RuleFilter(district=WARD_3)).rules
    assert in_ward_3 and all(rule.target.district == WARD_3 for rule in in_ward_3)
    assert {rule.district_name for rule in in_ward_3} == {"Ward 3"}
    queue = bicycle[0].target.queue_code
    to_queue = desk.book(RuleFilter(queue_code=queue)).rules
    assert to_queue and all(rule.target.queue_code == queue for rule in to_queue)
    assert "PWDx_District 03: North Dorchester" in {q.code for q in book.choices.queues}
    assert WARD_3 in {d.key for d in book.choices.districts}


def test_adding_a_rule_writes_it_and_its_audit_line_in_one_step(engine: Engine) -> None:
    desk = desk_for(engine)
    before = count(engine, routing_rules)
    change = desk.add(pothole_in_ward_3())
    assert count(engine, routing_rules) == before + 1
    stored = desk.book(RuleFilter(service_code=BICYCLE, district=WARD_3)).rules
    added = next(rule for rule in stored if rule.id == change.rule_id)
    assert added.target.priority == "high" and added.target.rank == 5
    assert added.queue_name == "District 03: North Dorchester"
    sentence = (
        "Routing: Abandoned Bicycle in Ward 3 goes to District 03: North Dorchester "
        "(rank 5, priority high)"
    )
    assert events(engine) == [("routing_rule_added", "abandoned-bicycle · ward 3", sentence)]
    assert str(change.summary()) == f"Added rule {change.rule_id}. {sentence}."


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (pothole_in_ward_3(service_group="Abandoned Bicycle"), "service", "not both"),
        (pothole_in_ward_3(queue_code="NOPE_Nowhere"), "queue", "no active queue 'NOPE_Nowhere'"),
        (pothole_in_ward_3(rank="ten"), "rank", "whole number (such as 10 or 100), not 'ten'"),
        (pothole_in_ward_3(rank="10"), "rank", "already routes Abandoned Bicycle in Ward 3"),
        (pothole_in_ward_3(district_code="99"), "district", "no district '99'"),
        (pothole_in_ward_3(priority="soon"), "priority", "'soon' is not a priority"),
    ],
)
def test_a_bad_rule_is_refused_at_its_field_and_nothing_is_written(
    engine: Engine, draft: RuleDraft, field: str, words: str
) -> None:
    before = count(engine, routing_rules)
    with pytest.raises(RoutingRuleError) as refused:
        desk_for(engine).add(draft)
    assert refused.value.field == field
    assert words in str(refused.value)
    assert count(engine, routing_rules) == before
    assert events(engine) == []


def test_a_supervisor_is_refused_routing_administration(engine: Engine) -> None:
    desk = desk_for(engine, SUPERVISOR1)
    with pytest.raises(NotPermittedError, match="change the configuration"):
        desk.add(pothole_in_ward_3())
    with pytest.raises(NotPermittedError):
        desk.book()
    assert events(engine) == []


def test_changing_and_removing_a_rule_are_audited(engine: Engine) -> None:
    desk = desk_for(engine)
    added = desk.add(pothole_in_ward_3()).after
    assert added is not None
    changed = desk.change(added, pothole_in_ward_3(rank="7", priority=""))
    assert changed.after is not None and changed.after.target.rank == 7
    assert changed.after.target.priority is None
    removed = desk.remove(changed.after)
    assert removed.after is None
    assert [kind for kind, _s, _d in events(engine)] == [
        "routing_rule_added",
        "routing_rule_changed",
        "routing_rule_removed",
    ]
    assert not [r for r in desk.book(RuleFilter(district=WARD_3)).rules if r.id == added.id]


def test_an_edit_of_a_rule_someone_changed_meanwhile_is_refused_with_what_changed(
    engine: Engine,
) -> None:
    first, second = desk_for(engine), desk_for(engine)
    rule = first.book(RuleFilter(service_code=BICYCLE, district=WARD_3)).rules[0]
    first.change(rule, pothole_in_ward_3(rank="10", priority="", note=rule.target.note))
    with pytest.raises(RuleChangedMeanwhileError) as refused:
        second.change(rule, pothole_in_ward_3(rank="10", queue_code=rule.target.queue_code))
    message = str(refused.value)
    assert f"Rule {rule.id} was not saved: someone changed it meanwhile" in message
    assert "its queue is now District 03: North Dorchester" in message
    with pytest.raises(RuleChangedMeanwhileError, match="someone changed it meanwhile"):
        second.remove(rule)
    now = first.book(RuleFilter(service_code=BICYCLE, district=WARD_3)).rules[0]
    first.remove(now)
    with pytest.raises(RuleChangedMeanwhileError, match="someone removed it meanwhile"):
        second.change(now, pothole_in_ward_3())
    assert [kind for kind, _s, _d in events(engine)] == [
        "routing_rule_changed",
        "routing_rule_removed",
    ]
