"""Start-up timing for ``benchmarks/gui.py``: when the first window paints, when data shows.

Does nothing unless ``$BRM_DESK_TIMING`` is set. Then it prints ``brm-desk-timing <event>
<seconds>`` lines to stderr (``time.monotonic()``, one clock for the whole machine, so the
benchmark compares them with the moment it started the process) and closes the window once
the first view shows data, so the process ends by itself.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QMainWindow

TIMING_VARIABLE = "BRM_DESK_TIMING"
POLL_MS = 5


def report(event: str) -> None:
    print(f"brm-desk-timing {event} {time.monotonic():.6f}", file=sys.stderr, flush=True)


class StartUpProbe(QObject):
    """Watches one main window: its first paint, then the first rows of its current view."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and watched is self.window and event.type() == QEvent.Type.Paint:
            self.painted = True
            report("window")
            self.timer.start()
        return False

    def _poll(self) -> None:
        if not self._shows_rows():
            return
        self.timer.stop()
        report("filled")
        QTimer.singleShot(0, self.window.close)

    def _shows_rows(self) -> bool:
        """A visible list or table, other than the sidebar, has rows."""
        for view in self.window.findChildren(QAbstractItemView):
            model = view.model()
            if view.objectName() == "sidebar" or model is None or not view.isVisible():
                continue
            if model.rowCount() > 0:
                return True
        return False


def watch_start_up(window: QMainWindow) -> None:
    """Install the probe when ``$BRM_DESK_TIMING`` asks for it."""
    if os.environ.get(TIMING_VARIABLE):
        report("main")
        StartUpProbe(window)
