"""The demo city's files beside its bundle: where they are, and the demo request history."""

from __future__ import annotations

import csv
import gzip
import io
import tomllib
import zlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from operator_console.services.resources import resource_dir

MANIFEST = "city.toml"
REQUESTS = "requests.csv.gz"
ATTRIBUTION = "ATTRIBUTION.md"
DATA_DIR_VARIABLE = "OPERATOR_CONSOLE_DEMO_DATA"
DEMO_TABLE = "demo"
REQUEST_COLUMNS = (
    "case_id",
    "service",
    "queue",
    "status",
    "opened_s",
    "due_s",
    "closed_s",
    "closure",
    "closure_note",
    "parent_case_id",
    "channel",
    "lat",
    "lon",
    "ward",
    "address",
    "address_ref",
    "description",
)


class DemoDataError(RuntimeError):
    """A demo city file is missing or damaged; the message names the file and the problem."""


def default_data_dir() -> Path:
    """The demo city folder: $OPERATOR_CONSOLE_DEMO_DATA, the source checkout, or the install."""
    try:
        return resource_dir("demo_city", Path(MANIFEST), DATA_DIR_VARIABLE)
    except FileNotFoundError as error:
        raise DemoDataError(f"No demo city found ({error}).") from None


def read_csv_gz(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """All rows of a gzipped CSV whose header must be exactly `columns`."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader, None)
            if header != list(columns):
                raise DemoDataError(
                    f"{path}: unexpected header {header!r}; expected {list(columns)!r}."
                )
            rows = []
            for line, values in enumerate(reader, start=2):
                if len(values) != len(columns):
                    raise DemoDataError(
                        f"{path}, line {line}: {len(values)} fields, expected {len(columns)}."
                    )
                rows.append(dict(zip(columns, values, strict=True)))
            return rows
    except FileNotFoundError as exc:
        raise DemoDataError(f"{path}: the demo city file is missing.") from exc
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
        raise DemoDataError(f"{path}: damaged gzipped CSV ({exc}).") from exc


def write_csv_gz(path: Path, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write a gzipped CSV byte-for-byte reproducibly (no timestamp or name in the header)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as stream,
    ):
        stream.write(text.getvalue().encode("utf-8"))


def demo_table(oldest: datetime, newest: datetime, requests: int) -> str:
    """The `[demo]` table of the demo's city.toml: its request history (demo only)."""
    return (
        f"\n[{DEMO_TABLE}]\n"
        "# Demo only: the request history the demo seeder adds after loading the city, its\n"
        "# times relative to the newest opening, which becomes the moment of seeding.\n"
        f'history = "{REQUESTS}"\n'
        f"requests = {requests}\n"
        f'oldest_source_opening = "{oldest.isoformat()}"\n'
        f'newest_source_opening = "{newest.isoformat()}"\n'
    )


def history_file(data_dir: Path) -> Path:
    """The demo history the `[demo]` table of `data_dir`'s city.toml names."""
    manifest = data_dir / MANIFEST
    try:
        document = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DemoDataError(f"{manifest}: the demo city file is missing.") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DemoDataError(f"{manifest}: not readable TOML ({exc}).") from exc
    demo = document.get(DEMO_TABLE)
    if not isinstance(demo, dict) or not isinstance(demo.get("history"), str):
        raise DemoDataError(f'{manifest}: no [{DEMO_TABLE}] table with history = "FILE".')
    return data_dir / str(demo["history"])
