"""The intake form's conversations with the database and the draft journal, all off the Qt
thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from operator_console.domain.caller import PhoneNumberError, parse_phone
from operator_console.domain.intake import IntakeDraft
from operator_console.domain.permissions import NotPermittedError
from operator_console.services.catalog.category_catalog import offered_services
from operator_console.services.errors import BackendUnavailableError
from operator_console.services.intake.drafts import DraftJournal, SavedCall
from operator_console.services.intake.gateway import CallerHistory
from operator_console.services.intake.submission import (
    IntakeReceipt,
    IntakeRejectedError,
    Submission,
    SubmissionConflictError,
    preview_intake,
)
from operator_console.services.intake.submission import submit as store_submission
from operator_console.services.session import ConsoleSession
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for

RETRY_INTERVAL_MS = 5000
JOURNAL = "draft-journal"
"""The runner's lane for the draft journal: its reads and writes happen in the order asked."""


class IntakePresenter(QObject):
    """Asks the services for what the form needs and reports back with signals.

    Signals:
        catalog_loaded: list of ServiceChoice the person at the console is offered.
        map_setup_loaded: the MapSetup.
        caller_known: the KnownCaller of the typed phone, or None.
        earlier_requests_found: list of EarlierRequest for the typed phone.
        address_suggestions_found: (typed text, list of AddressMatch).
        place_found: (lat, lon, PinPlace) for a pin.
        preview_ready: the IntakeDecision submitting now would make (or None).
        request_submitted: IntakeReceipt of the submission just made.
        submission_rejected: list of DraftProblem; nothing was stored.
        submission_kept: the submission just made waits on this computer for the database.
        submission_queued: how many submissions wait for the database.
        submission_failed: a message; the submission just made failed and nothing was kept.
        queued_submission_sent: IntakeReceipt of a submission sent from the queue.
        kept_draft_read: the SavedCall a crash or a kill left behind, or None (there is none,
            or it could not be read: operation_failed says why first).
        operation_failed: a message for the operator.
        lookup_failed: (lookup, message, retry) a lookup the form needs failed; `retry()` asks
            again. The lookups: catalog, map, caller, address, place, preview.
        lookup_answered: (lookup) the lookup answered; a failure said for it is over.
    """

    catalog_loaded = Signal(list)
    map_setup_loaded = Signal(object)
    caller_known = Signal(object)
    earlier_requests_found = Signal(list)
    address_suggestions_found = Signal(str, list)
    place_found = Signal(float, float, object)
    preview_ready = Signal(object)
    request_submitted = Signal(object)
    submission_rejected = Signal(list)
    submission_kept = Signal()
    submission_queued = Signal(int)
    submission_failed = Signal(str)
    queued_submission_sent = Signal(object)
    kept_draft_read = Signal(object)
    operation_failed = Signal(str)
    lookup_failed = Signal(str, str, object)
    lookup_answered = Signal(str)

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        journal: DraftJournal,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.journal = journal
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.send_queued)
        self._sending_queue = False
        self._draft_writes = 0
        self.phone_region = "US"

    @property
    def runner(self) -> BackgroundRunner:
        """Where the form's other widgets send their slow work (reading photo files)."""
        return self._runner

    def load(self) -> None:
        self._load_catalog()
        self._load_map_setup()
        journal = self.journal
        self._runner.submit_in_order(
            JOURNAL,
            lambda: len(journal.queued()),
            self._on_queue_counted,
            self._queue_unreadable,
            owner=self,
        )

    def reload_configuration(self, _kind: str = "") -> None:
        """Read the catalog and the city's map setup again: an administrator changed the
        configuration (a service, a queue, the city's settings) at some console."""
        self._load_catalog()
        self._load_map_setup()

    def _on_queue_counted(self, waiting: int) -> None:
        if waiting:
            self.submission_queued.emit(waiting)
            self._retry_timer.start()

    def _queue_unreadable(self, error: BaseException) -> None:
        self._sending_queue = False
        self._retry_timer.stop()
        self._say(self.tr("The calls kept on this computer could not be read: %1"), error)

    # draft journal
    def read_kept_draft(self) -> None:
        """Read the draft a crash or a kill left behind; `kept_draft_read` brings it."""
        self._runner.submit_in_order(
            JOURNAL,
            self.journal.load_draft,
            self.kept_draft_read.emit,
            self._kept_draft_unreadable,
            owner=self,
        )

    def _kept_draft_unreadable(self, error: BaseException) -> None:
        self._say(self.tr("The saved draft could not be read: %1"), error)
        self.kept_draft_read.emit(None)

    def keep_draft(self, call: SavedCall | None) -> None:
        """Keep the call being typed in the journal (None: the form is empty, keep nothing).

        Writes happen in the order asked; one that a newer one follows is skipped. What was
        asked before the console closes is written before it exits (`BackgroundRunner.shutdown`).
        """
        self._draft_writes += 1
        number, journal = self._draft_writes, self.journal

        def write() -> None:
            if number != self._draft_writes:
                return  # a newer draft is on its way: writing this one would be wasted
            if call is None:
                journal.clear_draft()
            else:
                journal.save_draft(call)

        self._runner.submit_in_order(
            JOURNAL,
            write,
            lambda _nothing: None,
            lambda error: self._say(
                self.tr("What was typed could not be kept on this computer: %1"), error
            ),
            owner=self,
        )

    def _load_catalog(self) -> None:
        intake, role = self._session.intake, self._session.staff.role
        self._look_up(
            "catalog",
            lambda: offered_services(intake, role),
            self.catalog_loaded.emit,
            self.tr("Could not read the categories: %1"),
            self._load_catalog,
        )

    def _load_map_setup(self) -> None:
        self._look_up(
            "map",
            self._session.intake.map_setup,
            self._on_map_setup,
            self.tr("Could not read the city's settings (map, time zone, phone region): %1"),
            self._load_map_setup,
        )

    def _look_up(
        self,
        lookup: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        sentence: str,
        again: Callable[[], None],
    ) -> None:
        """Run `work` off the Qt thread (a newer `lookup` replaces it); then `on_done(result)`,
        or `lookup_failed` with `sentence` saying why in place of %1."""

        def answered(result: Any) -> None:
            self.lookup_answered.emit(lookup)
            on_done(result)

        def failed(error: BaseException) -> None:
            self.lookup_failed.emit(lookup, sentence.replace("%1", reason_for(error)), again)

        self._runner.submit_latest(lookup, work, answered, failed, owner=self)

    def _on_map_setup(self, setup: object) -> None:
        self.phone_region = getattr(setup, "phone_region", self.phone_region)
        self.map_setup_loaded.emit(setup)

    def look_up_caller(self, typed_phone: str) -> None:
        """The caller of the typed phone and their earlier requests (none when it does not
        parse); only the answer for the latest phone typed arrives."""
        try:
            e164: str | None = parse_phone(typed_phone, self.phone_region).e164
        except (PhoneNumberError, ValueError):
            e164 = None  # still answered through the runner: an older answer must not arrive

        def look_up() -> CallerHistory:
            if e164 is None:
                return CallerHistory(None, ())
            return self._session.intake.caller_history(e164)

        self._look_up(
            "caller",
            look_up,
            self._on_caller_history,
            self.tr("Could not look up the caller's earlier requests: %1"),
            lambda: self.look_up_caller(typed_phone),
        )

    def _on_caller_history(self, history: CallerHistory) -> None:
        self.caller_known.emit(history.caller)
        self.earlier_requests_found.emit(list(history.earlier))

    def suggest_addresses(self, text: str) -> None:
        if len(text.strip()) < 2:
            self.address_suggestions_found.emit(text, [])
            return
        self._look_up(
            "address",
            lambda: self._session.addresses.suggest(text, 10),
            lambda matches: self.address_suggestions_found.emit(text, matches),
            self.tr("Could not look up addresses: %1"),
            lambda: self.suggest_addresses(text),
        )

    def locate(self, latitude: float, longitude: float) -> None:
        """What is at the pin: nearest address and district."""
        self._look_up(
            "place",
            lambda: self._session.intake.place_at(latitude, longitude),
            lambda place: self.place_found.emit(latitude, longitude, place),
            self.tr("Could not find the address and district at the pin: %1"),
            lambda: self.locate(latitude, longitude),
        )

    def preview(self, draft: IntakeDraft) -> None:
        """Where the draft would go and when it would be due, if submitted now."""
        self._look_up(
            "preview",
            lambda: preview_intake(self._session.intake_work(), draft, datetime.now(UTC)),
            self.preview_ready.emit,
            self.tr("Could not work out where the call would go: %1"),
            lambda: self.preview(draft),
        )

    def submit(self, submission: Submission) -> None:
        staff = self._session.staff

        def on_error(error: BaseException) -> None:
            if isinstance(error, IntakeRejectedError):
                self.submission_rejected.emit(error.problems)
            elif isinstance(error, BackendUnavailableError):
                self._keep_for_later(submission)
            else:
                reason = reason_for(error, (SubmissionConflictError, NotPermittedError))
                self.submission_failed.emit(
                    self.tr("The call was not submitted: %1").replace("%1", reason)
                )

        def on_done(receipt: IntakeReceipt) -> None:
            self.keep_draft(None)
            self.request_submitted.emit(receipt)

        self._runner.submit(
            lambda: store_submission(
                self._session.intake_work,
                submission,
                staff,
                datetime.now(UTC),
                self._session.message_book,
            ),
            on_done,
            on_error,
            owner=self,
        )

    def _keep_for_later(self, submission: Submission) -> None:
        """The database does not answer: keep the submission in the journal's queue."""
        journal = self.journal

        def enqueue() -> int:
            journal.enqueue(submission)
            return len(journal.queued())

        def on_kept(waiting: int) -> None:
            self.keep_draft(None)
            self.submission_kept.emit()
            self.submission_queued.emit(waiting)
            self._retry_timer.start()

        def on_error(error: BaseException) -> None:
            self.submission_failed.emit(
                self.tr(
                    "The database does not answer, and the call could not be kept on this "
                    "computer either (%1). It is still on the form."
                ).replace("%1", str(error) or type(error).__name__)
            )

        self._runner.submit_in_order(JOURNAL, enqueue, on_kept, on_error, owner=self)

    def send_queued(self) -> None:
        """Try the queued submissions again, oldest first; stop at the first that cannot go."""
        if self._sending_queue:
            return
        self._sending_queue = True
        self._runner.submit_in_order(
            JOURNAL, self.journal.queued, self._send_oldest, self._queue_unreadable, owner=self
        )

    def _send_oldest(self, waiting: list[Submission]) -> None:
        if not waiting:
            self._sending_queue = False
            self._retry_timer.stop()
            return
        submission = waiting[0]
        staff = self._session.staff
        journal = self.journal

        def dequeue() -> int:
            journal.dequeue(submission.client_uuid)
            return len(journal.queued())

        def on_dequeued(receipt: IntakeReceipt, still_waiting: int) -> None:
            self._sending_queue = False
            self.queued_submission_sent.emit(receipt)
            self.submission_queued.emit(still_waiting)
            self.send_queued()

        def on_not_dequeued(error: BaseException) -> None:
            self._sending_queue = False
            self._retry_timer.stop()
            self._say(self.tr("A kept call was sent but stays on this computer: %1"), error)

        def on_done(receipt: IntakeReceipt) -> None:
            self._runner.submit_in_order(
                JOURNAL,
                dequeue,
                lambda still_waiting: on_dequeued(receipt, still_waiting),
                on_not_dequeued,
                owner=self,
            )

        def on_error(error: BaseException) -> None:
            self._sending_queue = False
            if isinstance(error, BackendUnavailableError):
                return  # still kept: the timer tries again, the banner says calls wait
            self._retry_timer.stop()
            refusals = (IntakeRejectedError, SubmissionConflictError, NotPermittedError)
            reason = reason_for(error, refusals)
            self.operation_failed.emit(
                self.tr("A queued call was refused and is kept: %1").replace("%1", reason)
            )

        self._runner.submit(
            lambda: store_submission(
                self._session.intake_work,
                submission,
                staff,
                datetime.now(UTC),
                self._session.message_book,
            ),
            on_done,
            on_error,
            owner=self,
        )

    def _say(self, sentence: str, error: BaseException) -> None:
        """`sentence` with the reason of `error` in place of %1, for the operator."""
        # The journal is files on this computer: their errors name what is wrong.
        reason = reason_for(error, (OSError, ValueError))
        self.operation_failed.emit(sentence.replace("%1", reason))
