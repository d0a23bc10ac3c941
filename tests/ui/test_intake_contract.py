"""The intake form's automation contract: every input has an objectName and an accessible name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from operator_console.domain.open311 import AttributeValue, Datatype, ServiceAttribute
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.question_fields import QuestionFields

INPUTS = (QLineEdit, QComboBox, QPlainTextEdit, QListWidget, QAbstractButton)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "intake.md"


def _inputs(root: QWidget) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INPUTS)]
    return [w for w in found if not w.objectName().startswith("qt_")]


def test_every_form_input_is_named_and_documented(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    ui = Ui_IntakePanel()
    ui.setupUi(form)
    documented = DOCS.read_text(encoding="utf-8")
    inputs = _inputs(form)
    assert len(inputs) >= 15
    for widget in inputs:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert f"`{widget.objectName()}`" in documented, widget.objectName()


def test_generated_questions_are_named_by_code(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    ui = Ui_IntakePanel()
    ui.setupUi(form)
    questions = QuestionFields(ui.questionsLayout, lambda: None)
    values = (AttributeValue("a", "A"), AttributeValue("b", "B"))
    questions.show_questions(
        [
            ServiceAttribute(kind.value, True, kind, False, None, order, f"Q {kind.value}", values)
            for order, kind in enumerate(Datatype)
        ]
    )
    for kind in Datatype:
        field = form.findChild(QWidget, f"answer_{kind.value}")
        assert field is not None and field.accessibleName() == f"Q {kind.value}"
