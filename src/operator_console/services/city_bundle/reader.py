"""Read a city bundle (a folder or a zip) and check all of it, reporting every problem found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from operator_console.services.city_bundle.addresses import read_addresses
from operator_console.services.city_bundle.catalog import read_catalog
from operator_console.services.city_bundle.checks import Codes
from operator_console.services.city_bundle.csv_files import (
    CsvTable,
    Problems,
    read_table,
    read_text,
)
from operator_console.services.city_bundle.geojson_districts import LayerFile, read_layer
from operator_console.services.city_bundle.manifest import MANIFEST, Manifest, read_manifest
from operator_console.services.city_bundle.model import AddressPoint, CityBundle, DistrictLayer
from operator_console.services.city_bundle.organisation import (
    DEPARTMENT_COLUMNS,
    QUEUE_COLUMNS,
    STAFF_COLUMNS,
    read_departments,
    read_queues,
    read_staff,
)
from operator_console.services.city_bundle.placement import check_placement
from operator_console.services.city_bundle.problems import BundleInvalid, BundleProblem
from operator_console.services.city_bundle.routing_rows import (
    ROUTING_COLUMNS,
    SERVICE_SETTINGS_COLUMNS,
    RoutingTargets,
    read_routing,
    read_service_settings,
)
from operator_console.services.city_bundle.source import BundleSource, BundleSourceError
from operator_console.services.city_bundle.time_rules import (
    CALENDAR_COLUMNS,
    CLOSURE_COLUMNS,
    SLA_COLUMNS,
    read_calendars,
    read_closures,
    read_sla_policies,
)

T = TypeVar("T")


def read_bundle(path: Path) -> CityBundle:
    """The bundle at `path`, checked; `BundleInvalid` lists every problem when it is not usable.

    Doubtful things that do not stop a load are in the result's `warnings`.
    """
    try:
        source = BundleSource(path)
    except BundleSourceError as exc:
        raise BundleInvalid([BundleProblem(str(path), None, None, str(exc))]) from None
    try:
        problems = Problems()
        manifest = _manifest(source, problems)
        if manifest is None:
            raise BundleInvalid(problems.found)
        return _BundleReader(source, manifest, problems).read()
    finally:
        source.close()


def _manifest(source: BundleSource, problems: Problems) -> Manifest | None:
    if not source.exists(MANIFEST):
        problems.add(MANIFEST, None, None, f"is missing: no {MANIFEST} in {source.root}")
        return None
    text = read_text(source, MANIFEST, problems)
    return None if text is None else read_manifest(text, problems)


class _BundleReader:
    """Reads the files in the order their codes are referred to, so references can be checked."""

    def __init__(self, source: BundleSource, manifest: Manifest, problems: Problems) -> None:
        self.source = source
        self.manifest = manifest
        self.problems = problems

    def read(self) -> CityBundle:
        manifest = self.manifest
        settings = manifest.settings
        layer_files = self._layer_files(manifest)
        layers = tuple(layer_file.layer for layer_file in layer_files)
        departments = self._codes("departments", "department")
        department_rows = self._each(
            "departments",
            DEPARTMENT_COLUMNS,
            lambda table: read_departments(table, departments),
            defines=departments,
        )
        calendar_codes = self._codes("calendars", "calendar")
        calendars = self._each(
            "calendars",
            CALENDAR_COLUMNS,
            lambda table: read_calendars(table, calendar_codes, manifest.given_time_zone),
            defines=calendar_codes,
        )
        closures = self._each(
            "closures",
            CLOSURE_COLUMNS,
            lambda table: read_closures(table, calendar_codes),
            required=False,
        )
        policy_codes = self._codes("sla_policies", "SLA policy")
        policies = self._each(
            "sla_policies",
            SLA_COLUMNS,
            lambda table: read_sla_policies(table, policy_codes, calendar_codes),
            defines=policy_codes,
        )
        queue_codes = self._codes("queues", "queue")
        queues = self._each(
            "queues",
            QUEUE_COLUMNS,
            lambda table: read_queues(table, queue_codes, departments, self.problems),
            defines=queue_codes,
        )
        catalog = read_catalog(
            self.source, manifest.file("services"), manifest.file("definitions"), self.problems
        )
        # No services at all: services.json could not be read, and says so itself.
        service_codes = {service.service_code for service in catalog.services} or None
        service_settings = self._each(
            "service_settings",
            SERVICE_SETTINGS_COLUMNS,
            lambda table: read_service_settings(table, service_codes, policy_codes, queue_codes),
            required=False,
        )
        targets = RoutingTargets(
            services=service_codes,
            groups={service.group for service in catalog.services if service.group}
            if service_codes
            else None,
            layers={
                layer.layer: {district.code for district in layer.districts} for layer in layers
            },
            queues=queue_codes,
        )
        routing = self._each("routing", ROUTING_COLUMNS, lambda table: read_routing(table, targets))
        logins = self._codes("staff", "login", column="login")
        staff = self._each(
            "staff",
            STAFF_COLUMNS,
            lambda table: read_staff(table, logins, queue_codes),
            required=False,
        )
        address_file, addresses = self._addresses(manifest)
        map_center = settings.map_center if settings else None
        check_placement(map_center, layer_files, address_file, addresses, self.problems)
        self._check_basemap(manifest)
        if self.problems.found or settings is None:
            raise BundleInvalid(
                self.problems.found + self.problems.summaries(), self.problems.warnings
            )
        return CityBundle(
            root=self.source.root,
            settings=settings,
            layers=layers,
            departments=department_rows,
            queues=queues,
            services=catalog.services,
            definitions=catalog.definitions,
            service_settings=service_settings,
            calendars=calendars,
            closures=closures,
            sla_policies=policies,
            routing=routing,
            staff=staff,
            addresses=addresses,
            basemap=manifest.basemap,
            warnings=tuple(self.problems.warnings),
        )

    def _layer_files(self, manifest: Manifest) -> list[LayerFile]:
        layer_files = []
        for spec in manifest.layers:
            text = None
            if not self.source.exists(spec.file):
                self.problems.add(spec.file, None, None, f"is missing: layer {spec.layer!r}")
            else:
                text = read_text(self.source, spec.file, self.problems)
            if text is None:
                layer_files.append(LayerFile(spec.file, DistrictLayer(spec.layer, ())))
            else:
                layer_files.append(read_layer(spec, text, self.problems))
        return layer_files

    def _codes(self, kind: str, what: str, *, column: str = "code") -> Codes:
        return Codes(what, self.manifest.file(kind), column)

    def _each(
        self,
        kind: str,
        columns: tuple[str, ...],
        read: Callable[[CsvTable], tuple[T, ...]],
        *,
        required: bool = True,
        defines: Codes | None = None,
    ) -> tuple[T, ...]:
        """The rows of one CSV file; none when it is missing (a problem if it is required).

        When the file cannot be read, or lacks the column of the codes it `defines`, those
        codes are marked unknown, so the references to them are not each reported.
        """
        file = self.manifest.file(kind)
        if not self.source.exists(file):
            if required or kind in self.manifest.files:
                self.problems.add(file, None, None, "is missing")
            if defines is not None:
                defines.unknown_because = "is missing"
            return ()
        table = read_table(self.source, file, columns, self.problems)
        if defines is not None:
            if table is None:
                defines.unknown_because = "could not be read"
            elif defines.column not in table.columns:
                defines.unknown_because = f"has no {defines.column!r} column"
        return read(table) if table is not None else ()

    def _addresses(self, manifest: Manifest) -> tuple[str, tuple[AddressPoint, ...]]:
        """The address file's path and its points (none when it is absent)."""
        file = manifest.file("addresses")
        if not self.source.exists(file) and "addresses" not in manifest.files:
            file = f"{file}.gz"
        if not self.source.exists(file):
            if "addresses" in manifest.files:
                self.problems.add(file, None, None, "is missing")
            return file, ()
        return file, read_addresses(self.source, file, self.problems)

    def _check_basemap(self, manifest: Manifest) -> None:
        basemap = manifest.basemap
        if basemap is not None and basemap.streets and not self.source.exists(basemap.streets):
            self.problems.add(
                basemap.streets, None, None, "is missing (city.toml [basemap] streets)"
            )
