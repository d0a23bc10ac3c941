"""Duplicate candidates: partial indexes by service, latitude band, longitude and latitude"""

from __future__ import annotations

from alembic import op

revision = "0003_duplicate_candidates"
down_revision = "0002_address_search"
branch_labels = None
depends_on = None

# storage/duplicates/nearby.py repeats these expressions and predicates word for word; they must
# stay identical or the planners stop using the indexes. A latitude band (0.002 degrees) is
# matched by equality, so the longitude range after it is a real index range: a search reads
# about 1.5 times its box, not a strip of the whole city; the latitude inside the band is
# checked in the index too. Open requests and finished ones have an index each; the finished
# one carries when they finished, so "closed within the window" is also decided in the index.
# On PostgreSQL the latitude is indexed as `lat * 500`, an expression the (lat, lon) index does
# not have: a prepared statement's latitude range could otherwise lure the planner onto it.
BAND = {"postgresql": "floor(lat * 500)", "sqlite": "CAST(lat * 500 AS INTEGER)"}
LATITUDE = {"postgresql": "(lat * 500)", "sqlite": "lat"}
INDEXES = {
    "ix_service_requests_dup_open": (
        "(service_id, {band}, lon, {latitude}) WHERE status NOT IN ('resolved', 'closed')"
    ),
    "ix_service_requests_dup_finished": (
        "(service_id, {band}, lon, {latitude}, coalesce(resolved_at, closed_at))"
        " WHERE status IN ('resolved', 'closed')"
    ),
}


def upgrade() -> None:
    dialect = "postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"
    for name, definition in INDEXES.items():
        columns = definition.format(band=BAND[dialect], latitude=LATITUDE[dialect])
        op.execute(f"CREATE INDEX {name} ON service_requests {columns}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
