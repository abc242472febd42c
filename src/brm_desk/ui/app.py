"""The desktop app's entry point: show the window at once, open the journal right after."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from brm_desk.services.locations import APP_NAME, journal_path
from brm_desk.ui.journal_opening import JournalOpening
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.palette import follow_system

# What only runs after the first paint (the lock file, background work, progress and error
# dialogs) is imported where it is used, so the window shows without waiting for it.


def application() -> QApplication:
    """The one QApplication, named so QSettings finds this app's state."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("brm-desk")
    follow_system(app)
    from brm_desk.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run(db: str | None, watch: Callable[[MainWindow], object] | None = None) -> int:
    """Run the desktop app on the journal ``--db`` / ``$BRM_DESK_DB`` / the default names.

    ``watch`` is shown the window before it first paints (benchmarks time the start-up).
    The app ends when its window closes, on SIGTERM or SIGINT too; the exit status is 1
    when the journal could not be opened.
    """
    app = application()
    window = MainWindow(deferred=True)
    if watch is not None:
        watch(window)
    window.show()
    opening = JournalOpening(window.shell, journal_path(db))
    opening.sig_stopped.connect(app.exit)

    def start() -> None:
        from brm_desk.ui import journal_lock

        app.aboutToQuit.connect(journal_lock.release_all)
        close_on_signals(window)
        window.finish()
        opening.start()

    AfterFirstPaint(window, start)
    return int(app.exec())


def close_on_signals(window: MainWindow) -> None:
    """End the app as a user's close would (state saved, journal closed, lock file released)
    on SIGTERM (logout, shutdown) and SIGINT (Ctrl+C); the handlers before come back at quit.

    Qt's event loop gives Python no chance to run a signal handler, so the signal also writes
    to a socket Qt watches, which wakes Python up. The close itself waits for the event loop,
    where it cannot pull a widget from under code that is running.
    """
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)
    notifier.activated.connect(lambda: reader.recv(64))  # the wake-up byte
    wakeup = signal.set_wakeup_fd(writer.fileno())

    def end() -> None:
        window.quit_app()
        QApplication.exit(0)

    def close(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, window, end)

    before = {number: signal.signal(number, close) for number in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:  # the app may run again in this process (tests do)
        signal.set_wakeup_fd(wakeup)
        for number, handler in before.items():
            signal.signal(number, handler)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    QApplication.instance().aboutToQuit.connect(restore)  # type: ignore[union-attr]


class AfterFirstPaint(QObject):
    """Runs a callback once, just after a widget's first paint (or after a second at most,
    should the platform never paint, e.g. a minimised start): the user sees the window at
    once, and everything else (actions, the journal) follows while they look at it."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            callback()
