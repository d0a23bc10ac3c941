"""The schema: every table of the console, for PostgreSQL and SQLite alike."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

from operator_console.storage.db.types import JsonDocument, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

city = Table(
    "city",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(120), nullable=False),
    Column("time_zone", String(64), nullable=False),
    Column("phone_region", String(2), nullable=False),
    Column("reference_prefix", String(8), nullable=False),
    Column("unknown_lat", Float),
    Column("unknown_lon", Float),
    Column("map_lat", Float, nullable=False),
    Column("map_lon", Float, nullable=False),
    Column("map_zoom", Integer, nullable=False, server_default="12"),
    Column("tile_url", Text),
    Column("attribution", Text),
    Column("languages", String(60), nullable=False, server_default="en"),
    # The district layer whose district a case records; NULL: the first layer by name.
    Column("routing_layer", String(40)),
    CheckConstraint("id = 1", name="single_row"),
)

business_calendars = Table(
    "business_calendars",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("time_zone", String(64), nullable=False),
    Column("working_days", String(20), nullable=False, server_default="0,1,2,3,4"),
    Column("work_start", String(5), nullable=False, server_default="08:00"),
    Column("work_end", String(5), nullable=False, server_default="17:00"),
    Column("holiday_country", String(2)),
    Column("holiday_subdivision", String(10)),
)

calendar_closures = Table(
    "calendar_closures",
    metadata,
    Column("calendar_id", ForeignKey("business_calendars.id"), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("name", String(120), nullable=False),
)

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("email", String(200)),
    Column("phone", String(40)),
)

queues = Table(
    "queues",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("department_id", ForeignKey("departments.id"), nullable=False),
    Column("kind", String(10), nullable=False, server_default="queue"),
    Column("parent_id", ForeignKey("queues.id")),
    Column("active", Boolean, nullable=False, server_default=true()),
    CheckConstraint("kind IN ('queue', 'team', 'crew')", name="kind"),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(80), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("email", String(200)),
    Column("active", Boolean, nullable=False, server_default=true()),
    CheckConstraint("role IN ('operator', 'dispatcher', 'supervisor', 'admin')", name="role"),
)

staff_queues = Table(
    "staff_queues",
    metadata,
    Column("staff_id", ForeignKey("staff.id"), primary_key=True),
    Column("queue_id", ForeignKey("queues.id"), primary_key=True),
)

sla_policies = Table(
    "sla_policies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("clock", String(10), nullable=False, server_default="business"),
    Column("target_hours", Float, nullable=False),
    Column("at_risk_fraction", Float, nullable=False, server_default="0.75"),
    Column("calendar_id", ForeignKey("business_calendars.id")),
    CheckConstraint("clock IN ('business', 'calendar')", name="clock"),
)

services = Table(
    "services",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("group_name", String(200), nullable=False, server_default=""),
    Column("description", Text, nullable=False, server_default=""),
    Column("keywords", Text, nullable=False, server_default=""),
    Column("notice", Text, nullable=False, server_default=""),
    Column("kind", String(10), nullable=False, server_default="realtime"),
    Column("staff_only", Boolean, nullable=False, server_default=false()),
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("sla_policy_id", ForeignKey("sla_policies.id")),
    Column("default_priority", String(10), nullable=False, server_default="normal"),
    Column("default_queue_id", ForeignKey("queues.id")),
    Column("dup_enabled", Boolean, nullable=False, server_default=true()),
    Column("dup_radius_m", Float, nullable=False, server_default="250"),
    Column("dup_window_days", Integer, nullable=False, server_default="30"),
    Column("dup_include_closed", Boolean, nullable=False, server_default=true()),
)

service_attributes = Table(
    "service_attributes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(80), nullable=False),
    Column("variable", Boolean, nullable=False, server_default=true()),
    Column("datatype", String(20), nullable=False),
    Column("required", Boolean, nullable=False, server_default=false()),
    Column("datatype_description", Text, nullable=False, server_default=""),
    Column("description", Text, nullable=False, server_default=""),
    Column("position", Integer, nullable=False, server_default=false()),
    Column("allowed_values", JsonDocument),
    UniqueConstraint("service_id", "code", name="uq_service_attributes_code"),
    CheckConstraint(
        "datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')",
        name="datatype",
    ),
)

districts = Table(
    "districts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("layer", String(40), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("geometry", JsonDocument, nullable=False),
    Column("min_lat", Float, nullable=False),
    Column("min_lon", Float, nullable=False),
    Column("max_lat", Float, nullable=False),
    Column("max_lon", Float, nullable=False),
    UniqueConstraint("layer", "code", name="uq_districts_layer_code"),
)

routing_rules = Table(
    "routing_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE")),
    Column("service_group", String(200)),
    Column("district_id", ForeignKey("districts.id", ondelete="CASCADE")),
    Column("queue_id", ForeignKey("queues.id"), nullable=False),
    Column("priority", String(10)),
    Column("rank", Integer, nullable=False, server_default="100"),
    Column("note", Text, nullable=False, server_default=""),
)

addresses = Table(
    "addresses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("house_number", String(20), nullable=False, server_default=""),
    Column("street", String(200), nullable=False),
    Column("unit", String(20), nullable=False, server_default=""),
    Column("full_address", String(300), nullable=False),
    Column("search_key", String(300), nullable=False),
    Column("zipcode", String(10)),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("district_id", ForeignKey("districts.id")),
    Index("ix_addresses_search_key", "search_key"),
    Index("ix_addresses_street_number", "street", "house_number"),
    Index("ix_addresses_lat_lon", "lat", "lon"),
)

callers = Table(
    "callers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("phone", String(20)),
    Column("name", String(200), nullable=False, server_default=""),
    Column("email", String(200)),
    Column("language", String(10)),
    # 'email' or 'sms'; NULL: whichever the caller gave (e-mail first).
    Column("preferred_channel", String(10)),
    Column("no_messages", Boolean, nullable=False, server_default=false()),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_callers_phone", "phone"),
)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(30), nullable=False, unique=True),
    Column("client_uuid", String(36), nullable=False, unique=True),
    Column("service_id", ForeignKey("services.id"), nullable=False),
    Column("status", String(20), nullable=False),
    Column("priority", String(10), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("address", String(300), nullable=False, server_default=""),
    Column("address_id", ForeignKey("addresses.id")),
    Column("district_id", ForeignKey("districts.id")),
    Column("description", Text, nullable=False, server_default=""),
    Column("answers", JsonDocument, nullable=False),
    Column("channel", String(20), nullable=False, server_default="phone"),
    Column("caller_id", ForeignKey("callers.id")),
    Column("callers_count", Integer, nullable=False, server_default=true()),
    # Status calls logged on the case (migration 0011).
    Column("calls_count", Integer, nullable=False, server_default="0"),
    # PostgreSQL also keeps search_words, a generated tsvector of the address and description
    # (migration 0011, storage/db/search_sql.py); SQLite keeps the same words in FTS5 tables.
    Column("queue_id", ForeignKey("queues.id")),
    Column("assignee_id", ForeignKey("staff.id")),
    Column("parent_id", ForeignKey("service_requests.id")),
    Column("routing_explanation", Text, nullable=False, server_default=""),
    Column("created_by", String(80), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("routed_at", UtcDateTime),
    Column("first_action_at", UtcDateTime),
    Column("assigned_at", UtcDateTime),
    Column("resolved_at", UtcDateTime),
    Column("closed_at", UtcDateTime),
    Column("due_at", UtcDateTime),
    # Derived, kept by triggers (migration 0005): when the request turns at risk.
    Column("at_risk_at", UtcDateTime),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("closure_reason", String(40)),
    Column("closure_note", Text),
    Column("version", Integer, nullable=False, server_default=true()),
    # The id the request had in the city's previous system (history import).
    Column("source_id", String(80)),
    CheckConstraint("length(description) <= 4000", name="description_length"),
    Index("ix_service_requests_lat_lon", "lat", "lon"),
    Index("ix_service_requests_queue_status_created", "queue_id", "status", "created_at", "id"),
    Index("ix_service_requests_status_due", "status", "due_at"),
    Index("ix_service_requests_created_id", "created_at", "id"),
    Index("ix_service_requests_service_status", "service_id", "status"),
    Index("ix_service_requests_parent", "parent_id"),
    Index("ix_service_requests_caller", "caller_id"),
    Index("uq_service_requests_source_id", "source_id", unique=True),
)

request_followers = Table(
    "request_followers",
    metadata,
    Column("request_id", ForeignKey("service_requests.id", ondelete="CASCADE"), primary_key=True),
    Column("caller_id", ForeignKey("callers.id"), primary_key=True),
    Column("added_at", UtcDateTime, nullable=False),
    Column("added_by", String(80), nullable=False),
    Index("ix_request_followers_caller", "caller_id"),
)

request_events = Table(
    "request_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", ForeignKey("service_requests.id"), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("from_value", String(200)),
    Column("to_value", String(200)),
    Column("reason", Text, nullable=False, server_default=""),
    Column("public", Boolean, nullable=False, server_default=false()),
    Column("data", JsonDocument),
    Index("ix_request_events_request_at", "request_id", "at"),
)

staff_events = Table(
    "staff_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("login", String(80), nullable=False),
    Column("from_value", String(200)),
    Column("to_value", String(200)),
    CheckConstraint(
        "kind IN ('added', 'role_changed', 'disabled', 'enabled', 'password_set', 'login_given')",
        name="kind",
    ),
    Index("ix_staff_events_login_at", "login", "at"),
)

config_events = Table(
    "config_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("subject", String(200), nullable=False, server_default=""),
    Column("detail", Text, nullable=False, server_default=""),
    Column("data", JsonDocument),
    Index("ix_config_events_at", "at"),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", ForeignKey("service_requests.id", ondelete="CASCADE"), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("thumbnail", LargeBinary),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(80), nullable=False),
    Index("ix_attachments_request", "request_id"),
)

notification_outbox = Table(
    "notification_outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", ForeignKey("service_requests.id")),
    Column("channel", String(10), nullable=False),
    Column("recipient", String(200), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime),
    Column("attempts", Integer, nullable=False, server_default=false()),
    Column("last_error", Text),
    # From migration 0014: what the message is, to whom, and where its delivery stands.
    Column("caller_id", ForeignKey("callers.id")),
    Column("reference", String(30), nullable=False, server_default=""),
    Column("kind", String(30), nullable=False, server_default="message"),
    Column("language", String(10), nullable=False, server_default="en"),
    # pending (due at next_attempt_at, NULL: now), sent, undeliverable (parked, last_error
    # says why), held (no delivery configured: kept for the Messages view).
    Column("status", String(16), nullable=False, server_default="pending"),
    Column("idempotency_key", String(64)),
    Column("next_attempt_at", UtcDateTime),
    Column("claimed_by", String(80)),
    Column("claimed_until", UtcDateTime),
    Column("provider_message_id", String(200)),
    Column("resent_by", String(80)),
    Column("resent_at", UtcDateTime),
    # From migration 0018: the hook a 'webhook' delivery goes to (its secret signs it).
    Column("webhook_id", Integer),
    Index("ix_notification_outbox_due", "status", "next_attempt_at", "id"),
    Index("uq_notification_outbox_idempotency_key", "idempotency_key", unique=True),
    Index("ix_notification_outbox_request", "request_id"),
)

saved_searches = Table(
    "saved_searches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(120), nullable=False),
    Column("owner_login", String(80), nullable=False),
    # NULL: private to its owner; else shared with the department's staff.
    Column("department_id", ForeignKey("departments.id")),
    Column("query", JsonDocument, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("owner_login", "name", name="uq_saved_searches_owner_name"),
)

reference_counters = Table(
    "reference_counters",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("last_value", Integer, nullable=False),
)

escalation_rules = Table(
    "escalation_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sla_policy_id", ForeignKey("sla_policies.id")),  # None: every policy
    Column("trigger", String(12), nullable=False),
    Column("hours", Float),  # business hours past due, for 'overdue_by'
    Column("action", String(16), nullable=False),
    Column("queue_id", ForeignKey("queues.id")),  # where 'move_queue' sends the case
    Column("active", Boolean, nullable=False, server_default=true()),
    CheckConstraint("trigger IN ('at_risk', 'overdue', 'overdue_by')", name="trigger"),
    CheckConstraint("action IN ('notify', 'raise_priority', 'move_queue')", name="action"),
    CheckConstraint("trigger <> 'overdue_by' OR hours > 0", name="hours"),
    CheckConstraint("action <> 'move_queue' OR queue_id IS NOT NULL", name="queue"),
)

escalations_fired = Table(
    "escalations_fired",
    metadata,
    # The key is the guarantee: a rule fires once per case, whoever runs the pass.
    Column("request_id", ForeignKey("service_requests.id"), primary_key=True),
    Column("rule_id", ForeignKey("escalation_rules.id"), primary_key=True),
    Column("fired_at", UtcDateTime, nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", ForeignKey("service_requests.id"), nullable=False),
    Column("rule_id", ForeignKey("escalation_rules.id")),
    Column("department_id", ForeignKey("departments.id")),
    Column("kind", String(12), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("acknowledged_by", String(80)),
    Column("acknowledged_at", UtcDateTime),
    Index("ix_alerts_open", "department_id", "acknowledged_at", "id"),
    Index("ix_alerts_request", "request_id"),
)
