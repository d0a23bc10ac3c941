"""The escalation pass on SQLite (the demo city, run by the console): once per case and rule, and
the alerts it raises, read and acknowledged by the case's department."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.escalation.alerts import AlertDesk
from operator_console.services.escalation.escalation_pass import run_escalations
from operator_console.storage.db.engine import make_engine
from operator_console.storage.demo_city.escalation_rules import seed_demo_escalation_rules
from operator_console.storage.escalation.alerts import SqlAlertStore
from operator_console.storage.escalation.store import SqlEscalationStore

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
_CASE = """
SELECT r.id, s.sla_policy_id, d.code AS department, r.priority
FROM service_requests r JOIN services s ON s.id = r.service_id
JOIN queues q ON q.id = r.queue_id JOIN departments d ON d.id = q.department_id
WHERE r.status = 'in_queue' AND r.priority = 'normal' AND s.sla_policy_id IS NOT NULL
ORDER BY r.id LIMIT 1
"""


def test_the_demo_city_escalates_a_case_once_and_its_department_acknowledges(
    demo_sqlite_url: str,
) -> None:
    engine = make_engine(demo_sqlite_url)
    try:
        with engine.begin() as connection:
            case = connection.execute(text(_CASE)).one()
            connection.execute(text("UPDATE service_requests SET due_at = NULL, at_risk_at = NULL"))
            connection.execute(
                text(
                    "UPDATE service_requests SET due_at = :due, at_risk_at = :risk WHERE id = :id"
                ),
                {
                    "due": (NOW - timedelta(hours=1)).replace(tzinfo=None),
                    "risk": (NOW - timedelta(hours=5)).replace(tzinfo=None),
                    "id": case.id,
                },
            )
            connection.execute(
                text(
                    "INSERT INTO escalation_rules (id, sla_policy_id, trigger, action) VALUES"
                    " (1, :policy, 'at_risk', 'notify'), (2, NULL, 'overdue', 'raise_priority')"
                ),
                {"policy": case.sla_policy_id},
            )
        store = SqlEscalationStore(engine)
        assert run_escalations(store, NOW) == 2
        assert run_escalations(store, NOW + timedelta(minutes=1)) == 0
        with engine.connect() as connection:
            events = connection.execute(
                text(
                    "SELECT actor, from_value, to_value FROM request_events"
                    " WHERE kind = 'sla_escalated' AND request_id = :id ORDER BY id"
                ),
                {"id": case.id},
            ).all()
            priority = connection.execute(
                text("SELECT priority FROM service_requests WHERE id = :id"), {"id": case.id}
            ).scalar_one()
        assert [tuple(event) for event in events] == [
            ("sla_clock", None, None),
            ("sla_clock", "normal", "high"),
        ]
        assert priority == "high"

        alerts = SqlAlertStore(engine)
        theirs = StaffIdentity("sup", "Sup", "supervisor", frozenset({case.department}))
        others = StaffIdentity("dis", "Dis", "dispatcher", frozenset({"NO-SUCH-DEPARTMENT"}))
        assert AlertDesk(alerts, others).open_alerts() == []
        shown = AlertDesk(alerts, theirs).open_alerts()
        assert [alert.kind for alert in shown] == ["overdue", "at_risk"]
        assert not AlertDesk(alerts, others).acknowledge(shown[0].id, NOW)
        assert AlertDesk(alerts, theirs).acknowledge(shown[0].id, NOW)
        assert not AlertDesk(alerts, theirs).acknowledge(shown[0].id, NOW)
        assert [alert.kind for alert in AlertDesk(alerts, theirs).open_alerts()] == ["at_risk"]
    finally:
        engine.dispose()


def test_sla_run_once_says_how_many_rules_fired(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "sla", "run"]) == 0
    assert capsys.readouterr().out.endswith(": 0 escalation rules fired\n")


def test_sla_run_refuses_a_period_that_is_not_seconds(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--database-url", sqlite_url, "sla", "run", "--every", "soon"])
    assert "'soon' is not a number of seconds from 1 to 86400" in capsys.readouterr().err


def test_an_admin_configures_the_rules_from_the_shell(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (login, display_name, role) VALUES"
                " ('admin1', 'Ada', 'admin'), ('operator1', 'Olu', 'operator')"
            )
        )
        connection.execute(text("INSERT INTO departments (code, name) VALUES ('PWD', 'Works')"))
        connection.execute(
            text("INSERT INTO queues (code, name, department_id) VALUES ('ESC', 'Escalated', 1)")
        )
        connection.execute(
            text("INSERT INTO sla_policies (code, name, target_hours) VALUES ('2d', 'Two', 16)")
        )
    engine.dispose()
    sla = ["--database-url", sqlite_url, "sla"]
    move = ["add-rule", "--trigger", "overdue_by", "--hours", "8", "--action", "move_queue"]
    assert main([*sla, "--as", "admin1", *move, "--queue", "ESC", "--policy", "2d"]) == 0
    notify = ["add-rule", "--trigger", "overdue", "--action", "notify"]
    assert main([*sla, "--as", "admin1", *notify]) == 0
    assert capsys.readouterr().out == "escalation rule 1 added\nescalation rule 2 added\n"
    assert main([*sla, "--as", "admin1", *move]) == 2
    assert "nothing was changed: a 'move_queue' rule needs the queue" in capsys.readouterr().err
    assert main([*sla, "--as", "admin1", *move, "--queue", "NOPE"]) == 2
    assert "no queue has the code 'NOPE'" in capsys.readouterr().err
    assert main([*sla, "--as", "operator1", "disable-rule", "2"]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    as_staff = ["--database-url", sqlite_url, "--staff", "admin1", "sla"]  # as other commands
    assert main([*as_staff, "disable-rule", "2"]) == 0
    assert main([*sla, "enable-rule", "2", "--as", "admin1"]) == 0  # after the command too
    assert main([*sla, "disable-rule", "2", "--as", "admin1"]) == 0
    assert main([*sla, "rules"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "1: 2d: overdue_by 8 h -> move_queue to ESC (fired on 0 cases)",
        "2: every policy: overdue -> notify (fired on 0 cases, disabled)",
    ]


def test_the_demo_seeded_by_the_command_has_rules_and_its_first_pass_raises_alerts(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "db", "seed-demo"]) == 0
    assert ": 3 escalation rules (docs/escalation.md)" in capsys.readouterr().out
    engine = make_engine(sqlite_url)
    try:
        assert seed_demo_escalation_rules(engine) == 0  # never twice
        assert run_escalations(SqlEscalationStore(engine), datetime.now(UTC)) > 0
        admin = StaffIdentity("admin1", "Ada", "admin")
        assert AlertDesk(SqlAlertStore(engine), admin).open_list().total > 0
    finally:
        engine.dispose()
