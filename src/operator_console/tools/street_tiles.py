"""Build a street basemap (raster MBTiles) from a city's street centrelines (GeoJSON)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from operator_console.storage.basemaps.street_tiles import (
    OSM_ATTRIBUTION,
    render_street_tiles,
)


class ProgressLine:
    """Prints "tiles 1,234 / 2,434 (50 %)" on one terminal line, rewritten as the count grows."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent == self._shown:
            return
        self._shown = percent
        end = "\n" if done >= total else ""
        self._stream.write(f"\rtiles {done:,} / {total:,} ({percent} %){end}")
        self._stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "streets",
        type=Path,
        help="GeoJSON (.geojson or .geojson.gz) of lon/lat lines with `name` and `highway`",
    )
    parser.add_argument("out", type=Path, help="the .mbtiles file to write (replaced)")
    parser.add_argument("--min-zoom", type=int, default=12)
    parser.add_argument("--max-zoom", type=int, default=16)
    parser.add_argument("--name", default="Streets", help="the tile set's name")
    parser.add_argument(
        "--attribution",
        default=OSM_ATTRIBUTION,
        help="shown on the map (HTML); the default is OpenStreetMap's",
    )
    arguments = parser.parse_args(argv)
    try:
        report = render_street_tiles(
            arguments.streets,
            arguments.out,
            arguments.min_zoom,
            arguments.max_zoom,
            name=arguments.name,
            attribution=arguments.attribution,
            progress=ProgressLine(sys.stderr),
        )
    except (OSError, ValueError) as exc:  # StreetsFileError is a ValueError
        print(f"street tiles: {exc}", file=sys.stderr)
        return 2
    print(
        f"{report.path}: {report.tiles:,} tiles, {report.labels:,} names, "
        f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
