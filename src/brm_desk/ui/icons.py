"""Icons from ``resources/icons``: line drawings tinted with the palette's text colour.

The SVGs draw with ``currentColor``; each icon is rendered at every size and device pixel
ratio Qt asks for, so it stays crisp on HiDPI screens and readable in light and dark mode.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from brm_desk.resource_files import resource


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def _tint(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class TintedSvgEngine(QIconEngine):
    """Renders one SVG in the colour of the current palette at paint time."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        text = _svg(self.name).replace("currentColor", _tint(mode).name())
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        renderer.render(painter, rect)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.name)

    def key(self) -> str:
        return "brm-desk-tinted-svg"


def icon(name: str) -> QIcon:
    """A themed line icon (``dashboard``, ``meetings``, ``undo``, …)."""
    return QIcon(TintedSvgEngine(name))


def app_icon() -> QIcon:
    """The application's own icon, in its colours."""
    return QIcon(str(resource("icons", "brm-desk.svg")))
