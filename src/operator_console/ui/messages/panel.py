"""The Messages tab: every message to residents, filtered by status with counts, live."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.outbox_view.desk import MessageDesk
from operator_console.services.outbox_view.model import (
    PAGE_SIZE,
    MessageFilter,
    MessagePage,
    OutboxMessage,
)
from operator_console.services.outbox_view.resend import Resent
from operator_console.ui.common.alt_key import alt_key
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import local_time, whole_number
from operator_console.ui.common.message_words import (
    STATUS_ORDER,
    channel_label,
    delivery_label,
    kind_label,
    language_name,
)
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.messages.model import ERROR_COLUMN, MessagesModel
from operator_console.ui.messages.resend_dialog import ResendDialog

_WIDTHS = (118, 110, 150, 140, 80, 180, 110, 70)  # "Correo electrónico" whole
_TYPING_MS = 250


class MessagesPanel(QWidget):
    """The newest messages (a page of PAGE_SIZE), the chosen one's subject and body below.
    Anyone reads them; supervisors and admins may correct an address and send again. Read
    again when the outbox changes (`on_outbox_changed`), whoever changed it.

    Signals:
        case_opened(int): the id of the case a message is about (Enter, double-click).
        resent(object): this console re-sent a message (a `Resent`).
    """

    case_opened = Signal(int)
    resent = Signal(object)

    def __init__(
        self,
        desk: MessageDesk,
        runner: BackgroundRunner,
        time_zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self._time_zone = time_zone
        self.page: MessagePage | None = None
        self.loading = False
        self.dialog: ResendDialog | None = None
        self.status = QComboBox(self)
        self.status.setObjectName("messageStatusFilter")
        self.status.addItem(self.tr("All"), None)
        for status in STATUS_ORDER:
            self.status.addItem(delivery_label(status), status)
        self.channel = QComboBox(self)
        self.channel.setObjectName("messageChannelFilter")
        self.channel.addItem(self.tr("Every channel"), None)
        for channel in ("email", "sms", "webhook"):
            self.channel.addItem(channel_label(channel), channel)
        self.search = QLineEdit(self)
        self.search.setObjectName("messageFind")
        self.search.setPlaceholderText(self.tr("Case reference or address…"))
        self.search.setClearButtonEnabled(True)
        self.resend_button: QPushButton | None = None
        if desk.may_resend:
            self.resend_button = QPushButton(self.tr("Correct and send a&gain…"), self)
            self.resend_button.setObjectName("resendButton")
            self.resend_button.setToolTip(
                self.tr("Correct the address of the chosen message and send it again")
            )
            self.resend_button.clicked.connect(self.correct_and_resend)
        self.problem = ProblemLine(self)
        self.model = MessagesModel(time_zone)
        self.table = self._table()
        self.note = QLabel(self)
        self.note.setObjectName("messagesNote")
        self.receipt = QLabel(self)
        self.receipt.setObjectName("resendReceipt")
        self.receipt.setWordWrap(True)
        self.receipt.setStyleSheet("color: #2e7d32;")
        self.receipt.hide()
        self.heading = QLabel(self)
        self.heading.setObjectName("messageHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("messageBody")
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_MS)
        self._typing.timeout.connect(self.reload)
        self.status_label = QLabel(self.tr("&Status:"), self)
        self.channel_label = QLabel(self.tr("Cha&nnel:"), self)
        self.find_label = QLabel(self.tr("&Find:"), self)
        self._layout()
        self.status.currentIndexChanged.connect(lambda _index: self.reload())
        self.channel.currentIndexChanged.connect(lambda _index: self.reload())
        self.search.textChanged.connect(lambda _text: self._typing.start())
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda _now, _before: self._show_chosen())
        self._show_chosen()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("messagesTable")
        table.setAccessibleName(self.tr("Messages to residents"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(ERROR_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, buddy in (
            (self.status_label, self.status),
            (self.channel_label, self.channel),
            (self.find_label, self.search),
        ):
            label.setBuddy(buddy)
            filters.addWidget(label)
            filters.addWidget(buddy, 1 if buddy is self.search else 0)
        if self.resend_button is not None:
            filters.addWidget(self.resend_button)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.heading)
        below_layout.addWidget(self.body, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("messagesSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addWidget(self.receipt)
        layout.addWidget(splitter, 1)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        keys = [
            (alt_key(self.status_label.text()), self.tr("Go to the status filter")),
            (alt_key(self.channel_label.text()), self.tr("Go to the channel filter")),
            (
                alt_key(self.find_label.text()),
                self.tr("Find messages by case reference or address"),
            ),
            ("Return", self.tr("Open the case the chosen message is about")),
        ]
        if self.resend_button is not None:
            keys.append(
                (
                    alt_key(self.resend_button.text()),
                    self.tr("Correct the chosen message's address, send again"),
                )
            )
        return keys

    def chosen_filter(self) -> MessageFilter:
        return MessageFilter(
            self.status.currentData(), self.channel.currentData(), self.search.text()
        )

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the messages again, off the Qt thread (the newest read wins)."""
        self._typing.stop()
        self.loading = True
        desk, chosen = self.desk, self.chosen_filter()
        self.runner.submit_latest(
            "messages", lambda: desk.page(chosen), self._show, self._read_failed, owner=self
        )

    def on_outbox_changed(self, _kind: str) -> None:
        self.reload()

    def select_message(self, message_id: int) -> None:
        row = self.model.row_of(message_id)
        if row >= 0:
            self.table.selectRow(row)

    def chosen(self) -> OutboxMessage | None:
        return self.model.message_at(self.table.currentIndex().row())

    def correct_and_resend(self) -> None:
        """Ask for the chosen message's address, then send it again."""
        message = self.chosen()
        if message is None or not self.desk.may_resend:
            return
        dialog = ResendDialog(self.desk, self.runner, message, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resent.connect(self._on_resent)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ResendDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.reload()  # whatever happened, show the message as it now stands

    def _on_resent(self, receipt: Resent) -> None:
        said = self.tr("The message about %1 will be sent again, to %2.")
        said = said.replace("%1", receipt.reference).replace("%2", receipt.recipient)
        if receipt.caller_kept_their_address:
            said += " " + self.tr(
                "The caller's own address was left as it was: your role may not change it."
            )
        self.receipt.setText(said)
        self.receipt.show()
        self.resent.emit(receipt)
        self.reload()

    def _open(self, index: QModelIndex) -> None:
        message = self.model.message_at(index.row())
        if message is not None and message.request_id is not None:
            self.case_opened.emit(message.request_id)

    def _show(self, page: MessagePage) -> None:
        current = self.chosen()
        self.page = page
        self.loading = False
        self.problem.resolve("messages")
        self._show_counts(page)
        self.model.show(page.messages)
        if page.messages:
            row = self.model.row_of(current.id) if current is not None else -1
            self.table.selectRow(max(row, 0))
        shown = len(page.messages)
        if not shown:
            self.note.setText(self.tr("No message matches these choices."))
        elif shown >= PAGE_SIZE:
            self.note.setText(
                self.tr(
                    "The newest %1 messages are shown; choose a status or find a case "
                    "for the others."
                ).replace("%1", str(PAGE_SIZE))
            )
        self.note.setVisible(not shown or shown >= PAGE_SIZE)
        self._show_chosen()

    def _show_counts(self, page: MessagePage) -> None:
        self.status.setItemText(0, self.tr("All (%1)").replace("%1", whole_number(page.total)))
        for index, status in enumerate(STATUS_ORDER, start=1):
            count = page.counts.get(status, 0)
            counted = self.tr("%1 (%2)").replace("%1", delivery_label(status))
            self.status.setItemText(index, counted.replace("%2", whole_number(count)))

    def _show_chosen(self) -> None:
        message = self.chosen()
        if self.resend_button is not None:
            self.resend_button.setEnabled(message is not None)
        if message is None:
            self.heading.setText("")
            self.body.setPlainText("")
            return
        parts = [
            f"<b>{escape(kind_label(message.kind))}</b>",
            escape(channel_label(message.channel)),
            escape(language_name(message.language)),
            escape(self.tr("to %1").replace("%1", message.recipient)),
        ]
        if message.sent_at is not None:
            sent = local_time(message.sent_at, self._time_zone)
            parts.append(escape(self.tr("sent %1").replace("%1", sent)))
        if message.resent_by and message.resent_at is not None:
            again = self.tr("re-sent by %1 at %2").replace("%1", message.resent_by)
            parts.append(
                escape(again.replace("%2", local_time(message.resent_at, self._time_zone)))
            )
        heading = " · ".join(parts)
        if message.subject:
            heading += "<br>" + escape(self.tr("Subject: %1").replace("%1", message.subject))
        self.heading.setText(heading)
        self.body.setPlainText(message.body)

    def _read_failed(self, error: BaseException) -> None:
        self.loading = False
        self.problem.report_error(
            "messages", self.tr("The messages cannot be read: %1"), error, self.reload
        )
