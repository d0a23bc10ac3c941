"""`report metrics --from DATE --to DATE --by GROUPING [--json|--csv]`: the standard 311
metrics of a period, city-wide and by group, for scripts and open-data pages."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo


def register(subparsers: Any) -> None:
    """Add the `report` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "report",
        help="the standard 311 metrics, for scripts",
        description="The metrics of the requests created in a period, city-wide and by "
        "group, each group against the city (docs/metrics.md).",
    )
    commands = group.add_subparsers(dest="report_command", required=True)
    metrics = commands.add_parser("metrics", help="volume, backlog, SLA, clocks, rates, equity")
    metrics.add_argument("--from", dest="start", required=True, metavar="DATE", help="YYYY-MM-DD")
    metrics.add_argument(
        "--to", dest="end", required=True, metavar="DATE", help="YYYY-MM-DD, excluded"
    )
    metrics.add_argument(
        "--by",
        required=True,
        metavar="GROUPING",
        help="a district layer of the city (ward, neighborhood...), queue, department or category",
    )
    output = metrics.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON document")
    output.add_argument("--csv", action="store_true", help="one CSV row per group")
    for name in ("department", "queue", "category", "district", "channel"):
        metrics.add_argument(f"--{name}", metavar="CODE", help=f"only this {name}")
    metrics.add_argument(
        "--min-cases",
        type=int,
        default=30,
        metavar="N",
        help="groups with fewer cases are flagged small (default 30)",
    )
    commands.add_parser(
        "rebuild-rollups",
        help="compute the metric rollups again from the requests (after a history import)",
        description="PostgreSQL keeps the metrics' rollups as cases change; a bulk history "
        "import skips them, and this computes them all again, a month of requests at a time, "
        "saying each month done (the database's owner).",
    )


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option} {text!r} is not a date like 2015-01-31") from None


def run(args: argparse.Namespace, database_url: str) -> int:
    """Print the report; a problem is one line on stderr, exit code 2."""
    if args.report_command == "rebuild-rollups":
        return rebuild(database_url)
    from sqlalchemy.exc import DBAPIError

    from operator_console.services.metrics.model import MetricsFilter, MetricsQuery, Period
    from operator_console.services.metrics.ports import UnknownGroupingError
    from operator_console.services.metrics.report import metrics_report
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.metrics.reads import SqlMetricsReads

    try:
        start, end = _date(args.start, "--from"), _date(args.end, "--to")
    except ValueError as exc:
        return _fail(str(exc))
    if end <= start:
        return _fail(f"--to {end} must come after --from {start}")
    if args.min_cases < 1:
        return _fail(f"--min-cases {args.min_cases} must be at least 1")
    try:
        database = open_database(database_url, migrate=False)
    except (
        ValueError,
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    try:
        if not database.time_zone:
            return _fail(f"{database.label} has no city yet: nothing to report")
        zone = ZoneInfo(database.time_zone)
        query = MetricsQuery(
            period=Period(
                datetime.combine(start, time(), zone),
                datetime.combine(end, time(), zone),
                database.time_zone,
            ),
            by=args.by,
            chosen=MetricsFilter(
                args.department, args.queue, args.category, args.district, args.channel
            ),
            min_cases=args.min_cases,
        )
        report = metrics_report(SqlMetricsReads(database.engine), query, datetime.now(UTC))
    except UnknownGroupingError as exc:
        return _fail(str(exc))
    except DBAPIError as exc:
        return _fail(f"{database.label}: the report failed: {exc.orig}")
    finally:
        database.engine.dispose()
    _print(report, args)
    return 0


def rebuild(database_url: str) -> int:
    """Rebuild the metric rollups and say how many rows they hold; SQLite keeps none."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.metrics.rollups import has_rollups, rebuild_rollups

    try:
        database = open_database(database_url, migrate=False)
    except (
        ValueError,
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    try:
        if not has_rollups(database.engine):
            print(f"{database.label} keeps no rollups: its reports read the requests")
            return 0
        rows = rebuild_rollups(
            database.engine,
            lambda month, done, months: print(
                f"{database.label}: metric rollups of {month:%Y-%m} rebuilt ({done}/{months})",
                flush=True,
            ),
        )
    except DBAPIError as exc:
        return _fail(f"{database.label}: the rollups were not rebuilt: {exc.orig}")
    finally:
        database.engine.dispose()
    print(f"{database.label}: metric rollups rebuilt, {rows:,} rows")
    return 0


def _print(report: Any, args: argparse.Namespace) -> None:
    from operator_console.services.metrics.tables import report_document, report_rows

    if args.json:
        json.dump(report_document(report), sys.stdout, indent=1)
        print()
    elif args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows(report_rows(report))
    else:
        print(_text(report_rows(report)))


def _text(rows: list[list[Any]]) -> str:
    """A readable table: the group, its cases, on-time share and clocks in hours. The group
    column is as wide as the longest code, so codes are never cut; names are cut at 28."""
    lines = []
    header = rows[0]
    wanted = [
        "group",
        "name",
        "cases",
        "on_time_share",
        "intake_to_assign_median_minutes",
        "assign_to_resolve_median_minutes",
        "intake_to_resolve_median_minutes",
        "intake_to_resolve_p90_minutes",
        "small",
    ]
    at = [header.index(name) for name in wanted]
    width = max([12, *(len(str(row[at[0]])) for row in rows[1:])])
    lines.append(
        f"{'':<{width}} {'':<28} {'':>8} {'':>8} {'intake to':>10} {'assign to':>10} "
        f"{'intake to resolve':>21}"
    )
    lines.append(
        f"{'group':<{width}} {'name':<28} {'cases':>8} {'on time':>8} {'assign':>10} "
        f"{'resolve':>10} {'median':>10} {'p90':>10}"
    )
    lines.append(f"{'':<{width}} {'':<28} {'':>8} {'':>8} {'(median, hours)':>21} {'(hours)':>21}")
    for row in rows[1:]:
        key, name, cases, on_time, assign, resolve, median, p90, small = (row[i] for i in at)
        lines.append(
            f"{key!s:<{width}} {str(name)[:28]:<28} {cases:>8,} {_percent(on_time):>8} "
            f"{_hours(assign):>10} {_hours(resolve):>10} {_hours(median):>10} {_hours(p90):>10}"
            + ("  small" if small is True else "")
        )
    return "\n".join(lines)


def _percent(value: Any) -> str:
    return "" if value == "" else f"{value:.1%}"


def _hours(value: Any) -> str:
    return "" if value == "" else f"{value / 60:.1f}"


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr, flush=True)
    return 2
