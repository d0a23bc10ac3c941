"""A call submitted through the intake, to act on and read back as a case."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Engine

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, IntakeDraft, Location
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.staff import OPERATOR1

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(200)


def submit_streetlight(engine: Engine, now: datetime) -> int:
    """A street light call from Ana Lopes (who gave an e-mail address), with a photo."""
    draft = IntakeDraft(
        caller=Caller("Ana", "Lopes", "617 555 0142", "ana@example.org"),
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several", "pole_number": "N0012002"},
        description="Three lights out in a row.",
        attachments=(Attachment("pole.png", len(PHOTO), PHOTO[:16]),),
    )
    submission = Submission(str(uuid.uuid4()), draft, attachment_contents=(PHOTO,))
    return submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, now).request_id
