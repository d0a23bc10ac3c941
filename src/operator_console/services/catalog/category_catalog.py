"""The services a person is offered when choosing a category, each with how much it is used."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from operator_console.domain.catalog_search import offered_to
from operator_console.services.intake.gateway import IntakeGateway, ServiceChoice

USAGE_WINDOW = timedelta(days=90)


def offered_services(gateway: IntakeGateway, role: str) -> list[ServiceChoice]:
    """The active catalog a person with `role` may choose from, with each service's requests
    over the last `USAGE_WINDOW` (which the category search ranks by)."""
    uses = gateway.service_usage(USAGE_WINDOW)
    return [
        replace(service, uses=uses.get(service.code, 0))
        for service in gateway.catalog()
        if offered_to(role, service.searchable())
    ]
