"""PostgreSQL's escalation pass: one set-based function, run once whatever calls it."""

from __future__ import annotations

from operator_console.services.escalation.rules import CLOCK_ACTOR, EVENT_KIND, PRIORITY_ORDER

ALERTS_CHANNEL = "alerts"
PASS_LOCK = 0x5A_C10C
"""The advisory lock a pass holds: a second caller meanwhile returns at once."""
PASS_FUNCTION_NAME = "console_run_escalations(timestamptz, jsonb)"
_PRIORITIES = "ARRAY[" + ", ".join(f"'{p.value}'" for p in PRIORITY_ORDER) + "]"
_TOP = len(PRIORITY_ORDER)
_OPEN = "('resolved', 'closed')"

PASS_FUNCTION = f"""
CREATE FUNCTION console_run_escalations(now timestamptz, cutoffs jsonb DEFAULT '[]')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    fired_count integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock({PASS_LOCK}) THEN
        RETURN 0;  -- another console or the service is running the pass right now
    END IF;
    WITH rule_policy AS (
        SELECT ru.id AS rule_id, ru.trigger, s.id AS service_id, c.due_by
        FROM escalation_rules ru
        JOIN services s ON ru.sla_policy_id IS NULL OR s.sla_policy_id = ru.sla_policy_id
        LEFT JOIN jsonb_to_recordset(cutoffs) AS c(rule integer, policy integer, due_by timestamptz)
            ON c.rule = ru.id AND c.policy = s.sla_policy_id
        WHERE ru.active AND s.sla_policy_id IS NOT NULL
    ), due AS (
        SELECT r.id AS request_id, rp.rule_id
        FROM rule_policy rp
        JOIN service_requests r ON r.service_id = rp.service_id
        WHERE r.status NOT IN {_OPEN}
          AND CASE rp.trigger
                WHEN 'at_risk' THEN r.at_risk_at <= now
                WHEN 'overdue' THEN r.due_at < now
                ELSE r.due_at <= rp.due_by
              END
          AND NOT EXISTS (SELECT FROM escalations_fired f
                          WHERE f.request_id = r.id AND f.rule_id = rp.rule_id)
    ), fired AS (
        INSERT INTO escalations_fired (request_id, rule_id, fired_at)
        SELECT request_id, rule_id, now FROM due
        ON CONFLICT DO NOTHING
        RETURNING request_id, rule_id
    ), steps AS (
        SELECT f.request_id, ru.id AS rule_id, ru.trigger, ru.action, ru.hours,
               ru.queue_id AS target_queue,
               count(*) FILTER (WHERE ru.action = 'raise_priority')
                   OVER (PARTITION BY f.request_id ORDER BY ru.id) AS raises_so_far
        FROM fired f JOIN escalation_rules ru ON ru.id = f.rule_id
    ), per_case AS (
        SELECT request_id,
               count(*) FILTER (WHERE action = 'raise_priority') AS raises,
               (array_agg(target_queue ORDER BY rule_id DESC)
                   FILTER (WHERE action = 'move_queue'))[1] AS new_queue
        FROM steps GROUP BY request_id
    ), before AS (
        SELECT r.id, r.reference, r.priority, r.queue_id,
               array_position({_PRIORITIES}, r.priority::text) AS rank
        FROM service_requests r JOIN per_case p ON p.request_id = r.id
    ), changed AS (
        UPDATE service_requests r
        SET priority = ({_PRIORITIES})[least(b.rank + p.raises, {_TOP})],
            queue_id = coalesce(p.new_queue, r.queue_id),
            version = r.version + 1,
            updated_at = now
        FROM per_case p JOIN before b ON b.id = p.request_id
        WHERE r.id = p.request_id
        RETURNING r.id, r.queue_id
    ), events AS (
        INSERT INTO request_events (request_id, at, actor, kind, from_value, to_value, reason,
                                    public, data)
        SELECT s.request_id, now, '{CLOCK_ACTOR}', '{EVENT_KIND}',
               CASE s.action
                   WHEN 'raise_priority'
                       THEN ({_PRIORITIES})[least(b.rank + s.raises_so_far - 1, {_TOP})]
                   WHEN 'move_queue' THEN oq.code
               END,
               CASE s.action
                   WHEN 'raise_priority'
                       THEN ({_PRIORITIES})[least(b.rank + s.raises_so_far, {_TOP})]
                   WHEN 'move_queue' THEN nq.code
               END,
               s.trigger || ': ' || s.action, false,
               jsonb_build_object(
                   'rule', s.rule_id, 'trigger', s.trigger, 'action', s.action,
                   'hours', s.hours,
                   'changes', CASE s.action
                       WHEN 'raise_priority' THEN jsonb_build_object('priority', jsonb_build_array(
                           ({_PRIORITIES})[least(b.rank + s.raises_so_far - 1, {_TOP})],
                           ({_PRIORITIES})[least(b.rank + s.raises_so_far, {_TOP})]))
                       WHEN 'move_queue'
                           THEN jsonb_build_object('queue', jsonb_build_array(oq.name, nq.name))
                   END)
        FROM steps s
        JOIN before b ON b.id = s.request_id
        LEFT JOIN queues oq ON oq.id = b.queue_id
        LEFT JOIN queues nq ON nq.id = s.target_queue
        ORDER BY s.request_id, s.rule_id
        RETURNING 1
    ), raised_alerts AS (
        INSERT INTO alerts (request_id, rule_id, department_id, kind, message, created_at)
        SELECT s.request_id, s.rule_id, q.department_id, s.trigger,
               CASE s.trigger
                   WHEN 'at_risk' THEN b.reference || ' is at risk of missing its due time'
                   WHEN 'overdue' THEN b.reference || ' is overdue'
                   ELSE b.reference || ' is overdue by '
                        || trim_scale(s.hours::numeric)::text || ' business hours'
               END,
               now
        FROM steps s
        JOIN before b ON b.id = s.request_id
        JOIN changed c ON c.id = s.request_id
        LEFT JOIN queues q ON q.id = c.queue_id
        ORDER BY s.request_id, s.rule_id
        RETURNING 1
    )
    SELECT count(*) INTO fired_count FROM fired;
    RETURN fired_count;
END;
$$;
"""
"""Rules of a policy apply to the open cases of its services. For the rows it inserts into
escalations_fired (ON CONFLICT DO NOTHING: two passes never fire a rule twice), it raises the
priority (a step per rule), moves the queue (the last rule's), bumps the version, writes a
'{EVENT_KIND}' history event per rule and an alert for the case's department (after the move).
'overdue_by' fires from `cutoffs` ([{{"rule", "policy", "due_by"}}]: business hours need the
city's calendar, counted in Python by services.escalation.cutoffs)."""

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
