"""The City settings page: the city's name, clock, phone region, references, languages and map,
typed or picked on the map, saved in one change."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.admin.city.actions import EVENT_KIND, CityChange
from operator_console.services.admin.city.desk import CityDesk
from operator_console.services.admin.city.ports import CityDraft
from operator_console.services.admin.city.rules import (
    CitySettingsChangedMeanwhileError,
    CitySettingsError,
)
from operator_console.services.city_bundle.model import CitySettings
from operator_console.services.config_changes import RESYNC
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown
from operator_console.ui.map.view import MapView

_SPOKEN = (CitySettingsError, NotPermittedError)
RELOAD_ON = (EVENT_KIND, "city_loaded", RESYNC)
"""The configuration changes after which the page reads the settings again."""


def draft_of(settings: CitySettings) -> CityDraft:
    """The settings as the form shows them."""
    unknown = settings.unknown_location
    return CityDraft(
        name=settings.name,
        time_zone=settings.time_zone,
        phone_region=settings.phone_region,
        reference_prefix=settings.reference_prefix,
        languages=", ".join(settings.languages),
        map_lat=f"{settings.map_center[0]:.6f}",
        map_lon=f"{settings.map_center[1]:.6f}",
        map_zoom=str(settings.map_zoom),
        unknown_lat=f"{unknown[0]:.6f}" if unknown else "",
        unknown_lon=f"{unknown[1]:.6f}" if unknown else "",
    )


class CityPage(QWidget):
    """The settings form; Save (Ctrl+S) writes them all in one change, Revert shows them as
    stored. With a map, a click on it sets the map's centre or the unknown-location point,
    whichever is chosen. Read again when another console changes them, unless the form holds
    unsaved edits (their save is then refused, saying what changed)."""

    def __init__(
        self,
        desk: CityDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        make_map: Callable[[QWidget], MapView] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cityPage")
        self._desk = desk
        self._runner = runner
        self.before: CitySettings | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.refusals: dict[str, QLabel] = {}
        title = QLabel(self.tr("City settings"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.notice = QLabel(self)
        self.notice.setObjectName("cityNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        self.form = QFormLayout()
        self._add("name", self.tr("&Name:"), self.tr("City name"), "Springfield 311")
        zone = self._add(
            "time_zone", self.tr("&Time zone:"), self.tr("Time zone"), "America/Chicago"
        )
        completer = QCompleter(sorted(available_timezones()), zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        zone.setCompleter(completer)
        self._add("phone_region", self.tr("&Phone region:"), self.tr("Phone region"), "US")
        self._add(
            "reference_prefix",
            self.tr("&Reference prefix:"),
            self.tr("Reference prefix"),
            "SPR",
            self.tr("Only new requests take a new prefix; existing references keep theirs."),
        )
        self._add(
            "languages",
            self.tr("&Languages:"),
            self.tr("Languages offered"),
            "en, es",
            self.tr("Codes separated by commas, the default first."),
        )
        self._add_pair("map", self.tr("&Map centre:"), self.tr("Map centre"))
        self._add("map_zoom", self.tr("&Zoom:"), self.tr("Map zoom"), "12", self.tr("1 to 20"))
        self._add_pair(
            "unknown",
            self.tr("&Unknown location:"),
            self.tr("Unknown location"),
            self.tr("Where the old system put requests with no location; empty: none."),
        )
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.notice)
        left.addWidget(self.problem)
        left.addLayout(self.form)
        left.addLayout(buttons)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        self.map_view: MapView | None = None
        self.pick_center = QRadioButton(self.tr("A click sets the map &centre"), self)
        self.pick_unknown = QRadioButton(self.tr("A click sets the unknown &location"), self)
        self.pick_center.setChecked(True)
        self._picks = QButtonGroup(self)
        self._picks.addButton(self.pick_center)
        self._picks.addButton(self.pick_unknown)
        if make_map is not None:
            right = QVBoxLayout()
            right.addWidget(self.pick_center)
            right.addWidget(self.pick_unknown)
            self.map_view = make_map(self)
            self.map_view.pin_moved.connect(self._on_map_pin_moved)
            self.pick_unknown.toggled.connect(lambda _on: self._show_pick())
            right.addWidget(self.map_view, 1)
            layout.addLayout(right, 2)
        else:
            self.pick_center.hide()
            self.pick_unknown.hide()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save = QAction(self.tr("Save the city settings"), self)
        save.setShortcut(QKeySequence("Ctrl+S"))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(lambda _checked=False: self.save())
        self.addAction(save)
        config_bus.changed.connect(self._on_config_changed)

    def _add(
        self, name: str, label: str, accessible: str, example: str, hint: str = ""
    ) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(f"{name}Field")
        field.setAccessibleName(accessible)
        field.setPlaceholderText(example)
        self.fields[name] = field
        self.form.addRow(label, field)
        self._add_notes(name, hint)
        return field

    def _add_pair(self, stem: str, label: str, accessible: str, hint: str = "") -> None:
        row = QHBoxLayout()
        for part, example in (("lat", "39.7817"), ("lon", "-89.6501")):
            field = QLineEdit(self)
            field.setObjectName(f"{stem}_{part}Field")
            named = self.tr("%1, latitude") if part == "lat" else self.tr("%1, longitude")
            field.setAccessibleName(named.replace("%1", accessible))
            field.setPlaceholderText(example)
            self.fields[f"{stem}_{part}"] = field
            row.addWidget(field)
        self.form.addRow(label, row)
        self.fields[f"{stem}_lat"].setToolTip(self.tr("Latitude, then longitude"))
        label_widget = self.form.labelForField(row)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(self.fields[f"{stem}_lat"])
        self._add_notes(f"{stem}_lat", hint, also=f"{stem}_lon")

    def _add_notes(self, name: str, hint: str, also: str = "") -> None:
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            self.form.addRow("", note)
        refusal = QLabel(self)
        refusal.setObjectName(f"{name}Refusal")
        refusal.setWordWrap(True)
        refusal.setTextFormat(Qt.TextFormat.PlainText)
        refusal.setStyleSheet("color: #c62828; font-weight: 600;")
        refusal.hide()
        self.refusals[name] = refusal
        if also:
            self.refusals[also] = refusal
        self.form.addRow("", refusal)

    def shortcuts(self) -> list[tuple[str, str]]:
        return [("Ctrl+S", self.tr("Save the city settings"))]

    def refresh(self) -> None:
        """Read the settings again (what is typed is replaced)."""
        self._runner.submit_latest(
            "settings",
            self._desk.settings,
            self._show,
            lambda error: self.problem.report_error(
                "settings",
                self.tr("Could not read the city settings: %1"),
                error,
                self.refresh,
                _SPOKEN,
            ),
            owner=self,
        )

    def loaded(self) -> bool:
        """Whether the settings have been read."""
        return self.before is not None

    def draft(self) -> CityDraft:
        """What the form holds."""
        text = {name: field.text() for name, field in self.fields.items()}
        return CityDraft(**text)

    def edited(self) -> bool:
        return self.before is not None and self.draft() != draft_of(self.before)

    def revert(self) -> None:
        if self.before is not None:
            self._fill(self.before)
        self._clear_refusals()
        self.refresh()

    def save(self) -> None:
        before = self.before
        if before is None:
            return
        self._clear_refusals()
        self.save_button.setEnabled(False)
        draft = self.draft()
        self._runner.submit(
            lambda: self._desk.save(before, draft), self._on_saved, self._on_refused, owner=self
        )

    def _show(self, settings: CitySettings) -> None:
        self.problem.resolve("settings")
        self.before = settings
        self._fill(settings)

    def _fill(self, settings: CitySettings) -> None:
        for name, value in vars(draft_of(settings)).items():
            self.fields[name].setText(value)
        if self.map_view is not None:
            lat, lon = settings.map_center
            self.map_view.set_center(lat, lon, settings.map_zoom)
            self._show_pick()

    def _show_pick(self) -> None:
        """The pin on the point a click sets: the map's centre or the unknown location."""
        if self.map_view is None:
            return
        stem = "unknown" if self.pick_unknown.isChecked() else "map"
        try:
            lat = float(self.fields[f"{stem}_lat"].text())
            lon = float(self.fields[f"{stem}_lon"].text())
        except ValueError:
            self.map_view.clear_pin()
            return
        self.map_view.set_pin(lat, lon)

    def _on_saved(self, change: CityChange) -> None:
        self.save_button.setEnabled(True)
        self.problem.resolve("save")
        self.notice.setText(shown(change.summary()))
        self.notice.show()
        self._show(change.after)

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.notice.hide()
        field = error.field if isinstance(error, CitySettingsError) else ""
        refusal = self.refusals.get(field)
        if refusal is None:
            self.problem.report_error(
                "save", self.tr("Nothing was saved: %1"), error, None, _SPOKEN
            )
        else:
            refusal.setText(reason_for(error, _SPOKEN))
            refusal.show()
            self.fields[field].setFocus()
        if isinstance(error, CitySettingsChangedMeanwhileError):
            self._read_before()

    def _read_before(self) -> None:
        """Read the stored settings to save over next, keeping what is typed."""
        self._runner.submit_latest(
            "settings",
            self._desk.settings,
            lambda settings: setattr(self, "before", settings),
            lambda error: self.problem.report_error(
                "settings",
                self.tr("Could not read the city settings: %1"),
                error,
                self._read_before,
                _SPOKEN,
            ),
            owner=self,
        )

    def _on_config_changed(self, kind: str) -> None:
        if kind not in RELOAD_ON:
            return
        if self.edited():
            self.notice.setText(
                self.tr(
                    "The city settings were changed at another console; Revert shows them "
                    "(what you typed here is not saved yet)."
                )
            )
            self.notice.show()
            return
        self.refresh()

    def _on_map_pin_moved(self, lat: float, lon: float, source: str) -> None:
        if source == "api":
            return
        stem = "unknown" if self.pick_unknown.isChecked() else "map"
        self.fields[f"{stem}_lat"].setText(f"{lat:.6f}")
        self.fields[f"{stem}_lon"].setText(f"{lon:.6f}")

    def _clear_refusals(self) -> None:
        for refusal in self.refusals.values():
            refusal.hide()
