"""Address search: byte-ordered indexes for prefix search on the gazetteer"""

from __future__ import annotations

from alembic import op

revision = "0002_address_search"
down_revision = "0001"
branch_labels = None
depends_on = None

# The street part of search_key ("12 washington st" -> "washington st"; an intersection's key is
# all street). storage/addresses/search.py builds the same expression; the two must stay identical
# or the planners stop using the index.
STREET_KEY = "ltrim(substr(search_key, length(house_number) + 1))"

POSTGRESQL_INDEXES = {
    # Prefix ranges and ORDER BY on search_key in byte order, whatever the database collation.
    "ix_addresses_search_key_c": '(search_key COLLATE "C", id)',
    # Streets starting with the typed words, by ZIP, numbers in order. INCLUDE makes it covering
    # so word filters ("mass% ave%") are checked in the index without reading the table.
    "ix_addresses_street_key": (
        f"(({STREET_KEY}) COLLATE \"C\", coalesce(zipcode, ''), length(house_number), "
        'house_number COLLATE "C") INCLUDE (id, search_key, zipcode)'
    ),
}
SQLITE_INDEXES = {
    # SQLite compares text bytewise already, so ix_addresses_search_key serves prefix ranges.
    "ix_addresses_street_key": (
        f"({STREET_KEY}, coalesce(zipcode, ''), length(house_number), house_number)"
    ),
}


def _indexes() -> dict[str, str]:
    return POSTGRESQL_INDEXES if op.get_bind().dialect.name == "postgresql" else SQLITE_INDEXES


def upgrade() -> None:
    for name, columns in _indexes().items():
        op.execute(f"CREATE INDEX {name} ON addresses {columns}")


def downgrade() -> None:
    for name in _indexes():
        op.execute(f"DROP INDEX {name}")
