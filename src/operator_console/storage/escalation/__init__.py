"""The escalation pass and the alerts, on PostgreSQL (in the database) and SQLite (in Python)."""
