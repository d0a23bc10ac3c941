"""The Administration tab: the list of sections on the left, the chosen one's page on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

_NAME = Qt.ItemDataRole.UserRole
SECTION_ORDER = ("staff", "queues", "routing", "sla", "escalation", "city", "changes")
"""Where each section stands in the list, whichever order they are added in; others go before
the Changes log."""


def _rank(name: str) -> float:
    if name in SECTION_ORDER:
        return SECTION_ORDER.index(name)
    return SECTION_ORDER.index("changes") - 0.5


class AdministrationPanel(QWidget):
    """Holds one page per area of the configuration (Staff, Queues & teams, Routing, ...).

    Pages are added by the app with `add_page`; the list on the left chooses the page (arrow
    keys in the list, or Ctrl+PgDown / Ctrl+PgUp from anywhere on the tab). `refresh()` reads
    every page again, and the Help dialog lists the tab's keys with the current page's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QListWidget(self)
        self.sections.setObjectName("adminSections")
        self.sections.setAccessibleName(self.tr("Administration sections"))
        self.sections.setMaximumWidth(200)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("adminPages")
        self._pages: dict[str, QWidget] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.sections)
        layout.addWidget(self.pages, 1)
        self.sections.currentRowChanged.connect(self._on_section_chosen)
        self._add_key("Ctrl+PgDown", self.tr("Next administration section"), 1)
        self._add_key("Ctrl+PgUp", self.tr("Previous administration section"), -1)

    def _add_key(self, keys: str, text: str, step: int) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: self.step_section(step))
        self.addAction(action)

    def add_page(self, name: str, title: str, widget: QWidget) -> None:
        """Add a section: `name` is stable (tests, screenshots), `title` is what the list says."""
        if name in self._pages:
            raise ValueError(f"an administration page named {name!r} is already there")
        if not widget.objectName():
            widget.setObjectName(f"{name}Page")
        row = sum(_rank(other) <= _rank(name) for other in self._pages)
        self._pages[name] = widget
        self.pages.insertWidget(row, widget)
        item = QListWidgetItem(title)
        item.setData(_NAME, name)
        self.sections.insertItem(row, item)
        self.sections.setCurrentRow(self.pages.currentIndex())

    def page(self, name: str) -> QWidget:
        return self._pages[name]

    def page_names(self) -> list[str]:
        """The sections' names in the list's order."""
        return [str(self.sections.item(row).data(_NAME)) for row in range(self.sections.count())]

    def current_name(self) -> str | None:
        item = self.sections.currentItem()
        return None if item is None else str(item.data(_NAME))

    def show_page(self, name: str) -> None:
        self.sections.setCurrentRow(self.pages.indexOf(self._pages[name]))

    def step_section(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) section, round the list, and into its page
        (whose keys work only with the focus inside it)."""
        count = self.sections.count()
        if count:
            self.sections.setCurrentRow((self.sections.currentRow() + step) % count)
            self._focus_page()

    def _focus_page(self) -> None:
        page = self.pages.currentWidget()
        if page is None:
            return
        widget = page.nextInFocusChain()
        for _ in range(500):  # the chain is the window's, round and round
            if widget is None or widget is page:
                break
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        page.setFocus(Qt.FocusReason.TabFocusReason)

    def refresh(self) -> None:
        """Read every page again."""
        for widget in self._pages.values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()

    def shortcuts(self) -> list[tuple[str, str]]:
        """The tab's keys and the current page's (the Help dialog lists them)."""
        keys = [
            ("Ctrl+PgDown", self.tr("Next administration section")),
            ("Ctrl+PgUp", self.tr("Previous administration section")),
        ]
        current = self.pages.currentWidget()
        page_keys = getattr(current, "shortcuts", None)
        if callable(page_keys):
            keys.extend(page_keys())
        return keys

    def _on_section_chosen(self, row: int) -> None:
        if 0 <= row < self.pages.count():
            self.pages.setCurrentIndex(row)
