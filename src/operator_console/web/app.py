"""The Open311 GeoReport v2 application: the spec's endpoints and servicerequestupdates, in
JSON and XML, on Starlette."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError
from operator_console.services.open311 import server
from operator_console.services.open311.errors import Open311Error, not_found
from operator_console.services.open311.ports import FilingPorts, KeyGate, PublicReads
from operator_console.web.formats import FORMATS, render
from operator_console.web.query import request_query, updates_range

log = logging.getLogger(__name__)

FORM_TYPE = "application/x-www-form-urlencoded"
MAX_FORM_BYTES = 64 * 1024


@dataclass(frozen=True)
class Open311Backend:
    """What the application answers from: the public reads, the keys, where requests are
    filed, and the clock."""

    reads: PublicReads
    gate: KeyGate
    filing: FilingPorts
    clock: Callable[[], datetime]


def create_app(backend: Open311Backend) -> Starlette:
    """The ASGI application over `backend`."""
    handlers = _Handlers(backend)
    routes = [
        Route("/services.{fmt}", handlers.services),
        Route("/services/{code}.{fmt}", handlers.definition),
        Route("/requests.{fmt}", handlers.requests, methods=["GET", "POST"]),
        Route("/requests/{reference}.{fmt}", handlers.request),
        Route("/tokens/{token}.{fmt}", handlers.token),
        Route("/servicerequestupdates.{fmt}", handlers.updates),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: _http_error})


class _Handlers:
    def __init__(self, backend: Open311Backend) -> None:
        self._backend = backend

    async def services(self, request: Request) -> Response:
        reads = self._backend.reads
        return await _answer(request, "services", server.services_document, reads)

    async def definition(self, request: Request) -> Response:
        code = request.path_params["code"]
        reads = self._backend.reads
        return await _answer(request, "service_definition", server.definition_document, reads, code)

    async def requests(self, request: Request) -> Response:
        if request.method == "POST":
            return await self._post(request)
        reads = self._backend.reads

        def read() -> list[dict[str, object]]:
            return server.requests_document(reads, request_query(request.query_params))

        return await _answer(request, "service_requests", read)

    async def request(self, request: Request) -> Response:
        reference = request.path_params["reference"]
        reads = self._backend.reads
        return await _answer(request, "service_requests", server.request_document, reads, reference)

    async def token(self, request: Request) -> Response:
        token = request.path_params["token"]
        reads = self._backend.reads
        return await _answer(request, "service_requests", server.token_document, reads, token)

    async def updates(self, request: Request) -> Response:
        reads = self._backend.reads

        def read() -> list[dict[str, object]]:
            start, end, limit = updates_range(request.query_params)
            return server.updates_document(reads, start, end, limit)

        return await _answer(request, "service_request_updates", read)

    async def _post(self, request: Request) -> Response:
        backend = self._backend
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != FORM_TYPE:
            problem = f"Send the request as {FORM_TYPE}, not {content_type or 'no content type'}."
            return _errors(Open311Error(415, [problem]), request.path_params["fmt"])
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            problem = f"The form is {len(body):,} bytes; the limit is {MAX_FORM_BYTES:,}."
            return _errors(Open311Error(413, [problem]), request.path_params["fmt"])
        fields = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        api_key = (fields.get("api_key") or [request.query_params.get("api_key", "")])[-1]

        def file() -> list[dict[str, object]]:
            now = backend.clock()
            holder = server.authorise(backend.gate, api_key.strip(), now)
            filed = server.file_request(backend.filing, holder, fields, now)
            return [filed.to_json()]

        return await _answer(request, "service_requests", file, status=201)


async def _answer(
    request: Request,
    root: str,
    compute: Callable[..., object],
    *args: Any,
    status: int = 200,
) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        return _errors(not_found(f"format {fmt!r}: ask for .json or .xml."), "json")
    try:
        document = await run_in_threadpool(compute, *args)
    except Open311Error as error:
        return _errors(error, fmt)
    except DatabaseRefusedError as error:  # such as a key revoked while its request was filed
        log.warning("the database refused a request: %s", error)
        problem = "The city's database refused this (a key revoked meanwhile?); nothing was filed."
        return _errors(Open311Error(403, [problem]), fmt)
    except BackendUnavailableError as error:
        log.warning("the database did not answer: %s", error)
        return _errors(Open311Error(503, ["The city's database is not answering; try again."]), fmt)
    return render(document, root, fmt, status)


def _errors(error: Open311Error, fmt: str) -> Response:
    document = [{"code": p.code, "description": p.description} for p in error.problems]
    return render(document, "errors", fmt, error.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    fmt = "xml" if request.url.path.endswith(".xml") else "json"
    return _errors(Open311Error(exc.status_code, [str(exc.detail)]), fmt)
