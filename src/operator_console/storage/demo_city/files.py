"""The demo city's files: where they are, their layout, and reading and writing them safely."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from operator_console.services.resources import resource_dir

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CITY = "city.json"
CATALOG = "catalog.json"
DISTRICTS = "districts.json"
ROUTING = "routing.json"
ADDRESSES = "addresses.csv.gz"
REQUESTS = "requests.csv.gz"
ATTRIBUTION = "ATTRIBUTION.md"
DATA_DIR_VARIABLE = "OPERATOR_CONSOLE_DEMO_DATA"

ADDRESS_COLUMNS = (
    "house_number",
    "street",
    "locality",
    "zipcode",
    "lat",
    "lon",
    "ward",
)
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


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DemoDataError(f"{path}: the demo city file is missing.") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DemoDataError(f"{path}: not readable JSON ({exc}).") from exc


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


def write_json(path: Path, document: Any, *, one_item_per_line: bool = False) -> None:
    """Indented JSON; a list of bulky items (polygons) may go one compact item per line."""
    if one_item_per_line and isinstance(document, list):
        items = (json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in document)
        text = "[\n" + ",\n".join(items) + "\n]"
    else:
        text = json.dumps(document, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


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
