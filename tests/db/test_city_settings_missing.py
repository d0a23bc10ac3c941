"""A database migrated but not yet given its city settings says so, in words, at each screen."""

from __future__ import annotations

import pytest

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.errors import CitySettingsMissingError
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.intake.gateway import SqlIntakeGateway
from tests.support.duplicates import duplicate_desk
from tests.support.rows import add_requests


def test_screens_that_need_the_city_name_what_is_missing(db_url: str) -> None:
    engine = make_engine(db_url)
    request_id = add_requests(engine, 1)[0]
    desk = CaseDesk(
        lambda: SqlCaseUnitOfWork(engine),
        StaffIdentity("tester", "Test Supervisor", "supervisor"),
        new_detail_reader=lambda: SqlCaseDetailReader(engine),
    )
    with pytest.raises(CitySettingsMissingError, match="db seed-demo"):
        desk.detail(request_id)
    with pytest.raises(CitySettingsMissingError, match="no city settings"):
        SqlIntakeGateway(engine, lambda lat, lon: None).map_setup()
    with pytest.raises(CitySettingsMissingError):
        duplicate_desk(engine).candidates("pothole", 42.35, -71.06, "", "")
    engine.dispose()
