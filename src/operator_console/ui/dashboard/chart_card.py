"""One chart of the dashboard: a pyqtgraph plot under its title, a line that says the value
under the mouse, and a signal for the bar or point clicked."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

BACKGROUND = "w"
FOREGROUND = "#333333"


class ChartCard(QFrame):
    """The plot's items are made once by whoever fills the card and updated with their setData
    or setOpts; `set_positions` says where each bar or point is (on x, or on y for horizontal
    bars) and what the hover line says about it.

    Signals:
        picked(int): the bar or point with this index was clicked.
    """

    picked = Signal(int)

    def __init__(
        self,
        title: str,
        name: str,
        axis_items: dict[str, pg.AxisItem] | None = None,
        horizontal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.horizontal = horizontal
        self._positions: list[float] = []
        self._texts: list[str] = []
        self.value_at = 0.0  # the value axis's reading at the last position asked about
        self.title = QLabel(f"<b>{title}</b>", self)
        self.title.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setObjectName(f"{name}Legend")
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.plot = pg.PlotWidget(self, background=BACKGROUND, axisItems=axis_items)
        self.plot.setObjectName(f"{name}Plot")
        self.plot.setAccessibleName(title)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(FOREGROUND)
            axis.setTextPen(FOREGROUND)
        self.hover = QLabel(self.tr("Point at a bar or a point to read its value."), self)
        self.hover.setObjectName(f"{name}Hover")
        self.hover.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)

    def set_legend(self, html: str) -> None:
        """Say what each colour means, in words, under the title."""
        self.legend.setText(html)
        self.legend.show()

    def set_positions(self, positions: Sequence[float], texts: Sequence[str]) -> None:
        """Where each bar or point is, in data coordinates, and its hover text."""
        self._positions = list(positions)
        self._texts = list(texts)

    @property
    def texts(self) -> list[str]:
        return list(self._texts)

    def index_at(self, scene_pos: QPointF) -> int | None:
        """The bar or point nearest the scene position, when it is within half a step of it."""
        vb = self._view_box()
        if not self._positions or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        value = point.y() if self.horizontal else point.x()
        self.value_at = point.x() if self.horizontal else point.y()
        nearest = min(range(len(self._positions)), key=lambda i: abs(self._positions[i] - value))
        step = _step(self._positions)
        return nearest if abs(self._positions[nearest] - value) <= step / 2 else None

    def scene_pos_of(self, index: int, value: float | None = None) -> QPointF:
        """Where the bar or point `index` is on the scene, at `value` on the value axis (half
        way along it when not given)."""
        vb = self._view_box()
        (x_low, x_high), (y_low, y_high) = vb.viewRange()
        at = self._positions[index]
        if self.horizontal:
            view = QPointF((x_low + x_high) / 2 if value is None else value, at)
        else:
            view = QPointF(at, (y_low + y_high) / 2 if value is None else value)
        mapped: QPointF = vb.mapViewToScene(view)
        return mapped

    def _view_box(self) -> pg.ViewBox:
        """The plot's view box with the range its new data gives: pyqtgraph fits the range
        only before the next paint, and until then maps points with the old one."""
        vb: pg.ViewBox = self.plot.plotItem.vb
        vb.prepareForPaint()
        return vb

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        index = self.index_at(scene_pos)
        if index is not None:
            self.hover.setText(self._texts[index])

    def _on_mouse_clicked(self, event: object) -> None:
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        index = self.index_at(scene_pos)
        if index is not None:
            self.hover.setText(self._texts[index])
            self.picked.emit(index)


def _step(positions: Sequence[float]) -> float:
    ordered = sorted(set(positions))
    if len(ordered) < 2:
        return float("inf")
    return min(b - a for a, b in pairwise(ordered))
