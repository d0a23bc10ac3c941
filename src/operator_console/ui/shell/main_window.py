"""The main window: composes the panels and shows who is connected to what."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from operator_console import __version__
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.ui.common.layout_memory import LayoutMemory
from operator_console.ui.forms.ui_main_window import Ui_MainWindow
from operator_console.ui.shell.roles import role_name
from operator_console.ui.shell.shortcut_help import ShortcutHelp, screen_shortcuts, window_shortcuts

_STATUS_TEXT_WIDTH = 440
"""Pixels a status bar text may take; longer ones are cut in the middle (whole in the tooltip)."""
_TITLE_BAR = 40
"""Pixels a window manager's title bar and border may add to the window's height."""


class MainWindow(QMainWindow):
    """Holds one tab per screen; each screen is a panel built elsewhere.

    Signals:
        sign_out_requested: the person asked to sign out (or to switch user).
    """

    sign_out_requested = Signal()

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.session = session
        self.show_city_name(session.city_name)
        self.database_label = _status_label(
            "databaseLabel", self.tr("Database: %1").replace("%1", session.database_label)
        )
        staff = session.staff
        self.staff_label = _status_label("staffLabel", signed_in_text(staff))
        self.ui.statusBar.addWidget(self.staff_label)
        if session.dialect == "sqlite":
            self.security_label = _status_label(
                "securityLabel", self.tr("SQLite database: no sign-in, anyone can act as anyone")
            )
            self.security_label.setStyleSheet(
                "QLabel { background: #fff4ce; color: #4d3800; padding: 0 6px; }"
            )  # a warning, set apart from who is signed in
            self.ui.statusBar.addWidget(self.security_label)
        self.ui.statusBar.addPermanentWidget(self.database_label)
        self._close_agreed = False
        self.sign_out_action = QAction(self.tr("Sign &out / switch user…"), self)
        self.sign_out_action.setObjectName("actionSignOut")
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.ui.menuConsole.insertAction(self.ui.actionQuit, self.sign_out_action)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._show_about)
        self.ui.actionRefresh.triggered.connect(self.refresh_all)
        self.ui.actionShortcuts.triggered.connect(self.show_shortcuts)
        self._panels: dict[str, QWidget] = {}
        self.layout_memory = LayoutMemory(staff.login, parent=self)
        self._screens_end = self.ui.menuConsole.insertSeparator(self.ui.actionRefresh)
        self.shortcut_help: ShortcutHelp | None = None

    def show_city_name(self, name: str) -> None:
        """Name the city in the title (an administrator may rename it while the console runs)."""
        title = self.tr("Operator Console")
        self.setWindowTitle(f"{title} — {name}" if name else title)

    def add_panel(self, name: str, title: str, panel: QWidget) -> None:
        """Add a screen as a tab; `name` is stable (screenshots, tests), `title` is translated."""
        panel.setObjectName(f"{name}Panel")
        self._panels[name] = panel
        self.ui.screens.addTab(panel, title)
        self.layout_memory.keep(panel, name)
        number = len(self._panels)
        if number <= 9:  # Ctrl+1… go to the screens in order, whatever has the focus
            go = QAction(self.tr("Go to %1").replace("%1", title.replace("&", "")), self)
            go.setShortcut(QKeySequence(f"Ctrl+{number}"))
            go.triggered.connect(lambda _checked=False, n=name: self.show_panel(n))
            self.ui.menuConsole.insertAction(self._screens_end, go)

    def panels(self) -> dict[str, QWidget]:
        return dict(self._panels)

    def show_panel(self, name: str) -> None:
        self.ui.screens.setCurrentWidget(self._panels[name])

    def show_fitted(self) -> None:
        """Show the window at its usual size, or maximized when that does not fit the screen
        (1280x720, 1366x768): nothing is left below the screen's edge."""
        screen = self.screen()
        if screen is not None and not fits(self.size(), screen.availableGeometry()):
            self.showMaximized()
        else:
            self.show()

    def show_shortcuts(self) -> None:
        """The keys of the screen in front of the person, then the window's (F1, Help menu)."""
        screens = self.ui.screens
        screen = screens.currentWidget()
        title = screens.tabText(screens.currentIndex()).replace("&", "")
        on_screen = screen_shortcuts(screen) if screen is not None else []
        everywhere = window_shortcuts(self.findChildren(QAction))
        if self.shortcut_help is not None:
            self.shortcut_help.close()
            self.shortcut_help.deleteLater()
        self.shortcut_help = ShortcutHelp(title, on_screen, everywhere, self)
        self.shortcut_help.show()

    def refresh_all(self) -> None:
        for panel in self._panels.values():
            refresh = getattr(panel, "refresh", None)
            if callable(refresh):
                refresh()

    def agree_to_close(self) -> bool:
        """Ask each screen whether the window may close (the intake form asks first during a
        call); once they agree, closing the window does not ask again."""
        for panel in self._panels.values():
            may_close = getattr(panel, "may_close", None)
            if callable(may_close) and not may_close():
                return False
        self._close_agreed = True
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """A screen may keep the window open: the intake form asks first during a call."""
        if not self._close_agreed and not self.agree_to_close():
            event.ignore()
            return
        super().closeEvent(event)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Operator Console"),
            self.tr("Operator Console %1\nA desktop console for 311 call centers.").replace(
                "%1", __version__
            ),
        )


def signed_in_text(staff: StaffIdentity) -> str:
    """Who is at the console and as what: "Patricia Chen (supervisor1) · Supervisor"."""

    return f"{staff.display_name} ({staff.login}) · {role_name(staff.role)}"


def fits(size: QSize, available: QRect) -> bool:
    """Whether a window of `size`, with its title bar, fits the screen's `available` area."""
    return size.width() <= available.width() and size.height() + _TITLE_BAR <= available.height()


def _status_label(name: str, text: str) -> QLabel:
    """A status bar text that never widens the window: cut in the middle, whole in the tooltip."""
    label = QLabel()
    label.setObjectName(name)
    label.setToolTip(text)
    metrics = label.fontMetrics()
    label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, _STATUS_TEXT_WIDTH))
    return label
