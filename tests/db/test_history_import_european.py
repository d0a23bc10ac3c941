"""History import of a European-style export: semicolons, Windows-1252, decimal commas,
day-first dates; its rejects file is written the same way and reads back with the mapping."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from operator_console.services.history_import.importer import import_history
from operator_console.services.history_import.mapping import read_mapping
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.history_import.writer import SqlHistoryWriter

MAPPING = """\
name = "ayuntamiento"
time_zone = "America/New_York"
encoding = "cp1252"
delimiter = "semicolon"
date_formats = ["%d/%m/%Y %H:%M"]

[columns]
id = ["Número de aviso"]
opened = ["Fecha de entrada"]
service = ["Tipo"]
latitude = ["Latitud"]
longitude = ["Longitud"]
address = ["Dirección"]

[services.names]
"Pintadas" = "graffiti-removal"
"Alumbrado" = "street-light-outages"
"""
HEADER = ["Número de aviso", "Fecha de entrada", "Tipo", "Latitud", "Longitud", "Dirección"]
ROWS = [
    ["A-1", "07/12/2026 09:30", "Pintadas", "42,3601", "-71,0589", "Plaza Alcalá 1"],
    ["A-2", "13/12/2026 18:05", "Alumbrado", "42,3467", "-71,0972", "Calle Señal; 4"],
    ["A-3", "14/12/2026 08:00", "Farolas rotas", "42,3467", "-71,0972", "Niño Jesús 2"],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="cp1252", newline="") as out:
        csv.writer(out, delimiter=";").writerows([HEADER, *rows])
    return path


def test_a_semicolon_cp1252_export_with_decimal_commas_imports_and_its_rejects_read_back(
    demo_sqlite_url: str, tmp_path: Path
) -> None:
    mapping_file = tmp_path / "ayuntamiento.toml"
    mapping_file.write_text(MAPPING, encoding="utf-8")
    mapping = read_mapping(mapping_file)
    export = _write(tmp_path / "avisos.csv", ROWS)
    rejects = tmp_path / "avisos.rejects.csv"
    engine = make_engine(demo_sqlite_url)
    with SqlHistoryWriter(engine, mapping) as writer:
        report = import_history(mapping, export, writer, rejects)
    with engine.connect() as connection:
        stored = connection.execute(
            select(
                service_requests.c.source_id,
                service_requests.c.lat,
                service_requests.c.lon,
                service_requests.c.address,
                service_requests.c.district_id.is_not(None),
            )
            .where(service_requests.c.created_by == "import:ayuntamiento")
            .order_by(service_requests.c.source_id)
        ).all()
    assert report.imported == 2
    assert dict(report.rejected) == {"service not in the mapping": 1}
    assert [tuple(row) for row in stored] == [
        ("A-1", 42.3601, -71.0589, "Plaza Alcalá 1", True),
        ("A-2", 42.3467, -71.0972, "Calle Señal; 4", True),
    ]
    with rejects.open(encoding="cp1252", newline="") as written:
        assert list(csv.reader(written, delimiter=";")) == [
            ["line", "reason", *HEADER],
            ["4", "service not in the mapping: Farolas rotas", *ROWS[2]],
        ]
    with SqlHistoryWriter(engine, mapping) as writer:
        again = import_history(mapping, rejects, writer, tmp_path / "again.csv")
    engine.dispose()
    assert (again.imported, dict(again.rejected)) == (0, {"service not in the mapping": 1})
    with (tmp_path / "again.csv").open(encoding="cp1252", newline="") as written:
        assert next(csv.reader(written, delimiter=";")) == ["line", "reason", *HEADER]
