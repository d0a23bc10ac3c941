"""MBTiles basemaps: raster tiles read from a local .mbtiles file, served on mbtiles:// URLs."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = b"mbtiles"
MIME_TYPES = {
    "png": b"image/png",
    "jpg": b"image/jpeg",
    "jpeg": b"image/jpeg",
    "webp": b"image/webp",
}

# The map page is a file: page (origin "null"); fetch() of a tile needs the CORS header.
_ALLOW_ORIGIN = QByteArray(b"Access-Control-Allow-Origin")
_ANY_ORIGIN = QByteArray(b"*")

_log = logging.getLogger(__name__)


class MbtilesError(ValueError):
    """A file that is not a usable raster MBTiles tile set; the message names the file."""


@dataclass(frozen=True)
class TilesetInfo:
    """What the map needs to know about a tile set, from its `metadata` table.

    Attributes:
        name: the tile set's name (the file name when the metadata has none).
        attribution: the attribution to show on the map ("" when none).
        image_format: "png", "jpg" or "webp".
        min_zoom: the lowest zoom level with tiles.
        max_zoom: the highest zoom level with tiles.
        bounds: (west, south, east, north) in degrees, or None when unknown.
    """

    name: str
    attribution: str
    image_format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None


class MbtilesFile:
    """One .mbtiles file opened read-only; tiles are asked for in XYZ numbering (y down)."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        if not self.path.is_file():
            raise MbtilesError(f"{path}: no such MBTiles file.")
        uri = f"{self.path.as_uri()}?mode=ro"
        # The scheme handler runs on the GUI thread; one connection, never shared across threads.
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            self.info = self._read_info()
        except sqlite3.DatabaseError as exc:
            self._connection.close()
            raise MbtilesError(f"{path}: not an MBTiles file ({exc}).") from exc

    def _read_info(self) -> TilesetInfo:
        rows = self._connection.execute("SELECT name, value FROM metadata").fetchall()
        metadata = {str(name): str(value) for name, value in rows}
        image_format = metadata.get("format", "png").lower()
        if image_format not in MIME_TYPES:
            raise MbtilesError(
                f"{self.path}: tiles in format '{image_format}' cannot be shown "
                f"(raster {', '.join(sorted(MIME_TYPES))} only)."
            )
        low, high = self._connection.execute(
            "SELECT min(zoom_level), max(zoom_level) FROM tiles"
        ).fetchone()
        if low is None:
            raise MbtilesError(f"{self.path}: the tile set has no tiles.")
        return TilesetInfo(
            name=metadata.get("name") or self.path.stem,
            attribution=metadata.get("attribution", ""),
            image_format=image_format,
            min_zoom=int(metadata.get("minzoom", low)),
            max_zoom=int(metadata.get("maxzoom", high)),
            bounds=_parse_bounds(metadata.get("bounds")),
        )

    @property
    def mime_type(self) -> bytes:
        return MIME_TYPES[self.info.image_format]

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image of tile z/x/y (XYZ, y counted from the north), or None when there is none."""
        size = 1 << z if 0 <= z <= 30 else 0
        if not (0 <= x < size and 0 <= y < size):
            return None
        row = size - 1 - y  # MBTiles rows follow TMS: counted from the south.
        found = self._connection.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, row),
        ).fetchone()
        return None if found is None else bytes(found[0])

    def close(self) -> None:
        self._connection.close()


def _parse_bounds(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in (text or "").split(","))
    except ValueError:
        return None
    return west, south, east, north


def tile_url_template(host: str) -> str:
    """The Leaflet URL template of a tile set added to the handler under `host`."""
    return f"{SCHEME.decode()}://{host}/{{z}}/{{x}}/{{y}}"


class MbtilesSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers mbtiles://<host>/<z>/<x>/<y> from the tile sets added with `add()`.

    A tile is one indexed SQLite read of a local file, done on the GUI thread as the request
    arrives; a tile that is not in the file is answered "not found" (Leaflet leaves it blank).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files: dict[str, MbtilesFile] = {}

    def add(self, path: Path) -> str:
        """Open a tile set (once per file) and return the host name its URLs use."""
        resolved = path.resolve()
        host = "t" + hashlib.sha1(str(resolved).encode(), usedforsecurity=False).hexdigest()[:16]
        if host not in self._files:
            self._files[host] = MbtilesFile(resolved)
        return host

    def info(self, host: str) -> TilesetInfo:
        return self._files[host].info

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        tileset = self._files.get(url.host())
        parts = url.path().strip("/").split("/")
        if tileset is None or len(parts) != 3:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            z, x, y = (int(part.split(".")[0]) for part in parts)
        except ValueError:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        try:
            data = tileset.tile(z, x, y)
        except sqlite3.Error as exc:
            _log.warning("%s: cannot read tile %s/%s/%s: %s", tileset.path, z, x, y, exc)
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.setAdditionalResponseHeaders({_ALLOW_ORIGIN: _ANY_ORIGIN})
        job.reply(tileset.mime_type, buffer)


def register_scheme() -> None:
    """Declare the mbtiles scheme to QtWebEngine; only possible before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError(
            "register_map_schemes() must be called before the QApplication is created."
        )
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def is_scheme_registered() -> bool:
    return QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME


def handler_for(profile: QWebEngineProfile) -> MbtilesSchemeHandler:
    """The profile's mbtiles handler, installed on first use (the scheme must be registered)."""
    if not is_scheme_registered():
        raise RuntimeError(
            "The mbtiles:// scheme is not registered: call "
            "operator_console.ui.map.page.register_map_schemes() before creating the QApplication."
        )
    installed = profile.urlSchemeHandler(SCHEME)
    if isinstance(installed, MbtilesSchemeHandler):
        return installed
    handler = MbtilesSchemeHandler(profile)
    profile.installUrlSchemeHandler(SCHEME, handler)
    return handler
