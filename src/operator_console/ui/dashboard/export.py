"""The dashboard on paper and as a picture: a PNG of the widget, and a PDF page with the period
and filters written above it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPixmap
from PySide6.QtWidgets import QWidget

PDF_DPI = 150


def write_png(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"{path}: the picture could not be written")


def write_pdf(
    pictures: Sequence[tuple[str, QPixmap]], described: Sequence[str], path: Path
) -> None:
    """One landscape A4 page a picture: its title and the `described` lines, then the picture
    scaled to the rest of the page."""
    if not pictures:
        raise ValueError(f"{path}: there is nothing to print")
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
        )
    )
    writer.setTitle(pictures[0][0])
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: the PDF could not be written")
    try:
        for number, (title, picture) in enumerate(pictures):
            if number:
                writer.newPage()
            _page(painter, writer, title, described, picture)
    finally:
        painter.end()


def _page(
    painter: QPainter,
    writer: QPdfWriter,
    title: str,
    described: Sequence[str],
    picture: QPixmap,
) -> None:
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = area.width(), area.height()
    font = QFont()
    font.setPointSize(14)
    font.setBold(True)
    painter.setFont(font)
    line = painter.fontMetrics().height()
    painter.drawText(QRect(0, 0, width, line), Qt.AlignmentFlag.AlignLeft, title)
    font.setPointSize(10)
    font.setBold(False)
    painter.setFont(font)
    top = line + line // 3
    small = painter.fontMetrics().height()
    for text in described:
        painter.drawText(QRect(0, top, width, small), Qt.AlignmentFlag.AlignLeft, text)
        top += small
    top += small // 2
    room = QRect(0, top, width, height - top)
    scaled = picture.scaled(
        room.size(),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    painter.drawPixmap(room.x(), room.y(), scaled)
