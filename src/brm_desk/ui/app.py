"""The desktop app's entry point: show the window at once, open the journal right after."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.services.locations import APP_NAME, default_journal_path, journal_path
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.palette import follow_system
from brm_desk.ui.startup_probe import watch_start_up

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.dialogs.progress import Progress

# What only runs after the first paint (the lock, background work, progress and error
# dialogs) is imported where it is used, so the window shows without waiting for it.

SMOKE_VARIABLE = "BRM_DESK_SMOKE"
"""When set, the app opens its window and journal, then quits: a start-up smoke test."""


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


def is_first_run(path: Path) -> bool:
    """No journal yet at the default place (an explicit path that is missing is a mistake)."""
    return path == default_journal_path() and not path.exists()


def opener(window: MainWindow, path: Path) -> tuple[Callable[[], Journal] | None, str]:
    """How to open the journal at start-up, and what to say while it opens.

    On the first run the welcome decides: an empty journal at ``path``, or the sample in its
    own file (``path`` is then not created). ``None`` means the user closed the welcome.
    """
    if not is_first_run(path):
        return (lambda: open_journal(path)), "Opening the journal…"  # may ask a passphrase
    from brm_desk.ui.dialogs import welcome

    choice = welcome.ask(window)
    if choice is welcome.Choice.SAMPLE:
        return welcome.open_sample, "Preparing the sample journal…"
    if choice is welcome.Choice.EMPTY:
        return (lambda: open_journal(path, create=True)), "Creating your journal…"
    return None, ""


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


def needs_passphrase(path: Path) -> bool:
    from brm_desk.services.file_probe import is_encrypted

    return is_encrypted(path)


def with_passphrase(
    window: MainWindow, path: Path, problem: str = ""
) -> Callable[[], Journal] | None:
    """How to open an encrypted journal once its passphrase is asked; ``None`` if cancelled."""
    from brm_desk.ui.dialogs import passphrase

    answer = passphrase.ask(window, path, problem)
    if answer is None:
        return None
    return lambda: open_journal(path, passphrase=answer)


def explain_failure(window: MainWindow, error: BrmDeskError) -> None:
    """A journal we cannot open is explained in the core's words and left untouched."""
    from brm_desk.ui.dialogs import messages

    messages.show_error(window, "Cannot open the journal", error.message)
    window.close_without_journal()


def open_into(window: MainWindow, path: Path) -> bool:
    """Open the journal into the window on the UI thread; ``False`` when it cannot be."""
    from brm_desk.domain.errors import WrongPassphrase
    from brm_desk.ui import journal_lock

    how, _text = opener(window, path)
    try:
        journal_lock.hold(path)
    except BrmDeskError as error:
        explain_failure(window, error)
        return False
    problem = ""
    while True:
        if how is not None and not problem and needs_passphrase(path):
            how = with_passphrase(window, path)
        if how is None:
            journal_lock.release(path)
            window.close_without_journal()
            return False
        try:
            journal = how()
        except WrongPassphrase as error:
            problem = error.message
            how = with_passphrase(window, path, problem)
            continue
        except BrmDeskError as error:
            journal_lock.release(path)
            explain_failure(window, error)
            return False
        window.set_journal(journal)
        return True


def backup_daily_in_background(window: MainWindow, journal: Journal) -> None:
    """Today's automatic backup, off the UI thread; a failure is said in the status bar."""
    from brm_desk.services.backups import backup_daily
    from brm_desk.ui.operations import QueryOp

    def made(path: Path | None) -> None:
        if path is not None:
            window.statusBar().showMessage(f"Today's backup: {path.name}", 6000)

    def failed(error: BrmDeskError) -> None:
        window.statusBar().showMessage(f"Today's backup failed: {error.message}")

    QueryOp(window, lambda: backup_daily(journal)).success(made).failure(failed).run_in_background()


class _FirstPaint(QObject):
    """Runs a callback once, just after a widget's first paint (or after a second at most,
    should the platform never paint, e.g. a minimised start)."""

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


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Do ``callback`` once ``widget`` is on screen: the user sees the window at once, and
    everything else (actions, the journal) follows while they look at it."""
    _FirstPaint(widget, callback)


def opening_safely(path: Path, how: Callable[[], Journal]) -> Callable[[], Journal]:
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


def run(db: str | None) -> int:
    """Run the desktop app on the journal ``--db`` / ``$BRM_DESK_DB`` / the default names."""
    app = application()
    path = journal_path(db)
    window = MainWindow(deferred=True)
    watch_start_up(window)  # benchmarks/gui.py's timing; inert unless asked
    window.show()

    progress: list[Progress] = []

    def opened(journal: Journal) -> None:
        for shown in progress:
            shown.done()
        window.set_journal(journal)
        backup_daily_in_background(window, journal)
        if os.environ.get(SMOKE_VARIABLE):
            QTimer.singleShot(0, window.close)

    def failed(error: BrmDeskError) -> None:
        from brm_desk.domain.errors import WrongPassphrase

        for shown in progress:
            shown.done()
        progress.clear()
        if isinstance(error, WrongPassphrase):  # ask again, saying why
            attempt(with_passphrase(window, path, error.message), "Opening the journal…")
            return
        explain_failure(window, error)
        app.exit(1)

    def attempt(how: Callable[[], Journal] | None, text: str) -> None:
        from brm_desk.ui.dialogs.progress import Progress
        from brm_desk.ui.operations import QueryOp

        if how is None:
            window.close_without_journal()
            app.exit(0)
            return
        progress.append(Progress(window, text))
        QueryOp(window, opening_safely(path, how)).success(opened).failure(
            failed
        ).run_in_background()

    def start() -> None:
        from brm_desk.ui import journal_lock

        app.aboutToQuit.connect(journal_lock.release_all)
        how, text = opener(window, path)
        if how is not None:
            try:
                journal_lock.hold(path)
            except BrmDeskError as error:
                failed(error)
                return
            if needs_passphrase(path):
                how = with_passphrase(window, path)
        attempt(how, text)

    def finish_and_start() -> None:
        window.finish()
        start()

    after_first_paint(window, finish_and_start)
    return int(app.exec())
