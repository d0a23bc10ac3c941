"""The intake unit of work: one SQL transaction that stores a submitted call."""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.exc import IntegrityError

from operator_console.domain.geo import DistrictOutlines
from operator_console.domain.lifecycle import Priority
from operator_console.domain.routing import DistrictRef, RoutingLabels, RoutingRule
from operator_console.domain.sla import BusinessCalendar
from operator_console.services.intake.submission import (
    CityProfile,
    District,
    IntakeReceipt,
    NewRequest,
    PointDistricts,
    ServiceSetup,
    SubmissionConflictError,
)
from operator_console.storage.catalog.rows import load_questions
from operator_console.storage.catalog.sla_rows import business_calendar, sla_policy
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    business_calendars,
    calendar_closures,
    city,
    districts,
    queues,
    routing_rules,
    service_requests,
    services,
    sla_policies,
)
from operator_console.storage.intake.request_writes import insert_request, next_reference


@speaks_service_errors
class SqlIntakeUnitOfWork(SqlConnectionScope):
    """`IntakeUnitOfWork` over one connection; rolls back unless `commit()` was called."""

    def commit(self) -> None:
        try:
            self.connection.commit()
        except IntegrityError as exc:
            if "client_uuid" in str(exc.orig):
                raise SubmissionConflictError(str(exc.orig)) from exc
            raise

    def receipt_for(self, client_uuid: str) -> IntakeReceipt | None:
        r = service_requests
        row = self.connection.execute(
            select(
                r.c.id,
                r.c.reference,
                services.c.name,
                queues.c.name.label("queue"),
                r.c.due_at,
                r.c.routing_explanation,
            )
            .join(services, services.c.id == r.c.service_id)
            .outerjoin(queues, queues.c.id == r.c.queue_id)
            .where(r.c.client_uuid == client_uuid)
        ).first()
        if row is None:
            return None
        return IntakeReceipt(
            row.id,
            row.reference,
            row.name,
            row.queue or "",
            row.due_at,
            row.routing_explanation,
            created=False,
        )

    def city(self) -> CityProfile:
        row = city_settings(self.connection)
        return CityProfile(row.name, row.reference_prefix, row.phone_region, row.time_zone)

    def service_setup(self, code: str) -> ServiceSetup | None:
        s = services
        row = self.connection.execute(
            select(
                s,
                queues.c.code.label("queue_code"),
                sla_policies.c.clock,
                sla_policies.c.target_hours,
                sla_policies.c.at_risk_fraction,
                sla_policies.c.calendar_id,
            )
            .outerjoin(queues, queues.c.id == s.c.default_queue_id)
            .outerjoin(sla_policies, sla_policies.c.id == s.c.sla_policy_id)
            .where(s.c.code == code, s.c.active)
        ).first()
        if row is None:
            return None
        policy = sla_policy(row.target_hours, row.clock, row.at_risk_fraction)
        return ServiceSetup(
            code=row.code,
            name=row.name,
            group=row.group_name,
            questions=load_questions(self.connection, row.id),
            default_queue=row.queue_code or "",
            default_priority=Priority(row.default_priority),
            sla=policy,
            calendar=self._calendar(row.calendar_id),
            staff_only=bool(row.staff_only),
        )

    def _calendar(self, calendar_id: int | None) -> BusinessCalendar:
        statement = select(business_calendars).order_by(business_calendars.c.id).limit(1)
        if calendar_id is not None:
            statement = select(business_calendars).where(business_calendars.c.id == calendar_id)
        row = self.connection.execute(statement).first()
        if row is None:
            return BusinessCalendar(self.city().time_zone)
        closures = self.connection.execute(
            select(calendar_closures.c.day).where(calendar_closures.c.calendar_id == row.id)
        ).scalars()
        return business_calendar(
            row.time_zone,
            row.working_days,
            row.work_start,
            row.work_end,
            row.holiday_country,
            row.holiday_subdivision,
            tuple(sorted(closures)),
        )

    def districts_at(self, latitude: float, longitude: float) -> PointDistricts:
        d = districts.c
        candidates = self.connection.execute(
            select(d.id, d.layer, d.code, d.name, d.geometry)
            .where(
                d.min_lat <= latitude,
                d.max_lat >= latitude,
                d.min_lon <= longitude,
                d.max_lon >= longitude,
            )
            .order_by(d.layer, d.id)
        ).all()
        found: dict[str, District] = {}
        for row in candidates:
            if row.layer in found:
                continue
            if DistrictOutlines([row.geometry]).district_at(latitude, longitude) is not None:
                found[row.layer] = District(row.id, row.code, row.name, row.layer)
        return PointDistricts(tuple(found.values()), found.get(self._routing_layer() or ""))

    def _routing_layer(self) -> str | None:
        """The layer whose district a case records: the city's, else the first by name."""
        first_layer = select(func.min(districts.c.layer)).scalar_subquery()
        return self.connection.execute(
            select(func.coalesce(city.c.routing_layer, first_layer))
        ).scalar()

    def routing_rules(
        self, service_code: str, group: str
    ) -> tuple[list[RoutingRule], RoutingLabels]:
        rr = routing_rules
        rows = self.connection.execute(
            select(
                rr.c.id,
                rr.c.service_group,
                rr.c.priority,
                rr.c.rank,
                services.c.code.label("service_code"),
                districts.c.layer.label("district_layer"),
                districts.c.code.label("district_code"),
                districts.c.name.label("district_name"),
                queues.c.code.label("queue_code"),
                queues.c.name.label("queue_name"),
            )
            .join(queues, queues.c.id == rr.c.queue_id)
            .outerjoin(services, services.c.id == rr.c.service_id)
            .outerjoin(districts, districts.c.id == rr.c.district_id)
            .where(
                (services.c.code == service_code)
                | (rr.c.service_group == group)
                | (rr.c.service_id.is_(None) & rr.c.service_group.is_(None))
            )
            .order_by(rr.c.id)
        ).all()
        rules = [
            RoutingRule(
                row.queue_code,
                row.service_code,
                row.service_group,
                row.district_code,
                Priority(row.priority) if row.priority else None,
                row.rank,
                row.id,
                row.district_layer,
            )
            for row in rows
        ]
        queue_names = {row.queue_code: row.queue_name for row in rows}
        service = self.connection.execute(
            select(services.c.name, queues.c.code, queues.c.name.label("queue_name"))
            .outerjoin(queues, queues.c.id == services.c.default_queue_id)
            .where(services.c.code == service_code)
        ).one()
        service_name = service.name
        if service.code is not None:
            queue_names[service.code] = service.queue_name
        layer_count = self.connection.execute(
            select(func.count(distinct(districts.c.layer)))
        ).scalar_one()
        labels = RoutingLabels(
            queues=queue_names,
            services={service_code: service_name},
            layer_districts={
                DistrictRef(row.district_layer, row.district_code): row.district_name
                for row in rows
                if row.district_code
            },
            name_layers=layer_count > 1,
        )
        return rules, labels

    def next_reference(self, prefix: str, year: int) -> str:
        return next_reference(self.connection, prefix, year)

    def add_request(self, request: NewRequest, attachments: tuple[bytes, ...]) -> IntakeReceipt:
        try:
            return insert_request(self.connection, request, attachments)
        except IntegrityError as exc:
            if "client_uuid" in str(exc.orig):
                raise SubmissionConflictError(str(exc.orig)) from exc
            raise
