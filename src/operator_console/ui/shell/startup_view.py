"""The window shown while connecting, and the readable message when that fails."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class StartupView(QWidget):
    """Says what the console is doing; on failure says why, with Retry and Quit.

    Signals:
        retry_requested: the user asked to try connecting again.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupView")
        self.setWindowTitle(self.tr("Operator Console"))
        self.resize(560, 220)
        self.heading = QLabel(self.tr("Starting Operator Console"))
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.message = QLabel()
        self.message.setObjectName("startupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.quit_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.show_progress(self.tr("Connecting to the database…"))

    def show_progress(self, text: str) -> None:
        self.heading.setText(self.tr("Starting Operator Console"))
        self.message.setText(text)
        self.retry_button.hide()

    def show_failure(self, text: str) -> None:
        self.heading.setText(self.tr("The console cannot start"))
        self.message.setText(text)
        self.retry_button.show()
        self.retry_button.setFocus()
