"""The photos of a report: added by file picker or drag-and-drop, shown as thumbnails."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QWidget

from operator_console.domain.intake import MAX_ATTACHMENT_BYTES
from operator_console.services.intake.photos import make_thumbnail

THUMBNAIL = QSize(72, 72)


@dataclass(frozen=True)
class Photo:
    """A photo as added; a file over the size limit keeps only its first bytes and its size."""

    file_name: str
    content: bytes
    size_bytes: int


class PhotoList(QObject):
    """Keeps the photos shown in a QListWidget; refuses nothing itself (validation does).

    Signals:
        photos_changed: a photo was added or removed.
    """

    photos_changed = Signal()

    def __init__(self, view: QListWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._photos: list[Photo] = []
        view.setIconSize(THUMBNAIL)
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.dragEnterEvent = self._drag_enter  # type: ignore[method-assign]
        view.dragMoveEvent = self._drag_enter  # type: ignore[method-assign,assignment]
        view.dropEvent = self._drop  # type: ignore[method-assign]

    def photos(self) -> list[Photo]:
        return list(self._photos)

    def add_files(self, paths: list[Path]) -> list[str]:
        """Add each file; return a message for each one that could not be read."""
        problems = []
        for path in paths:
            try:
                size = path.stat().st_size
                with path.open("rb") as handle:
                    content = handle.read(size if size <= MAX_ATTACHMENT_BYTES else 16)
            except OSError as exc:
                problems.append(f"{path.name}: {exc.strerror or exc}")
                continue
            self.add(Photo(path.name, content, size))
        return problems

    def add(self, photo: Photo) -> None:
        self._photos.append(photo)
        item = QListWidgetItem(photo.file_name)
        whole = len(photo.content) == photo.size_bytes
        image = _image_of(photo.content) if whole else QImage()
        if not image.isNull():
            thumbnail = image.scaled(
                THUMBNAIL,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            item.setIcon(QIcon(QPixmap.fromImage(thumbnail)))
        item.setToolTip(photo.file_name)
        self._view.addItem(item)
        self.photos_changed.emit()

    def remove_selected(self) -> None:
        row = self._view.currentRow()
        if row >= 0:
            self._view.takeItem(row)
            del self._photos[row]
            self.photos_changed.emit()

    def clear(self) -> None:
        self._view.clear()
        self._photos.clear()
        self.photos_changed.emit()

    def pick_files(self, parent: QWidget) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            parent.tr("Add photos"),
            "",
            parent.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.heic)"),
        )
        return self.add_files([Path(name) for name in names])

    def _drag_enter(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def _drop(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()


def _image_of(content: bytes) -> QImage:
    """The picture Qt reads itself, else Pillow's thumbnail of it (HEIC), else a null image."""
    image = QImage.fromData(content)
    if image.isNull():
        thumbnail = make_thumbnail(content)
        if thumbnail is not None:
            image = QImage.fromData(thumbnail)
    return image
