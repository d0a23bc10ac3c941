"""The photos of a report: added by file picker or drag-and-drop, read and shown as thumbnails
off the Qt thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QWidget

from operator_console.domain.intake import MAX_ATTACHMENT_BYTES
from operator_console.services.intake.photos import make_thumbnail
from operator_console.ui.common.background import BackgroundRunner

THUMBNAIL = QSize(72, 72)
PHOTO_FILES = "photo-files"
"""The runner's lane that reads the photo files, one batch after the other as they were added."""


@dataclass(frozen=True)
class Photo:
    """A photo as added; a file over the size limit keeps only its first bytes and its size."""

    file_name: str
    content: bytes
    size_bytes: int


@dataclass(frozen=True)
class PhotoFile:
    """A file as a worker read it: the photo and its thumbnail, or why it could not be read."""

    name: str
    photo: Photo | None = None
    thumbnail: QImage | None = None
    problem: str = ""


class PhotoList(QObject):
    """Keeps the photos shown in a QListWidget; refuses nothing itself (validation does).

    Files are read, and thumbnails made, by the background runner; the Qt thread only lists them.

    Signals:
        photos_changed: a photo was added or removed.
        files_read: list of messages, one per file of the batch just read that could not be
            read (empty when every file was).
    """

    photos_changed = Signal()
    files_read = Signal(list)

    def __init__(
        self, view: QListWidget, runner: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._runner = runner
        self._photos: list[Photo] = []
        self._batches_reading = 0
        self._call = 0  # which call the list is for: a batch read for an earlier one is dropped
        view.setIconSize(THUMBNAIL)
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.dragEnterEvent = self._drag_enter  # type: ignore[method-assign]
        view.dragMoveEvent = self._drag_enter  # type: ignore[method-assign,assignment]
        view.dropEvent = self._drop  # type: ignore[method-assign]

    def photos(self) -> list[Photo]:
        return list(self._photos)

    @property
    def reading(self) -> bool:
        """Whether files added are still being read (they are not in `photos()` yet)."""
        return self._batches_reading > 0

    def add_files(self, paths: list[Path]) -> None:
        """Read the files on the runner, in the order added; each one read is then listed with
        its thumbnail, and `files_read` names those that could not be read."""
        if not paths:
            return
        self._batches_reading += 1
        call = self._call
        self._runner.submit_in_order(
            PHOTO_FILES,
            lambda: [read_photo_file(path) for path in paths],
            lambda files: self._on_files_read(call, files),
            self._on_batch_failed,
            owner=self,
        )

    def _on_files_read(self, call: int, files: list[PhotoFile]) -> None:
        self._batches_reading -= 1
        if call != self._call:
            return  # the form was cleared for the next call meanwhile
        problems = []
        for read in files:
            if read.photo is None:
                problems.append(
                    self.tr("%1 could not be read: %2")
                    .replace("%1", read.name)
                    .replace("%2", read.problem)
                )
            else:
                self._list(read.photo, read.thumbnail)
        self.files_read.emit(problems)

    def _on_batch_failed(self, error: BaseException) -> None:
        self._batches_reading -= 1
        reason = str(error) or type(error).__name__
        self.files_read.emit([self.tr("The photos could not be read: %1").replace("%1", reason)])

    def add(self, photo: Photo) -> None:
        """List a photo already in memory (a restored draft); its thumbnail is made on the
        runner and shown when ready."""
        self._list(photo, None)
        self._runner.submit(
            lambda: thumbnail_of(photo),
            lambda thumbnail: self._show_thumbnail(photo, thumbnail),
            lambda error: self.files_read.emit(
                [
                    self.tr("%1 could not be shown: %2")
                    .replace("%1", photo.file_name)
                    .replace("%2", str(error) or type(error).__name__)
                ]
            ),
            owner=self,
        )

    def _list(self, photo: Photo, thumbnail: QImage | None) -> None:
        self._photos.append(photo)
        item = QListWidgetItem(photo.file_name)
        item.setToolTip(photo.file_name)
        self._view.addItem(item)
        if thumbnail is not None:
            self._show_thumbnail(photo, thumbnail)
        self.photos_changed.emit()

    def _show_thumbnail(self, photo: Photo, thumbnail: QImage) -> None:
        row = next((row for row, kept in enumerate(self._photos) if kept is photo), None)
        if row is not None and not thumbnail.isNull():
            self._view.item(row).setIcon(QIcon(QPixmap.fromImage(thumbnail)))

    def remove_selected(self) -> None:
        row = self._view.currentRow()
        if row >= 0:
            self._view.takeItem(row)
            del self._photos[row]
            self.photos_changed.emit()

    def clear(self) -> None:
        self._call += 1
        self._view.clear()
        self._photos.clear()
        self.photos_changed.emit()

    def pick_files(self, parent: QWidget) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("PhotoList", "Add photos"),
            "",
            QCoreApplication.translate(
                "PhotoList", "Images (*.png *.jpg *.jpeg *.gif *.webp *.heic)"
            ),
        )
        self.add_files([Path(name) for name in names])

    def _drag_enter(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def _drop(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()


def read_photo_file(path: Path) -> PhotoFile:
    """Runs on a worker: the file's bytes (only the first of a file over the size limit, which
    validation refuses) and its thumbnail, or the reason it could not be read."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            content = handle.read(size if size <= MAX_ATTACHMENT_BYTES else 16)
    except OSError as exc:
        return PhotoFile(path.name, problem=exc.strerror or str(exc))
    photo = Photo(path.name, content, size)
    return PhotoFile(path.name, photo, thumbnail_of(photo))


def thumbnail_of(photo: Photo) -> QImage:
    """Runs on a worker (QImage, unlike QPixmap, may): the list's thumbnail, null when the
    photo is cut short or no picture."""
    whole = len(photo.content) == photo.size_bytes
    image = _image_of(photo.content) if whole else QImage()
    if image.isNull():
        return image
    return image.scaled(
        THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _image_of(content: bytes) -> QImage:
    """The picture Qt reads itself, else Pillow's thumbnail of it (HEIC), else a null image."""
    image = QImage.fromData(content)
    if image.isNull():
        thumbnail = make_thumbnail(content)
        if thumbnail is not None:
            image = QImage.fromData(thumbnail)
    return image
