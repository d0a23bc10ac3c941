"""Drawing a block of tiles: streets (supersampled, so their edges are smooth), then names."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from operator_console.storage.basemaps.street_tiles.labels import Label, font
from operator_console.storage.basemaps.street_tiles.streets import Street
from operator_console.storage.basemaps.street_tiles.style import (
    BACKGROUND,
    HALO_WIDTH,
    LABEL_HALO,
    LABEL_TEXT,
    casing_width,
)

TILE = 256
_SUPERSAMPLE = 2
_PAD = 16
"""Pixels drawn around the block, so a street just outside it still shows its edge inside."""
_COLOURS = 32


@dataclass(frozen=True)
class Block:
    """A square of tiles drawn in one image: zoom, first column and row, columns and rows."""

    zoom: int
    x: int
    y: int
    columns: int
    rows: int

    @property
    def origin(self) -> tuple[int, int]:
        """World pixel of the image's top-left corner (padding included)."""
        return self.x * TILE - _PAD, self.y * TILE - _PAD

    @property
    def world_bounds(self) -> tuple[float, float, float, float]:
        """The block's extent in world pixels, padding included: west, north, east, south."""
        left, top = self.origin
        return left, top, left + self.columns * TILE + 2 * _PAD, top + self.rows * TILE + 2 * _PAD


def draw_block(
    block: Block, streets: Sequence[Street], labels: Sequence[Label]
) -> dict[tuple[int, int], bytes]:
    """The PNG images of the block's tiles, by (column, row) in XYZ numbering."""
    image = _streets_image(block, streets)
    left, top = block.origin
    for label in labels:
        _paste_label(image, label, left, top)
    tiles: dict[tuple[int, int], bytes] = {}
    for row in range(block.rows):
        for column in range(block.columns):
            x0, y0 = _PAD + column * TILE, _PAD + row * TILE
            tile = image.crop((x0, y0, x0 + TILE, y0 + TILE)).convert("RGB")
            tiles[(block.x + column, block.y + row)] = _png(tile)
    return tiles


def _streets_image(block: Block, streets: Sequence[Street]) -> Image.Image:
    scale = _SUPERSAMPLE
    west, north, east, south = block.world_bounds
    size = (round(east - west) * scale, round(south - north) * scale)
    image = Image.new("RGB", size, BACKGROUND)
    pen = ImageDraw.Draw(image)
    world = TILE * (1 << block.zoom)
    ordered = sorted(streets, key=lambda street: street.kind.rank)
    casing = casing_width(block.zoom)
    paths = [
        ((street.points * world - (west, north)) * scale).ravel().tolist() for street in ordered
    ]
    if casing > 0:
        for street, path in zip(ordered, paths, strict=True):
            width = (street.kind.width(block.zoom) + casing) * scale
            _line(pen, path, street.kind.casing, width)
    for street, path in zip(ordered, paths, strict=True):
        _line(pen, path, street.kind.fill, street.kind.width(block.zoom) * scale)
    return image.reduce(scale).convert("RGBA")


def _line(
    pen: ImageDraw.ImageDraw, path: list[float], colour: tuple[int, int, int], width: float
) -> None:
    pixels = max(1, round(width))
    pen.line(path, fill=colour, width=pixels, joint="curve" if pixels > 2 else None)
    if pixels > 2:
        radius = pixels / 2
        for x, y in ((path[0], path[1]), (path[-2], path[-1])):
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def label_image(label: Label) -> tuple[Image.Image, int, int]:
    """The label drawn upright then turned to its angle, and its top-left world pixel."""
    typeface = font(label.size)
    width = math.ceil(typeface.getlength(label.text)) + 4 * HALO_WIDTH + 4
    height = label.size * 2
    flat = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(flat).text(
        (width / 2, height / 2),
        label.text,
        font=typeface,
        fill=LABEL_TEXT,
        anchor="mm",
        stroke_width=HALO_WIDTH,
        stroke_fill=LABEL_HALO,
    )
    turned = flat.rotate(-label.angle, resample=Image.Resampling.BICUBIC, expand=True)
    left = round(label.x - turned.width / 2)
    top = round(label.y - turned.height / 2)
    return turned, left, top


def _paste_label(image: Image.Image, label: Label, origin_x: int, origin_y: int) -> None:
    drawn, left, top = label_image(label)
    x, y = left - origin_x, top - origin_y
    crop_x, crop_y = max(0, -x), max(0, -y)
    right = min(drawn.width, image.width - x)
    bottom = min(drawn.height, image.height - y)
    if crop_x >= right or crop_y >= bottom:
        return
    part = drawn.crop((crop_x, crop_y, right, bottom))
    image.alpha_composite(part, (x + crop_x, y + crop_y))


def _png(tile: Image.Image) -> bytes:
    paletted = tile.quantize(_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    paletted.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
