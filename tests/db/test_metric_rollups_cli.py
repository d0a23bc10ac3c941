"""`report rebuild-rollups`, and the history import that ends with it: the rollups give the rows'
figures again."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.storage.db.engine import make_engine
from tests.db.test_metric_rollups import _check, _query
from tests.support.data import BOSTON_2015_WARD_3


def _rollup_count(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        counted = int(
            connection.execute(text("SELECT sum(created) FROM metric_rollups")).scalar_one() or 0
        )
    engine.dispose()
    return counted


def test_rebuild_rollups_computes_them_again(
    demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(demo_pg_url)
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE metric_rollups, metric_rollup_buckets"))
    assert _rollup_count(demo_pg_url) == 0
    assert main(["--database-url", demo_pg_url, "report", "rebuild-rollups"]) == 0
    said = capsys.readouterr().out
    assert "metric rollups rebuilt" in said and " rows" in said
    monthly = [line for line in said.splitlines() if "metric rollups of " in line]
    assert len(monthly) > 1 and monthly[-1].endswith(f"rebuilt ({len(monthly)}/{len(monthly)})")
    assert _rollup_count(demo_pg_url) == 25_000
    _check(engine, _query(engine, date(2000, 1, 1), date(2100, 1, 1), "ward"), datetime.now(UTC))
    engine.dispose()


def test_sqlite_keeps_no_rollups(demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", demo_sqlite_url, "report", "rebuild-rollups"]) == 0
    assert "keeps no rollups" in capsys.readouterr().out


def test_a_history_import_ends_with_the_rollups_rebuilt(
    demo_pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "ward3.csv"
    with gzip.open(BOSTON_2015_WARD_3, "rt", encoding="utf-8", newline="") as lines:
        export.write_text("".join(line for _, line in zip(range(3001), lines, strict=False)))
    command = ["import", "requests", "--mapping", "boston", "--quiet", str(export)]
    assert main(["--database-url", demo_pg_url, *command]) == 0, capsys.readouterr().err
    engine = make_engine(demo_pg_url)
    with engine.connect() as connection:
        total = int(connection.execute(text("SELECT count(*) FROM service_requests")).scalar_one())
    assert total > 25_000
    assert _rollup_count(demo_pg_url) == total
    _check(engine, _query(engine, date(2015, 1, 1), date(2016, 1, 1), "ward"), datetime.now(UTC))
    engine.dispose()
