"""`CaseDetailReader` over SQLAlchemy: one case with its answers, photos, links and history."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, select

from operator_console.domain.lifecycle import Status
from operator_console.services.cases.detail import CaseCaller, CasePhoto, CaseRecord, LinkedCase
from operator_console.storage.cases.rows import read_cases, read_history
from operator_console.storage.cases.store import SqlCaseTransaction
from operator_console.storage.catalog.rows import load_questions
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    attachments,
    callers,
    departments,
    queues,
    request_followers,
    service_requests,
    services,
)
from operator_console.storage.intake.photo_thumbnails import shown_thumbnail
from operator_console.storage.outbox_view.reads import case_messages

_r = service_requests.c


@speaks_service_errors
class SqlCaseDetailReader(SqlCaseTransaction):
    """Reads one case in one transaction; `service_setup` (SLA, calendar) is the intake's."""

    def case_record(self, request_id: int) -> CaseRecord | None:
        connection = self.connection
        state = read_cases(connection, [request_id]).get(request_id)
        if state is None:
            return None
        row = connection.execute(
            select(
                _r.description,
                _r.answers,
                _r.channel,
                _r.created_by,
                _r.updated_at,
                _r.callers_count,
                _r.service_id,
                _r.parent_id,
                _r.caller_id,
                departments.c.name.label("department"),
            )
            .outerjoin(queues, queues.c.id == _r.queue_id)
            .outerjoin(departments, departments.c.id == queues.c.department_id)
            .where(_r.id == request_id)
        ).one()
        parents = _linked(connection, _r.id == row.parent_id) if row.parent_id else ()
        return CaseRecord(
            state=state,
            description=row.description,
            answers=dict(row.answers or {}),
            questions=load_questions(connection, row.service_id),
            channel=row.channel,
            created_by=row.created_by,
            updated_at=row.updated_at,
            callers_count=row.callers_count,
            department=row.department or "",
            parent=parents[0] if parents else None,
            duplicates=_linked(connection, _r.parent_id == request_id),
            callers=_callers(connection, request_id, row.caller_id),
            photos=_photos(connection, request_id),
            timeline=read_history(connection, [request_id]).get(request_id, ()),
            messages=case_messages(connection, request_id),
        )

    def photo_content(self, attachment_id: int) -> bytes | None:
        """The whole photo file, for viewing it full size."""
        content = self.connection.execute(
            select(attachments.c.content).where(attachments.c.id == attachment_id)
        ).scalar_one_or_none()
        return None if content is None else bytes(content)


def _linked(connection: Connection, condition: ColumnElement[bool]) -> tuple[LinkedCase, ...]:
    rows = connection.execute(
        select(_r.id, _r.reference, _r.status, services.c.name, _r.address, _r.created_at)
        .join(services, services.c.id == _r.service_id)
        .where(condition)
        .order_by(_r.created_at, _r.id)
    )
    return tuple(
        LinkedCase(row.id, row.reference, Status(row.status), row.name, row.address, row.created_at)
        for row in rows
    )


def _callers(
    connection: Connection, request_id: int, reporter_id: int | None
) -> tuple[CaseCaller, ...]:
    f, c = request_followers.c, callers.c
    following = dict(
        connection.execute(select(f.caller_id, f.added_at).where(f.request_id == request_id)).all()
    )
    wanted = set(following) | ({reporter_id} if reporter_id is not None else set())
    rows = connection.execute(
        select(c.id, c.name, c.phone, c.email, c.language).where(c.id.in_(sorted(wanted)))
    )
    people = [
        CaseCaller(
            row.id,
            row.name,
            row.phone,
            row.email,
            row.language,
            reporter=row.id == reporter_id,
            following_since=following.get(row.id),
        )
        for row in rows
    ]
    people.sort(
        key=lambda person: (
            not person.reporter,
            person.following_since is None,
            person.following_since,
            person.caller_id,
        )
    )
    return tuple(people)


def _photos(connection: Connection, request_id: int) -> tuple[CasePhoto, ...]:
    a = attachments.c
    rows = connection.execute(
        select(
            a.id,
            a.filename,
            a.content_type,
            a.size_bytes,
            shown_thumbnail().label("thumbnail"),
            a.created_at,
            a.created_by,
        )
        .where(a.request_id == request_id)
        .order_by(a.created_at, a.id)
    )
    return tuple(
        CasePhoto(
            row.id,
            row.filename,
            row.content_type,
            row.size_bytes,
            None if row.thumbnail is None else bytes(row.thumbnail),
            row.created_at,
            row.created_by,
        )
        for row in rows
    )
