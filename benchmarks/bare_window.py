"""The floor for start-up: a bare PySide6 main window, as a whole process.

Started exactly as the app is (a fresh interpreter, or a PyInstaller bundle of this file), it
prints ``brm-desk-timing window <time.monotonic()>`` at its first paint, as
``startup_probe.py`` does for the app, and quits. With ``--stay`` it stays until SIGTERM, to be
timed from outside as the app's bundle is. It imports nothing of BRM Desk.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow, stay: bool) -> None:
        super().__init__(window)
        self.window = window
        self.stay = stay
        self.seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and watched is self.window and event.type() == QEvent.Type.Paint:
            self.seen = True
            now = time.monotonic()
            print(f"brm-desk-timing window {now:.6f}", file=sys.stderr, flush=True)
            if not self.stay:
                QTimer.singleShot(0, self.window.close)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("BRM Desk")
    window.resize(1200, 760)
    FirstPaint(window, stay="--stay" in sys.argv)
    if "--stay" in sys.argv:  # until SIGTERM, which ends it with status 0
        import signal  # only here: the floor imports no more than it needs

        signal.signal(signal.SIGTERM, lambda *_args: app.quit())
        QTimer(window, interval=100, timeout=lambda: None).start()  # Python sees the signal
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
