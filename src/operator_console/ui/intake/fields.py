"""Reading the intake form into a draft, writing a draft back, and marking its problems."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, DraftProblem, IntakeDraft, Location
from operator_console.services.intake.submission import Submission
from operator_console.ui.common.words import shown
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.caller_reply import chosen_reply, show_reply
from operator_console.ui.intake.photo_list import Photo, PhotoList
from operator_console.ui.intake.question_fields import QuestionFields


class IntakeFields:
    """The form's fields as one draft; the pin and the chosen service are held here too."""

    def __init__(self, ui: Ui_IntakePanel, questions: QuestionFields, photos: PhotoList) -> None:
        self.ui = ui
        self.questions = questions
        self.photos = photos
        self.latitude: float | None = None
        self.longitude: float | None = None
        self.district_code: str | None = None
        self.service_code = ""
        self.marked: list[DraftProblem] = []

    def caller(self) -> Caller:
        ui = self.ui
        if ui.callerAnonymous.isChecked():
            return Caller()
        channel, no_messages = chosen_reply(ui.callerReplyBy)
        return Caller(
            first_name=ui.callerFirstName.text().strip(),
            last_name=ui.callerLastName.text().strip(),
            phone=ui.callerPhone.text().strip(),
            email=ui.callerEmail.text().strip(),
            language=str(ui.callerLanguage.currentData() or ""),
            preferred_channel=channel,
            no_messages=no_messages,
        )

    def draft(self) -> IntakeDraft:
        photos = self.photos.photos()
        return IntakeDraft(
            caller=self.caller(),
            location=Location(
                self.latitude,
                self.longitude,
                self.ui.locationAddress.text().strip(),
                self.district_code,
            ),
            service_code=self.service_code,
            answers=self.questions.answers(),
            description=self.ui.descriptionEdit.toPlainText(),
            attachments=tuple(
                Attachment(p.file_name, p.size_bytes, p.content[:16]) for p in photos
            ),
        )

    def submission(self, client_uuid: str) -> Submission:
        contents = tuple(photo.content for photo in self.photos.photos())
        return Submission(client_uuid, self.draft(), "phone", contents)

    def is_empty(self) -> bool:
        draft = self.draft()
        return (
            draft.caller.is_anonymous
            and not draft.location.address
            and not draft.location.has_pin
            and not draft.service_code
            and not draft.description.strip()
            and not draft.attachments
            and not self.ui.categorySearch.text().strip()
        )

    def fill(self, submission: Submission) -> None:
        """Put a saved submission back into the form (questions are filled once shown)."""
        ui, draft = self.ui, submission.draft
        ui.callerPhone.setText(draft.caller.phone)
        ui.callerFirstName.setText(draft.caller.first_name)
        ui.callerLastName.setText(draft.caller.last_name)
        ui.callerEmail.setText(draft.caller.email)
        ui.callerLanguage.setCurrentIndex(max(0, ui.callerLanguage.findData(draft.caller.language)))
        show_reply(ui.callerReplyBy, draft.caller)
        ui.locationAddress.setText(draft.location.address)
        self.latitude, self.longitude = draft.location.latitude, draft.location.longitude
        self.district_code = draft.location.district_code
        ui.descriptionEdit.setPlainText(draft.description)
        self.photos.clear()
        for attachment, content in zip(
            draft.attachments, submission.attachment_contents, strict=True
        ):
            self.photos.add(Photo(attachment.file_name, content, len(content)))

    def clear(self) -> None:
        ui = self.ui
        for line in (ui.callerPhone, ui.callerFirstName, ui.callerLastName, ui.callerEmail):
            line.clear()
        ui.callerAnonymous.setChecked(False)
        ui.callerLanguage.setCurrentIndex(0)
        ui.callerReplyBy.setCurrentIndex(0)
        ui.callerHistory.clear()
        ui.locationAddress.clear()
        ui.categorySearch.clear()
        ui.categoryResults.clear()
        ui.descriptionEdit.clear()
        self.photos.clear()
        self.questions.clear()
        self.latitude = self.longitude = None
        self.district_code = None
        self.service_code = ""
        self.mark([])

    def _error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        ui = self.ui
        return {
            "caller.phone": (ui.callerPhoneError, ui.callerPhone),
            "caller.email": (ui.callerEmailError, ui.callerEmail),
            "caller.reply_by": (ui.callerReplyByError, ui.callerReplyBy),
            "location": (ui.locationError, ui.locationAddress),
            "service": (ui.categoryError, ui.categorySearch),
            "description": (ui.descriptionError, ui.descriptionEdit),
            "attachments": (ui.attachmentsError, ui.attachmentList),
        }

    def mark(self, problems: Sequence[DraftProblem]) -> QWidget | None:
        """Show each problem next to its field; return the first field to focus, in form order."""
        self.marked = list(problems)
        messages: dict[str, list[str]] = {}
        answers: dict[str, str] = {}
        for problem in problems:
            if problem.field.startswith("answers."):
                answers[problem.field.removeprefix("answers.")] = shown(problem.message)
            else:
                messages.setdefault(_field_key(problem.field), []).append(shown(problem.message))
        first_by_field: dict[str, QWidget] = {}
        for key, (label, widget) in self._error_labels().items():
            text = "\n".join(messages.get(key, []))
            label.setText(text)
            label.setVisible(bool(text))
            if text:
                first_by_field[key] = widget
        first_answer = self.questions.mark(answers)
        for problem in problems:
            if problem.field.startswith("answers.") and first_answer is not None:
                return first_answer
            if _field_key(problem.field) in first_by_field:
                return first_by_field[_field_key(problem.field)]
        return None

    def unmark_corrected(self, current: Sequence[DraftProblem]) -> None:
        """Take away each shown message whose problem is gone from `current`; show no new one."""
        kept = [problem for problem in self.marked if _still_there(problem, current)]
        if len(kept) < len(self.marked):
            self.mark(kept)


def _still_there(problem: DraftProblem, current: Sequence[DraftProblem]) -> bool:
    key = _field_key(problem.field)
    if key == "attachments":  # one message per photo: it goes with its photo
        return any(
            _field_key(now.field) == key and now.message == problem.message for now in current
        )
    return any(_field_key(now.field) == key for now in current)


def _field_key(field: str) -> str:
    return "attachments" if field.startswith("attachments") else field
