"""A chart's date axis whose month and weekday names are in the console's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import QLocale

_SHORT = QLocale.FormatType.ShortFormat


class LocalDateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """pyqtgraph's date axis (dates as UTC timestamps) with "dic." for "Dec" in Spanish:
    pyqtgraph writes names with `strftime`, which knows only the C locale."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=0)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or ("%b" not in spec.format and "%a" not in spec.format):
            return list(super().tickStrings(values, scale, spacing))
        locale = QLocale()
        shown = []
        for value in values:
            day = datetime.fromtimestamp(value, UTC)
            text = spec.format.replace("%b", locale.monthName(day.month, _SHORT))
            text = text.replace("%a", locale.dayName(day.isoweekday(), _SHORT))
            shown.append(text.replace("%d", f"{day.day:02d}"))
        return shown
