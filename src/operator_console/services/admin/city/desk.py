"""City settings administration bound to the admin at the console and the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.city.actions import CityChange, read_city, save_city
from operator_console.services.admin.city.ports import CityAdminUnitOfWork, CityDraft
from operator_console.services.city_bundle.model import CitySettings


class CityDesk:
    """Reads and saves the city's settings as `actor`, each step in a fresh unit of work (call
    off the Qt thread). A refused save raises `CitySettingsError` or `NotPermittedError` and
    changes nothing."""

    def __init__(
        self,
        new_uow: Callable[[], CityAdminUnitOfWork],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def settings(self) -> CitySettings:
        return read_city(self._new_uow(), self._actor)

    def save(self, before: CitySettings, draft: CityDraft) -> CityChange:
        return save_city(self._new_uow(), before, draft, self._actor, self._clock())
