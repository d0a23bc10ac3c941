"""The SLA & calendars page's questions: a policy's target, a calendar's hours, a closure day;
a refusal is said under the field it is about, and what was typed stays."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from operator_console.services.admin.sla.actions import CalendarEdit, PolicyEdit
from operator_console.services.admin.sla.closures import ClosureRequest
from operator_console.services.admin.sla.ports import CalendarSettings, PolicySettings

_REFUSAL_STYLE = "color: #c62828; font-weight: 600;"


def _refusal_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(_REFUSAL_STYLE)
    label.hide()
    return label


class SlaDialog(QDialog):
    """A window-modal question whose OK asks the page to save (`submitted`); it stays open,
    saying why under the field concerned, until the save works (`saved`) or the person cancels.

    Signals:
        submitted(object): what the person asked for; the page runs it in the background.
    """

    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        self._field_refusals: dict[str, QLabel] = {}
        self.refusal = _refusal_label(self)
        self.refusal.setObjectName("refusal")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_field(self, name: str, label: str, widget: QWidget, accessible: str) -> None:
        """A labelled input (`label` with its &mnemonic) and, under it, its refusal line."""
        widget.setObjectName(f"{name}Field")
        widget.setAccessibleName(accessible)
        self.fields[name] = widget
        self.form.addRow(label, widget)
        refusal = _refusal_label(self)
        refusal.setObjectName(f"{name}Refusal")
        self._field_refusals[name] = refusal
        self.form.addRow("", refusal)

    def finish_form(self) -> None:
        """Close the form with its refusal line and buttons; the cursor starts in the first
        field, and Tab goes through the fields in order, then to the buttons."""
        self.form.addRow(self.refusal)
        self.form.addRow(self.buttons)
        order = [*self.fields.values(), self.buttons]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def request(self) -> object | None:
        """What to save, or None after saying (`refuse`) what is wrong."""
        raise NotImplementedError

    def accept(self) -> None:
        self._clear_refusals()
        asked = self.request()
        if asked is None:
            return
        self.set_busy(True)
        self.submitted.emit(asked)

    def saved(self) -> None:
        self.set_busy(False)
        super().accept()

    def refuse(self, message: str, field: str = "") -> None:
        """Say `message` under `field` (and put the cursor there), or under the form."""
        self.set_busy(False)
        label = self._field_refusals.get(field, self.refusal)
        label.setText(message)
        label.show()
        self.adjustSize()  # room for the wrapped lines
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Saving…") if busy else self.tr("OK"))

    def _clear_refusals(self) -> None:
        for label in (self.refusal, *self._field_refusals.values()):
            label.hide()


def _number(dialog: SlaDialog, field: str, text: str) -> float | None:
    """The number typed (a share may be typed as 75%), or None after saying it is none."""
    typed = text.strip().replace(",", ".")
    share = typed.endswith("%")
    try:
        value = float(typed.rstrip("%").strip())
    except ValueError:
        words = QCoreApplication.translate("SlaDialog", "%1 is not a number.")
        dialog.refuse(words.replace("%1", repr(text.strip())), field)
        return None
    return value / 100 if share else value


def calendar_combo(codes: tuple[str, ...], chosen: str | None, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("SlaDialog", "The first calendar"), None)
    for code in codes:
        combo.addItem(code, code)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return combo


class PolicyDialog(SlaDialog):
    """A new policy (code, name, clock, target, at-risk share, calendar), or an existing one's
    target, at-risk share and calendar."""

    def __init__(
        self, before: PolicySettings | None, calendars: tuple[str, ...], parent: QWidget
    ) -> None:
        title = self.tr("Add an SLA policy") if before is None else self.tr("Change a policy")
        super().__init__(title, parent)
        self.before = before
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("e.g. business-5d"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 5 business days"))
        self.clock = QComboBox(self)
        self.clock.addItem(self.tr("Working hours of the calendar"), "business")
        self.clock.addItem(self.tr("Around the clock"), "calendar")
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("Hours, e.g. 45 (5 days of 9 hours)"))
        self.share = QLineEdit(self)
        self.share.setPlaceholderText(self.tr("e.g. 0.75 or 75%"))
        self.calendar = calendar_combo(calendars, before.calendar if before else None, self)
        if before is None:
            self.add_field("code", self.tr("&Code:"), self.code, self.tr("Policy code"))
            self.add_field("name", self.tr("&Name:"), self.name, self.tr("Policy name"))
            self.add_field("clock", self.tr("C&lock:"), self.clock, self.tr("Clock"))
            self.share.setText("0.75")
        else:
            self.code.hide()
            self.name.hide()
            self.clock.hide()
            self.form.addRow(QLabel(f"<b>{before.name}</b> ({before.code})", self))
            self.target.setText(f"{before.target_hours:g}")
            self.share.setText(f"{before.at_risk_fraction:g}")
        self.add_field(
            "target_hours", self.tr("&Target (hours):"), self.target, self.tr("Target in hours")
        )
        self.add_field(
            "at_risk_fraction",
            self.tr("At &risk after:"),
            self.share,
            self.tr("Share of the target after which a case is at risk"),
        )
        self.add_field("calendar", self.tr("C&alendar:"), self.calendar, self.tr("Calendar"))
        if before is not None:
            note = QLabel(
                self.tr("Applies to cases opened from now on; open cases keep their due dates."),
                self,
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.finish_form()

    def request(self) -> PolicyEdit | PolicySettings | None:
        target = _number(self, "target_hours", self.target.text())
        if target is None:
            return None
        share = _number(self, "at_risk_fraction", self.share.text())
        if share is None:
            return None
        calendar = self.calendar.currentData()
        if self.before is not None:
            return PolicyEdit(self.before, target, share, calendar)
        return PolicySettings(
            self.code.text(), self.name.text(), self.clock.currentData(), target, share, calendar
        )


class CalendarDialog(SlaDialog):
    """A calendar's working hours (HH:MM to HH:MM), working days, time zone and public
    holidays (a country and, optionally, its state or province)."""

    def __init__(self, before: CalendarSettings, parent: QWidget) -> None:
        super().__init__(self.tr("Calendar %1").replace("%1", before.code), parent)
        self.before = before
        self.start = QLineEdit(before.work_start, self)
        self.end = QLineEdit(before.work_end, self)
        self.time_zone = QLineEdit(before.time_zone, self)
        self.time_zone.setPlaceholderText(self.tr("e.g. America/New_York"))
        self.country = QLineEdit(before.holiday_country or "", self)
        self.country.setPlaceholderText(self.tr("e.g. US; empty: no public holidays"))
        self.subdivision = QLineEdit(before.holiday_subdivision or "", self)
        self.subdivision.setPlaceholderText(self.tr("e.g. MA; optional"))
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        for number in range(7):
            locale = QLocale()
            box = QCheckBox(locale.dayName(number + 1, QLocale.FormatType.ShortFormat), days)
            box.setChecked(number in before.working_days)
            whole_name = locale.dayName(number + 1, QLocale.FormatType.LongFormat)
            box.setAccessibleName(self.tr("Works on %1").replace("%1", whole_name))
            row.addWidget(box)
            self.days.append(box)
        self.add_field("work_start", self.tr("&Opens at:"), self.start, self.tr("Opening time"))
        self.add_field("work_end", self.tr("&Closes at:"), self.end, self.tr("Closing time"))
        self.add_field("working_days", self.tr("Working &days:"), days, self.tr("Working days"))
        self.add_field("time_zone", self.tr("&Time zone:"), self.time_zone, self.tr("Time zone"))
        self.add_field(
            "holiday_country",
            self.tr("Public holidays of (&country):"),
            self.country,
            self.tr("Country whose public holidays the calendar keeps"),
        )
        self.add_field(
            "holiday_subdivision",
            self.tr("… and (&state):"),
            self.subdivision,
            self.tr("State or province whose public holidays the calendar keeps"),
        )
        note = QLabel(
            self.tr("Applies to cases opened from now on; open cases keep their due dates."), self
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish_form()

    def request(self) -> CalendarEdit:
        chosen = tuple(n for n, box in enumerate(self.days) if box.isChecked())
        return CalendarEdit(
            self.before,
            self.start.text(),
            self.end.text(),
            chosen,
            self.time_zone.text(),
            (self.country.text(), self.subdivision.text()),
        )


class ClosureDialog(SlaDialog):
    """A day to close on a calendar and why; the first OK asks how many open cases it would
    make due later (`preview_wanted`), the second declares it.

    Signals:
        preview_wanted(object): the `ClosureRequest` to count; answer with `show_preview`.
    """

    preview_wanted = Signal(object)

    def __init__(self, calendar: str, parent: QWidget) -> None:
        super().__init__(self.tr("Declare a closure day on %1").replace("%1", calendar), parent)
        self.calendar = calendar
        self.previewed: ClosureRequest | None = None
        self.day = QLineEdit(self)
        self.day.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 2026-02-09"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Snow emergency"))
        self.add_field("day", self.tr("&Day:"), self.day, self.tr("Day to close"))
        self.add_field("name", self.tr("&Why:"), self.name, self.tr("Why the city is closed"))
        self.preview = QLabel(self)
        self.preview.setObjectName("closurePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet("font-weight: 600;")
        self.preview.hide()
        self.form.addRow(self.preview)
        self.finish_form()
        self.day.textEdited.connect(self._forget_preview)
        self.name.textEdited.connect(self._forget_preview)
        self.set_busy(False)

    def request(self) -> ClosureRequest:
        return ClosureRequest(self.calendar, self.day.text(), self.name.text())

    def accept(self) -> None:
        asked = self.request()
        if asked == self.previewed:
            super().accept()
            return
        self._clear_refusals()
        self.ok_button.setEnabled(False)
        self.ok_button.setText(self.tr("Counting…"))
        self.preview_wanted.emit(asked)

    def show_preview(self, asked: ClosureRequest, count: int) -> None:
        """Say how many open cases `asked` would make due later; OK now declares it."""
        if asked != self.request():
            return
        self.previewed = asked
        if count == 0:
            text = self.tr("No open case will be due later. Press Declare closed to confirm.")
        else:
            text = self.tr(
                "%Ln open case(s) will be due later. Press Declare closed to confirm.", "", count
            )
        self.preview.setText(text)
        self.preview.show()
        self.adjustSize()  # room for the wrapped lines
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        if busy:
            self.ok_button.setText(self.tr("Moving due dates…"))
        elif self.previewed is None:
            self.ok_button.setText(self.tr("&Preview"))
        else:
            self.ok_button.setText(self.tr("&Declare closed"))

    def _forget_preview(self) -> None:
        if self.previewed is not None:
            self.previewed = None
            self.preview.hide()
            self.set_busy(False)
