"""Derive the demo city from Boston open data: `python -m <this module> --boston DIR --out DIR`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from operator_console.services.city_bundle.writer import write_bundle
from operator_console.storage.demo_city import files
from operator_console.tools.demo_city import hand_written
from operator_console.tools.demo_city.as_bundle import demo_bundle
from operator_console.tools.demo_city.attribution import attribution_markdown
from operator_console.tools.demo_city.boston_export import BostonCase, read_boston_cases
from operator_console.tools.demo_city.catalog import (
    build_departments,
    build_queues,
    build_routing_rules,
    build_services,
    build_sla_targets,
    sla_policies,
)
from operator_console.tools.demo_city.history import (
    build_addresses,
    build_requests,
    newest_cases,
)
from operator_console.tools.demo_city.wards import Ward, WardLocator, load_wards

REQUESTS_FILE = Path("requests", "311_service_requests_2015_partial.csv.gz")
WARDS_FILE = Path("geo", "boston_wards_2012-2022.geojson")


def city_document(wards: Sequence[Ward], queue_codes: Sequence[str]) -> dict[str, Any]:
    """City settings, business calendar and demo staff with their queues."""
    min_lat = min(ward.min_lat for ward in wards)
    max_lat = max(ward.max_lat for ward in wards)
    min_lon = min(ward.min_lon for ward in wards)
    max_lon = max(ward.max_lon for ward in wards)
    settings = {
        **hand_written.CITY_SETTINGS,
        "map_lat": round((min_lat + max_lat) / 2, 4),
        "map_lon": round((min_lon + max_lon) / 2, 4),
    }
    staff = []
    for member in hand_written.STAFF:
        if member["role"] == "operator":
            queues = list(hand_written.OPERATOR_QUEUE_CODES)
        else:
            prefixes = hand_written.STAFF_QUEUE_PREFIXES.get(member["login"], ())
            queues = [code for code in queue_codes if code.startswith(prefixes)] if prefixes else []
        missing = set(queues) - set(queue_codes)
        if missing:
            raise ValueError(f"staff {member['login']} names unknown queues {missing}")
        staff.append({**member, "queues": queues})
    return {
        "settings": settings,
        "business_calendar": hand_written.BUSINESS_CALENDAR,
        "staff": staff,
    }


def derive(boston_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write every demo city file into `out_dir`; returns the row counts in the manifest."""
    cases: list[BostonCase] = read_boston_cases(boston_dir / REQUESTS_FILE)
    wards = load_wards(boston_dir / WARDS_FILE)
    locator = WardLocator(wards)
    targets = build_sla_targets(cases)
    departments = build_departments(cases)
    queues = build_queues(cases)
    services = build_services(cases, targets)
    case_wards = locator.wards_at([case.lat for case in cases], [case.lon for case in cases])
    rules = build_routing_rules(cases, case_wards, services)
    addresses = build_addresses(cases, locator)
    history = newest_cases(cases)
    requests = build_requests(history, addresses, locator)

    out_dir.mkdir(parents=True, exist_ok=True)
    city = city_document(wards, [queue["code"] for queue in queues])
    catalog = {
        "departments": departments,
        "queues": queues,
        "sla_policies": sla_policies(targets),
        "services": services,
    }
    bundle = demo_bundle(out_dir, city, catalog, wards, rules, addresses)
    write_bundle(bundle, out_dir)
    files.write_csv_gz(out_dir / files.REQUESTS, files.REQUEST_COLUMNS, requests)
    counts = {
        "departments": len(departments),
        "queues": len(queues),
        "sla_policies": len(catalog["sla_policies"]),
        "services": len(services),
        "districts": len(wards),
        "routing_rules": len(rules),
        "addresses": len(addresses),
        "requests": len(requests),
        "open_requests": sum(row[3] == "open" for row in requests),
        "source_cases": len(cases),
    }
    with (out_dir / files.MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write(files.demo_table(history[0].opened, history[-1].opened, len(requests)))
    provenance = {
        "city": city["settings"]["name"],
        "newest_source_opening": history[-1].opened.isoformat(),
        "oldest_source_opening": history[0].opened.isoformat(),
        "counts": counts,
    }
    markdown = attribution_markdown(provenance, services, rules)
    (out_dir / files.ATTRIBUTION).write_text(markdown, encoding="utf-8")
    return counts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--boston", type=Path, required=True, help="folder with requests/ and geo/")
    parser.add_argument("--out", type=Path, required=True, help="e.g. resources/demo_city")
    arguments = parser.parse_args(argv)
    counts = derive(arguments.boston, arguments.out)
    for name, count in counts.items():
        print(f"{name:>15}: {count}")


if __name__ == "__main__":
    main()
