"""city.toml: the city's settings and which files of the bundle hold what."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from operator_console.services.city_bundle.csv_files import Problems
from operator_console.services.city_bundle.model import FORMAT_VERSION, Basemap, CitySettings

MANIFEST = "city.toml"
DEFAULT_FILES: Mapping[str, str] = {
    "departments": "departments.csv",
    "queues": "queues.csv",
    "services": "services.json",
    "definitions": "services",
    "service_settings": "service_settings.csv",
    "calendars": "calendars.csv",
    "closures": "closures.csv",
    "sla_policies": "sla_policies.csv",
    "routing": "routing.csv",
    "staff": "staff.csv",
    "addresses": "addresses.csv",
}
_PREFIX = re.compile(r"[A-Z]{2,5}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_LAYER = re.compile(r"[a-z][a-z0-9_]{0,39}")
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")
_MAX_LANGUAGES_CHARS = 60
_MAX_NAME_CHARS = 120


@dataclass(frozen=True)
class LayerSpec:
    """A `[[districts]]` table: where a layer's districts are and how to read them."""

    layer: str
    file: str
    code_property: str
    name_property: str | None = None
    crs: str | None = None


@dataclass(frozen=True)
class Manifest:
    """What city.toml says; `settings` is None when the `[city]` table has problems.

    `given_time_zone` is the `[city]` table's time_zone as written, valid or not (None when
    absent), so that a calendar relying on it is not told that city.toml gives none.
    """

    settings: CitySettings | None
    layers: tuple[LayerSpec, ...]
    basemap: Basemap | None
    files: Mapping[str, str] = field(default_factory=dict)
    given_time_zone: str | None = None

    def file(self, kind: str) -> str:
        """The bundle path of a kind of file (`departments`, ...): the manifest's or the default."""
        return self.files.get(kind, DEFAULT_FILES[kind])


def read_manifest(text: str, problems: Problems) -> Manifest | None:
    """The manifest, checked; None when it is not TOML at all. Problems go to `problems`."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE.search(str(exc))
        line, column = (int(place[1]), int(place[2])) if place else (None, None)
        message = _TOML_PLACE.sub("", str(exc)).strip()
        problems.add(MANIFEST, line, column, f"not valid TOML: {message}")
        return None
    places = _KeyPlaces(text)
    fields = _Fields(document, places, problems)
    fields.check_format()
    return Manifest(
        settings=fields.settings(),
        layers=fields.layers(),
        basemap=fields.basemap(),
        files=fields.files(),
        given_time_zone=fields.given_time_zone(),
    )


class _KeyPlaces:
    """Where each key of the manifest is written, to name a wrong value's line and column."""

    _HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]")
    _KEY = re.compile(r"\s*([A-Za-z0-9_\-]+)\s*=")

    def __init__(self, text: str) -> None:
        self._places: dict[tuple[str, int, str], tuple[int, int]] = {}
        table, index = "", 0
        counts: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                table = header[2]
                index = counts.get(table, 0)
                counts[table] = index + 1 if header[1] == "[[" else index
                self._places.setdefault((table, index, ""), (number, header.start(1) + 1))
                continue
            key = self._KEY.match(line)
            if key:
                self._places.setdefault((table, index, key[1]), (number, key.start(1) + 1))

    def of(self, table: str, key: str = "", index: int = 0) -> tuple[int | None, int | None]:
        place = self._places.get((table, index, key)) or self._places.get((table, index, ""))
        return place if place else (None, None)


class _Fields:
    """Reads and checks the manifest's values, each problem at its key."""

    def __init__(self, document: dict[str, Any], places: _KeyPlaces, problems: Problems) -> None:
        self._document = document
        self._places = places
        self._problems = problems

    def problem(self, table: str, key: str, message: str, index: int = 0) -> None:
        line, column = self._places.of(table, key, index)
        self._problems.add(MANIFEST, line, column, message)

    def check_format(self) -> None:
        version = self._document.get("format")
        if version is None:
            self.problem("", "format", f"format = {FORMAT_VERSION} is missing")
        elif version != FORMAT_VERSION:
            self.problem("", "format", f"format {version!r}: this console reads {FORMAT_VERSION}")

    def table(self, name: str, *, required: bool) -> dict[str, Any] | None:
        value = self._document.get(name)
        if value is None:
            if required:
                self.problem("", "", f"the [{name}] table is missing")
            return None
        if not isinstance(value, dict):
            self.problem("", name, f"{name} must be a table ([{name}])")
            return None
        return value

    def text(
        self, table: str, values: Mapping[str, Any], key: str, index: int = 0, *, required: bool
    ) -> str | None:
        value = values.get(key)
        if value is None:
            if required:
                self.problem(table, "", f"{key} is missing from [{table}]", index)
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(table, key, f"{key} must be a non-empty text in quotes", index)
            return None
        return value.strip()

    def point(self, values: Mapping[str, Any], key: str) -> tuple[float, float] | None:
        value = values.get(key)
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(item, int | float) and not isinstance(item, bool) for item in value)
            and -90 <= value[0] <= 90
            and -180 <= value[1] <= 180
        ):
            return float(value[0]), float(value[1])
        self.problem("city", key, f"{key} must be [latitude, longitude], like [42.36, -71.06]")
        return None

    def settings(self) -> CitySettings | None:
        city = self.table("city", required=True)
        if city is None:
            return None
        count = len(self._problems)
        name = self.text("city", city, "name", required=True)
        if name and len(name) > _MAX_NAME_CHARS:
            self.problem("city", "name", f"name is longer than {_MAX_NAME_CHARS} characters")
        time_zone = self.text("city", city, "time_zone", required=True)
        if time_zone and not is_time_zone(time_zone):
            self.problem("city", "time_zone", f"{time_zone!r} is not an IANA time zone")
        region = self.text("city", city, "phone_region", required=True)
        if region and region.upper() not in phonenumbers.SUPPORTED_REGIONS:
            self.problem("city", "phone_region", f"{region!r} is not a telephone region code")
        prefix = self.text("city", city, "reference_prefix", required=True)
        if prefix and not _PREFIX.fullmatch(prefix):
            self.problem("city", "reference_prefix", "reference_prefix must be 2 to 5 capitals")
        languages = self.languages(city)
        center = self.point(city, "map_center") if "map_center" in city else None
        if "map_center" not in city:
            self.problem("city", "", "map_center is missing from [city]")
        zoom = city.get("map_zoom", 12)
        if not isinstance(zoom, int) or isinstance(zoom, bool) or not 1 <= zoom <= 20:
            self.problem("city", "map_zoom", "map_zoom must be a whole number from 1 to 20")
        unknown = self.point(city, "unknown_location") if "unknown_location" in city else None
        if len(self._problems) > count:
            return None
        assert name and time_zone and region and prefix and center
        return CitySettings(
            name=name,
            time_zone=time_zone,
            phone_region=region.upper(),
            reference_prefix=prefix,
            languages=languages,
            map_center=center,
            map_zoom=zoom,
            unknown_location=unknown,
        )

    def given_time_zone(self) -> str | None:
        """The time_zone text of [city], without checking it (`settings` does that)."""
        city = self._document.get("city")
        value = city.get("time_zone") if isinstance(city, dict) else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    def languages(self, city: Mapping[str, Any]) -> tuple[str, ...]:
        value = city.get("languages", ["en"])
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and _LANGUAGE.fullmatch(item) for item in value)
        ):
            self.problem("city", "languages", 'languages must be a list of codes like ["en", "es"]')
            return ()
        if len(",".join(value)) > _MAX_LANGUAGES_CHARS or len(set(value)) != len(value):
            self.problem("city", "languages", "languages: too many, or one listed twice")
        return tuple(value)

    def layers(self) -> tuple[LayerSpec, ...]:
        tables = self._document.get("districts")
        if not isinstance(tables, list) or not tables:
            self.problem("", "districts", "at least one [[districts]] table is needed")
            return ()
        specs: list[LayerSpec] = []
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                self.problem("", "districts", "districts must be [[districts]] tables")
                continue
            layer = self.text("districts", table, "layer", index, required=True)
            file = self.text("districts", table, "file", index, required=True)
            code = self.text("districts", table, "code_property", index, required=True)
            name = self.text("districts", table, "name_property", index, required=False)
            crs = self.text("districts", table, "crs", index, required=False)
            if layer and not _LAYER.fullmatch(layer):
                self.problem(
                    "districts", "layer", "layer must be a short lower-case code like ward", index
                )
            elif layer and any(spec.layer == layer for spec in specs):
                self.problem("districts", "layer", f"layer {layer!r} is given twice", index)
            elif layer and file and code:
                specs.append(LayerSpec(layer, file, code, name, crs))
        return tuple(specs)

    def basemap(self) -> Basemap | None:
        table = self.table("basemap", required=False)
        if table is None:
            return None
        return Basemap(
            streets=self.text("basemap", table, "streets", required=False),
            tiles=self.text("basemap", table, "tiles", required=False),
            attribution=self.text("basemap", table, "attribution", required=False) or "",
        )

    def files(self) -> dict[str, str]:
        table = self.table("files", required=False) or {}
        files: dict[str, str] = {}
        for kind in table:
            if kind not in DEFAULT_FILES:
                known = ", ".join(DEFAULT_FILES)
                self.problem("files", kind, f"{kind!r} is not a kind of file (known: {known})")
                continue
            path = self.text("files", table, kind, required=True)
            if path:
                files[kind] = path
        return files


def is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
