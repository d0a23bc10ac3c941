"""The duplicate finder's small reads: a service's kin, the city, category rates, photos."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, case, func, select

from operator_console.services.duplicates.ports import CityPlace, PinnedRequest, ServiceKin
from operator_console.services.duplicates.rules import DuplicateCounts, ServiceDuplicateSettings
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.tables import attachments, city, service_requests, services
from operator_console.storage.intake.photo_thumbnails import shown_thumbnail

r = service_requests.c


def load_city(connection: Connection) -> CityPlace:
    row = city_settings(
        connection, city.c.unknown_lat, city.c.unknown_lon, city.c.phone_region, city.c.time_zone
    )
    unknown = None
    if row.unknown_lat is not None and row.unknown_lon is not None:
        unknown = (float(row.unknown_lat), float(row.unknown_lon))
    return CityPlace(unknown, row.phone_region, row.time_zone)


def load_kin(connection: Connection, service_code: str, *, live: bool) -> ServiceKin | None:
    """The service and its group; `live` keeps only kin with duplicate detection on."""
    s = services.c
    group = select(s.group_name).where(s.code == service_code).scalar_subquery()
    rows = connection.execute(
        select(
            s.id,
            s.code,
            s.name,
            s.group_name,
            s.dup_enabled,
            s.dup_radius_m,
            s.dup_window_days,
            s.dup_include_closed,
        ).where((s.code == service_code) | ((s.group_name == group) & (s.group_name != "")))
    ).all()
    target = next((row for row in rows if row.code == service_code), None)
    if target is None:
        return None
    settings = ServiceDuplicateSettings(
        bool(target.dup_enabled),
        float(target.dup_radius_m),
        float(target.dup_window_days),
        bool(target.dup_include_closed),
    )
    kin = {
        int(row.id): (row.code, row.name, row.group_name)
        for row in rows
        if row.code == service_code or row.dup_enabled or not live
    }
    return ServiceKin(int(target.id), target.code, target.group_name, settings, kin)


def duplicate_counts(
    connection: Connection, counted_before: datetime
) -> tuple[dict[int, DuplicateCounts], DuplicateCounts]:
    """Per service and city-wide: requests opened before `counted_before`, and duplicates."""
    duplicates = func.sum(case((r.closure_reason == "duplicate", 1), else_=0))
    rows = connection.execute(
        select(r.service_id, func.count(), duplicates)
        .where(r.created_at <= counted_before)
        .group_by(r.service_id)
    ).all()
    by_service = {int(row[0]): DuplicateCounts(int(row[1]), int(row[2] or 0)) for row in rows}
    city_wide = DuplicateCounts(
        sum(c.requests for c in by_service.values()),
        sum(c.duplicates for c in by_service.values()),
    )
    return by_service, city_wide


def thumbnails(connection: Connection, request_ids: Iterable[int]) -> dict[int, bytes]:
    """Each request's first photo: its thumbnail, or the photo itself when small."""
    ids = list(request_ids)
    if not ids:
        return {}
    a = attachments.c
    rows = connection.execute(
        select(a.request_id, shown_thumbnail().label("shown"))
        .where(a.request_id.in_(ids), a.content_type.like("image/%"))
        .order_by(a.request_id, a.id)
    ).all()
    found: dict[int, bytes] = {}
    for row in rows:
        if row.request_id not in found and row.shown:
            found[row.request_id] = bytes(row.shown)
    return found


def pinned_request(connection: Connection, request_id: int) -> PinnedRequest | None:
    """Where the request is and what it says, with its service code; None when it is gone."""
    row = connection.execute(
        select(r.id, r.lat, r.lon, r.address, r.description, services.c.code)
        .join(services, services.c.id == r.service_id)
        .where(r.id == request_id)
    ).first()
    if row is None:
        return None
    return PinnedRequest(int(row.id), row.code, row.lat, row.lon, row.address, row.description)


def references(connection: Connection, request_ids: Sequence[int]) -> dict[int, str]:
    rows = connection.execute(select(r.id, r.reference).where(r.id.in_(list(request_ids))))
    return {int(row.id): row.reference for row in rows}
