"""The mapping files shipped in resources/mappings, found by name, or any mapping file by path."""

from __future__ import annotations

from pathlib import Path

from operator_console.services.history_import.mapping import (
    ImportMapping,
    MappingFileError,
    read_mapping,
)
from operator_console.services.resources import resource_dir

MAPPINGS_ENV = "OPERATOR_CONSOLE_MAPPINGS"


def mappings_dir() -> Path:
    """resources/mappings (or $OPERATOR_CONSOLE_MAPPINGS)."""
    return resource_dir("mappings", Path("boston.toml"), MAPPINGS_ENV)


def shipped_names() -> list[str]:
    return sorted(path.stem for path in mappings_dir().glob("*.toml"))


def find_mapping(name_or_path: str) -> ImportMapping:
    """A mapping file's path, or the name of a shipped one ("boston" is resources/mappings/
    boston.toml); MappingFileError when it is neither or does not read."""
    path = Path(name_or_path)
    if path.suffix.lower() == ".toml" or path.exists():
        if not path.is_file():
            raise MappingFileError(f"{path}: no such mapping file")
        return read_mapping(path)
    shipped = mappings_dir() / f"{name_or_path.lower()}.toml"
    if not shipped.is_file():
        names = ", ".join(shipped_names())
        raise MappingFileError(f"no mapping {name_or_path!r}: give a .toml file or one of {names}")
    return read_mapping(shipped)
