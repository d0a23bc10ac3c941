"""The ATTRIBUTION.md that ships with the demo city: sources, derivation and hand-written parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from operator_console.tools.demo_city import history, sla_targets, wards
from operator_console.tools.demo_city.catalog import (
    NO_DUPLICATES_UNKNOWN_SHARE,
    STAFF_ONLY_EMPLOYEE_SHARE,
    WARD_RULE_MIN_CASES,
    WARD_RULE_MIN_SHARE,
)

_TEMPLATE = """# Demo city "{city}": sources and attribution

The demo city is derived from real, published open data of the City of Boston. Nothing in the
request history, addresses, services, queues or ward boundaries is invented; the parts that are
hand-written are listed below. It is a city bundle (see docs/city-bundle.md), loaded by the same
code as any city's, plus its request history (`requests.csv.gz`, named in the `[demo]` table of
`city.toml`), which only the demo has. Regenerate every file (byte for byte) from the project
root, with the two source files below in a folder BOSTON as
`requests/311_service_requests_2015_partial.csv.gz` and `geo/boston_wards_2012-2022.geojson`,
with

    python -m operator_console.tools.demo_city.derive \\
        --boston BOSTON --out resources/demo_city

## Sources

* **311 Service Requests, 2015** — City of Boston, published on Analyze Boston
  (data.boston.gov) under the Open Data Commons Public Domain Dedication and License
  (ODC-PDDL). Copy used: `johnsliao/bostonservicemap` @ f19ec622fe61786a6139ecb8120e006e953e232f :
  `cartoDB_data/*.csv` (158 per-type CSVs concatenated, header once, as
  `311_service_requests_2015_partial.csv.gz`: {source_cases:,} cases opened in 2015). Five
  high-volume types are missing from that copy (Parking Enforcement, Request for Pothole
  Repair, Request for Snow Plowing, Requests for Street Cleaning, Schedule a Bulk Item Pickup).
* **Ward boundaries 2012–2022** — City of Boston ward polygons, copied from
  `dashamet/Boston-Elections` @ d36e3002ea8d7061e1c9d77298fa7eea8ca3f15c : `Wards.geojson`.
* **Streets** (`streets.geojson.gz`, and the street base map `streets.mbtiles` drawn from it) —
  OpenStreetMap data, © OpenStreetMap contributors, Open Database License (ODbL) 1.0; source,
  licence and how the tiles are built in `streets-LICENSE.md`.

## What was derived, and how

* `services.json`, `services/<code>.json`, `service_settings.csv`, `departments.csv`,
  `queues.csv` — {services} services, one per 311 `TYPE` (code = slug of the type, group =
  its most common `REASON`); {departments} departments from `Department` (Boston's codes kept,
  readable names hand-written); {queues} queues from `QUEUE`, each owned by the department that
  handled most of its cases. A service's default queue is the queue most of its cases went to.
  Services whose cases came from city staff in >= {staff_only:.0%} of cases (Employee Generated,
  City Worker App, Maximo) are staff-only; duplicate search is off for services where >=
  {no_dups:.0%} of cases had no known location.
* `sla_policies.csv` ({sla_policies} policies, on the calendar of `calendars.csv`) — from
  `TARGET_DT - OPEN_DT` per type, needing at least {min_samples} targets on at least
  {min_coverage:.0%} of the type's cases (others have no SLA). When the median is under
  {calendar_limit:g} hours the policy runs on the calendar clock (rounded to the hour): such
  targets are round-the-clock promises. Otherwise it runs on the
  business clock (Mon–Fri 08:00–17:00, US/MA public holidays): the median *working* time
  between opening and target, rounded to whole working days (to a multiple of 5 days above
  {round_above} days, as a department would publish it).
* `districts/ward.geojson` — the 22 wards (layer `ward`, code "5", name "Ward 5"), simplified with
  shapely `simplify({tolerance}, preserve_topology=True)` and rounded to {decimals} decimals.
* `routing.csv` — {routing_rules} rules: each service's default queue (rank 100), plus a
  service x ward rule (rank 10) where that ward's cases mostly went to another queue
  (>= {min_share:.0%} of the ward's cases and >= {min_cases} cases). Wards are found by
  point-in-polygon on the simplified wards; cases at the City Hall "location unknown"
  coordinate (42.3594, -71.0587) are left out.
* `addresses.csv.gz` — {addresses:,} distinct addresses and intersections from `Location` /
  `LOCATION_STREET_NAME` (house number, street, neighbourhood, ZIP) with their coordinate (the
  most frequent one per address); the locality column is the neighbourhood and the state.
  Rows at the "location unknown" coordinate and streets without a house number (or number 0)
  are left out. Loading finds each point's ward and builds the full address ("29 Hereford St,
  Boston, MA 02115") and the search key ("29 hereford st").
* `requests.csv.gz` — the {requests:,} most recently opened cases
  ({oldest} to {newest}).
  Times are stored in seconds relative to the newest opening, which becomes "now" when the
  demo is seeded. Cases open at that moment stay open ({open_requests:,}), including those
  the city closed later. `CLOSURE_REASON` is mapped to the console's closure reasons (any
  mention of a duplicate -> duplicate, with the parent case when it is in the set; referral ->
  referred; invalid, noted, no violation, no access -> no further action; the rest -> fixed),
  and the original text is kept as the closure note. Channel from `Source` (Constituent Call
  -> phone, Citizens Connect App -> app, Self Service -> self_service, Employee Generated and
  City Worker App -> employee, Maximo Integration -> integration, Twitter -> social).
  Description from `CASE_TITLE`. Cases at the "location unknown" coordinate keep it: they are
  real, and the console treats that point as "unknown".

## Hand-written (not from the data)

* City settings in `city.toml` (name "{city}", time zone, phone region, reference prefix, map
  zoom; the map centre is the middle of the wards) and the business calendar.
* `staff.csv`: the demo staff.
* Readable department names, the synonyms added to service keywords ("pothole",
  "streetlight out", "graffiti", "missed trash", ...), default priorities, and staff names
  and logins (fictional people).
* The questions (Open311 service attributes) of these services, written for the demo:
{questions}

Code: `src/operator_console/tools/demo_city/` (`hand_written.py`, `questions.py` hold the
hand-written parts).
"""


def attribution_markdown(
    manifest: dict[str, Any], services: Sequence[dict[str, Any]], rules: Sequence[object]
) -> str:
    counts = manifest["counts"]
    with_questions = [service["name"] for service in services if service["attributes"]]
    return _TEMPLATE.format(
        city=manifest["city"],
        oldest=manifest["oldest_source_opening"],
        newest=manifest["newest_source_opening"],
        staff_only=STAFF_ONLY_EMPLOYEE_SHARE,
        no_dups=NO_DUPLICATES_UNKNOWN_SHARE,
        min_samples=sla_targets.MIN_TARGET_SAMPLES,
        min_coverage=sla_targets.MIN_TARGET_COVERAGE,
        round_above=sla_targets.ROUND_TO_FIVE_ABOVE_DAYS,
        calendar_limit=sla_targets.CALENDAR_CLOCK_LIMIT_HOURS,
        tolerance=wards.SIMPLIFY_TOLERANCE_DEGREES,
        decimals=wards.COORDINATE_DECIMALS,
        min_share=WARD_RULE_MIN_SHARE,
        min_cases=WARD_RULE_MIN_CASES,
        questions="\n".join(f"  * {name}" for name in with_questions),
        history_size=history.HISTORY_SIZE,
        **counts,
    )
