"""Reading an export: its delimiter found from the header, its encoding checked, coordinates
with a decimal comma, and the mapping keys that say how the file is written."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from operator_console.services.history_import.coordinates import degrees
from operator_console.services.history_import.export_file import (
    ExportFileError,
    csv_records,
    numbered_records,
    open_export,
)
from operator_console.services.history_import.mapping import MappingFileError, parse_mapping

BASE = (
    'name = "springfield"\ntime_zone = "America/Chicago"\n'
    '[columns]\nid = ["Id"]\nopened = ["Opened"]\nservice = ["Type"]\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Id;Opened;Type\n1;2026-12-07;Pothole, deep\n", ["1", "2026-12-07", "Pothole, deep"]),
        ("Id\tOpened\tType\n1\t2026-12-07\tPothole\n", ["1", "2026-12-07", "Pothole"]),
        ('Id,Opened,Type\n1,2026-12-07,"Pothole; deep"\n', ["1", "2026-12-07", "Pothole; deep"]),
    ],
)
def test_the_delimiter_is_the_one_the_header_has_most_of(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(text, encoding="utf-8")
    with open_export(export) as opened:
        records = list(numbered_records(csv_records(opened)))
    assert records == [(1, ["Id", "Opened", "Type"]), (2, expected)]


def test_an_export_in_another_encoding_than_the_mappings_is_refused_naming_the_line(
    tmp_path: Path,
) -> None:
    export = tmp_path / "export.csv.gz"
    with gzip.open(export, "wt", encoding="cp1252", newline="") as out:
        out.write("Id,Address\n1,Main St\n2,Calle Alcalá\n")
    with pytest.raises(ExportFileError) as refused, open_export(export):
        pass
    assert str(refused.value) == (
        "line 3 is not utf-8-sig (byte 0xe1): name the export's encoding in the "
        'mapping, e.g. encoding = "cp1252"'
    )
    with open_export(export, "cp1252") as opened:
        assert opened.read().splitlines()[-1] == "2,Calle Alcalá"


@pytest.mark.parametrize(("text", "value"), [("40.4168", 40.4168), (" -3,7038 ", -3.7038)])
def test_coordinates_are_read_with_a_decimal_point_or_comma(text: str, value: float) -> None:
    assert degrees(text) == value


def test_a_coordinate_with_thousands_and_decimals_is_no_number() -> None:
    with pytest.raises(ValueError):
        degrees("1,234.5,6")


@pytest.mark.parametrize(
    ("keys", "delimiter", "encoding"),
    [
        ("", "", "utf-8-sig"),
        ('delimiter = "tab"\nencoding = "latin-1"\n', "\t", "latin-1"),
        ('delimiter = ";"\n', ";", "utf-8-sig"),
    ],
)
def test_the_mapping_says_how_the_export_is_written(
    keys: str, delimiter: str, encoding: str
) -> None:
    mapping = parse_mapping(keys + BASE, "m.toml")
    assert (mapping.delimiter, mapping.encoding) == (delimiter, encoding)


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        ('encoding = "klingon"\n', "m.toml: encoding: 'klingon' is not an encoding Python knows"),
        ('delimiter = ";;"\n', "m.toml: delimiter: ';;' is not one character (or one of tab,"),
        ("delimiter = 1\n", "m.toml: delimiter: must be text, not int"),
    ],
)
def test_a_bad_encoding_or_delimiter_is_refused_at_its_key(keys: str, said: str) -> None:
    with pytest.raises(MappingFileError) as refused:
        parse_mapping(keys + BASE, "m.toml")
    assert str(refused.value).startswith(said)
