"""Case search at scale: 2,000,000 requests, ten years of closed history, callers and notes.

Run: .venv/bin/python benchmarks/bench_search.py [--requests 2000000] [--searches 200]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import Engine, create_engine, event, func, select, text

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.search.query import SearchQuery
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city
from operator_console.storage.db.tables import service_requests as r
from operator_console.storage.demo_city.seed import seed_demo
from operator_console.storage.feeds.postgres import conninfo_for
from operator_console.storage.search.reads import SqlSearchReads
from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import login_of, make_staff_login

COLUMNS = [
    *("reference", "client_uuid", "service_id", "status", "priority", "lat", "lon", "address"),
    *("district_id", "description", "answers", "channel", "callers_count", "queue_id"),
    *("caller_id", "created_by", "created_at", "routed_at", "updated_at", "resolved_at"),
    *("closed_at", "closure_reason", "version"),
]
YEARS = 10
OPEN_SHARE = 0.05
CALLER_SHARE = 0.4
CALLERS = 400_000
NOTE_EVERY = 10
"""One request in this many gets a note."""
FIRST_SEQUENCE = 200_000
"""Generated references start past the demo city's own."""
FIRST_NAMES = [
    "Maria",
    "Jose",
    "Ana",
    "Juan",
    "Luis",
    "Carmen",
    "James",
    "John",
    "Robert",
    "Michael",
    "Mary",
    "Patricia",
    "Linda",
    "Barbara",
    "Wei",
    "Min",
    "Mohammed",
    "Fatima",
    "Aisha",
    "Omar",
    "Olga",
    "Ivan",
    "Dmitri",
    "Priya",
    "Ravi",
    "Anil",
    "Sean",
    "Siobhan",
    "Kevin",
    "Nguyen",
    "Thanh",
    "Lan",
    "Kwame",
    "Ama",
    "Yaw",
    "Chloe",
    "Emma",
    "Liam",
    "Noah",
    "Olivia",
    "Sofia",
    "Lucas",
    "Mateo",
    "Camila",
]
LAST_NAMES = [
    "Alvarez",
    "Garcia",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Murphy",
    "Sullivan",
    "Kelly",
    "OBrien",
    "Walsh",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Patel",
    "Shah",
    "Singh",
    "Kumar",
    "Okafor",
    "Mensah",
    "Diallo",
    "Pereira",
]
NOTES = (
    "Resident called back, the problem is still there",
    "Crew scheduled for next week",
    "Inspector visited, referred to the contractor",
    "Caller says orange cones were left behind",
    "Spoke with the property manager about access to the rear alley",
    "Duplicate report from a neighbour, same location",
    "Parts on order, expected within ten days",
    "Tree crew needs a bucket truck for the overhead branches",
)
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "is",
        "was",
        "are",
        "be",
        "this",
        "that",
    ]
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def load(engine: Engine, url: str, total: int, seed: int = 13) -> dict[str, object]:
    """COPY callers, then requests up to `total` (ten years, mostly closed), then notes."""
    rng = random.Random(seed)
    with engine.connect() as connection:
        sample = [
            tuple(row)
            for row in connection.execute(
                select(
                    r.c.service_id,
                    r.c.priority,
                    r.c.lat,
                    r.c.lon,
                    r.c.address,
                    r.c.district_id,
                    r.c.description,
                    r.c.queue_id,
                ).where(r.c.address != "", r.c.description != "")
            )
        ]
        existing = connection.execute(select(func.count()).select_from(r)).scalar_one()
        prefix = connection.execute(select(city.c.reference_prefix)).scalar_one()
    now = datetime.now(UTC)
    phones: list[str] = []
    with psycopg.connect(conninfo_for(url)) as connection:
        first_caller = connection.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM callers"
        ).fetchone()[0]  # type: ignore[index]
        with connection.cursor().copy("COPY callers (phone, name, created_at) FROM STDIN") as copy:
            seen: set[str] = set()
            while len(phones) < CALLERS:
                phone = f"+1617{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
                if phone in seen:
                    continue
                seen.add(phone)
                phones.append(phone)
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                copy.write_row((phone, name, now - timedelta(days=rng.uniform(0, 365 * YEARS))))
        connection.execute("ALTER TABLE service_requests DISABLE TRIGGER USER")
        sequences: dict[int, int] = {}
        references: list[str] = []
        called: list[str] = []
        with connection.cursor().copy(
            f"COPY service_requests ({', '.join(COLUMNS)}) FROM STDIN"
        ) as copy:
            for _ in range(total - existing):
                is_open = rng.random() < OPEN_SHARE
                service_id, priority, lat, lon, address, district, description, queue = rng.choice(
                    sample
                )
                age = (
                    rng.uniform(0, 120 * 86400) if is_open else rng.uniform(0, YEARS * 365 * 86400)
                )
                created = now - timedelta(seconds=age)
                sequence = sequences.get(created.year, FIRST_SEQUENCE) + 1
                sequences[created.year] = sequence
                reference = f"{prefix}-{created.year % 100:02d}-{sequence:06d}"
                references.append(reference)
                closed = None if is_open else created + timedelta(days=rng.uniform(0.1, 20))
                caller = None
                if rng.random() < CALLER_SHARE:
                    index = rng.randrange(CALLERS)
                    caller = first_caller + index
                    called.append(phones[index])
                copy.write_row(
                    (
                        reference,
                        str(uuid.UUID(int=rng.getrandbits(128))),
                        service_id,
                        rng.choice(("in_queue", "assigned")) if is_open else "closed",
                        priority,
                        lat,
                        lon,
                        address,
                        district,
                        description,
                        "{}",
                        "phone",
                        1,
                        queue,
                        caller,
                        "import",
                        created,
                        created,
                        closed or created,
                        closed,
                        closed,
                        None if is_open else "fixed",
                        1,
                    )
                )
        connection.execute("ALTER TABLE service_requests ENABLE TRIGGER USER")
        notes = ", ".join("'" + note.replace("'", "''") + "'" for note in NOTES)
        connection.execute(
            "INSERT INTO request_events (request_id, at, actor, kind, reason, public) "
            "SELECT id, created_at + interval '1 day', 'import', 'note', "
            f"(ARRAY[{notes}])[1 + id % {len(NOTES)}], false FROM service_requests "
            f"WHERE created_by = 'import' AND id % {NOTE_EVERY} = 0"
        )
        connection.commit()
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    return {"references": references, "phones": called, "sample": sample}


def spoken(reference: str) -> str:
    """ "BOS-19-204711" as an operator types it when read aloud: "19 204711"."""
    _, year, sequence = reference.split("-")
    return f"{year} {int(sequence)}"


def formatted(phone: str) -> str:
    """ "+16175550123" as "(617) 555-0123"."""
    return f"({phone[2:5]}) {phone[5:8]}-{phone[8:]}"


def description_words(description: str, rng: random.Random) -> str:
    words = [
        w for w in description.lower().replace(",", " ").split() if w.isalpha() and w not in STOP
    ]
    if len(words) < 2:
        return " ".join(words) or "pothole"
    start = rng.randrange(len(words) - 1)
    return " ".join(words[start : start + 2])


def measure(search: Callable[[str], int], texts: list[str]) -> tuple[list[float], float]:
    times = []
    found = 0
    for typed in texts:
        start = time.perf_counter()
        found += search(typed) > 0
        times.append((time.perf_counter() - start) * 1000)
    return times, found / len(texts)


def explain(engine: Engine, desk: CaseSearch, typed: str) -> None:
    """Print the plan PostgreSQL ran for each statement of one search of `typed`."""
    statements: list[tuple[str, object]] = []

    def record(
        _conn: object, _cursor: object, statement: str, parameters: object, *_: object
    ) -> None:
        if "service_requests" in statement or "callers" in statement:
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    desk.search(SearchQuery(typed))
    event.remove(engine, "before_cursor_execute", record)
    print(f"plans of {typed!r}:")
    with SqlSearchReads(engine) as reads:
        for statement, parameters in statements:
            plan = reads.connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, COSTS OFF) " + statement,
                parameters,  # type: ignore[arg-type]
            ).scalars()
            print("\n".join("    " + line for line in plan))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2_000_000)
    parser.add_argument("--searches", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(5)
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        url = cluster.url("bench")
        engine = make_engine(url)
        started = time.perf_counter()
        schema.upgrade(engine)
        seed_demo(engine)
        loaded = load(engine, url, args.requests)
        print(
            f"loaded {args.requests} requests in {time.perf_counter() - started:.0f} s", flush=True
        )
        engine.dispose()
        operator_url = make_staff_login(url, "operator")
        engine = make_engine(operator_url)
        print(f"searching as {login_of(operator_url)}, {platform.python_version()}", flush=True)
        desk = CaseSearch(
            lambda: SqlSearchReads(engine),
            StaffIdentity(login_of(operator_url), "Bench", "operator"),
        )

        def search(typed: str) -> int:
            return len(desk.search(SearchQuery(typed)))

        references = loaded["references"]
        phones = loaded["phones"]
        sample = loaded["sample"]
        assert isinstance(references, list) and isinstance(phones, list)
        assert isinstance(sample, list)
        kinds = {
            "reference (spoken, no prefix)": [
                spoken(rng.choice(references)) for _ in range(args.searches)
            ],
            "phone (formatted)": [formatted(rng.choice(phones)) for _ in range(args.searches)],
            "address words": [rng.choice(sample)[4].split(",")[0] for _ in range(args.searches)],
            "description words": [
                description_words(rng.choice(sample)[6], rng) for _ in range(args.searches)
            ],
        }
        for typed in kinds["address words"][:3] + kinds["description words"][:3]:
            search(typed)  # warm the caches once, as a console's first search would
        explain(engine, desk, kinds["reference (spoken, no prefix)"][0])
        explain(engine, desk, kinds["phone (formatted)"][0])
        print("| search | p50 | p95 | found |", flush=True)
        print("|---|---|---|---|")
        for kind, texts in kinds.items():
            times, found = measure(search, texts)
            print(
                f"| {kind} ({len(texts)}) | {statistics.median(times):.1f} ms | "
                f"{pct(times, 0.95):.1f} ms | {found:.0%} |",
                flush=True,
            )
            slowest = sorted(zip(times, texts, strict=True), reverse=True)[:3]
            print("  slowest: " + "; ".join(f"{t:.0f} ms {typed!r}" for t, typed in slowest))
        engine.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
