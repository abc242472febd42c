"""The desktop app's entry point: show the window at once, open the journal right after."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.services.locations import APP_NAME, default_journal_path, journal_path
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.palette import follow_system

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.dialogs.progress import Progress
    from brm_desk.ui.shell import Shell

# What only runs after the first paint (the lock file, background work, progress and error
# dialogs) is imported where it is used, so the window shows without waiting for it.

Opener = Callable[[], "Journal"]


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
    opening = JournalOpening(window, journal_path(db))
    opening.sig_stopped.connect(app.exit)

    def start() -> None:
        from brm_desk.ui import journal_lock

        app.aboutToQuit.connect(journal_lock.release_all)
        close_on_signals(window)
        window.finish()
        opening.start()

    AfterFirstPaint(window, start)
    return int(app.exec())


class JournalOpening(QObject):
    """Opening the journal into the window as the app starts, the file work off the UI thread.

    On a first run the welcome decides (an empty journal, or the sample in its own file); an
    encrypted journal asks its passphrase (again when wrong); a journal open in another
    BRM Desk is refused; once it is open, the edits a crash left unsaved are offered back.
    ``opened`` is True once the journal is in the window; False, with ``sig_stopped(status)``,
    when it will not be: 0 when the user chose to quit, 1 when the file cannot be opened
    (said, and the file left untouched).
    """

    sig_stopped = Signal(int)

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.opened: bool | None = None
        self._progress: Progress | None = None

    def start(self) -> None:
        from brm_desk.services.file_probe import is_encrypted
        from brm_desk.ui import journal_lock

        how, text = self._how_to_open()
        if how is not None:
            try:
                journal_lock.hold(self.path)
            except BrmDeskError as error:
                self._failed(error)
                return
            if is_encrypted(self.path):
                how = self._with_passphrase()
        self._attempt(how, text)

    def _how_to_open(self) -> tuple[Opener | None, str]:
        """How to open the journal, and what to say meanwhile; None when the user quit."""
        path = self.path
        if not is_first_run(path):
            return (lambda: open_journal(path)), "Opening the journal…"
        from brm_desk.ui.dialogs import welcome

        choice = welcome.ask(self.window)
        if choice is welcome.Choice.SAMPLE:
            return welcome.open_sample, "Preparing the sample journal…"
        if choice is welcome.Choice.EMPTY:
            return (lambda: open_journal(path, create=True)), "Creating your journal…"
        return None, ""

    def _with_passphrase(self, problem: str = "") -> Opener | None:
        from brm_desk.ui.dialogs import passphrase

        answer = passphrase.ask(self.window, self.path, problem)
        return None if answer is None else (lambda: open_journal(self.path, passphrase=answer))

    def _attempt(self, how: Opener | None, text: str) -> None:
        from brm_desk.ui.dialogs.progress import Progress
        from brm_desk.ui.operations import QueryOp

        if how is None:
            self._stop(0)
            return
        self._progress = Progress(self.window, text)
        op = QueryOp(self, opening_safely(self.path, how))
        op.success(self._opened).failure(self._failed).run_in_background()

    def _opened(self, journal: Journal) -> None:
        if self._progress is not None:
            self._progress.done()
        self.window.set_journal(journal)
        backup_daily_in_background(self.window.shell, journal)
        self.opened = True
        self.window.record_actions.offer_drafts()  # what a crash left unsaved, at once

    def _failed(self, error: BrmDeskError) -> None:
        from brm_desk.domain.errors import WrongPassphrase
        from brm_desk.ui.dialogs import messages

        if self._progress is not None:
            self._progress.done()
            self._progress = None
        if isinstance(error, WrongPassphrase):  # ask again, saying why
            self._attempt(self._with_passphrase(error.message), "Opening the journal…")
            return
        messages.show_error(self.window, "Cannot open the journal", error.message)
        self._stop(1)

    def _stop(self, status: int) -> None:
        from brm_desk.ui import journal_lock

        journal_lock.release(self.path)
        self.window.hide()  # not close(): nothing to save, and the geometry stays as it was
        self.opened = False
        self.sig_stopped.emit(status)


def is_first_run(path: Path) -> bool:
    """No journal yet at the default place (an explicit path that is missing is a mistake)."""
    return path == default_journal_path() and not path.exists()


def open_journal(path: Path, *, create: bool = False, passphrase: str | None = None) -> Journal:
    """Open (or first create) the journal; safe to run off the UI thread.

    The journal core (SQLAlchemy, migrations) is imported here, after the window shows.
    """
    from brm_desk.services.journal import Journal

    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            return Journal.create(path)
        return Journal.open(path, passphrase=passphrase)
    except OSError as error:
        raise JournalFileError(f"{path}: {error.strerror or error}") from None


def opening_safely(path: Path, how: Opener) -> Opener:
    """``how``, with any error it did not foresee said as this file's failure to open (a
    message and exit 1), never a window left waiting for a journal that will not come."""

    def open_it() -> Journal:
        try:
            return how()
        except BrmDeskError:
            raise
        except Exception as error:
            raise JournalFileError(
                f"{path}: could not be opened ({type(error).__name__}: {error}). "
                "The file was left as it is."
            ) from error

    return open_it


def backup_daily_in_background(shell: Shell, journal: Journal) -> None:
    """Today's automatic backup, off the UI thread; a failure is said in the status bar."""
    from brm_desk.services.backups import backup_daily
    from brm_desk.ui.operations import QueryOp

    def made(path: Path | None) -> None:
        if path is not None:
            shell.say(f"Today's backup: {path.name}", 6000)

    def failed(error: BrmDeskError) -> None:
        shell.say(f"Today's backup failed: {error.message}", 0)

    QueryOp(shell, lambda: backup_daily(journal)).success(made).failure(failed).run_in_background()


def close_on_signals(window: QWidget) -> None:
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

    def close(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, window, lambda: (window.close(), QApplication.exit(0)))

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
