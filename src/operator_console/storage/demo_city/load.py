"""Read and check every demo city file before the seeder touches the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from operator_console.domain.lifecycle import ClosureReason
from operator_console.storage.demo_city import files
from operator_console.storage.demo_city.files import DemoDataError

T = TypeVar("T")
CLOSURE_REASONS = frozenset(reason.value for reason in ClosureReason)


@dataclass(frozen=True)
class AddressRow:
    house_number: str
    street: str
    locality: str
    zipcode: str
    lat: float
    lon: float
    ward: str


@dataclass(frozen=True)
class RequestRow:
    case_id: str
    service: str
    queue: str
    is_open: bool
    opened_s: int
    due_s: int | None
    closed_s: int | None
    closure: str
    closure_note: str
    parent_case_id: str
    channel: str
    lat: float
    lon: float
    ward: str
    address: str
    address_ref: int | None
    description: str


@dataclass(frozen=True)
class DemoCity:
    """The whole demo city, checked: every code it refers to exists."""

    city: dict[str, Any]
    catalog: dict[str, Any]
    districts: list[dict[str, Any]]
    routing: list[dict[str, Any]]
    addresses: list[AddressRow]
    requests: list[RequestRow]


def _require(document: Any, keys: Sequence[str], where: str) -> None:
    if not isinstance(document, dict):
        raise DemoDataError(f"{where}: expected an object, found {type(document).__name__}.")
    missing = [key for key in keys if key not in document]
    if missing:
        raise DemoDataError(f"{where}: missing {', '.join(missing)}.")


def _list_of_objects(document: Any, keys: Sequence[str], where: str) -> list[dict[str, Any]]:
    if not isinstance(document, list) or not document:
        raise DemoDataError(f"{where}: expected a non-empty list.")
    for index, item in enumerate(document):
        _require(item, keys, f"{where}[{index}]")
    return document


def _optional_int(text: str) -> int | None:
    return int(text) if text else None


def _convert_rows(
    path: Path, rows: list[dict[str, str]], convert: Callable[[dict[str, str]], T]
) -> list[T]:
    converted = []
    for line, row in enumerate(rows, start=2):
        try:
            converted.append(convert(row))
        except ValueError as exc:
            raise DemoDataError(f"{path}, line {line}: {exc}.") from exc
    return converted


def _address_row(row: dict[str, str]) -> AddressRow:
    return AddressRow(
        row["house_number"],
        row["street"],
        row["locality"],
        row["zipcode"],
        float(row["lat"]),
        float(row["lon"]),
        row["ward"],
    )


def _request_row(row: dict[str, str]) -> RequestRow:
    if row["status"] not in ("open", "closed"):
        raise ValueError(f"status {row['status']!r} is neither open nor closed")
    if row["status"] == "closed" and row["closure"] not in CLOSURE_REASONS:
        raise ValueError(f"closure {row['closure']!r} is not one of {sorted(CLOSURE_REASONS)}")
    return RequestRow(
        case_id=row["case_id"],
        service=row["service"],
        queue=row["queue"],
        is_open=row["status"] == "open",
        opened_s=int(row["opened_s"]),
        due_s=_optional_int(row["due_s"]),
        closed_s=_optional_int(row["closed_s"]),
        closure=row["closure"],
        closure_note=row["closure_note"],
        parent_case_id=row["parent_case_id"],
        channel=row["channel"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        ward=row["ward"],
        address=row["address"],
        address_ref=_optional_int(row["address_ref"]),
        description=row["description"],
    )


def load_demo_city(data_dir: Path) -> DemoCity:
    """All files of `data_dir`, checked against each other; DemoDataError names the bad file."""
    manifest_path = data_dir / files.MANIFEST
    manifest = files.read_json(manifest_path)
    _require(manifest, ["format", "counts"], str(manifest_path))
    if manifest["format"] != files.FORMAT_VERSION:
        raise DemoDataError(
            f"{manifest_path}: format {manifest['format']!r}, this console reads "
            f"{files.FORMAT_VERSION}; re-run the derivation."
        )
    city_path, catalog_path = data_dir / files.CITY, data_dir / files.CATALOG
    city = files.read_json(city_path)
    _require(city, ["settings", "business_calendar", "staff"], str(city_path))
    catalog = files.read_json(catalog_path)
    _require(catalog, ["departments", "queues", "sla_policies", "services"], str(catalog_path))
    for section, keys in {
        "departments": ["code", "name"],
        "queues": ["code", "name", "department"],
        "sla_policies": ["code", "name", "clock", "target_hours"],
        "services": ["code", "name", "group", "sla_policy", "default_queue", "attributes"],
    }.items():
        _list_of_objects(catalog[section], keys, f"{catalog_path}: {section}")
    districts_path, routing_path = data_dir / files.DISTRICTS, data_dir / files.ROUTING
    districts = _list_of_objects(
        files.read_json(districts_path),
        ["layer", "code", "name", "bbox", "geometry"],
        str(districts_path),
    )
    routing = _list_of_objects(
        files.read_json(routing_path),
        ["service", "ward", "queue", "rank", "note"],
        str(routing_path),
    )
    addresses_path, requests_path = data_dir / files.ADDRESSES, data_dir / files.REQUESTS
    addresses = _convert_rows(
        addresses_path, files.read_csv_gz(addresses_path, files.ADDRESS_COLUMNS), _address_row
    )
    requests = _convert_rows(
        requests_path, files.read_csv_gz(requests_path, files.REQUEST_COLUMNS), _request_row
    )
    counts = manifest["counts"]
    for path, rows, key in (
        (addresses_path, addresses, "addresses"),
        (requests_path, requests, "requests"),
    ):
        if len(rows) != counts.get(key):
            raise DemoDataError(
                f"{path}: {len(rows)} rows, but {manifest_path} says {counts.get(key)}; "
                "the file is truncated or from another derivation."
            )
    demo = DemoCity(city, catalog, districts, routing, addresses, requests)
    _check_references(demo, data_dir)
    return demo


def _check_references(demo: DemoCity, data_dir: Path) -> None:
    catalog_path = data_dir / files.CATALOG
    departments = {item["code"] for item in demo.catalog["departments"]}
    queues = {item["code"] for item in demo.catalog["queues"]}
    policies = {item["code"] for item in demo.catalog["sla_policies"]}
    services = {item["code"] for item in demo.catalog["services"]}
    wards = {item["code"] for item in demo.districts}

    def check(path: Path, what: str, used: set[str], known: set[str]) -> None:
        unknown = sorted(used - known - {""})
        if unknown:
            raise DemoDataError(f"{path}: unknown {what} {', '.join(map(repr, unknown[:5]))}.")

    check(
        catalog_path, "department", {q["department"] for q in demo.catalog["queues"]}, departments
    )
    services_list = demo.catalog["services"]
    check(catalog_path, "queue", {s["default_queue"] for s in services_list}, queues)
    check(catalog_path, "SLA policy", {s["sla_policy"] or "" for s in services_list}, policies)
    routing_path = data_dir / files.ROUTING
    check(routing_path, "service", {rule["service"] for rule in demo.routing}, services)
    check(routing_path, "queue", {rule["queue"] for rule in demo.routing}, queues)
    check(routing_path, "ward", {rule["ward"] or "" for rule in demo.routing}, wards)
    staff_queues = {code for member in demo.city["staff"] for code in member.get("queues", [])}
    check(data_dir / files.CITY, "queue", staff_queues, queues)
    requests_path = data_dir / files.REQUESTS
    check(requests_path, "service", {row.service for row in demo.requests}, services)
    check(requests_path, "queue", {row.queue for row in demo.requests}, queues)
    check(requests_path, "ward", {row.ward for row in demo.requests}, wards)
    refs = {row.address_ref for row in demo.requests if row.address_ref is not None}
    if refs and (min(refs) < 0 or max(refs) >= len(demo.addresses)):
        raise DemoDataError(f"{requests_path}: address_ref outside {data_dir / files.ADDRESSES}.")
