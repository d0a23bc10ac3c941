"""Bring a database to the console's schema, and refuse one that is newer."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from operator_console.storage.db.roles import OWNER_ROLE

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNewError(RuntimeError):
    """The database was migrated by a newer console than this one."""


class SchemaPermissionError(RuntimeError):
    """The login may not change the database's schema (a staff login, say); nothing changed."""


_INSUFFICIENT_PRIVILEGE = "42501"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision this console knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    """Raise `SchemaTooNewError` if the database carries a revision this console does not know."""
    revision = current_revision(engine)
    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision not in known:
        raise SchemaTooNewError(
            f"The database schema ({revision}) is newer than this console knows "
            f"(newest {head_revision()}). Install the newer Operator Console to use it."
        )


def upgrade(engine: Engine) -> None:
    """Migrate the database to the newest revision (refusing a newer one)."""
    check_not_newer(engine)
    config = _config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
            raise
        said = str(exc.orig).strip().splitlines()[0]
        login = f"The login {engine.url.username}" if engine.url.username else "This login"
        raise SchemaPermissionError(
            f"{login} may not change the database's schema ({said}); nothing was changed. "
            f"Run `operator-console db upgrade` as the database's owner: a member of "
            f"{OWNER_ROLE} or a superuser."
        ) from exc


def is_current(engine: Engine) -> bool:
    """True when the database is at the newest revision."""
    return current_revision(engine) == head_revision()


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database back to `revision` (an administrator's repair, and the tests')."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
