"""Databases staff logins can open before the console's grants exist."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def readable_by_staff(admin_url: str) -> None:
    """Let every login read the tables in the database of `admin_url` (a superuser's URL),
    unless the schema grants its groups what they need already."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        granted = connection.execute(
            text("SELECT 1 FROM pg_proc WHERE proname = 'staff_whoami'")
        ).first()
        if granted is None:
            connection.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC"))
    engine.dispose()
