"""The notifier's outbox in SQL, its wake-ups (LISTEN on PostgreSQL, polling on SQLite)."""
