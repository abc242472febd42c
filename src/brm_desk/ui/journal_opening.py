"""Opening a journal into the window: at start-up, and in place of the journal shown.

File → Open journal… and File → Recent journals go the way start-up goes: the journal lock
(one BRM Desk per file), the passphrase of an encrypted journal (asked again when wrong), the
file work off the UI thread, a clear message for a file that cannot be opened. At start-up a
failure ends the app; in place of another journal it leaves that one open as it was. So the
sample journal is left without a restart, for the user's own journal (created if need be).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.services.locations import data_dir, default_journal_path

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.dialogs.progress import Progress
    from brm_desk.ui.shell import Shell

Opener = Callable[[], "Journal"]
RECENT_KEY = "journals/recent"
RECENT_COUNT = 8
JOURNAL_FILES = "BRM Desk journals (*.brmdesk *.db);;All files (*)"


class JournalOpening(QObject):
    """Opening one journal into the shell's window, the file work off the UI thread.

    On a first run the welcome decides (an empty journal, or the sample in its own file); an
    encrypted journal asks its passphrase (again when wrong); a journal open in another
    BRM Desk is refused; once it is open, the edits a crash left unsaved are offered back.
    ``opened`` is True once the journal is in the window; False when it
    will not be. At start-up (no journal shown yet) that also ends the app:
    ``sig_stopped(status)``, 0 when the user chose to quit, 1 when the file cannot be opened.
    """

    sig_stopped = Signal(int)

    def __init__(self, shell: Shell, path: Path) -> None:
        super().__init__(shell)
        self.shell = shell
        self.path = path
        self.replacing = shell.journal  # None at start-up
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
        if self.replacing is not None:  # leaving the sample for a journal of one's own
            return (lambda: open_journal(path, create=True)), "Creating your journal…"
        from brm_desk.ui.dialogs import welcome

        choice = welcome.ask(self.shell.window)
        if choice is welcome.Choice.SAMPLE:
            return welcome.open_sample, "Preparing the sample journal…"
        if choice is welcome.Choice.EMPTY:
            return (lambda: open_journal(path, create=True)), "Creating your journal…"
        return None, ""

    def _with_passphrase(self, problem: str = "") -> Opener | None:
        from brm_desk.ui.dialogs import passphrase

        answer = passphrase.ask(self.shell.window, self.path, problem)
        return None if answer is None else (lambda: open_journal(self.path, passphrase=answer))

    def _attempt(self, how: Opener | None, text: str) -> None:
        from brm_desk.ui.dialogs.progress import Progress
        from brm_desk.ui.operations import QueryOp

        if how is None:
            self._stop(0)
            return
        self._progress = Progress(self.shell.window, text)
        op = QueryOp(self, opening_safely(self.path, how))
        op.success(self._opened).failure(self._failed).run_in_background()

    def _opened(self, journal: Journal) -> None:
        from brm_desk.ui import journal_lock

        if self._progress is not None:
            self._progress.done()
        if self.replacing is not None:
            self.shell.close_windows()
            left = self.shell.take_journal()
            if left is not None:
                left.close()
                journal_lock.release(left.path)
        self.shell.set_journal(journal)
        remember(self.shell.settings, journal.path)
        backup_daily_in_background(self.shell, journal)
        self.opened = True
        self.shell.sig_journal_opened.emit()  # the edits a crash left unsaved are offered

    def _failed(self, error: BrmDeskError) -> None:
        from brm_desk.domain.errors import WrongPassphrase
        from brm_desk.ui.dialogs import messages

        if self._progress is not None:
            self._progress.done()
            self._progress = None
        if isinstance(error, WrongPassphrase):  # ask again, saying why
            self._attempt(self._with_passphrase(error.message), "Opening the journal…")
            return
        messages.show_error(self.shell.window, "Cannot open the journal", error.message)
        self._stop(1)

    def _stop(self, status: int) -> None:
        from brm_desk.ui import journal_lock

        journal_lock.release(self.path)
        self.opened = False
        if self.replacing is None:  # start-up: the app ends
            self.shell.window.hide()  # not close(): nothing to save, the geometry stays
            self.sig_stopped.emit(status)


class OtherJournals(QObject):
    """File → Open journal… and the File → Recent journals menu."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.menu = QMenu("Recent journals", shell.window)
        self.menu.aboutToShow.connect(self._fill)

    def choose(self) -> JournalOpening | None:
        from brm_desk.ui.dialogs import files

        path = files.open_path(self.shell.window, "Open journal", JOURNAL_FILES)
        return self.open(path) if path is not None else None

    def open(self, path: Path) -> JournalOpening | None:
        """Open ``path`` in place of the journal shown (unless it is that one, or an editor
        or an import keeps the journal open)."""
        from brm_desk.ui.dialogs import messages

        shown = self.shell.journal
        if shown is not None and same_file(path, shown.path):
            self.shell.say(f"{path.name} is the journal open now.")
            return None
        reason = self.shell.blocker()
        if reason:
            messages.show_error(self.shell.window, "Not now", reason)
            return None
        opening = JournalOpening(self.shell, path)
        opening.start()
        return opening

    def _fill(self) -> None:
        self.menu.clear()
        shown = self.shell.journal.path if self.shell.journal is not None else None
        for path in recent_journals(self.shell.settings):
            action = self.menu.addAction(journal_title(path))
            action.setCheckable(True)
            action.setChecked(shown is not None and same_file(path, shown))
            action.triggered.connect(partial(self.open, path))


def remember(settings: QSettings, path: Path) -> None:
    """Put ``path`` first in the recent journals."""
    known = [p for p in recent_journals(settings) if not same_file(p, path)]
    settings.setValue(RECENT_KEY, [str(p) for p in [path, *known][:RECENT_COUNT]])


def recent_journals(settings: QSettings) -> list[Path]:
    """The journals opened lately that are still there, latest first, and the user's own
    journal (which may not be made yet: opening it then creates it)."""
    stored = settings.value(RECENT_KEY, [], type=list)
    found = [Path(p) for p in stored if Path(p).exists()] if isinstance(stored, list) else []
    if not any(same_file(p, default_journal_path()) for p in found):
        found.append(default_journal_path())
    return found


def journal_title(path: Path) -> str:
    """How the recent journals menu names a journal."""
    if same_file(path, default_journal_path()):
        return "Your journal" if path.exists() else "Your journal (start it now)"
    if path.parent == data_dir():
        return f"{path.stem.capitalize()} journal"
    return f"{path.stem} — {path.parent}"


def same_file(one: Path, other: Path) -> bool:
    return one.expanduser().resolve() == other.expanduser().resolve()


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
