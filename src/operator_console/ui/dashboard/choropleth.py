"""Colouring districts by their gap to the city, in five classes named in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from operator_console.services.dashboard.tables import EquityMetric, EquityRow, equity_cells
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.common.words import shown

NO_FIGURE = "#d9d9d9"
# From much better than the city to much worse (blue to red, readable without red-green).
CLASSES = (
    (QT_TRANSLATE_NOOP("EquityMap", "much better than the city"), "#2166ac"),
    (QT_TRANSLATE_NOOP("EquityMap", "better than the city"), "#92c5de"),
    (QT_TRANSLATE_NOOP("EquityMap", "about the same as the city"), "#f7f7f7"),
    (QT_TRANSLATE_NOOP("EquityMap", "worse than the city"), "#f4a582"),
    (QT_TRANSLATE_NOOP("EquityMap", "much worse than the city"), "#b2182b"),
)
NO_FIGURE_WORDS = QT_TRANSLATE_NOOP("EquityMap", "no figure")


def class_of(row: EquityRow, worst: float) -> int | None:
    """The class of a district's gap (0 much better .. 4 much worse); a gap within chance is
    "about the same"; None without a figure."""
    if row.badness is None:
        return None
    if not row.comparison.beyond_chance or worst <= 0:
        return 2
    strong = abs(row.badness) >= worst / 2
    if row.badness > 0:
        return 4 if strong else 3
    return 0 if strong else 1


def coloured(
    outlines: Mapping[str, Any], layer: str, rows: Sequence[EquityRow], metric: EquityMetric
) -> dict[str, Any]:
    """The layer's outlines (a FeatureCollection of every layer) filled by class, each with a
    label in words."""
    by_key = {row.key: row for row in rows}
    worst = max((abs(row.badness) for row in rows if row.badness is not None), default=0.0)
    features = []
    for feature in outlines.get("features", []):
        properties = feature.get("properties", {})
        if properties.get("layer") != layer:
            continue
        code = str(properties.get("code"))
        row = by_key.get(code)
        chosen = None if row is None else class_of(row, worst)
        fill = NO_FIGURE if chosen is None else CLASSES[chosen][1]
        words = class_words(chosen)
        name = str(properties.get("name", code))
        if row is None:
            label = _fill(_translate(_NO_CASES), name, words)
        else:
            cells = equity_cells(row, metric)
            text = _FEW_CASES if row.small else _CASES
            label = _fill(
                _translate(text),
                name,
                words,
                shown(metric.label),
                _cell(cells[2]),
                _cell(cells[3]),
                QLocale().toString(row.cases),
            )
        features.append(
            {
                "type": "Feature",
                "geometry": feature.get("geometry"),
                "properties": {"code": code, "fill": fill, "label": label},
            }
        )
    return {"type": "FeatureCollection", "features": features}


_NO_CASES = QT_TRANSLATE_NOOP("EquityMap", "%1: %2")
_CASES = QT_TRANSLATE_NOOP("EquityMap", "%1: %2; %3 %4 (city %5), %6 cases")
_FEW_CASES = QT_TRANSLATE_NOOP("EquityMap", "%1: %2; %3 %4 (city %5), %6 cases, few cases")


def class_words(chosen: int | None) -> str:
    """A class's name in the console's language ("no figure" for None)."""
    return _translate(NO_FIGURE_WORDS if chosen is None else CLASSES[chosen][0])


def _translate(text: str) -> str:
    return QCoreApplication.translate("EquityMap", text)


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


def _fill(text: str, *values: str) -> str:
    """`text` with its places %1, %2, ... filled, the last first (so %1 never eats %10)."""
    for place in range(len(values), 0, -1):
        text = text.replace(f"%{place}", values[place - 1])
    return text
