"""Case writes the database's security refused, told from those someone else overtook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError

from operator_console.domain.wording import QT_TRANSLATE_NOOP, joined
from operator_console.services.cases.errors import CaseWriteRefusedError
from operator_console.storage.db.errors import first_line
from operator_console.storage.db.tables import departments, queues, service_requests

_r = service_requests.c


def row_security_refusal(
    connection: Connection, expected: Mapping[int, int | None]
) -> CaseWriteRefusedError | None:
    """After an UPDATE changed fewer rows than asked: the error for the cases that still exist
    at the version the write named (None: at any version), which only the database's row
    security can have kept from changing; None when every missing row was deleted or changed
    by someone else meanwhile.

    Call it in the transaction of the UPDATE, whose own changes it sees.
    """
    rows = connection.execute(
        select(_r.id, _r.reference, _r.version, departments.c.name.label("department"))
        .outerjoin(queues, queues.c.id == _r.queue_id)
        .outerjoin(departments, departments.c.id == queues.c.department_id)
        .where(_r.id.in_(sorted(expected)))
        .order_by(_r.id)
    ).all()
    kept = [row for row in rows if expected[row.id] in (None, row.version)]
    if not kept:
        return None
    listed = joined(
        [
            QT_TRANSLATE_NOOP("CaseRefusals", "%1 (%2)").with_values(
                row.reference,
                row.department or QT_TRANSLATE_NOOP("CaseRefusals", "no queue"),
            )
            for row in kept
        ],
        ", ",
    )
    return CaseWriteRefusedError(
        QT_TRANSLATE_NOOP(
            "CaseRefusals", "The database refused to let your login change %1; nothing was saved."
        ).with_values(listed),
        [row.id for row in kept],
    )


_INSUFFICIENT_PRIVILEGE = "42501"


def privilege_refusal(
    error: DBAPIError, request_ids: Sequence[int]
) -> CaseWriteRefusedError | None:
    """The error for a case write the database refused for lack of privilege (a grant, or a
    trigger guarding which cases a login may change), in the database's words; None for any
    other driver error."""
    if getattr(error.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
        return None
    return CaseWriteRefusedError(
        QT_TRANSLATE_NOOP(
            "CaseRefusals", "The database refused the change (%1); nothing was saved."
        ).with_values(first_line(error)),
        request_ids,
    )
