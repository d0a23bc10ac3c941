"""SQLite's triggers that keep service_requests.at_risk_at (the wall-clock rule, in SQL)."""

from __future__ import annotations

DEFAULT_SHARE = 0.75
SQLITE_TRIGGERS = (
    "service_requests_at_risk_insert",
    "service_requests_at_risk_update",
    "sla_policies_at_risk",
    "services_at_risk",
)


def _us(column: str) -> str:
    """SQLite: microseconds since 1970 of a stored timestamp ('YYYY-MM-DD HH:MM:SS.ffffff')."""
    return (
        f"(CAST(strftime('%s', {column}) AS INTEGER) * 1000000"
        f" + CAST(substr({column} || '000000', 21, 6) AS INTEGER))"
    )


def sqlite_at_risk_at(row: str) -> str:
    """SQLite: the at_risk_at of `row` (NEW or a table name), in the stored text format."""
    share = (
        "coalesce((SELECT p.at_risk_fraction FROM services s JOIN sla_policies p"
        f" ON p.id = s.sla_policy_id WHERE s.id = {row}.service_id), {DEFAULT_SHARE})"
    )
    opened, due = _us(f"{row}.created_at"), _us(f"{row}.due_at")
    instant = f"({opened} + CAST(round(({due} - {opened}) * {share}) AS INTEGER))"
    return (
        f"CASE WHEN {row}.due_at IS NOT NULL THEN"
        f" strftime('%Y-%m-%d %H:%M:%S', {instant} / 1000000, 'unixepoch')"
        f" || printf('.%06d', {instant} % 1000000) END"
    )


def sqlite_triggers(respect_writers: bool) -> list[str]:
    """The four triggers. With `respect_writers` (migration 0006), an at_risk_at the writer
    stored is kept: the rule fills it on insert when NULL, and on an update that really changes
    opening, due date or category without touching at_risk_at."""
    fill = f"UPDATE service_requests SET at_risk_at = {sqlite_at_risk_at('NEW')} WHERE id = NEW.id"
    insert_when, update_when = "", ""
    if respect_writers:
        insert_when = "WHEN NEW.at_risk_at IS NULL "
        update_when = (
            "WHEN (OLD.created_at IS NOT NEW.created_at OR OLD.due_at IS NOT NEW.due_at"
            " OR OLD.service_id IS NOT NEW.service_id) AND NEW.at_risk_at IS OLD.at_risk_at "
        )
        refresh = (
            "UPDATE service_requests SET at_risk_at ="
            f" {sqlite_at_risk_at('service_requests')} WHERE due_at IS NOT NULL AND"
        )
    else:
        refresh = "UPDATE service_requests SET due_at = due_at WHERE due_at IS NOT NULL AND"
    return [
        "CREATE TRIGGER service_requests_at_risk_insert AFTER INSERT ON service_requests "
        f"{insert_when}BEGIN {fill}; END",
        "CREATE TRIGGER service_requests_at_risk_update AFTER UPDATE OF created_at, due_at, "
        f"service_id ON service_requests {update_when}BEGIN {fill}; END",
        "CREATE TRIGGER sla_policies_at_risk AFTER UPDATE OF at_risk_fraction ON sla_policies "
        "WHEN OLD.at_risk_fraction IS NOT NEW.at_risk_fraction BEGIN "
        f"{refresh} service_id IN (SELECT id FROM services WHERE sla_policy_id = NEW.id); END",
        "CREATE TRIGGER services_at_risk AFTER UPDATE OF sla_policy_id ON services "
        "WHEN OLD.sla_policy_id IS NOT NEW.sla_policy_id BEGIN "
        f"{refresh} service_id = NEW.id; END",
    ]


def sqlite_drop_triggers() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
