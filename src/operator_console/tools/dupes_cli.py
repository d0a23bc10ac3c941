"""`dupes evaluate`: replay a city's export, comparing our duplicate rule with FixMyStreet's."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from operator_console.domain.duplicates import DuplicateSettings
from operator_console.services.history_import.export_file import (
    ExportFileError,
    csv_records,
    open_export,
)
from operator_console.tools.dupe_replay import ReplayReport, replay
from operator_console.tools.export_mapping import (
    ExportMapping,
    MappingError,
    map_rows,
    mapping_from_dict,
    shipped_export_mapping,
)

_DEFAULTS = DuplicateSettings()
LABEL_WIDTH = 38  # the longest label, "recall (duplicates with a candidate)", and a gap


def register(subparsers: Any) -> None:
    """Add `dupes evaluate` to an argparse subparsers object; the handler is `args.run_dupes`."""
    dupes = subparsers.add_parser("dupes", help="duplicate detection tools")
    commands = dupes.add_subparsers(dest="dupes_command", required=True)
    evaluate = commands.add_parser(
        "evaluate",
        help="replay an export in time order and score our rule and FixMyStreet's",
        description="Offer candidates to every request from what existed at its moment, and "
        "compare them with the requests the city closed as duplicates.",
    )
    evaluate.add_argument(
        "--mapping",
        required=True,
        help="a mapping .toml file (the one `import requests` uses), or a shipped one: boston, nyc",
    )
    evaluate.add_argument("file", type=Path, help="a .csv, .csv.gz or .zip (first CSV inside)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--radius", type=float, default=_DEFAULTS.radius_m, help="metres")
    evaluate.add_argument(
        "--window-days",
        type=float,
        default=_DEFAULTS.window_days,
        help="how long a closed request stays a candidate",
    )
    evaluate.add_argument("--min-score", type=float, default=_DEFAULTS.min_score)
    evaluate.add_argument("--badge-threshold", type=float, default=_DEFAULTS.badge_threshold)
    evaluate.add_argument("--quiet", action="store_true", help="no progress on stderr")
    evaluate.set_defaults(run_dupes=run_evaluate)


def load_mapping(name_or_path: str) -> ExportMapping:
    """A shipped mapping by name, a mapping .toml file, or the replay's own .json form."""
    path = Path(name_or_path)
    if path.suffix.lower() != ".json":
        return shipped_export_mapping(name_or_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise MappingError(f"cannot read {path}: {exc}") from exc
    return mapping_from_dict(data)


class _Progress:
    """Progress on stderr: a live line on a terminal, a line per tenth otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.live = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        elapsed = time.monotonic() - self.started
        line = f"replayed {done:,}/{total:,} requests ({done / total:.0%}, {elapsed:.0f} s)"
        if self.live:
            print(f"\r{line}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done * 10 // total > self.last_tenth:
            self.last_tenth = done * 10 // total
            print(line, file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        if self.enabled:
            print(message, file=sys.stderr, flush=True)


def run_evaluate(args: argparse.Namespace) -> int:
    progress = _Progress(not args.quiet)
    try:
        mapping = load_mapping(args.mapping)
        settings = replace(
            DuplicateSettings(unknown_location=mapping.unknown_location),
            radius_m=args.radius,
            window_days=args.window_days,
            min_score=args.min_score,
            badge_threshold=args.badge_threshold,
        )
        progress.note(f"reading {args.file} with the {mapping.name!r} mapping")
        with open_export(args.file, mapping.encoding) as text:
            mapped = map_rows(mapping, csv_records(text, mapping.delimiter))
    except (
        OSError,
        MappingError,
        ExportFileError,
        zipfile.BadZipFile,
        csv.Error,
        EOFError,
    ) as exc:
        print(f"dupes evaluate: {exc}", file=sys.stderr)
        return 2
    progress.note(f"read {mapped.total:,} rows, {len(mapped.rows):,} usable; replaying")
    report = replay(mapped.rows, settings, skipped=mapped.skipped, progress=progress)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report, mapping.name, args.file))
    return 0


def format_report(report: ReplayReport, mapping_name: str, path: Path) -> str:
    """A side-by-side table of both rules, with the row counts and settings behind it."""
    rows, ours, fms, s = report.rows, report.ours, report.fms_rule, report.settings
    skipped = ", ".join(f"{n:,} {why}" for why, n in sorted(rows.skipped.items())) or "none"
    lines = [
        f"Duplicate candidates replayed: {path} ({mapping_name} mapping)",
        f"rows: {rows.total:,} read, {rows.used:,} used ({rows.unknown_location:,} at the "
        f"unknown location), skipped: {skipped}",
        f"labelled duplicates: {rows.duplicates:,}",
        "",
        f"{'':{LABEL_WIDTH}}{'ours':>10}{'FixMyStreet':>14}",
    ]
    table = (
        ("recall (duplicates with a candidate)", ours.recall, fms.recall),
        ("alarm (others with a candidate)", ours.alarm, fms.alarm),
        ("AUC of the top candidate's score", ours.auc, fms.auc),
        ("badge precision", ours.badge_precision, fms.badge_precision),
        ("badge recall", ours.badge_recall, fms.badge_recall),
    )
    lines += [f"{label:{LABEL_WIDTH}}{a:>10.3f}{b:>14.3f}" for label, a, b in table]
    lines += [
        f"{'requests with candidates':{LABEL_WIDTH}}"
        f"{ours.with_candidates:>10,}{fms.with_candidates:>14,}",
        f"{'requests badged':{LABEL_WIDTH}}{ours.badged:>10,}{fms.badged:>14,}",
        "",
        f"distance-only AUC (nearest request in our pool): {report.distance_only_auc:.3f}",
        f"ours: within {s.radius_m:g} m, same category or group, open or closed within "
        f"{s.window_days:g} d, shown at score >= {s.min_score:g}, "
        f"badge at >= {s.badge_threshold:g}",
        "FixMyStreet: same category, open, within 250 m, 5 nearest; its badge = any candidate",
    ]
    return "\n".join(lines)
