"""Widgets generated from a service's Open311 questions, and the answers read back from them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from operator_console.domain.open311 import Datatype, ServiceAttribute

Answer = str | list[str]


class QuestionFields:
    """Builds one input per question into a form layout; reads and marks them by code."""

    def __init__(self, layout: QFormLayout, on_change: Callable[[], None]) -> None:
        self._layout = layout
        self._on_change = on_change
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._questions: tuple[ServiceAttribute, ...] = ()

    def show_questions(self, questions: Sequence[ServiceAttribute]) -> None:
        """Replace the fields with those of `questions`, in their order."""
        self.clear()
        self._questions = tuple(sorted(questions, key=lambda q: q.order))
        for question in self._questions:
            if not question.variable:
                note = QLabel(question.description)
                note.setWordWrap(True)
                note.setObjectName(f"note_{question.code}")
                note.setStyleSheet("color: #555; font-style: italic;")
                self._layout.addRow(note)
                note.show()
                continue
            field = self._input_for(question)
            field.setObjectName(f"answer_{question.code}")
            field.setAccessibleName(question.description)
            caption = question.description + (" *" if question.required else "")
            label = QLabel(caption)
            label.setWordWrap(True)
            label.setBuddy(field)
            error = QLabel()
            error.setObjectName(f"answerError_{question.code}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self._layout.addRow(label, field)
            self._layout.addRow("", error)
            label.show()
            field.show()
            self._inputs[question.code] = field
            self._errors[question.code] = error

    def _input_for(self, question: ServiceAttribute) -> QWidget:
        if question.datatype is Datatype.TEXT:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMaximumHeight(70)
            text.textChanged.connect(self._on_change)
            return text
        if question.datatype is Datatype.SINGLE_VALUE_LIST:
            combo = QComboBox()
            combo.addItem("", "")
            for value in question.values:
                combo.addItem(value.name, value.key)
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        if question.datatype is Datatype.MULTI_VALUE_LIST:
            choices = QListWidget()
            choices.setMaximumHeight(22 * min(5, max(2, len(question.values))) + 6)
            for value in question.values:
                item = QListWidgetItem(value.name)
                item.setData(Qt.ItemDataRole.UserRole, value.key)
                item.setCheckState(Qt.CheckState.Unchecked)
                choices.addItem(item)
            choices.itemChanged.connect(self._on_change)
            return choices
        line = QLineEdit()
        if question.datatype is Datatype.DATETIME:
            line.setPlaceholderText(
                QCoreApplication.translate("QuestionFields", "YYYY-MM-DD HH:MM")
            )
        elif question.datatype is Datatype.NUMBER:
            line.setPlaceholderText(QCoreApplication.translate("QuestionFields", "a number"))
        else:
            line.setMaxLength(255)
        line.textChanged.connect(self._on_change)
        return line

    def answers(self) -> dict[str, Answer]:
        """What was answered, by question code; unanswered questions are left out."""
        answers: dict[str, Answer] = {}
        for code, field in self._inputs.items():
            value = _read(field)
            if value:
                answers[code] = value
        return answers

    def set_answers(self, answers: Mapping[str, object]) -> None:
        """Fill the fields (restoring a draft)."""
        for code, value in answers.items():
            field = self._inputs.get(code)
            if field is not None:
                _write(field, value)

    def mark(self, problems: Mapping[str, str]) -> QWidget | None:
        """Show each question's message (by code); return the first field with a problem."""
        first = None
        for code, error in self._errors.items():
            message = problems.get(code, "")
            error.setText(message)
            error.setVisible(bool(message))
            if message and first is None:
                first = self._inputs[code]
        return first

    def clear(self) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._inputs.clear()
        self._errors.clear()
        self._questions = ()


def _read(field: QWidget) -> Answer:
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText().strip()
    if isinstance(field, QComboBox):
        return str(field.currentData() or "")
    if isinstance(field, QListWidget):
        items = (field.item(row) for row in range(field.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]
    assert isinstance(field, QLineEdit)
    return field.text().strip()


def _write(field: QWidget, value: object) -> None:
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(str(value))
    elif isinstance(field, QComboBox):
        field.setCurrentIndex(max(0, field.findData(str(value))))
    elif isinstance(field, QListWidget):
        chosen = {str(v) for v in value} if isinstance(value, list) else {str(value)}
        for row in range(field.count()):
            item = field.item(row)
            checked = str(item.data(Qt.ItemDataRole.UserRole)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    elif isinstance(field, QLineEdit):
        field.setText(str(value))
