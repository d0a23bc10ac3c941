"""PostgreSQL's escalation pass: one set-based function, run once whatever calls it."""

from __future__ import annotations

from operator_console.services.escalation.escalation_pass import MAX_CASES_PER_PASS
from operator_console.services.escalation.rules import CLOCK_ACTOR, EVENT_KIND, PRIORITY_ORDER

ALERTS_CHANNEL = "alerts"
PASS_LOCK = 0x5A_C10C
"""The advisory lock a pass holds: a second caller meanwhile returns at once."""
PASS_FUNCTION_NAME = "console_run_escalations(timestamptz, jsonb, integer)"
PASS_FUNCTION_NAME_0012 = "console_run_escalations(timestamptz, jsonb)"
_PRIORITIES = "ARRAY[" + ", ".join(f"'{p.value}'" for p in PRIORITY_ORDER) + "]"
_TOP = len(PRIORITY_ORDER)
OPEN = "status IN ('received', 'routed', 'in_queue', 'assigned', 'in_progress')"
"""Word for word the predicate of the open-case indexes (migrations 0005, 0007, 0012)."""
SLA_INDEXES = {
    "ix_service_requests_open_at_risk_at": f"(at_risk_at) INCLUDE (service_id) WHERE {OPEN}",
    "ix_service_requests_open_due_at": f"(due_at) INCLUDE (service_id) WHERE {OPEN}",
}
"""The lines the pass looks for, on open cases only: closed history is never read."""

_CAPPED_PARAMETERS = (
    f"now timestamptz, cutoffs jsonb DEFAULT '[]', max_cases integer DEFAULT {MAX_CASES_PER_PASS}"
)
_CAPPED_CHOICE = """
        WHERE request_id IN (SELECT DISTINCT request_id FROM crossed
                             ORDER BY request_id LIMIT max_cases)"""


def _pass_function(parameters: str, choice: str) -> str:
    return f"""
CREATE FUNCTION console_run_escalations({parameters})
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
-- Compiling the plan costs more than the pass; and open cases are read through SLA_INDEXES,
-- never by reading every request, closed history included.
SET jit = off SET enable_seqscan = off AS $$
DECLARE
    fired_count integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock({PASS_LOCK}) THEN
        RETURN 0;  -- another console or the service is running the pass right now
    END IF;
    WITH rule_scope AS (
        -- Each active rule with the services it watches (those of its policy, or of every
        -- policy), one row per cutoff for 'overdue_by': a handful of rows, each driving one
        -- range scan of an index below rather than one per service.
        SELECT ru.id AS rule_id, ru.trigger, c.due_by, array_agg(s.id) AS services
        FROM escalation_rules ru
        JOIN services s ON ru.sla_policy_id IS NULL OR s.sla_policy_id = ru.sla_policy_id
        LEFT JOIN jsonb_to_recordset(cutoffs) AS c(rule integer, policy integer, due_by timestamptz)
            ON c.rule = ru.id AND c.policy = s.sla_policy_id
        WHERE ru.active AND s.sla_policy_id IS NOT NULL
        GROUP BY ru.id, ru.trigger, c.due_by
    ), due AS (
        -- One branch per trigger, each a range of an index on open cases (SLA_INDEXES).
        SELECT r.id AS request_id, rs.rule_id
        FROM rule_scope rs
        JOIN service_requests r ON r.at_risk_at <= now AND r.{OPEN}
            AND r.service_id + 0 = ANY (rs.services)
        WHERE rs.trigger = 'at_risk'
        UNION ALL
        SELECT r.id, rs.rule_id
        FROM rule_scope rs
        JOIN service_requests r ON r.due_at < now AND r.{OPEN}
            AND r.service_id + 0 = ANY (rs.services)
        WHERE rs.trigger = 'overdue'
        UNION ALL
        SELECT r.id, rs.rule_id
        FROM rule_scope rs
        JOIN service_requests r ON r.due_at <= rs.due_by AND r.{OPEN}
            AND r.service_id + 0 = ANY (rs.services)
        WHERE rs.trigger = 'overdue_by'
            AND r.due_at <= (SELECT max(due_by) FROM rule_scope)  -- one range of the index
    ), crossed AS (
        SELECT d.request_id, d.rule_id FROM due d
        WHERE NOT EXISTS (SELECT FROM escalations_fired f
                          WHERE f.request_id = d.request_id AND f.rule_id = d.rule_id)
    ), fired AS (
        INSERT INTO escalations_fired (request_id, rule_id, fired_at)
        SELECT request_id, rule_id, now FROM crossed{choice}
        ON CONFLICT DO NOTHING
        RETURNING request_id, rule_id
    ), steps AS (
        -- Everything later statements need, carried here: joining one CTE to another has no
        -- index and no statistics, and its nested loop is quadratic on a backlog.
        SELECT f.request_id, ru.id AS rule_id, ru.trigger, ru.action, ru.hours,
               ru.queue_id AS target_queue, r.reference, r.queue_id AS old_queue,
               array_position({_PRIORITIES}, r.priority::text) AS rank,
               count(*) FILTER (WHERE ru.action = 'raise_priority')
                   OVER (PARTITION BY f.request_id ORDER BY ru.id) AS raises_so_far,
               count(*) FILTER (WHERE ru.action = 'raise_priority')
                   OVER whole_case AS raises,
               array_agg(ru.queue_id) FILTER (WHERE ru.action = 'move_queue')
                   OVER whole_case AS moves
        FROM fired f
        JOIN escalation_rules ru ON ru.id = f.rule_id
        JOIN service_requests r ON r.id = f.request_id
        WINDOW whole_case AS (PARTITION BY f.request_id ORDER BY ru.id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ), landed AS (
        SELECT *, coalesce(moves[array_length(moves, 1)], old_queue) AS new_queue FROM steps
    ), changed AS (
        UPDATE service_requests r
        SET priority = ({_PRIORITIES})[least(c.rank + c.raises, {_TOP})],
            queue_id = c.new_queue,
            version = r.version + 1,
            updated_at = now
        FROM (SELECT DISTINCT ON (request_id) request_id, rank, raises, new_queue
              FROM landed ORDER BY request_id) c
        WHERE r.id = c.request_id
        RETURNING r.id
    ), events AS (
        INSERT INTO request_events (request_id, at, actor, kind, from_value, to_value, reason,
                                    public, data)
        SELECT s.request_id, now, '{CLOCK_ACTOR}', '{EVENT_KIND}',
               CASE s.action
                   WHEN 'raise_priority'
                       THEN ({_PRIORITIES})[least(s.rank + s.raises_so_far - 1, {_TOP})]
                   WHEN 'move_queue' THEN oq.code
               END,
               CASE s.action
                   WHEN 'raise_priority'
                       THEN ({_PRIORITIES})[least(s.rank + s.raises_so_far, {_TOP})]
                   WHEN 'move_queue' THEN nq.code
               END,
               s.trigger || ': ' || s.action, false,
               jsonb_build_object(
                   'rule', s.rule_id, 'trigger', s.trigger, 'action', s.action,
                   'hours', s.hours,
                   'changes', CASE s.action
                       WHEN 'raise_priority' THEN jsonb_build_object('priority', jsonb_build_array(
                           ({_PRIORITIES})[least(s.rank + s.raises_so_far - 1, {_TOP})],
                           ({_PRIORITIES})[least(s.rank + s.raises_so_far, {_TOP})]))
                       WHEN 'move_queue'
                           THEN jsonb_build_object('queue', jsonb_build_array(oq.name, nq.name))
                   END)
        FROM steps s
        LEFT JOIN queues oq ON oq.id = s.old_queue
        LEFT JOIN queues nq ON nq.id = s.target_queue
        ORDER BY s.request_id, s.rule_id
        RETURNING 1
    ), raised_alerts AS (
        INSERT INTO alerts (request_id, rule_id, department_id, kind, message, created_at)
        SELECT s.request_id, s.rule_id, q.department_id, s.trigger,
               CASE s.trigger
                   WHEN 'at_risk' THEN s.reference || ' is at risk of missing its due time'
                   WHEN 'overdue' THEN s.reference || ' is overdue'
                   ELSE s.reference || ' is overdue by '
                        || trim_scale(s.hours::numeric)::text || ' business hours'
               END,
               now
        FROM landed s
        LEFT JOIN queues q ON q.id = s.new_queue
        ORDER BY s.request_id, s.rule_id
        RETURNING 1
    )
    SELECT count(*) INTO fired_count FROM fired;
    RETURN fired_count;
END;
$$;
"""


PASS_FUNCTION_0012 = _pass_function("now timestamptz, cutoffs jsonb DEFAULT '[]'", "")
"""The pass as migration 0012 made it: every crossed case at once."""
PASS_FUNCTION = _pass_function(_CAPPED_PARAMETERS, _CAPPED_CHOICE)
"""Rules of a policy apply to the open cases of its services. For the rows it inserts into
escalations_fired (ON CONFLICT DO NOTHING: two passes never fire a rule twice), it raises the
priority (a step per rule), moves the queue (the last rule's), bumps the version, writes a
'{EVENT_KIND}' history event per rule and an alert for the case's department (after the move).
'overdue_by' fires from `cutoffs` ([{{"rule", "policy", "due_by"}}]: business hours need the
city's calendar, counted in Python by services.escalation.cutoffs). A pass takes on the crossed
rules of at most `max_cases` cases (the oldest first), so that it holds its lock briefly; the
others fire on the next pass."""

ALERT_ACTOR_FUNCTION = """
CREATE FUNCTION console_alert_acknowledged() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT console_session_is_owner() THEN
        NEW.acknowledged_by := session_user::text;
    END IF;
    RETURN NEW;
END;
$$;
"""
"""An acknowledgement names the session's login, whatever the client sends."""

ALERT_NOTIFY_FUNCTION = f"""
CREATE FUNCTION console_announce_alerts() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_notify('{ALERTS_CHANNEL}', lower(TG_OP));
    RETURN NULL;
END;
$$;
"""
"""Once per statement: a pass that raises a thousand alerts is one notification."""
