"""Sentences the services compose (intake problems, a stale write's changes) shown in Spanish."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFormLayout, QWidget
from pytestqt.qtbot import QtBot

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, validate_draft
from operator_console.domain.lifecycle import Priority
from operator_console.services.cases.commands import CaseRef, ChangePriority
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.escalation.alerts import Alert
from operator_console.ui.alerts.model import AlertsModel
from operator_console.ui.cases.action_runner import CaseActionRunner, CaseBanner
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.fields import IntakeFields
from operator_console.ui.intake.photo_list import PhotoList
from operator_console.ui.intake.question_fields import QuestionFields
from tests.support.case_fakes import NOW, SUPERVISOR, FakeCaseUnitOfWork, case, entry
from tests.ui.test_translations import spanish_catalog

__all__ = ["spanish_catalog"]  # the fixture, installed by the tests that name it

WAIT_MS = 10_000


def test_the_intake_forms_problems_read_in_spanish(
    qtbot: QtBot, runner: BackgroundRunner, spanish_catalog: QTranslator
) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    ui = Ui_IntakePanel()
    ui.setupUi(form)
    fields = IntakeFields(
        ui, QuestionFields(QFormLayout(), lambda: None), PhotoList(ui.attachmentList, runner)
    )
    draft = IntakeDraft(caller=Caller(phone="12", email="ana at example"))

    fields.mark(validate_draft(draft, {}, "US"))

    assert ui.callerPhoneError.text() == "“12” es demasiado corto para ser un número de teléfono."
    assert ui.callerEmailError.text() == (
        "“ana at example” no es una dirección de correo electrónico."
    )
    assert ui.locationError.text() == "Coloque un marcador en el mapa o ingrese una dirección."
    assert ui.categoryError.text() == "Elija un servicio."


def test_what_changed_under_a_stale_action_reads_in_spanish_on_the_case_banner(
    qtbot: QtBot, runner: BackgroundRunner, spanish_catalog: QTranslator
) -> None:
    uow = FakeCaseUnitOfWork(case(version=3))
    uow.earlier_history[100] = [entry(2, "priority_changed"), entry(3)]
    screen = QWidget()
    qtbot.addWidget(screen)
    banner = CaseBanner(screen)
    actions = CaseActionRunner(CaseDesk(lambda: uow, SUPERVISOR, lambda: NOW), runner, screen)
    actions.stale_found.connect(lambda message: banner.show_message(message, "warning", True))

    with qtbot.waitSignal(actions.stale_found, timeout=WAIT_MS):
        actions.run(ChangePriority((CaseRef(100, 1),), Priority.HIGH, "Storm damage"))

    assert banner.text.text() == (
        "El caso cambió después de que usted lo abrió: BOS-26-000100: Marcus Johnson cambió su "
        "prioridad (cola: Streets -> Crew 3); luego Marcus Johnson lo reasignó (cola: Streets "
        "-> Crew 3). No se guardó nada: revíselo de nuevo y vuelva a intentarlo."
    )
    assert not banner.isHidden() and actions.can_retry


def test_an_sla_alert_reads_in_spanish_though_stored_in_english(
    qtbot: QtBot, spanish_catalog: QTranslator
) -> None:
    stored = "BOS-26-000100 is overdue by 4 business hours"
    alert = Alert(
        1, 100, "BOS-26-000100", "overdue_by", stored, "Public Works", datetime.now(UTC), hours=4
    )
    model = AlertsModel("America/New_York")
    model.show([alert])

    assert model.data(model.index(0, 2)) == "BOS-26-000100 lleva 4 horas hábiles vencido"
    assert str(alert.words) == stored
