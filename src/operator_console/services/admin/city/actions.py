"""City settings as an admin: read them, save a change in one transaction with its audit line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.city.ports import (
    CityAdminUnitOfWork,
    CityDraft,
    settings_data,
)
from operator_console.services.admin.city.rules import (
    CitySettingsChangedMeanwhileError,
    CitySettingsError,
    checked_settings,
    differences,
)
from operator_console.services.city_bundle.model import CitySettings

EVENT_KIND = "city_settings_changed"


@dataclass(frozen=True)
class CityChange:
    """What a save did: the settings before and after, and the sentence saying so."""

    before: CitySettings
    after: CitySettings
    detail: Words

    @property
    def prefix_changed(self) -> bool:
        return self.before.reference_prefix != self.after.reference_prefix

    def summary(self) -> Words:
        if not self.prefix_changed:
            return self.detail
        return QT_TRANSLATE_NOOP(
            "CityAdminWords",
            "%1 New requests get references starting %2-; existing references keep %3-.",
        ).with_values(self.detail, self.after.reference_prefix, self.before.reference_prefix)


def read_city(uow: CityAdminUnitOfWork, actor: StaffIdentity) -> CitySettings:
    require(actor, Action.CONFIGURE)
    with uow:
        return uow.settings()


def save_city(
    uow: CityAdminUnitOfWork,
    before: CitySettings,
    draft: CityDraft,
    actor: StaffIdentity,
    now: datetime,
) -> CityChange:
    require(actor, Action.CONFIGURE)
    after = checked_settings(draft)
    changed = differences(before, after)
    if not changed:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems", "Nothing to save: the settings are as they were."
            )
        )
    detail = QT_TRANSLATE_NOOP("CityAdminWords", "City settings: %1.").with_values(joined(changed))
    data = {"before": settings_data(before), "after": settings_data(after)}
    event = ConfigEvent(now, actor.login, EVENT_KIND, after.name, str(detail), data)
    with uow:
        if not uow.save(before, after, event):
            now_there = uow.settings()
            theirs = differences(before, now_there)
            meanwhile = (
                joined(theirs) if theirs else QT_TRANSLATE_NOOP("CityAdminWords", "changed them")
            )
            raise CitySettingsChangedMeanwhileError(
                QT_TRANSLATE_NOOP(
                    "CityAdminProblems",
                    "Someone else changed the city settings meanwhile (%1); nothing was saved. "
                    "Save again to replace theirs with what you typed, or Revert to see theirs.",
                ).with_values(meanwhile)
            )
        uow.commit()
    return CityChange(before, after, detail)
