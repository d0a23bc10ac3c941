"""An in-memory `IntakeUnitOfWork` for the submission use case."""

from __future__ import annotations

from dataclasses import replace
from types import TracebackType
from typing import Self

from operator_console.domain.routing import RoutingLabels, RoutingRule
from operator_console.services.intake.submission import (
    CityProfile,
    IntakeReceipt,
    NewRequest,
    PointDistricts,
    ServiceSetup,
)
from tests.support.case_fakes import RULES, SETUPS, WARD_5

BOSTON = CityProfile("Boston", "BOS", "US", "America/New_York")
INTERNAL = replace(SETUPS["pothole"], code="pothole-internal", staff_only=True)


class FakeIntakeUnitOfWork:
    """Keeps the requests added in a list; `entered` says whether anything was read."""

    def __init__(self) -> None:
        self.setups = {**SETUPS, INTERNAL.code: INTERNAL}
        self.added: list[NewRequest] = []
        self._pending: list[NewRequest] = []
        self.entered = False
        self.counter = 0

    def __enter__(self) -> Self:
        self.entered = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._pending = []

    def commit(self) -> None:
        self.added.extend(self._pending)
        self._pending = []

    def receipt_for(self, client_uuid: str) -> IntakeReceipt | None:
        return None

    def city(self) -> CityProfile:
        return BOSTON

    def service_setup(self, code: str) -> ServiceSetup | None:
        return self.setups.get(code)

    def districts_at(self, latitude: float, longitude: float) -> PointDistricts:
        return PointDistricts((WARD_5,), WARD_5)

    def routing_rules(
        self, service_code: str, group: str
    ) -> tuple[list[RoutingRule], RoutingLabels]:
        return RULES, RoutingLabels()

    def next_reference(self, prefix: str, year: int) -> str:
        self.counter += 1
        return f"{prefix}-{year % 100}-{self.counter:06d}"

    def add_request(self, request: NewRequest, attachments: tuple[bytes, ...]) -> IntakeReceipt:
        self._pending.append(request)
        return IntakeReceipt(
            len(self.added) + len(self._pending),
            request.reference,
            request.service_code,
            request.queue_code,
            request.due_at,
            request.routing_explanation,
            created=True,
        )
