"""Read and check the demo city (its bundle and its request history) before seeding."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from operator_console.domain.lifecycle import ClosureReason
from operator_console.services.city_bundle.model import CityBundle
from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.storage.demo_city import files
from operator_console.storage.demo_city.files import DemoDataError

T = TypeVar("T")
CLOSURE_REASONS = frozenset(reason.value for reason in ClosureReason)
WARD_LAYER = "ward"


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
    """The demo city's bundle and its request history, checked against each other."""

    bundle: CityBundle
    requests: list[RequestRow]


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
    """The bundle in `data_dir` and its demo history, checked; DemoDataError names the file."""
    try:
        bundle = read_bundle(data_dir)
    except BundleInvalid as exc:
        problems = "\n".join(f"{data_dir}/{problem}" for problem in exc.problems)
        raise DemoDataError(f"The demo city bundle is not usable:\n{problems}") from None
    requests_path = files.history_file(data_dir)
    requests = _convert_rows(
        requests_path, files.read_csv_gz(requests_path, files.REQUEST_COLUMNS), _request_row
    )
    demo = DemoCity(bundle, requests)
    _check_references(demo, requests_path)
    return demo


def _check_references(demo: DemoCity, requests_path: Path) -> None:
    bundle = demo.bundle
    services = {service.service_code for service in bundle.services}
    queues = {queue.code for queue in bundle.queues}
    wards = {
        district.code
        for layer in bundle.layers
        if layer.layer == WARD_LAYER
        for district in layer.districts
    }

    def check(what: str, used: set[str], known: set[str]) -> None:
        unknown = sorted(used - known - {""})
        if unknown:
            listed = ", ".join(map(repr, unknown[:5]))
            raise DemoDataError(f"{requests_path}: unknown {what} {listed}.")

    check("service", {row.service for row in demo.requests}, services)
    check("queue", {row.queue for row in demo.requests}, queues)
    check("ward", {row.ward for row in demo.requests}, wards)
    refs = {row.address_ref for row in demo.requests if row.address_ref is not None}
    if refs and (min(refs) < 0 or max(refs) >= len(bundle.addresses)):
        raise DemoDataError(f"{requests_path}: address_ref outside the bundle's addresses.")
