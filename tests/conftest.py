"""Fixtures shared by every test: offscreen Qt, a real PostgreSQL cluster, SQLite files."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"

from sqlalchemy import create_engine, text

from tests.support.pg_cluster import PgCluster

_TEMPLATE = "oc_template"
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One PostgreSQL server for the session, with a migrated template database."""
    from operator_console.storage import schema
    from operator_console.storage.engine import make_engine

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


def _fresh_database(cluster: PgCluster) -> str:
    name = f"oc_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    admin.dispose()
    return cluster.url(name)


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """A fresh, migrated, empty PostgreSQL database for one test."""
    return _fresh_database(pg_cluster)


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    """A fresh, migrated, empty SQLite file for one test."""
    from operator_console.storage import schema
    from operator_console.storage.engine import make_engine

    url = f"sqlite:///{tmp_path}/console.sqlite3"
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(params=["postgresql", "sqlite"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on a fresh PostgreSQL database and a fresh SQLite file."""
    fixture = "pg_url" if request.param == "postgresql" else "sqlite_url"
    return str(request.getfixturevalue(fixture))
