"""`-m "not postgres"` runs the SQLite half of the database tests without starting the server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A pytest run in which the PostgreSQL server refuses to start: a test that reaches it fails.
RUN_WITHOUT_SERVER = """
import sys

import pytest

from tests.support.pg_cluster import PgCluster


def refuse(self: PgCluster) -> PgCluster:
    raise AssertionError("the PostgreSQL server was started by a test not marked postgres")


PgCluster.start = refuse
sys.exit(pytest.main(sys.argv[1:]))
"""


def test_not_postgres_deselects_every_test_that_would_start_the_server() -> None:
    # db_url / demo_db_url parameters, pg_url, and pg_cluster asked for by name
    files = ["tests/db/test_schema.py", "tests/db/test_cli.py", "tests/db/test_pg_change_feed.py"]
    command = [sys.executable, "-c", RUN_WITHOUT_SERVER, "-q", "-p", "no:cacheprovider"]
    run = subprocess.run(
        [*command, "-m", "not postgres", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    counts = re.search(r"(\d+) passed, (\d+) deselected", run.stdout)
    assert counts is not None, run.stdout
    assert int(counts[1]) >= 8 and int(counts[2]) >= 10
