"""How streets look on the tiles: colours, line widths and name sizes by class and zoom."""

from __future__ import annotations

from dataclasses import dataclass

BACKGROUND = (244, 241, 234)
LABEL_TEXT = (51, 48, 44)
LABEL_HALO = (255, 255, 255)
HALO_WIDTH = 2


@dataclass(frozen=True)
class StreetClass:
    """A kind of street, drawn alike.

    Attributes:
        rank: drawing and labelling order; a higher rank is drawn on top and labelled first.
        fill: the street's colour.
        casing: the colour of its edges.
        widths: line width in pixels at zoom 12, 13, ... (the last one repeats deeper).
        label_zoom: the first zoom level at which its names are written.
    """

    rank: int
    fill: tuple[int, int, int]
    casing: tuple[int, int, int]
    widths: tuple[float, ...]
    label_zoom: int

    def width(self, zoom: int) -> float:
        index = min(max(zoom - FIRST_STYLED_ZOOM, 0), len(self.widths) - 1)
        return self.widths[index]


FIRST_STYLED_ZOOM = 12

MAJOR = StreetClass(3, (252, 214, 164), (196, 150, 90), (1.5, 2.0, 3.0, 5.0, 8.0, 12.0), 14)
SECONDARY = StreetClass(2, (247, 246, 196), (180, 170, 110), (1.2, 1.8, 2.6, 4.5, 7.5, 11.0), 14)
MINOR = StreetClass(1, (255, 255, 255), (190, 182, 168), (0.8, 1.2, 2.0, 4.0, 7.0, 10.0), 15)
RESIDENTIAL = StreetClass(0, (255, 255, 255), (200, 193, 180), (0.5, 0.8, 1.5, 3.5, 6.5, 9.5), 15)

_BY_HIGHWAY = {
    "motorway": MAJOR,
    "motorway_link": MAJOR,
    "trunk": MAJOR,
    "trunk_link": MAJOR,
    "primary": MAJOR,
    "primary_link": MAJOR,
    "secondary": SECONDARY,
    "secondary_link": SECONDARY,
    "tertiary": MINOR,
    "tertiary_link": MINOR,
    "unclassified": MINOR,
}


def street_class(highway: str | None) -> StreetClass:
    """The class of an OpenStreetMap `highway` value; anything else is drawn as a residential
    street."""
    return _BY_HIGHWAY.get((highway or "").strip().lower(), RESIDENTIAL)


def casing_width(zoom: int) -> float:
    """How much wider than its fill a street's casing is (both sides together)."""
    return 0.0 if zoom < 14 else 1.5 if zoom < 16 else 2.0


def label_size(zoom: int) -> int:
    """The names' font size in pixels."""
    return 11 if zoom <= 15 else 12 if zoom == 16 else 13
