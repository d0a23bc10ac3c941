"""The bundle's service catalog: Open311 services.json and services/<code>.json, as imported."""

from __future__ import annotations

import json
from dataclasses import dataclass

from operator_console.domain.open311 import Service, ServiceDefinition
from operator_console.services.catalog.exchange import (
    CatalogFileError,
    SourceText,
    read_definition_file,
    read_services_file,
)
from operator_console.services.city_bundle.csv_files import Problems, read_text
from operator_console.services.city_bundle.json_places import (
    Place,
    array_item_places,
    top_array_start,
)
from operator_console.services.city_bundle.source import BundleSource


@dataclass(frozen=True)
class BundleCatalog:
    services: tuple[Service, ...]
    definitions: tuple[ServiceDefinition, ...]


def read_catalog(
    source: BundleSource, services_file: str, definitions_folder: str, problems: Problems
) -> BundleCatalog:
    """The services and their definitions; a definition of a service not listed is a problem, a
    service marked `metadata: true` without one a warning (the catalog import allows it)."""
    services, places = _services(source, services_file, problems)
    codes = {service.service_code for service in services}
    definitions: dict[str, ServiceDefinition] = {}
    first_file: dict[str, str] = {}
    for file in source.files_in(definitions_folder, ".json"):
        definition = _definition(source, file, problems)
        if definition is None:
            continue
        code = definition.service_code
        if code in definitions:
            problems.add(
                file, None, None, f"a second definition of {code!r} (see {first_file[code]})"
            )
        elif services and code not in codes:
            problems.add(file, None, None, f"service code {code!r} is not in {services_file}")
        else:
            definitions[code] = definition
            first_file[code] = file
    for service in services:
        if service.metadata and service.service_code not in definitions:
            line, column = places.get(service.service_code, (None, None))
            problems.warn(
                services_file,
                line,
                column,
                f"{service.service_name!r} ({service.service_code}) has metadata: true but no "
                f"definition file in {definitions_folder}/: it is loaded without questions",
            )
    ordered = tuple(
        definitions[service.service_code]
        for service in services
        if service.service_code in definitions
    )
    return BundleCatalog(services, ordered)


def _services(
    source: BundleSource, file: str, problems: Problems
) -> tuple[tuple[Service, ...], dict[str, Place]]:
    """The services, and where each starts in the file, by code (when that can be told)."""
    if not source.exists(file):
        problems.add(file, None, None, "is missing: the service catalog (Open311 services.json)")
        return (), {}
    text = _json_text(source, file, problems)
    if text is None:
        return (), {}
    try:
        services = read_services_file(SourceText(file, text))
    except CatalogFileError as exc:
        problems.add(file, None, None, exc.problem)
        return (), {}
    if not services:
        problems.add(file, None, None, "lists no services")
    start = top_array_start(text)
    places = None if start is None else array_item_places(text, start, len(services))
    codes = (service.service_code for service in services)
    return services, dict(zip(codes, places or (), strict=False))


def _definition(source: BundleSource, file: str, problems: Problems) -> ServiceDefinition | None:
    text = _json_text(source, file, problems)
    if text is None:
        return None
    try:
        return read_definition_file(SourceText(file, text))
    except CatalogFileError as exc:
        problems.add(file, None, None, exc.problem)
        return None


def _json_text(source: BundleSource, file: str, problems: Problems) -> str | None:
    """The file's text when it is JSON; a syntax error is named by line and column."""
    text = read_text(source, file, problems)
    if text is None:
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(file, exc.lineno, exc.colno, f"not JSON: {exc.msg}")
        return None
    return text
