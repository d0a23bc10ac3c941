"""The operator's intake form: caller, location with a map pin, category, questions, submit."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from operator_console.domain.intake import MAX_DESCRIPTION_CHARS, validate_draft
from operator_console.domain.open311 import ServiceAttribute
from operator_console.services.addresses.search import AddressMatch
from operator_console.services.duplicates.finder import AttachReceipt
from operator_console.services.intake.drafts import SavedCall
from operator_console.services.intake.gateway import EarlierRequest, MapSetup, ServiceChoice
from operator_console.services.intake.submission import IntakeDecision, IntakeReceipt
from operator_console.ui.common.formatting import local_time, spoken_date, status_label
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.common.words import shown
from operator_console.ui.duplicates.candidates_panel import CandidatesPanel
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.caller_fill import CallerFillOffer
from operator_console.ui.intake.caller_reply import offer_reply_choices
from operator_console.ui.intake.category_picker import CategoryPicker
from operator_console.ui.intake.close_question import CloseAnswer, ask_before_closing
from operator_console.ui.intake.fields import IntakeFields
from operator_console.ui.intake.keys import (
    LANGUAGES,
    OTHER_LANGUAGE,
    described_shortcuts,
    install_shortcuts,
)
from operator_console.ui.intake.location_picker import LocationPicker
from operator_console.ui.intake.photo_list import PhotoList
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.intake.question_fields import QuestionFields
from operator_console.ui.intake.read_back_card import ReadBackCard
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView


class IntakePanel(QWidget):
    """Composes the form; the presenter talks to the database, `IntakeFields` holds the draft.

    Signals:
        changes_made(object): a ChangeBatch this panel wrote outside a submit (a caller added
            to an existing request), for the change bus.
    """

    changes_made = Signal(object)

    def __init__(
        self,
        presenter: IntakePresenter,
        base_map: BaseMap | None = None,
        candidates: CandidatesPanel | None = None,
    ) -> None:
        """`base_map` None: no map at all (a console without QtWebEngine, or a fast test).
        `candidates`: the live "already reported?" panel, searched as the call is typed."""
        super().__init__()
        self.ui = Ui_IntakePanel()
        self.ui.setupUi(self)
        self.presenter = presenter
        self.time_zone = "UTC"
        self.client_uuid = str(uuid.uuid4())
        self.last_receipt: IntakeReceipt | None = None
        self.read_back = ReadBackCard(self.ui, self)
        self._restoring: dict[str, object] = {}
        self._restoring_service = ""
        self._shown_before = False
        self._map_setup: MapSetup | None = None
        self._restored_to_look_up = False
        self._clearing = False
        self._questions_by_service: dict[str, tuple[ServiceAttribute, ...]] = {}
        ui = self.ui
        for code, name in LANGUAGES:
            ui.callerLanguage.addItem(self.tr(name) if code == OTHER_LANGUAGE else name, code)
        offer_reply_choices(ui.callerReplyBy)
        self.questions = QuestionFields(ui.questionsLayout, self._on_form_edited)
        self.photo_list = PhotoList(ui.attachmentList, presenter.runner, self)
        self.fields = IntakeFields(ui, self.questions, self.photo_list)
        self.categories = CategoryPicker(ui, self)
        self.location = LocationPicker(ui, self.fields, presenter, base_map, self)
        self.caller_fill = CallerFillOffer(ui, presenter, self)
        self.problem = ProblemLine(self)  # a lookup the form needs failed: why, and Retry
        ui.sideLayout.insertWidget(0, self.problem)
        self.candidates = candidates
        self._candidates_on_map = False
        if candidates is not None:
            ui.candidatesLayout.addWidget(candidates)
            candidates.set_caller_source(self.fields.caller)
            candidates.caller_attached.connect(self._on_caller_attached)
        self._phone_timer = _single_shot(self, 300, self._on_phone_timer_timeout)
        self._journal_timer = _single_shot(self, 300, self._save_draft)
        self._preview_timer = _single_shot(self, 200, self._ask_preview)
        self._connect()
        self._add_shortcuts()
        ui.splitter.setSizes([520, 760])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_before:  # the window appears: the first keys go to the phone
            self._shown_before = True
            self.focus_phone()

    def focus_phone(self) -> None:
        """Where every call begins: the phone field, focused and scrolled into view."""
        self.ui.callerPhone.setFocus()
        self.ui.formScroll.ensureWidgetVisible(self.ui.callerPhone)

    def _connect(self) -> None:
        ui, presenter = self.ui, self.presenter
        self.location.location_changed.connect(self._on_form_edited)
        self.location.place_settled.connect(self._preview_timer.start)
        ui.callerPhone.textEdited.connect(lambda _text: self._phone_timer.start())
        ui.callerAnonymous.toggled.connect(self._on_anonymous_toggled)
        ui.callerLanguage.currentIndexChanged.connect(self._on_form_edited)
        ui.callerReplyBy.currentIndexChanged.connect(self._on_form_edited)
        ui.descriptionEdit.textChanged.connect(self._on_description_changed)
        ui.submitButton.clicked.connect(self.submit)
        ui.newCallButton.clicked.connect(self.new_call)
        ui.cancelButton.clicked.connect(self.cancel_call)
        ui.recallButton.clicked.connect(self.recall_last)
        ui.addPhotoButton.clicked.connect(lambda: self.photo_list.pick_files(self))
        self.photo_list.files_read.connect(self._show_photo_problems)
        ui.removePhotoButton.clicked.connect(self.photo_list.remove_selected)
        for line in (
            ui.callerFirstName,
            ui.callerLastName,
            ui.callerEmail,
            ui.callerPhone,
            ui.categorySearch,
        ):
            line.textEdited.connect(self._on_form_edited)
        self.photo_list.photos_changed.connect(self._on_form_edited)
        self.categories.service_chosen.connect(self._on_service_chosen)
        self.caller_fill.filled.connect(self._on_form_edited)
        presenter.catalog_loaded.connect(self._on_catalog_loaded)
        presenter.map_setup_loaded.connect(self._on_map_setup_loaded)
        presenter.earlier_requests_found.connect(self._on_earlier_requests_found)
        presenter.preview_ready.connect(self._on_preview_ready)
        presenter.request_submitted.connect(self._on_request_submitted)
        presenter.submission_rejected.connect(self._on_submission_rejected)
        presenter.submission_kept.connect(self._start_next_call)
        presenter.submission_queued.connect(self._on_submission_queued)
        presenter.submission_failed.connect(self._on_submission_failed)
        presenter.queued_submission_sent.connect(self._on_queued_submission_sent)
        presenter.operation_failed.connect(self._on_operation_failed)
        presenter.lookup_failed.connect(self.problem.report)
        presenter.lookup_answered.connect(self.problem.resolve)
        presenter.kept_draft_read.connect(self._on_kept_draft_read)

    def _add_shortcuts(self) -> None:
        install_shortcuts(
            self,
            {
                "new_call": self.new_call,
                "submit": self.submit,
                "cancel": self.cancel_call,
                "location": self.ui.locationAddress.setFocus,
                "category": self.ui.categorySearch.setFocus,
                "description": self.ui.descriptionEdit.setFocus,
                "recall": self.recall_last,
                "fill_caller": self.caller_fill.fill,
            },
        )

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        listed = described_shortcuts()
        return listed + (self.candidates.shortcuts() if self.candidates is not None else [])

    def load(self) -> None:
        """Read the catalog and the map; restore the draft a crash or kill left behind."""
        self.presenter.load()
        self.presenter.read_kept_draft()

    @Slot(object)
    def _on_kept_draft_read(self, saved: SavedCall | None) -> None:
        if saved is not None:
            self.restore(saved)

    def restore(self, saved: SavedCall) -> None:
        """Put a kept call back as it was: fields, category search, pin and the place at it,
        and the caller's earlier requests (looked up once the city's settings are known)."""
        submission = saved.submission
        self.client_uuid = submission.client_uuid
        self.fields.fill(submission)
        self.ui.categorySearch.setText(saved.category_search)
        self._restoring = dict(submission.draft.answers)
        self._restoring_service = submission.draft.service_code
        self.fields.service_code = submission.draft.service_code
        if self._questions_by_service:  # the catalog came first
            self.categories.choose(self._restoring_service)
            self._restoring_service = ""
        self._restored_to_look_up = True
        if self._map_setup is not None:
            self._look_up_restored()
        self.ui.queueBanner.setText(self.tr("The call you were taking was restored."))
        self.ui.queueBanner.show()

    def _look_up_restored(self) -> None:
        self._restored_to_look_up = False
        fields = self.fields
        if fields.latitude is not None and fields.longitude is not None:
            self.location.restore_pin(fields.latitude, fields.longitude)
        phone = fields.caller().phone
        if phone:
            self.presenter.look_up_caller(phone)

    @Slot(list)
    def _on_catalog_loaded(self, services: list[ServiceChoice]) -> None:
        self._questions_by_service = {service.code: service.questions for service in services}
        self.categories.set_catalog(services)
        if self._restoring_service:
            self.categories.choose(self._restoring_service)
            self._restoring_service = ""

    # caller
    def _on_phone_timer_timeout(self) -> None:
        self.presenter.look_up_caller(self.ui.callerPhone.text())

    @Slot(list)
    def _on_earlier_requests_found(self, earlier: list[EarlierRequest]) -> None:
        if not earlier:
            self.ui.callerHistory.clear()
            return
        lines = [self.tr("Earlier requests from this number:")]
        for item in earlier:
            opened = local_time(item.created_at, self.time_zone)
            status = status_label(item.status)
            lines.append(
                f"  {item.reference}  {item.service} — {status} ({opened}), {item.address}"
            )
        self.ui.callerHistory.setText("\n".join(lines))

    def _on_anonymous_toggled(self, anonymous: bool) -> None:
        ui = self.ui
        for line in (ui.callerPhone, ui.callerFirstName, ui.callerLastName, ui.callerEmail):
            line.setEnabled(not anonymous)
        self._on_form_edited()

    @Slot(object)
    def _on_map_setup_loaded(self, setup: MapSetup) -> None:
        self.time_zone = setup.time_zone
        self._map_setup = setup
        if self._restored_to_look_up:
            self._look_up_restored()
        view, candidates = self.location.map_view, self.candidates
        if candidates is not None:
            candidates.list.time_zone = setup.time_zone
        if view is not None and candidates is not None and not self._candidates_on_map:
            self._candidates_on_map = True  # once: the setup is read again after a change
            candidates.candidates_shown.connect(view.set_candidates)
            view.candidate_clicked.connect(candidates.highlight)

    @property
    def map_view(self) -> MapView | None:
        return self.location.map_view

    def use_address(self, match: AddressMatch) -> None:
        self.location.use_address(match)

    # category
    def _on_service_chosen(self, service: ServiceChoice | None) -> None:
        self.fields.service_code = service.code if service else ""
        self.questions.show_questions(service.questions if service else ())
        self._preview_timer.start()
        if self._restoring:
            self.questions.set_answers(self._restoring)
            self._restoring = {}
        self._chain_tab_order()
        self._on_form_edited()

    def _chain_tab_order(self) -> None:
        previous: QWidget = self.ui.categoryResults
        for index in range(self.ui.questionsLayout.rowCount()):
            item = self.ui.questionsLayout.itemAt(index, self.ui.questionsLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if (
                widget is not None
                and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and widget.objectName().startswith("answer_")
            ):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.ui.descriptionEdit)

    def _ask_preview(self) -> None:
        self.presenter.preview(self.fields.draft())

    @Slot(object)
    def _on_preview_ready(self, decision: IntakeDecision | None) -> None:
        label = self.ui.routingPreview
        if decision is None:
            label.clear()
            return
        label.setText(
            self.tr("Will go to %1 — %2 Expected by %3.")
            .replace("%1", decision.queue_name)
            .replace("%2", shown(decision.explanation))
            .replace("%3", spoken_date(decision.due_at, self.time_zone))
        )

    # description, photos
    def _on_description_changed(self) -> None:
        count = len(self.ui.descriptionEdit.toPlainText())
        self.ui.descriptionCounter.setText(f"{count} / {MAX_DESCRIPTION_CHARS}")
        over = count > MAX_DESCRIPTION_CHARS
        self.ui.descriptionCounter.setStyleSheet(
            "color: #b00020; font-weight: 600;" if over else ""
        )
        self._on_form_edited()

    def _show_photo_problems(self, problems: list[str]) -> None:
        self.ui.attachmentsError.setText("\n".join(problems))
        self.ui.attachmentsError.setVisible(bool(problems))

    # draft journal
    def _on_form_edited(self, *_args: object) -> None:
        if not self._clearing:  # the next call has begun: the last card must not be read to it
            self.read_back.hide()
        if self.fields.marked:  # a message goes as soon as its field is put right
            self.fields.unmark_corrected(
                validate_draft(
                    self.fields.draft(), self._questions_by_service, self.presenter.phone_region
                )
            )
        self._journal_timer.start()
        if self.candidates is not None:
            fields, ui = self.fields, self.ui
            self.candidates.search(
                fields.service_code,
                fields.latitude,
                fields.longitude,
                ui.descriptionEdit.toPlainText(),
                ui.locationAddress.text(),
            )

    def _save_draft(self) -> None:
        if self.fields.is_empty():
            self.presenter.keep_draft(None)
        else:
            submission = self.fields.submission(self.client_uuid)
            self.presenter.keep_draft(SavedCall(submission, self.ui.categorySearch.text()))

    # submit
    def submit(self) -> None:
        if not self.ui.submitButton.isEnabled():
            return  # a second Ctrl+Enter while the first submission is on its way
        if self.photo_list.reading:
            self._show_photo_problems(
                [self.tr("The photos are still being read: submit again in a moment.")]
            )
            return
        self.ui.submitButton.setEnabled(False)
        self._save_draft()
        self.presenter.submit(self.fields.submission(self.client_uuid))

    @Slot(list)
    def _on_submission_rejected(self, problems: list[object]) -> None:
        self.ui.submitButton.setEnabled(True)
        first = self.fields.mark(problems)  # type: ignore[arg-type]
        if first is not None:
            first.setFocus()

    @Slot(object)
    def _on_request_submitted(self, receipt: IntakeReceipt) -> None:
        self.last_receipt = receipt
        if self.candidates is not None and receipt.created:
            self.candidates.record_submitted_as_new(receipt.request_id)
        self.read_back.show_submitted(receipt, self.time_zone)
        self._start_next_call()

    @Slot(object)
    def _on_caller_attached(self, receipt: AttachReceipt) -> None:
        self.changes_made.emit(receipt.changes())
        self.read_back.show_attached(receipt, self.time_zone)
        self._start_next_call()

    @Slot(int)
    def _on_submission_queued(self, waiting: int) -> None:
        ui = self.ui
        if waiting:
            ui.queueBanner.setText(
                self.tr(
                    "%n call(s) kept on this computer: the database does not answer. "
                    "They are sent as soon as it does.",
                    "",
                    waiting,
                )
            )
            ui.queueBanner.show()
        else:
            ui.queueBanner.hide()

    @Slot(object)
    def _on_queued_submission_sent(self, receipt: IntakeReceipt) -> None:
        self.ui.queueBanner.setText(
            self.tr("A kept call was sent: %1").replace("%1", receipt.reference)
        )

    @Slot(str)
    def _on_submission_failed(self, message: str) -> None:
        self.ui.submitButton.setEnabled(True)
        self._on_operation_failed(message)

    @Slot(str)
    def _on_operation_failed(self, message: str) -> None:
        self.ui.queueBanner.setText(message)
        self.ui.queueBanner.show()

    def _start_next_call(self) -> None:
        self._clearing = True
        try:
            self.fields.clear()
            self.ui.routingPreview.clear()
            self.categories.clear()
            self.location.clear()
            if self.candidates is not None:
                self.candidates.clear()
        finally:
            self._clearing = False
        self.client_uuid = str(uuid.uuid4())
        self.ui.submitButton.setEnabled(True)
        self.presenter.keep_draft(None)
        self.focus_phone()

    def new_call(self) -> None:
        if self.fields.is_empty() or self._confirm_discard():
            self.read_back.hide()
            self._start_next_call()

    def cancel_call(self) -> None:
        self.new_call()

    def may_close(self) -> bool:
        """Asked before the window closes: a call being typed is kept as a draft (restored at the
        next start), discarded, or the window stays open. An empty form closes without a word.

        The draft is written on the journal's lane, which the runner's shutdown finishes before
        the console exits: the Qt thread waits for the disk only then."""
        if self.fields.is_empty():
            return True
        answer = ask_before_closing(self)
        if answer is CloseAnswer.KEEP_AS_DRAFT:
            self._journal_timer.stop()
            self._save_draft()
        elif answer is CloseAnswer.DISCARD:
            self._start_next_call()  # clears the kept draft too
            self._journal_timer.stop()
        return answer is not CloseAnswer.STAY

    def _confirm_discard(self) -> bool:
        typing_in = QApplication.focusWidget()
        answer = QMessageBox.question(
            self,
            self.tr("Discard this call?"),
            self.tr("What was typed for this call will be lost."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        self.activateWindow()  # the operator goes on typing here, whatever the answer
        if typing_in is not None and self.isAncestorOf(typing_in):
            typing_in.setFocus()
        return answer == QMessageBox.StandardButton.Discard

    def recall_last(self) -> None:
        self.read_back.recall()


def _single_shot(parent: QWidget, milliseconds: int, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(milliseconds)
    timer.timeout.connect(slot)
    return timer
