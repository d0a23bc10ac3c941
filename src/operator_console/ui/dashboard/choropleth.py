"""Colouring districts by their gap to the city, in five classes named in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from operator_console.services.dashboard.tables import EquityMetric, EquityRow, equity_cells

NO_FIGURE = "#d9d9d9"
# From much better than the city to much worse (blue to red, readable without red-green).
CLASSES = (
    ("much better than the city", "#2166ac"),
    ("better than the city", "#92c5de"),
    ("about the same as the city", "#f7f7f7"),
    ("worse than the city", "#f4a582"),
    ("much worse than the city", "#b2182b"),
)


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
        words = "no figure" if chosen is None else CLASSES[chosen][0]
        label = f"{properties.get('name', code)}: {words}"
        if row is not None:
            cells = equity_cells(row, metric)
            label += f"; {metric.label} {cells[2] if cells[2] is not None else '–'}"
            label += f" (city {cells[3] if cells[3] is not None else '–'}), {row.cases:,} cases"
            if row.small:
                label += ", few cases"
        features.append(
            {
                "type": "Feature",
                "geometry": feature.get("geometry"),
                "properties": {"code": code, "fill": fill, "label": label},
            }
        )
    return {"type": "FeatureCollection", "features": features}
