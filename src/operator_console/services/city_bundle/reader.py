"""Read a city bundle (a folder or a zip) and check all of it, reporting every problem found."""

from __future__ import annotations

from pathlib import Path

from operator_console.services.city_bundle.addresses import read_addresses
from operator_console.services.city_bundle.catalog import read_catalog
from operator_console.services.city_bundle.checks import Codes
from operator_console.services.city_bundle.csv_files import (
    CsvTable,
    Problems,
    read_table,
    read_text,
)
from operator_console.services.city_bundle.geojson_districts import read_layer
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


def read_bundle(path: Path) -> CityBundle:
    """The bundle at `path`, checked; `BundleInvalid` lists every problem when it is not usable.

    Doubtful things that do not stop a load are in the result's `warnings`.
    """
    try:
        source = BundleSource(path)
    except BundleSourceError as exc:
        raise BundleInvalid([BundleProblem(str(path), None, None, str(exc))]) from None
    try:
        return _BundleReader(source).read()
    finally:
        source.close()


class _BundleReader:
    """Reads the files in the order their codes are referred to, so references can be checked."""

    def __init__(self, source: BundleSource) -> None:
        self.source = source
        self.problems = Problems()

    def read(self) -> CityBundle:
        manifest = self._manifest()
        if manifest is None:
            raise BundleInvalid(self.problems.found)
        settings = manifest.settings
        layers = tuple(self._layer_files(manifest))
        departments_codes = Codes("department", manifest.file("departments"))
        departments = self._rows(manifest, "departments", DEPARTMENT_COLUMNS, required=True)
        department_rows = read_departments(departments, departments_codes) if departments else ()
        calendar_codes = Codes("calendar", manifest.file("calendars"))
        calendars_table = self._rows(manifest, "calendars", CALENDAR_COLUMNS, required=True)
        time_zone = settings.time_zone if settings else None
        calendars = (
            read_calendars(calendars_table, calendar_codes, time_zone) if calendars_table else ()
        )
        closures_table = self._rows(manifest, "closures", CLOSURE_COLUMNS, required=False)
        closures = read_closures(closures_table, calendar_codes) if closures_table else ()
        policy_codes = Codes("SLA policy", manifest.file("sla_policies"))
        policies_table = self._rows(manifest, "sla_policies", SLA_COLUMNS, required=True)
        policies = (
            read_sla_policies(policies_table, policy_codes, calendar_codes)
            if policies_table
            else ()
        )
        queue_codes = Codes("queue", manifest.file("queues"))
        queues_table = self._rows(manifest, "queues", QUEUE_COLUMNS, required=True)
        queues = (
            read_queues(queues_table, queue_codes, departments_codes, self.problems)
            if queues_table
            else ()
        )
        catalog = read_catalog(
            self.source, manifest.file("services"), manifest.file("definitions"), self.problems
        )
        # No services at all: services.json could not be read, and says so itself.
        service_codes = {service.service_code for service in catalog.services} or None
        settings_table = self._rows(
            manifest, "service_settings", SERVICE_SETTINGS_COLUMNS, required=False
        )
        service_settings = (
            read_service_settings(settings_table, service_codes, policy_codes, queue_codes)
            if settings_table
            else ()
        )
        routing_table = self._rows(manifest, "routing", ROUTING_COLUMNS, required=True)
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
        routing = read_routing(routing_table, targets) if routing_table else ()
        staff_table = self._rows(manifest, "staff", STAFF_COLUMNS, required=False)
        login_codes = Codes("login", manifest.file("staff"))
        staff = read_staff(staff_table, login_codes, queue_codes) if staff_table else ()
        addresses = self._addresses(manifest)
        self._check_basemap(manifest)
        if self.problems.found or settings is None:
            raise BundleInvalid(self.problems.found + self.problems.summaries())
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

    def _manifest(self) -> Manifest | None:
        if not self.source.exists(MANIFEST):
            self.problems.add(
                MANIFEST, None, None, f"is missing: no {MANIFEST} in {self.source.root}"
            )
            return None
        text = read_text(self.source, MANIFEST, self.problems)
        return None if text is None else read_manifest(text, self.problems)

    def _layer_files(self, manifest: Manifest) -> list[DistrictLayer]:
        layers = []
        for spec in manifest.layers:
            if not self.source.exists(spec.file):
                self.problems.add(spec.file, None, None, f"is missing: layer {spec.layer!r}")
                layers.append(DistrictLayer(spec.layer, ()))
                continue
            text = read_text(self.source, spec.file, self.problems)
            layer = read_layer(spec, text, self.problems) if text is not None else None
            layers.append(layer or DistrictLayer(spec.layer, ()))
        return layers

    def _rows(
        self, manifest: Manifest, kind: str, columns: tuple[str, ...], *, required: bool
    ) -> CsvTable | None:
        file = manifest.file(kind)
        if not self.source.exists(file):
            if required or kind in manifest.files:
                self.problems.add(file, None, None, "is missing")
            return None
        return read_table(self.source, file, columns, self.problems)

    def _addresses(self, manifest: Manifest) -> tuple[AddressPoint, ...]:
        file = manifest.file("addresses")
        if not self.source.exists(file) and "addresses" not in manifest.files:
            file = f"{file}.gz"
        if not self.source.exists(file):
            if "addresses" in manifest.files:
                self.problems.add(file, None, None, "is missing")
            return ()
        return read_addresses(self.source, file, self.problems)

    def _check_basemap(self, manifest: Manifest) -> None:
        basemap = manifest.basemap
        if basemap is not None and basemap.streets and not self.source.exists(basemap.streets):
            self.problems.add(
                basemap.streets, None, None, "is missing (city.toml [basemap] streets)"
            )
