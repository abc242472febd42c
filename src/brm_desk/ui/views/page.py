"""What every view in the sidebar offers the main window."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLabel, QWidget


class Page(QWidget):
    """A view over the journal; ``sig_changed`` says it changed the journal."""

    sig_changed = Signal()

    def refresh(self) -> None:
        """Reload from the journal (called whenever the page is shown)."""

    def save_state(self, settings: QSettings) -> None:
        """Keep column widths, sort orders and the like in ``settings``."""


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    label.setFont(font)
    return label
