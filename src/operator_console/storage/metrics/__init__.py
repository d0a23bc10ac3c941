"""Reading the rows the 311 metrics are computed from, on PostgreSQL and SQLite."""
