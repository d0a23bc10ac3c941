"""MBTiles basemaps: raster tiles read from a local .mbtiles file, served on mbtiles:// URLs."""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from operator_console.services.basemaps import Tileset, TilesetInfo
from operator_console.ui.common.background import BackgroundRunner

SCHEME = b"mbtiles"

# The map page is a file: page (origin "null"); fetch() of a tile needs the CORS header.
_ALLOW_ORIGIN = QByteArray(b"Access-Control-Allow-Origin")
_ANY_ORIGIN = QByteArray(b"*")

_log = logging.getLogger(__name__)


def tile_url_template(host: str) -> str:
    """The Leaflet URL template of a tile set added to the handler under `host`."""
    return f"{SCHEME.decode()}://{host}/{{z}}/{{x}}/{{y}}"


class MbtilesSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers mbtiles://<host>/<z>/<x>/<y> from the tile sets added with `add()`.

    A tile is read on the handler's own worker thread (one, so a tile set is never read by two
    threads at once) and the job is answered back on the Qt thread; a tile that is not in the
    file is answered "not found" (Leaflet leaves it blank).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files: dict[str, Tileset] = {}
        self._reader = BackgroundRunner(self, workers=1)

    def add(self, tileset: Tileset) -> str:
        """Serve an opened tile set (once per file) and return the host name its URLs use."""
        key = str(tileset.path).encode()
        host = "t" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]
        self._files.setdefault(host, tileset)
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

        def answer(data: bytes | None) -> None:
            if data is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            buffer = QBuffer(job)
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            job.setAdditionalResponseHeaders({_ALLOW_ORIGIN: _ANY_ORIGIN})
            job.reply(tileset.info.mime_type.encode(), buffer)

        def failed(error: BaseException) -> None:
            _log.warning("%s: tile %s/%s/%s not served: %s", tileset.path, z, x, y, error)
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

        # The job is the owner: when the page drops the request meanwhile, nobody answers it.
        self._reader.submit(lambda: tileset.tile(z, x, y), answer, failed, owner=job)


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
