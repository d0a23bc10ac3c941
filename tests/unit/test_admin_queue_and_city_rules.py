"""Queue and city administration's use cases against units of work in memory: what is refused,
in which words and at which field, and that a stale change writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.admin.city.actions import save_city
from operator_console.services.admin.city.ports import CityDraft
from operator_console.services.admin.city.rules import (
    CitySettingsChangedMeanwhileError,
    CitySettingsError,
)
from operator_console.services.admin.queues.actions import (
    add_queue,
    move_queue,
    rename_queue,
    set_queue_active,
)
from operator_console.services.admin.queues.errors import (
    QueueAdminError,
    QueueChangedMeanwhileError,
)
from operator_console.services.admin.queues.ports import (
    Department,
    QueueDraft,
    QueueRow,
    QueueUse,
    QueueValues,
)
from operator_console.services.city_bundle.model import CitySettings
from tests.support.admin_fakes import FakeCityUnitOfWork, FakeQueueUnitOfWork

ADMIN = StaffIdentity("admin1", "Ada Admin", "admin")
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
STREETS = QueueRow(1, QueueValues("PWD_STREETS", "Streets", "PWD"), open_cases=3)
CREW = QueueRow(2, QueueValues("PWD_NIGHT", "Night crew", "PWD", "crew", "PWD_STREETS"))


def queues() -> FakeQueueUnitOfWork:
    return FakeQueueUnitOfWork(
        departments=[Department("PWD", "Public Works"), Department("BTD", "Transportation")],
        rows={STREETS.code: STREETS, CREW.code: CREW},
    )


def test_a_team_goes_under_a_queue_not_under_a_crew() -> None:
    uow = queues()
    with pytest.raises(QueueAdminError, match="is a crew: a team goes under a queue") as refused:
        add_queue(
            uow, QueueDraft("T", "Day team", kind="team", parent_code="PWD_NIGHT"), ADMIN, NOW
        )
    assert refused.value.field == "parent" and uow.events == [] and uow.commits == 0


def test_a_name_is_tidied_and_a_rename_says_from_what_to_what() -> None:
    uow = queues()
    change = rename_queue(uow, STREETS, "  Streets   and sidewalks ", ADMIN, NOW)
    assert str(change.detail) == (
        "Renamed the queue PWD_STREETS from Streets to Streets and sidewalks."
    )
    [event] = uow.events
    assert (event.kind, event.subject, event.data["before"]["name"]) == (
        "queue_changed",
        "PWD_STREETS",
        "Streets",
    )


def test_moving_a_queue_where_it_is_is_refused() -> None:
    with pytest.raises(QueueAdminError, match="is there already"):
        move_queue(queues(), STREETS, "PWD", ADMIN, NOW)


def test_a_stale_change_writes_nothing_and_says_what_changed() -> None:
    uow = queues()
    uow.rows[STREETS.code] = replace(STREETS, values=replace(STREETS.values, active=False))
    with pytest.raises(QueueChangedMeanwhileError, match=r"meanwhile \(deactivated it\)"):
        rename_queue(uow, STREETS, "Roads", ADMIN, NOW)
    assert uow.events == [] and uow.commits == 0


def test_a_queue_that_still_receives_requests_is_not_deactivated() -> None:
    uow = queues()
    uow.uses[STREETS.id] = QueueUse(3, 0, ("pothole", "sidewalk", "curb", "tree"))
    with pytest.raises(QueueAdminError, match="the default queue of pothole, sidewalk, curb…"):
        set_queue_active(uow, STREETS, False, ADMIN, NOW)


def test_only_admins_change_queues() -> None:
    dispatcher = StaffIdentity("dispatcher1", "Dee", "dispatcher")
    with pytest.raises(NotPermittedError):
        add_queue(queues(), QueueDraft("X", "X", "PWD"), dispatcher, NOW)


SPRINGFIELD = CitySettings(
    name="Springfield",
    time_zone="America/Chicago",
    phone_region="US",
    reference_prefix="SPF",
    languages=("en",),
    map_center=(39.78, -89.65),
    map_zoom=12,
)
DRAFT = CityDraft(
    "Springfield", "America/Chicago", "US", "SPF", "en", "39.78", "-89.65", "12", "", ""
)


def test_saving_what_is_stored_is_refused_as_nothing_to_save() -> None:
    uow = FakeCityUnitOfWork(stored=SPRINGFIELD)
    with pytest.raises(CitySettingsError, match="Nothing to save"):
        save_city(uow, SPRINGFIELD, DRAFT, ADMIN, NOW)


def test_one_unknown_coordinate_without_the_other_is_refused_at_the_latitude() -> None:
    uow = FakeCityUnitOfWork(stored=SPRINGFIELD)
    with pytest.raises(CitySettingsError) as refused:
        save_city(uow, SPRINGFIELD, replace(DRAFT, unknown_lon="-89.6"), ADMIN, NOW)
    assert refused.value.field == "unknown_lat"


def test_a_save_over_another_admin_s_says_what_they_changed() -> None:
    uow = FakeCityUnitOfWork(stored=replace(SPRINGFIELD, map_zoom=14))
    with pytest.raises(CitySettingsChangedMeanwhileError, match="map zoom 12 → 14"):
        save_city(uow, SPRINGFIELD, replace(DRAFT, name="Shelbyville"), ADMIN, NOW)
    assert uow.events == [] and uow.commits == 0


def test_languages_are_codes_the_default_first() -> None:
    uow = FakeCityUnitOfWork(stored=SPRINGFIELD)
    change = save_city(uow, SPRINGFIELD, replace(DRAFT, languages="ES, en"), ADMIN, NOW)
    assert change.after.languages == ("es", "en")
    assert str(change.detail) == "City settings: languages en → es, en."
