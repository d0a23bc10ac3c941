"""The Open311 server's throughput: POST and GET requests per second, and their 95th
percentile latency, with 1 and then 4 server processes on one PostgreSQL database.

Run: .venv/bin/python benchmarks/bench_open311.py [--posts 2000] [--gets 4000]
         [--concurrency 32] [--workers 1 4]

It seeds the demo city once, then for each count of processes starts `operator-console open311
serve --workers N` (uvicorn, the real command) as the server's own login on a fresh copy of it,
POSTs a request at a time from `--concurrency` clients at once (each through intake: routing,
SLA, duplicate candidates, the 'received' message), then GETs them back one by one through
requests/{id}.json and requests.json lists. Clients and servers share this machine: with few
cores the clients take part of what the servers could use.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import create_engine, text

from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.demo_city.seed import seed_demo
from tests.support.open311_server import free_port, make_open311_login, new_client
from tests.support.pg_cluster import PgCluster

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bench_open311_demo"
# Around the Back Bay, spread so that duplicate candidates stay few, as in a city's day.
PLACES = [(42.3400 + (n % 40) * 0.0008, -71.0950 + (n // 40 % 40) * 0.0008) for n in range(1600)]
SERVICES = ("abandoned-bicycle", "graffiti-removal", "street-light-outages")


def _form(n: int, key: str) -> dict[str, str]:
    lat, lon = PLACES[n % len(PLACES)]
    code = SERVICES[n % len(SERVICES)]
    form = {
        "api_key": key,
        "service_code": code,
        "lat": f"{lat:.6f}",
        "long": f"{lon:.6f}",
        "description": f"Benchmark request {n}: reported from the resident app.",
        "email": f"resident{n}@example.org",
    }
    return form


def _fresh(cluster: PgCluster, name: str, template: str | None = None) -> str:
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        copy = f" TEMPLATE {template}" if template else ""
        connection.execute(text(f"CREATE DATABASE {name}{copy}"))
    admin.dispose()
    return cluster.url(name)


def _answers_for(service_code: str, url: str) -> dict[str, str]:
    """Every required question of the service answered (graffiti asks some)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.code, a.datatype, a.allowed_values FROM service_attributes a "
                "JOIN services s ON s.id = a.service_id WHERE s.code = :code AND a.required"
            ),
            {"code": service_code},
        ).all()
    engine.dispose()
    answers = {}
    for code, datatype, values in rows:
        if values:
            answers[f"attribute[{code}]"] = str(values[0]["key"])
        else:
            answers[f"attribute[{code}]"] = "1" if datatype == "number" else "benchmark"
    return answers


async def _run(
    base: str, requests: list[tuple[str, str, dict[str, str] | None]], concurrency: int
) -> tuple[float, list[float], list[httpx.Response]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    answers: list[httpx.Response] = []
    queue: asyncio.Queue[tuple[str, str, dict[str, str] | None]] = asyncio.Queue()
    for request in requests:
        queue.put_nowait(request)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker() -> None:
            while not queue.empty():
                method, path, form = queue.get_nowait()
                started = time.perf_counter()
                answer = await client.request(method, path, data=form)
                latencies.append(time.perf_counter() - started)
                answers.append(answer)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies, answers


def _p95(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=20, method="inclusive")[18] * 1000


def _server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "operator-console"),
        "--database-url",
        url,
        "open311",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"{base}/services.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)  # still starting
    raise SystemExit(f"the server did not answer within {seconds:.0f} s")


def _round(cluster: PgCluster, workers: int, posts: int, gets: int, concurrency: int) -> None:
    url = _fresh(cluster, f"bench_open311_{workers}", TEMPLATE)
    key = new_client(url, f"bench {workers}", per_minute=10_000_000)
    answers = {code: _answers_for(code, url) for code in SERVICES}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _server(make_open311_login(url), port, workers)
    try:
        _wait_until_up(base, server)
        filing = [
            ("POST", "/requests.json", _form(n, key) | answers[SERVICES[n % len(SERVICES)]])
            for n in range(posts)
        ]
        elapsed, latencies, filed = asyncio.run(_run(base, filing, concurrency))
        refused = [answer.text for answer in filed if answer.status_code != 201]
        if refused:
            raise SystemExit(f"{len(refused)} POSTs refused, the first: {refused[0]}")
        print(
            f"{workers} process(es): POST {posts} in {elapsed:.2f} s, {posts / elapsed:,.0f}/s, "
            f"p95 {_p95(latencies):.0f} ms"
        )
        references = [answer.json()[0]["service_request_id"] for answer in filed]
        reads: list[tuple[str, str, dict[str, str] | None]] = [
            ("GET", f"/requests/{references[n % len(references)]}.json", None)
            if n % 4
            else ("GET", f"/requests.json?service_code={SERVICES[n % 3]}", None)
            for n in range(gets)
        ]
        elapsed, latencies, read = asyncio.run(_run(base, reads, concurrency))
        failed = [answer.text for answer in read if answer.status_code != 200]
        if failed:
            raise SystemExit(f"{len(failed)} GETs failed, the first: {failed[0]}")
        print(
            f"{workers} process(es): GET {gets} (3 in 4 one request, 1 in 4 a list of up to "
            f"1,000) in {elapsed:.2f} s, {gets / elapsed:,.0f}/s, p95 {_p95(latencies):.0f} ms"
        )
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--gets", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    print(
        f"{platform.node()}: Python {platform.python_version()}, {platform.platform()}, "
        f"{os.cpu_count()} CPUs"
    )
    cluster = PgCluster(max_connections=300).start()
    try:
        engine = make_engine(_fresh(cluster, TEMPLATE))
        schema.upgrade(engine)
        seed_demo(engine)
        engine.dispose()
        for workers in args.workers:
            _round(cluster, workers, args.posts, args.gets, args.concurrency)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
