"""Importing and exporting the service catalog as Open311 GeoReport v2 services and definitions."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from operator_console.domain.open311 import (
    Open311FormatError,
    Service,
    ServiceDefinition,
    service_definition_from_json,
    service_definition_to_json,
    services_from_json,
    services_to_json,
)
from operator_console.domain.permissions import Action, StaffIdentity, require

# The catalog tables' column sizes, so an oversized field is named here, not by the database.
MAX_CODE_CHARS = 80
MAX_NAME_CHARS = 200
SERVICES_FILE = "services.json"
DEFINITIONS_DIR = "services"


class CatalogFileError(ValueError):
    """A file that cannot be imported; the message names the file and what is wrong."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class CatalogStoreError(RuntimeError):
    """The catalog could not be written; nothing was changed."""


class UnknownServiceError(CatalogStoreError):
    """A definition names a service the catalog does not have; nothing was changed."""

    def __init__(self, service_code: str) -> None:
        super().__init__(f"no service {service_code!r} in the catalog")
        self.service_code = service_code


@dataclass(frozen=True)
class SourceText:
    """The text of one file to import, and the name to report it by."""

    source: str
    text: str


@dataclass(frozen=True)
class CatalogChanges:
    """What an import changed, by service code.

    Attributes:
        added: services that were not in the catalog.
        updated: services whose name, description, group, keywords or type changed.
        questions_replaced: services whose questions (attributes) were replaced.
    """

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    questions_replaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogImport:
    """What an import did.

    Attributes:
        services: how many services the services file listed.
        changes: what changed in the catalog (nothing, when the same files are imported again).
        without_definition: services marked `metadata: true` that still have no questions.
    """

    services: int
    changes: CatalogChanges
    without_definition: tuple[str, ...]


class CatalogStore(Protocol):
    """The catalog as Open311 sees it."""

    def upsert_services(
        self, services: Sequence[Service], definitions: Sequence[ServiceDefinition]
    ) -> CatalogChanges:
        """In one transaction: add or update services by code, then replace the questions of
        each service given a definition. Raises `UnknownServiceError` (and changes nothing) when
        a definition names a service in neither `services` nor the catalog."""
        ...

    def list_services(self) -> tuple[Service, ...]:
        """Active services in catalog order; `metadata` is True when a service has questions."""
        ...

    def service_definitions(self) -> tuple[ServiceDefinition, ...]:
        """The questions of every active service that has any, in catalog order."""
        ...


def read_services_file(file: SourceText) -> tuple[Service, ...]:
    """Parse and check a services.json list; raises `CatalogFileError` naming the file."""
    document = _json(file)
    try:
        services = services_from_json(document)
    except Open311FormatError as exc:
        raise CatalogFileError(file.source, str(exc)) from None
    seen: set[str] = set()
    for index, service in enumerate(services):
        where = f"services[{index}]"
        _check_length(file, f"{where}.service_code", service.service_code, MAX_CODE_CHARS)
        _check_length(file, f"{where}.service_name", service.service_name, MAX_NAME_CHARS)
        _check_length(file, f"{where}.group", service.group or "", MAX_NAME_CHARS)
        if service.service_code in seen:
            raise CatalogFileError(
                file.source, f"{where}.service_code: {service.service_code!r} is listed twice"
            )
        seen.add(service.service_code)
    return services


def read_definition_file(file: SourceText) -> ServiceDefinition:
    """Parse and check one service definition; raises `CatalogFileError` naming the file."""
    document = _json(file)
    if not isinstance(document, dict) or not {"service_code", "attributes"} <= document.keys():
        raise CatalogFileError(
            file.source, 'not a service definition (needs "service_code" and "attributes")'
        )
    try:
        definition = service_definition_from_json(document)
    except Open311FormatError as exc:
        raise CatalogFileError(file.source, str(exc)) from None
    for index, attribute in enumerate(definition.attributes):
        path = f"definition.attributes[{index}].code"
        _check_length(file, path, attribute.code, MAX_CODE_CHARS)
    return definition


def import_open311(
    store: CatalogStore,
    staff: StaffIdentity,
    services_file: SourceText,
    definition_files: Sequence[SourceText],
) -> CatalogImport:
    """Check every file, then write services and questions in one transaction (all or none).

    Only a role that may change the configuration (admins) imports: anyone else gets
    `NotPermittedError` before anything is read or written. A definition must name a service
    in the services file or already in the catalog.
    """
    require(staff, Action.CONFIGURE)
    services = read_services_file(services_file)
    definitions: dict[str, tuple[str, ServiceDefinition]] = {}
    for file in definition_files:
        definition = read_definition_file(file)
        code = definition.service_code
        if code in definitions:
            first = definitions[code][0]
            raise CatalogFileError(file.source, f"a second definition of {code!r} (see {first})")
        definitions[code] = (file.source, definition)
    try:
        changes = store.upsert_services(services, [pair[1] for pair in definitions.values()])
    except UnknownServiceError as exc:
        raise CatalogFileError(
            definitions[exc.service_code][0],
            f"service code {exc.service_code!r} is in neither {services_file.source} "
            "nor the catalog",
        ) from None
    with_questions = {definition.service_code for definition in store.service_definitions()}
    return CatalogImport(
        services=len(services),
        changes=changes,
        without_definition=tuple(
            service.service_code
            for service in services
            if service.metadata and service.service_code not in with_questions
        ),
    )


def export_open311(store: CatalogStore) -> dict[str, object]:
    """The catalog as files: relative path -> JSON document.

    "services.json" lists every active service; "services/<code>.json" holds the definition of
    each service that has questions (the GeoReport v2 URL layout).
    """
    files: dict[str, object] = {SERVICES_FILE: services_to_json(store.list_services())}
    definitions = store.service_definitions()
    names = definition_file_names([definition.service_code for definition in definitions])
    for definition in definitions:
        files[names[definition.service_code]] = service_definition_to_json(definition)
    return files


def definition_file_names(codes: Sequence[str]) -> Mapping[str, str]:
    """A distinct, file-system-safe relative path for each service code."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for code in codes:
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", code).lstrip(".") or "service"
        candidate, suffix = stem, 1
        while candidate.lower() in taken:
            suffix += 1
            candidate = f"{stem}-{suffix}"
        taken.add(candidate.lower())
        names[code] = f"{DEFINITIONS_DIR}/{candidate}.json"
    return names


def _json(file: SourceText) -> object:
    try:
        return json.loads(file.text)
    except json.JSONDecodeError as exc:
        raise CatalogFileError(file.source, f"not JSON ({exc})") from None


def _check_length(file: SourceText, path: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise CatalogFileError(file.source, f"{path}: longer than {limit} characters")
