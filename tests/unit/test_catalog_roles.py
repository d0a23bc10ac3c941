"""Only an admin imports the service catalog; anyone else is refused before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import pytest

from operator_console.domain.open311 import Service, ServiceDefinition
from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.catalog.exchange import (
    CatalogChanges,
    CatalogStore,
    SourceText,
    import_open311,
)
from tests.support.case_fakes import DISPATCHER, OPERATOR, SUPERVISOR


class RecordingCatalog:
    """Stands in for the catalog store: records every write."""

    def __init__(self) -> None:
        self.written: list[tuple[Sequence[Service], Sequence[ServiceDefinition]]] = []

    def upsert_services(
        self, services: Sequence[Service], definitions: Sequence[ServiceDefinition]
    ) -> CatalogChanges:
        self.written.append((services, definitions))
        return CatalogChanges(added=tuple(service.service_code for service in services))

    def list_services(self) -> tuple[Service, ...]:
        return ()

    def service_definitions(self) -> tuple[ServiceDefinition, ...]:
        return ()


SERVICES = SourceText(
    "services.json",
    '[{"service_code": "pothole", "service_name": "Pothole", "metadata": false, '
    '"type": "realtime", "keywords": "", "group": "Streets", "description": ""}]',
)


@pytest.mark.parametrize("who", [OPERATOR, DISPATCHER, SUPERVISOR], ids=lambda s: s.role)
def test_only_an_admin_imports_the_service_catalog(who: StaffIdentity) -> None:
    store = RecordingCatalog()
    with pytest.raises(NotPermittedError, match="only admins can change the configuration"):
        import_open311(cast(CatalogStore, store), who, SERVICES, ())
    assert store.written == []
    admin = StaffIdentity("admin1", "Sam Okafor", "admin")
    assert import_open311(cast(CatalogStore, store), admin, SERVICES, ()).services == 1
    assert len(store.written) == 1
