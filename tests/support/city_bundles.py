"""City bundles written for the tests: a small complete one, and one of New York City's files."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from tests.support.data import NYC_PORTAL_2011, NYC_SODA_2024, data_file

NYC_COMMUNITY_DISTRICTS = data_file("nyc/geo/nyc_community_districts.geojson")

SMALL_CITY_TOML = """\
format = 1

[city]
name = "Springfield 311"
time_zone = "America/Chicago"
phone_region = "US"
reference_prefix = "SPR"
languages = ["en", "es"]
map_center = [39.7817, -89.6501]
map_zoom = 12
unknown_location = [39.8017, -89.6436]

[[districts]]
layer = "ward"
file = "districts/wards.geojson"
code_property = "WARD"
name_property = "NAME"

[basemap]
streets = "streets.geojson"
attribution = "© OpenStreetMap contributors"
"""


def square(west: float, south: float, size: float) -> list[list[list[float]]]:
    """A square outline (GeoJSON Polygon coordinates) from its south-west corner."""
    east, north = west + size, south + size
    return [[[west, south], [east, south], [east, north], [west, north], [west, south]]]


def feature_collection(features: Iterable[dict[str, object]], **members: object) -> str:
    """GeoJSON text, one feature per line (so a feature's line number is easy to tell)."""
    head = "".join(f"{json.dumps(key)}: {json.dumps(value)},\n" for key, value in members.items())
    body = ",\n".join(json.dumps(feature) for feature in features)
    return f'{{"type": "FeatureCollection",\n{head}"features": [\n{body}\n]}}\n'


def ward_feature(code: object, name: str, coordinates: object) -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {"WARD": code, "NAME": name},
        "geometry": {"type": "Polygon", "coordinates": coordinates},
    }


SMALL_WARDS = feature_collection(
    [
        ward_feature(1, "Ward One", square(-89.70, 39.75, 0.05)),
        ward_feature("2", "Ward Two", square(-89.65, 39.75, 0.05)),
    ]
)

SMALL_SERVICES = [
    {
        "service_code": "pothole",
        "service_name": "Pothole",
        "description": "A hole in the road.",
        "metadata": True,
        "type": "realtime",
        "keywords": "road, hole",
        "group": "Streets",
    },
    {
        "service_code": "streetlight",
        "service_name": "Street light out",
        "description": "",
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": "Streets",
    },
    {
        "service_code": "loose-dog",
        "service_name": "Loose dog",
        "description": "",
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": "Animals",
    },
]

POTHOLE_DEFINITION = {
    "service_code": "pothole",
    "attributes": [
        {
            "variable": True,
            "code": "depth",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": "",
            "order": 1,
            "description": "How deep is it?",
            "values": [{"key": "shallow", "name": "Shallow"}, {"key": "deep", "name": "Deep"}],
        }
    ],
}


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def small_addresses(count: int = 20) -> str:
    """`count` address points along Main Street, across both wards."""
    rows = [
        (
            str(100 + 2 * index),
            "Main St",
            "Apt 1" if index % 5 == 0 else "",
            "62701",
            round(39.77 + 0.001 * index, 6),
            round(-89.69 + 0.004 * index, 6),
            "Springfield",
        )
        for index in range(count)
    ]
    return csv_text(("number", "street", "unit", "zip", "lat", "lon", "locality"), rows)


def small_files() -> dict[str, str]:
    """Every file of the small bundle: path inside the bundle -> its text."""
    return {
        "city.toml": SMALL_CITY_TOML,
        "districts/wards.geojson": SMALL_WARDS,
        "departments.csv": csv_text(
            ("code", "name", "email", "phone"),
            [("PWD", "Public Works", "pwd@example.org", ""), ("ANML", "Animal Control", "", "")],
        ),
        "queues.csv": csv_text(
            ("code", "name", "department", "kind", "parent", "active"),
            [
                ("PWD_STREETS", "Streets", "PWD", "queue", "", "true"),
                ("PWD_NIGHT", "Night crew", "PWD", "team", "PWD_STREETS", "true"),
                ("ANML_FIELD", "Animal officers", "ANML", "", "", ""),
            ],
        ),
        "services.json": json.dumps(SMALL_SERVICES, indent=2),
        "services/pothole.json": json.dumps(POTHOLE_DEFINITION, indent=2),
        "service_settings.csv": csv_text(
            ("service", "sla_policy", "default_queue", "default_priority", "staff_only", "notice"),
            [
                ("pothole", "business-2d", "PWD_STREETS", "normal", "false", ""),
                ("streetlight", "business-2d", "PWD_STREETS", "", "", "Lights are fixed at night."),
                ("loose-dog", "calendar-4h", "ANML_FIELD", "high", "no", ""),
            ],
        ),
        "calendars.csv": csv_text(
            (
                "code",
                "time_zone",
                "working_days",
                "work_start",
                "work_end",
                "holiday_country",
                "holiday_subdivision",
            ),
            [("city", "America/Chicago", "mon-fri", "08:00", "17:00", "US", "IL")],
        ),
        "closures.csv": csv_text(("calendar", "day", "name"), [("city", "2026-02-09", "Snow day")]),
        "sla_policies.csv": csv_text(
            ("code", "name", "target_hours", "clock", "calendar", "at_risk_fraction"),
            [
                ("business-2d", "2 business days", "18", "business", "city", ""),
                ("calendar-4h", "4 hours", "4", "calendar", "", "0.5"),
            ],
        ),
        "routing.csv": csv_text(
            ("service", "group", "layer", "district", "queue", "priority", "rank", "note"),
            [
                ("", "Streets", "", "", "PWD_STREETS", "", "", "Streets work"),
                ("pothole", "", "ward", "2", "PWD_NIGHT", "high", "10", "Ward 2 by night"),
                ("loose-dog", "", "", "", "ANML_FIELD", "", "", ""),
            ],
        ),
        "staff.csv": csv_text(
            ("login", "name", "role", "email", "queues"),
            [
                ("mgarcia", "Maria Garcia", "operator", "", ""),
                ("tchen", "Tom Chen", "dispatcher", "tchen@example.org", "PWD_STREETS;PWD_NIGHT"),
                ("admin1", "Alex Admin", "admin", "", ""),
            ],
        ),
        "addresses.csv": small_addresses(),
        "streets.geojson": feature_collection([]),
    }


def write_files(directory: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return directory


def write_small_bundle(directory: Path, **overrides: str | bytes | None) -> Path:
    """Write the small bundle into `directory`; returns it.

    Each override replaces one file, named by its path with `/` and `.` as `_`
    (`routing_csv`, `districts_wards_geojson`, `city_toml`); None leaves the file out.
    """
    files: dict[str, str | bytes] = dict(small_files())
    by_key = {re.sub(r"[/.]", "_", relative): relative for relative in files}
    for key, content in overrides.items():
        relative = by_key.get(key)
        if relative is None:
            raise KeyError(f"{key!r} is not a file of the small bundle ({', '.join(by_key)})")
        if content is None:
            del files[relative]
        else:
            files[relative] = content
    return write_files(directory, files)


def zip_folder(folder: Path, zip_path: Path, *, top: str | None = None) -> Path:
    """Zip `folder`'s files, at the zip's top or inside a folder named `top`."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                archive.write(path, f"{top}/{name}" if top else name)
    return zip_path


def _nyc_rows() -> Iterable[dict[str, str]]:
    for path in (NYC_SODA_2024, NYC_PORTAL_2011):
        with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                yield {key.strip().lower().replace(" ", "_"): value for key, value in row.items()}


def nyc_service_code(complaint_type: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", complaint_type.strip().lower()).strip("-")


def write_nyc_bundle(directory: Path) -> Path:
    """New York City as a bundle: community districts, one service per complaint type in the 311
    exports (its agency: the one that handles most of them), one department and one queue per
    agency, and routing by community district for noise complaints."""
    agencies: dict[str, str] = {}
    handled_by: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for row in _nyc_rows():
        agency, complaint = row["agency"].strip(), row["complaint_type"].strip()
        if agency and complaint:
            agencies.setdefault(agency, row["agency_name"].strip() or agency)
            handled_by[complaint][agency] += 1
    services = []
    settings = []
    for complaint in sorted(handled_by):
        agency = handled_by[complaint].most_common(1)[0][0]
        code = nyc_service_code(complaint)
        services.append(
            {
                "service_code": code,
                "service_name": complaint,
                "description": "",
                "metadata": False,
                "type": "realtime",
                "keywords": "",
                "group": agencies[agency],
            }
        )
        settings.append((code, "nyc-5d", agency, ""))
    districts = json.loads(NYC_COMMUNITY_DISTRICTS.read_text(encoding="utf-8"))
    board_codes = sorted(feature["properties"]["boro_cd"] for feature in districts["features"])
    noise = nyc_service_code("Noise - Residential")
    routing = [
        (noise, "", "community_district", board, "NYPD", "", 10, f"Board {board} precinct")
        for board in board_codes
    ]
    serving = sorted({str(service["group"]) for service in services})
    queue_of = {name: agency for agency, name in agencies.items()}
    routing += [("", group, "", "", queue_of[group], "", 100, "") for group in serving]
    city_toml = """\
format = 1

[city]
name = "New York City 311"
time_zone = "America/New_York"
phone_region = "US"
reference_prefix = "NYC"
languages = ["en", "es", "zh", "ru"]
map_center = [40.7128, -74.0060]
map_zoom = 11

[[districts]]
layer = "community_district"
file = "districts/community_districts.geojson"
code_property = "boro_cd"
"""
    files: dict[str, str | bytes] = {
        "city.toml": city_toml,
        "districts/community_districts.geojson": NYC_COMMUNITY_DISTRICTS.read_bytes(),
        "departments.csv": csv_text(("code", "name"), sorted(agencies.items())),
        "queues.csv": csv_text(
            ("code", "name", "department"),
            [(agency, f"{agency} intake", agency) for agency in sorted(agencies)],
        ),
        "services.json": json.dumps(services, indent=2),
        "service_settings.csv": csv_text(
            ("service", "sla_policy", "default_queue", "default_priority"), settings
        ),
        "calendars.csv": csv_text(
            ("code", "working_days", "holiday_country", "holiday_subdivision"),
            [("nyc", "mon-fri", "US", "NY")],
        ),
        "sla_policies.csv": csv_text(
            ("code", "name", "target_hours", "calendar"), [("nyc-5d", "5 business days", 45, "nyc")]
        ),
        "routing.csv": csv_text(
            ("service", "group", "layer", "district", "queue", "priority", "rank", "note"), routing
        ),
    }
    return write_files(directory, files)
