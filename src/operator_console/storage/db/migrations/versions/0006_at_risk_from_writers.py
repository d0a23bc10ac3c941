"""at_risk_at as the console computes it (business hours) wins; the triggers only fill it in"""

from __future__ import annotations

from alembic import op

from operator_console.storage.db.at_risk_sql import sqlite_drop_triggers, sqlite_triggers

revision = "0006_at_risk_from_writers"
down_revision = "0005_queue_sla_and_text"
branch_labels = None
depends_on = None

# Intake and case actions now store at_risk_at on the category's own clock (working hours on
# the city's calendar for business-clock policies), which SQL cannot count. The triggers keep
# the wall-clock rule of 0005 only for rows written without one (imports, bulk loads, older
# consoles): on insert when it is NULL, and on an update that really changes the opening, the
# due date or the category while leaving at_risk_at as it was.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION set_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.at_risk_at IS NOT NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.at_risk_at IS DISTINCT FROM OLD.at_risk_at THEN
        RETURN NEW;
    END IF;
    NEW.at_risk_at := CASE WHEN NEW.due_at IS NOT NULL THEN request_at_risk_at(
        NEW.created_at, NEW.due_at, request_at_risk_share(NEW.service_id)) END;
    RETURN NEW;
END;
$$;
"""
PG_UPDATE_TRIGGER = """
CREATE TRIGGER service_requests_at_risk_update
BEFORE UPDATE OF created_at, due_at, service_id ON service_requests FOR EACH ROW
WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
      OR OLD.service_id IS DISTINCT FROM NEW.service_id)
EXECUTE FUNCTION set_request_at_risk_at();
"""
PG_INSERT_TRIGGER = """
CREATE TRIGGER service_requests_at_risk BEFORE INSERT ON service_requests FOR EACH ROW
EXECUTE FUNCTION set_request_at_risk_at();
"""
OLD_PG_TRIGGER = """
CREATE TRIGGER service_requests_at_risk BEFORE INSERT OR UPDATE OF created_at, due_at, service_id
ON service_requests FOR EACH ROW EXECUTE FUNCTION set_request_at_risk_at();
"""
OLD_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION set_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at_risk_at := CASE WHEN NEW.due_at IS NOT NULL THEN request_at_risk_at(
        NEW.created_at, NEW.due_at, request_at_risk_share(NEW.service_id)) END;
    RETURN NEW;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'sla_policies' THEN
        UPDATE service_requests SET due_at = due_at WHERE due_at IS NOT NULL
            AND service_id IN (SELECT id FROM services WHERE sla_policy_id = NEW.id);
    ELSE
        UPDATE service_requests SET due_at = due_at
            WHERE due_at IS NOT NULL AND service_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
"""
# A policy's or a service's share changed: its requests get the wall-clock rule again.
PG_REFRESH = """
CREATE OR REPLACE FUNCTION refresh_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE service_requests SET at_risk_at = request_at_risk_at(
        created_at, due_at, request_at_risk_share(service_id))
    WHERE due_at IS NOT NULL AND service_id IN (
        SELECT id FROM services WHERE
            (TG_TABLE_NAME = 'sla_policies' AND sla_policy_id = NEW.id)
            OR (TG_TABLE_NAME = 'services' AND id = NEW.id));
    RETURN NULL;
END;
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for statement in sqlite_drop_triggers():
            op.execute(statement)
        for statement in sqlite_triggers(respect_writers=True):
            op.execute(statement)
        return
    op.execute("DROP TRIGGER service_requests_at_risk ON service_requests")
    op.execute(PG_FUNCTION)
    op.execute(PG_REFRESH)
    op.execute(PG_INSERT_TRIGGER)
    op.execute(PG_UPDATE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for statement in sqlite_drop_triggers():
            op.execute(statement)
        for statement in sqlite_triggers(respect_writers=False):
            op.execute(statement)
        return
    op.execute("DROP TRIGGER service_requests_at_risk_update ON service_requests")
    op.execute("DROP TRIGGER service_requests_at_risk ON service_requests")
    op.execute(OLD_PG_FUNCTIONS)
    op.execute(OLD_PG_TRIGGER)
