"""PostgreSQL: the deferred trigger that queues a delivery per matching hook, and the grants."""

from __future__ import annotations

from operator_console.domain.permissions import Role
from operator_console.services.webhooks.events import EVENTS
from operator_console.storage.db.roles import GROUP_ROLE, NOTIFIER_ROLE

_ADMIN = GROUP_ROLE[Role.ADMIN]
_EVENTS = ", ".join(f"'{event}'" for event in EVENTS)


def _iso(column: str) -> str:
    return f"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""


QUEUE_FUNCTION = f"""
CREATE FUNCTION console_queue_webhooks() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO notification_outbox (
        request_id, channel, recipient, subject, body, created_at, reference, kind, language,
        status, idempotency_key, webhook_id)
    SELECT r.id, 'webhook', h.url, NEW.kind,
        json_build_object(
            'event', NEW.kind,
            'event_id', NEW.id,
            'occurred_at', {_iso("NEW.at")},
            'request', json_build_object(
                'service_request_id', r.reference,
                'status', CASE WHEN r.status IN ('resolved', 'closed')
                               THEN 'closed' ELSE 'open' END,
                'service_code', r.service_code,
                'service_name', r.service_name,
                'description', r.description,
                'agency_responsible', r.agency_responsible,
                'address', r.address,
                'lat', r.lat,
                'long', r.lon,
                'channel', r.channel,
                'requested_datetime', {_iso("r.created_at")},
                'updated_datetime', {_iso("r.updated_at")},
                'expected_datetime', {_iso("r.due_at")}
            )
        )::text,
        now(), r.reference, NEW.kind, 'en', 'pending',
        'webhook-' || h.id || '-' || NEW.id, h.id
    FROM webhooks h JOIN public_service_requests r ON r.id = NEW.request_id
    WHERE h.event = NEW.kind AND h.removed_at IS NULL
    ORDER BY h.id
    ON CONFLICT (idempotency_key) DO NOTHING;
    RETURN NULL;
END $$"""
"""Deferred to the commit, so the body gives the case as the transaction leaves it (a
resolution's event may be written before the row's new status), in the same transaction."""

QUEUE_TRIGGER = (
    "CREATE CONSTRAINT TRIGGER request_events_webhooks AFTER INSERT ON request_events "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
    f"WHEN (NEW.kind IN ({_EVENTS})) EXECUTE FUNCTION console_queue_webhooks()"
)

GRANTS = (
    "REVOKE ALL ON webhooks FROM PUBLIC",
    "REVOKE ALL ON FUNCTION console_queue_webhooks() FROM PUBLIC",
    f"GRANT SELECT, INSERT, UPDATE (removed_at, removed_by) ON webhooks TO {_ADMIN}",
    f"GRANT USAGE ON SEQUENCE webhooks_id_seq TO {_ADMIN}",
    f"GRANT SELECT (id, secret) ON webhooks TO {NOTIFIER_ROLE}",
)
"""Admins register and remove hooks; the notifier reads only a hook's secret, to sign."""
