"""Start-up timing for ``gui.py``: the real app, started with a probe on its window.

``python benchmarks/startup_probe.py --db JOURNAL`` runs BRM Desk as ``brm-desk --db JOURNAL``
does (``brm_desk.ui.app.run``) and prints ``brm-desk-timing <event> <seconds>`` lines to
stderr (``time.monotonic()``, one clock for the whole machine, so the benchmark compares
them with the moment it started the process): ``main`` when the window exists, ``window`` at
its first paint, ``filled`` at the first paint of a list with rows. Then it closes the
window, so the process ends by itself. The app itself knows nothing of this.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow

MARK = "brm-desk-timing"


def report(event: str) -> None:
    print(f"{MARK} {event} {time.monotonic():.6f}", file=sys.stderr, flush=True)


class StartUpProbe(QObject):
    """Watches one main window: its first paint, then the first paint of a list with rows.

    Until the first paint only the window itself is watched, as the bare window of the
    benchmark is: an application-wide filter in Python would see every event of start-up and
    slow down what it measures. After it, an application-wide filter sees the paint of a
    list's viewport, so "filled" is when rows reach the screen, not merely the model.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        report("main")
        self.window = window
        self.painted = False
        app = QApplication.instance()
        assert app is not None
        self.app = app
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if not self.painted and watched is self.window:
            self.painted = True
            report("window")
            self.window.removeEventFilter(self)
            self.app.installEventFilter(self)
        elif self.painted and self._rows_painted(watched):
            report("filled")
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.window.close)
        return False

    def _rows_painted(self, watched: QObject) -> bool:
        """``watched`` is the viewport of a list (not the sidebar) that has rows."""
        view = watched.parent()
        if not isinstance(view, QAbstractItemView) or view.viewport() is not watched:
            return False
        model = view.model()
        return view.objectName() != "sidebar" and model is not None and model.rowCount() > 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "--db":
        print("usage: startup_probe.py --db JOURNAL", file=sys.stderr)
        return 2
    from brm_desk.ui.app import run

    return run(argv[1], StartUpProbe)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
