"""Change feeds: PostgreSQL LISTEN/NOTIFY and SQLite data_version."""
