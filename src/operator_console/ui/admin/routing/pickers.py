"""Choosers the Routing page shares: a combo box searched by typing any part of an entry."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from operator_console.services.admin.routing.ports import RoutingChoices


class SearchCombo(QComboBox):
    """A combo box whose text field finds entries by any part of their text ("bicy" finds
    "Abandoned Bicycle"); `chosen()` is the data of the entry whose text is typed, or None."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._data: list[object] = []

    def set_entries(self, entries: Iterable[tuple[str, object]], keep: object = None) -> None:
        """Replace the entries (text, data); the entry with data `keep` stays chosen."""
        self.blockSignals(True)
        self.clear()
        self._data = []
        for text, data in entries:
            self.addItem(text)
            self._data.append(data)
        self.blockSignals(False)
        self.choose(keep)

    def choose(self, data: object) -> bool:
        """Show the entry whose data equals `data`; False (the first entry shown) when none
        does."""
        found = next((row for row, item in enumerate(self._data) if item == data), None)
        self.setCurrentIndex(found if found is not None else (0 if self._data else -1))
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # a long entry shows its beginning
        return found is not None

    def choose_or_add(self, text: str, data: object) -> None:
        """Show the entry with `data`, adding it as `text` when the list lacks it (what a rule
        names may have been made inactive since: it is shown as it is, not replaced)."""
        if not self.choose(data):
            self.addItem(text)
            self._data.append(data)
            self.choose(data)

    def chosen(self) -> object | None:
        """The data of the entry whose text is in the field, or None when no entry has it."""
        found = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self._data[found] if 0 <= found < len(self._data) else None


def service_entries(choices: RoutingChoices, anything: str) -> list[tuple[str, object]]:
    """The entry for any service, each group ("Group: Street Lights") and each service,
    with data (service code, group name) as a rule names them."""
    group_word = QCoreApplication.translate("RoutingPickers", "Group: %1")
    entries: list[tuple[str, object]] = [(anything, ("", ""))]
    entries += [(group_word.replace("%1", group), ("", group)) for group in choices.groups]
    entries += [(f"{s.name} ({s.code})", (s.code, "")) for s in choices.services]
    return entries


def queue_entries(choices: RoutingChoices) -> list[tuple[str, object]]:
    return [(f"{q.name} ({q.code})", q.code) for q in choices.queues]
