"""The administration's words read in English as before, and each part goes through a look-up."""

from __future__ import annotations

import pytest

from operator_console.domain.wording import Words
from operator_console.services.admin.queues.errors import QueueAdminError
from operator_console.services.admin.queues.ports import QueueRow, QueueUse, QueueValues
from operator_console.services.admin.queues.rules import check_may_deactivate
from operator_console.services.admin.sla.rules import checked_hours, weekday_words
from operator_console.services.escalation.rule_admin import NewRule
from operator_console.services.escalation.rule_desk import rule_words
from operator_console.services.outbox_view.resend import ResendRefusedError, checked_recipient
from operator_console.services.staff.role_words import a_role

STREETS = QueueRow(1, QueueValues("PWD_STREETS", "Streets", "PWD"), open_cases=3)
_SPANISH = {
    ("SlaAdminWords", "Mon"): "lun",
    ("SlaAdminWords", "Fri"): "vie",
    ("QueueAdminProblems", "%1 routing rules"): "%1 reglas de enrutamiento",
    (
        "QueueAdminProblems",
        "%1 still receives new requests (%2): send them elsewhere in Routing first.",
    ): (
        "%1 todavía recibe solicitudes nuevas (%2): primero envíelas a otra parte en Enrutamiento."
    ),
}


def _spanish(context: str, text: str) -> str:
    return _SPANISH.get((context, text), text)


def test_weekdays_read_as_a_run_in_english_and_translate_day_by_day() -> None:
    days = weekday_words((0, 1, 2, 3, 4))
    assert str(days) == "Mon–Fri"
    assert days.render(_spanish) == "lun–vie"


def test_a_refusal_keeps_its_english_sentence_and_its_field() -> None:
    with pytest.raises(ValueError) as refused:
        checked_hours("17:00", "08:00")
    assert str(refused.value) == "Work must end after it starts (17:00 to 08:00)."
    assert isinstance(refused.value.args[0], Words)


def test_a_counted_refusal_reads_in_english_and_translates_with_its_parts() -> None:
    with pytest.raises(QueueAdminError) as refused:
        check_may_deactivate(STREETS, QueueUse(0, 2, ()))
    words = refused.value.args[0]
    assert str(words) == (
        f"{STREETS.label} still receives new requests (2 routing rules): send them elsewhere "
        "in Routing first."
    )
    assert words.render(_spanish) == (
        f"{STREETS.label} todavía recibe solicitudes nuevas (2 reglas de enrutamiento): primero "
        "envíelas a otra parte en Enrutamiento."
    )


def test_an_escalation_rule_and_a_role_read_as_before() -> None:
    rule = NewRule("overdue_by", "move_queue", "2D", 8, "ESC")
    assert str(rule_words(rule)) == "overdue by 8 business hours: move to ESC (policy 2D)"
    assert str(a_role("admin")) == "an admin" and str(a_role("dispatcher")) == "a dispatcher"


def test_a_resend_refusal_reads_in_english() -> None:
    with pytest.raises(ResendRefusedError) as refused:
        checked_recipient("email", "ana.lopes@", "US")
    assert str(refused.value) == "“ana.lopes@” is not an e-mail address (like name@example.org)."
