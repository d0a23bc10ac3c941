"""Fixtures shared by every test: offscreen Qt, a real PostgreSQL cluster, SQLite files.

Nothing here imports SQLAlchemy or Qt at import time: tests/unit is collected without them.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"

from tests.support.pg_cluster import PgCluster

_TEMPLATE = "oc_template"
_counter = itertools.count()
_ON_POSTGRESQL = pytest.param("postgresql", marks=pytest.mark.postgres)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that starts the PostgreSQL server is marked `postgres`, whatever its fixtures'
    names: `-m "not postgres"` then runs without the server."""
    for item in items:
        if "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One PostgreSQL server for the session, with a migrated template database."""
    from sqlalchemy import create_engine, text

    from operator_console.storage.db import schema
    from operator_console.storage.db.engine import make_engine

    cluster = PgCluster().start()
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    template_engine = make_engine(cluster.url(_TEMPLATE))
    schema.upgrade(template_engine)
    template_engine.dispose()
    admin.dispose()
    try:
        yield cluster
    finally:
        cluster.stop()


_spent: list[str] = []
"""Databases of tests that have ended, dropped together once there are `_DROP_BATCH` of them."""
_DROP_BATCH = 16


@contextmanager
def _fresh_database(cluster: PgCluster, template: str = _TEMPLATE) -> Iterator[str]:
    """A new database copied from `template`. A demo city's copy is 100 MB and a run makes
    hundreds, so ended tests' databases are dropped in batches: every DROP DATABASE forces a
    checkpoint, and the first of a batch flushes what the rest would have."""
    from sqlalchemy import create_engine, text

    name = f"oc_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if len(_spent) >= _DROP_BATCH:
            for spent in _spent:
                connection.execute(text(f"DROP DATABASE IF EXISTS {spent} WITH (FORCE)"))
            _spent.clear()
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    try:
        yield cluster.url(name)
    finally:
        _spent.append(name)


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh, migrated, empty PostgreSQL database for one test."""
    with _fresh_database(pg_cluster) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh, migrated, empty SQLite file for one test."""
    from operator_console.storage.db import schema
    from operator_console.storage.db.engine import make_engine

    url = f"sqlite:///{tmp_path}/console.sqlite3"
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def demo_pg_template(pg_cluster: PgCluster) -> str:
    """A PostgreSQL database seeded with the demo city once; tests get copies."""
    from sqlalchemy import create_engine, text

    from operator_console.storage.db.engine import make_engine
    from operator_console.storage.demo_city.seed import seed_demo

    name = "oc_demo_template"
    admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    admin.dispose()
    engine = make_engine(pg_cluster.url(name))
    seed_demo(engine)
    engine.dispose()
    return name


@pytest.fixture
def demo_pg_url(pg_cluster: PgCluster, demo_pg_template: str) -> Iterator[str]:
    """A fresh copy of the seeded demo city on PostgreSQL."""
    with _fresh_database(pg_cluster, demo_pg_template) as url:
        yield url


@pytest.fixture(scope="session")
def demo_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file seeded with the demo city once; tests get copies."""
    from operator_console.storage.db import schema
    from operator_console.storage.db.engine import make_engine
    from operator_console.storage.demo_city.seed import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    seed_demo(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def demo_sqlite_url(demo_sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the seeded demo city in a SQLite file."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_sqlite_template, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(params=[_ON_POSTGRESQL, "sqlite"])
def demo_db_url(request: pytest.FixtureRequest) -> str:
    """The same test on a seeded demo city in PostgreSQL and in SQLite."""
    fixture = "demo_pg_url" if request.param == "postgresql" else "demo_sqlite_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture(params=[_ON_POSTGRESQL, "sqlite"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on a fresh PostgreSQL database and a fresh SQLite file."""
    fixture = "pg_url" if request.param == "postgresql" else "sqlite_url"
    return str(request.getfixturevalue(fixture))
