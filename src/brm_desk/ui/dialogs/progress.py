"""A busy indication in the status bar while something slow (opening, importing) runs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar


class Progress:
    """A label and a busy bar in the status bar until :meth:`done`.

    Both are status-bar widgets, not a temporary message: Qt hides a status bar's widgets
    while a temporary message shows, which would hide the bar.
    """

    def __init__(self, window: QMainWindow, text: str) -> None:
        self._window = window
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(180)
        self.bar.setAccessibleName(text)
        window.statusBar().addWidget(self.label)
        window.statusBar().addWidget(self.bar)

    def done(self) -> None:
        for widget in (self.label, self.bar):
            self._window.statusBar().removeWidget(widget)
            widget.deleteLater()
