"""The PostgreSQL rollups of the 311 metrics: tables, the statements that add a set of
requests' part to them, the triggers that keep them and the rebuild (migration 0017)."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.storage.db.bulk_load import SETTING
from operator_console.storage.db.security_sql import GROUPS, OWNER_AT_WORK

COUNTS = (
    "created",
    "resolved",
    "on_time",
    "late",
    "no_sla",
    "reopened",
    "ever_resolved",
    "duplicates",
    "repeat_calls",
    "status_calls",
    "several_callers",
    "resolved_that_day",
)
"""The counters of a rollup row; `resolved_that_day` counts by the day of the resolution, every
other by the day the request was created."""

# Measures of the bucket table: the three clocks (log-spaced minute buckets) and the hour of
# creation (bucket = the local hour).
INTAKE_TO_ASSIGN = 1
ASSIGN_TO_RESOLVE = 2
INTAKE_TO_RESOLVE = 3
CREATED_HOUR = 4

BUCKETS_PER_DECADE = 20
LAST_BUCKET = 159

FULL_KEY = ("queue_id", "service_id", "district_id", "channel")


@dataclass(frozen=True)
class Cube:
    """One rollup: its counts by local day and `key`, its buckets by day (or by month: the first
    day of the local month) and `key`. The full cube answers any filter; the smaller ones answer
    the filters and groupings their key holds, over far fewer rows."""

    name: str
    key: tuple[str, ...]
    buckets_by_month: bool

    @property
    def counts(self) -> str:
        return "metric_rollups" + ("" if self.name == "full" else f"_{self.name}")

    @property
    def buckets(self) -> str:
        return "metric_rollup_buckets" + ("" if self.name == "full" else f"_{self.name}")


CUBES = (
    Cube("full", FULL_KEY, buckets_by_month=False),
    Cube("city", (), buckets_by_month=True),
    Cube("department", ("department_id",), buckets_by_month=True),
    Cube("queue", ("queue_id",), buckets_by_month=True),
    Cube("district", ("district_id",), buckets_by_month=True),
    Cube("department_district", ("department_id", "district_id"), buckets_by_month=True),
)


def _key(cube: Cube) -> str:
    return ", ".join(("day", *cube.key))


def _key_columns(cube: Cube) -> str:
    types = {
        "queue_id": "integer",
        "service_id": "integer NOT NULL",
        "district_id": "integer",
        "channel": "varchar(20) NOT NULL",
        "department_id": "integer",
    }
    return "".join(f"    {column} {types[column]},\n" for column in cube.key)


def _tables(cube: Cube) -> tuple[str, ...]:
    counts = ",\n".join(f"    {name} integer NOT NULL DEFAULT 0" for name in COUNTS)
    return (
        f"CREATE TABLE {cube.counts} (\n    day date NOT NULL,\n{_key_columns(cube)}{counts}\n)",
        f"CREATE UNIQUE INDEX {cube.counts}_key ON {cube.counts} ({_key(cube)}) NULLS NOT DISTINCT",
        f"CREATE TABLE {cube.buckets} (\n    day date NOT NULL,\n{_key_columns(cube)}"
        "    measure smallint NOT NULL,\n    bucket smallint NOT NULL,\n"
        "    cases integer NOT NULL DEFAULT 0\n)",
        f"CREATE UNIQUE INDEX {cube.buckets}_key ON {cube.buckets} "
        f"(measure, {_key(cube)}, bucket) NULLS NOT DISTINCT",
    )


TABLES = (
    *(statement for cube in CUBES for statement in _tables(cube)),
    "CREATE INDEX ix_service_requests_unresolved_created ON service_requests (created_at) "
    "INCLUDE (queue_id, service_id, district_id, channel, due_at) WHERE resolved_at IS NULL",
)
"""The rollups, and the open requests' index that the SLA's open-and-overdue count reads."""

BUCKET_FUNCTION = f"""
CREATE FUNCTION console_minutes_bucket(minutes double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN minutes < 1 THEN 0
        ELSE least(1 + floor({BUCKETS_PER_DECADE} * log(minutes)), {LAST_BUCKET}) END::smallint
$$
"""
"""Bucket 0 holds times under one minute; bucket i covers [10^((i-1)/20), 10^(i/20)) minutes."""

_FACTS = """
zone AS (SELECT coalesce((SELECT time_zone FROM city ORDER BY id LIMIT 1), 'UTC') AS name),
facts AS (
    SELECT c.sign, c.queue_id, c.service_id, c.district_id, c.channel,
        (c.created_at AT TIME ZONE zone.name)::date AS day,
        date_trunc('month', c.created_at AT TIME ZONE zone.name)::date AS month,
        q.department_id,
        ((c.resolved_at - interval '1 microsecond') AT TIME ZONE zone.name)::date AS resolved_day,
        extract(hour FROM c.created_at AT TIME ZONE zone.name)::smallint AS hour,
        c.created_at, c.assigned_at, c.resolved_at, c.due_at, c.calls_count, c.callers_count,
        coalesce(c.closure_reason = 'duplicate', false) AND c.resolved_at IS NOT NULL
            AS duplicate,
        reopen.request_id IS NOT NULL AS reopened
    FROM changed c CROSS JOIN zone LEFT JOIN queues q ON q.id = c.queue_id
    LEFT JOIN LATERAL (
        SELECT e.request_id FROM request_events e
        WHERE e.request_id = c.id AND e.kind = 'reopened' LIMIT 1
    ) reopen ON true
)"""
"""Each changed request's facts. Its reopen event is looked up by the request's index, one
request at a time: an EXISTS here was planned, once per session in the trigger function, for
the size of that session's first change, so a session whose first change was a bulk one kept
a plan that read every reopen event of the table for each later change of one case."""


def _when(condition: str) -> str:
    return f"sum(CASE WHEN {condition} THEN sign ELSE 0 END)"


_BY_CREATION = {
    "created": "sum(sign)",
    "resolved": _when("resolved_at IS NOT NULL"),
    "on_time": _when("NOT duplicate AND resolved_at <= due_at"),
    "late": _when("NOT duplicate AND resolved_at > due_at"),
    "no_sla": _when("NOT duplicate AND due_at IS NULL"),
    "reopened": _when("reopened"),
    "ever_resolved": _when("resolved_at IS NOT NULL OR reopened"),
    "duplicates": _when("duplicate"),
    "repeat_calls": _when("calls_count > 0 OR callers_count > 1"),
    "status_calls": "sum(sign * calls_count)",
    "several_callers": _when("callers_count > 1"),
    "resolved_that_day": "0",
}


_ALL_KEYS = ("day", *FULL_KEY, "department_id")
_MEASURES = {
    INTAKE_TO_ASSIGN: (
        "console_minutes_bucket(extract(epoch FROM (assigned_at - created_at)) / 60)",
        "NOT duplicate AND assigned_at IS NOT NULL",
    ),
    ASSIGN_TO_RESOLVE: (
        "console_minutes_bucket(extract(epoch FROM (resolved_at - assigned_at)) / 60)",
        "NOT duplicate AND assigned_at IS NOT NULL AND resolved_at IS NOT NULL",
    ),
    INTAKE_TO_RESOLVE: (
        "console_minutes_bucket(extract(epoch FROM (resolved_at - created_at)) / 60)",
        "NOT duplicate AND resolved_at IS NOT NULL",
    ),
    CREATED_HOUR: ("hour", "true"),
}


def _upsert(table: str, key: str, columns: tuple[str, ...], selected: str, source: str) -> str:
    summed = ", ".join(f"sum({name})" for name in columns)
    kept = ", ".join(f"{name} = {table}.{name} + EXCLUDED.{name}" for name in columns)
    return (
        f"INSERT INTO {table} ({key}, {', '.join(columns)})\n"
        f"SELECT {selected}, {summed} FROM {source} GROUP BY {selected} ORDER BY {selected}\n"
        f"ON CONFLICT ({key}) DO UPDATE SET {kept}"
    )


def _in_every_cube(upserts: list[str]) -> str:
    """Data-modifying CTEs: every upsert but the last, which is the statement itself."""
    named = ",\n".join(f"cube_{n} AS (\n{upsert}\n)" for n, upsert in enumerate(upserts[:-1]))
    return f"{named}\n{upserts[-1]}"


def add_to_counts(changed: str) -> str:
    """The statement that adds to every cube's counts the part of the requests `changed`
    selects (every column of service_requests and `sign`: 1 to add a request, -1 to take it
    away), computing their facts once."""
    keys = ", ".join(_ALL_KEYS)
    by_resolution = ", ".join(("resolved_day", *_ALL_KEYS[1:]))
    created = ", ".join(f"{value} AS {name}" for name, value in _BY_CREATION.items())
    resolved = ", ".join(
        "sum(sign) AS resolved_that_day" if name == "resolved_that_day" else f"0 AS {name}"
        for name in COUNTS
    )
    upserts = [_upsert(cube.counts, _key(cube), COUNTS, _key(cube), "parts") for cube in CUBES]
    return f"""
WITH changed AS ({changed}), {_FACTS},
parts AS (
    SELECT {keys}, {created} FROM facts GROUP BY {keys}
    UNION ALL
    SELECT {by_resolution}, {resolved}
    FROM facts WHERE resolved_at IS NOT NULL GROUP BY {by_resolution}
),
{_in_every_cube(upserts)}
"""


def add_to_buckets(changed: str) -> str:
    """The statement that adds to every cube's buckets the clocks and creation hours of
    `changed`, computing their facts once."""
    keys = ", ".join(("day", "month", *_ALL_KEYS[1:]))
    parts = "\n    UNION ALL\n    ".join(
        f"SELECT {keys}, {measure}::smallint AS measure, {bucket} AS bucket, sign AS cases "
        f"FROM facts WHERE {condition}"
        for measure, (bucket, condition) in _MEASURES.items()
    )
    upserts = []
    for cube in CUBES:
        day = "month" if cube.buckets_by_month else "day"
        selected = ", ".join(("measure", day, *cube.key, "bucket"))
        key = f"measure, {_key(cube)}, bucket"
        upserts.append(_upsert(cube.buckets, key, ("cases",), selected, "parts"))
    return f"""
WITH changed AS ({changed}), {_FACTS},
parts AS (
    {parts}
),
{_in_every_cube(upserts)}
"""


_WATCHED = (
    "created_at, queue_id, service_id, district_id, channel, assigned_at, resolved_at, due_at, "
    "closure_reason, calls_count, callers_count"
)
_CHANGED_BY_UPDATE = f"""
    SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE ({", ".join(f"o.{c.strip()}" for c in _WATCHED.split(","))})
        IS DISTINCT FROM ({", ".join(f"n.{c.strip()}" for c in _WATCHED.split(","))})
    UNION ALL
    SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE ({", ".join(f"o.{c.strip()}" for c in _WATCHED.split(","))})
        IS DISTINCT FROM ({", ".join(f"n.{c.strip()}" for c in _WATCHED.split(","))})
"""


def _planned_each_time(statement: str) -> str:
    """A trigger function's statement run by EXECUTE, so that it is planned for the rows of
    each change: PL/pgSQL keeps a static statement's first plan for the session, and a plan
    made for a bulk change reads whole tables for every later change of one case."""
    return f"EXECUTE $statement${statement}$statement$;"


def _every_cube(changed: str) -> str:
    return "\n".join(
        _planned_each_time(statement)
        for statement in (add_to_counts(changed), add_to_buckets(changed))
    )


TRIGGER_FUNCTION = f"""
CREATE FUNCTION console_keep_metric_rollups() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_every_cube("SELECT n.*, 1 AS sign FROM new_rows n")}
    ELSIF TG_OP = 'DELETE' THEN
        {_every_cube("SELECT o.*, -1 AS sign FROM old_rows o")}
    ELSE
        {_every_cube(_CHANGED_BY_UPDATE)}
    END IF;
    RETURN NULL;
END
$$
"""
"""One pass a statement over its transition tables: a bulk UPDATE is one pass."""

_FIRST_REOPENED = """
WITH zone AS (SELECT coalesce((SELECT time_zone FROM city ORDER BY id LIMIT 1), 'UTC') AS name),
first_reopened AS (
    SELECT (r.created_at AT TIME ZONE zone.name)::date AS day, r.queue_id, r.service_id,
        r.district_id, r.channel, q.department_id, r.resolved_at
    FROM service_requests r CROSS JOIN zone LEFT JOIN queues q ON q.id = r.queue_id
    WHERE r.id IN (SELECT request_id FROM new_events WHERE kind = 'reopened')
        AND NOT EXISTS (
            SELECT 1 FROM request_events earlier
            WHERE earlier.request_id = r.id AND earlier.kind = 'reopened'
                AND earlier.id NOT IN (SELECT id FROM new_events)
        )
)"""


def _count_reopens(cube: Cube) -> str:
    key = _key(cube)
    return f"""{_FIRST_REOPENED}
INSERT INTO {cube.counts} ({key}, reopened, ever_resolved)
SELECT {key}, count(*), count(*) FILTER (WHERE resolved_at IS NULL)
FROM first_reopened GROUP BY {key} ORDER BY {key}
ON CONFLICT ({key}) DO UPDATE SET
    reopened = {cube.counts}.reopened + EXCLUDED.reopened,
    ever_resolved = {cube.counts}.ever_resolved + EXCLUDED.ever_resolved;
"""


_REOPEN_KEYS = "\n".join(_planned_each_time(_count_reopens(cube)) for cube in CUBES)

REOPEN_TRIGGER_FUNCTION = f"""
CREATE FUNCTION console_count_metric_reopens() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    {_REOPEN_KEYS}
    RETURN NULL;
END
$$
"""
"""A request's first `reopened` event makes it a reopened case (and one resolved at least once)."""

_NOT_BULK = f"(current_setting('{SETTING}', true) IS DISTINCT FROM 'on' OR NOT {OWNER_AT_WORK})"

TRIGGERS = (
    *(
        f"CREATE TRIGGER service_requests_metric_rollups_{operation.lower()} "
        f"AFTER {operation} ON service_requests REFERENCING {tables} "
        f"FOR EACH STATEMENT WHEN {_NOT_BULK} EXECUTE FUNCTION console_keep_metric_rollups()"
        for operation, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
    ),
    "CREATE TRIGGER request_events_metric_reopens AFTER INSERT ON request_events "
    "REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT "
    f"WHEN {_NOT_BULK} EXECUTE FUNCTION console_count_metric_reopens()",
)
"""The owner's bulk loads (the history import) skip them: `report rebuild-rollups` follows."""

ALL_TABLES = ", ".join(table for cube in CUBES for table in (cube.counts, cube.buckets))
_EVERY_REQUEST = "SELECT r.*, 1 AS sign FROM service_requests r"

REBUILD_FUNCTION = f"""
CREATE FUNCTION console_rebuild_metric_rollups() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint;
BEGIN
    LOCK TABLE {ALL_TABLES} IN EXCLUSIVE MODE;
    LOCK TABLE service_requests, request_events IN SHARE MODE;
    TRUNCATE {ALL_TABLES};
    {_every_cube(_EVERY_REQUEST)}
    SELECT count(*) INTO rows FROM metric_rollups;
    RETURN rows;
END
$$
"""
"""Every rollup computed again from the requests (after a bulk load); the full cube's rows made."""

REBUILD_SLICE = tuple(
    statement(_EVERY_REQUEST + " WHERE r.created_at >= :start AND r.created_at < :end")
    for statement in (add_to_counts, add_to_buckets)
)
"""The two statements that add to every cube the requests created from :start to before :end:
the rebuild's slice, so that each statement sorts a slice's rows, not every request's."""

FUNCTIONS = {
    "console_minutes_bucket(double precision)": BUCKET_FUNCTION,
    "console_keep_metric_rollups()": TRIGGER_FUNCTION,
    "console_count_metric_reopens()": REOPEN_TRIGGER_FUNCTION,
    "console_rebuild_metric_rollups()": REBUILD_FUNCTION,
}

GRANTS = (
    f"GRANT SELECT ON {ALL_TABLES} TO {GROUPS}",
    "REVOKE ALL ON FUNCTION console_rebuild_metric_rollups() FROM PUBLIC",
    "REVOKE ALL ON FUNCTION console_keep_metric_rollups() FROM PUBLIC",
    "REVOKE ALL ON FUNCTION console_count_metric_reopens() FROM PUBLIC",
)
"""Every group reads the rollups; none writes them (the triggers and the rebuild, functions of
the owner's, do); the rebuild is the owner's (`report rebuild-rollups`, the history import)."""
