"""The bundle's plain file formats, written byte for byte reproducibly: CSV, TOML, GeoJSON."""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

Cell = str | int | float | bool | None
TomlValue = str | int | float | bool | Sequence[Any]


def cell_text(value: Cell) -> str:
    """A CSV cell: empty for None, `true`/`false`, floats in their shortest exact form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return float_text(value)
    return str(value)


def float_text(value: float) -> str:
    """The shortest text that reads back as the same float; whole numbers without ".0"."""
    if not math.isfinite(value):
        raise ValueError(f"{value!r} cannot be written to a city bundle")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 CSV with a header row and `\\n` line ends."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell_text(value) for value in row] for row in rows)
    return text.getvalue().encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """Gzip without a timestamp or name in the header, so the same data gives the same bytes."""
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as stream:
        stream.write(data)
    return out.getvalue()


def toml_value(value: TomlValue) -> str:
    """A TOML value: a basic string, a number, a boolean or an inline array of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = float_text(value)
        return text if any(mark in text for mark in ".en") else f"{text}.0"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(toml_value(item) for item in value) + "]"


def toml_table(header: str, values: Mapping[str, TomlValue | None]) -> str:
    """`[header]` (or `[[header]]` when written so) and its keys; None values are left out."""
    lines = [header] if header else []
    lines += [f"{key} = {toml_value(value)}" for key, value in values.items() if value is not None]
    return "\n".join(lines) + "\n"


def json_bytes(document: Any) -> bytes:
    """Indented JSON, as the catalog export writes it."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def feature_collection_bytes(features: Iterable[Mapping[str, Any]]) -> bytes:
    """A GeoJSON FeatureCollection with one compact feature per line."""
    items = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in features]
    body = ",\n".join(items)
    return f'{{"type":"FeatureCollection","features":[\n{body}\n]}}\n'.encode()


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` (folders made), through a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    temporary.replace(path)
