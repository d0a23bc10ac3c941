"""Alembic migrations: one history for PostgreSQL and SQLite."""
