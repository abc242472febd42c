"""The lock: Ctrl+L, or a chosen idle time, closes an encrypted journal behind its passphrase.

Locking closes the journal, so its key leaves memory with it, and shows a passphrase prompt
in place of the views; every action that needs a journal is then off, shortcuts included
(one rule, :mod:`brm_desk.ui.actions`). The right passphrase opens the journal again on the
view it showed. Only an encrypted journal locks: a plain one has no passphrase to ask.

Windows over the journal (editors, dialogs, briefs) close. An editor with unsaved changes,
or an import or export still running, keeps the journal open: Ctrl+L says why, and the idle
lock tries again after the next idle time. The idle time is a preference in QSettings
(``privacy/lock_after_minutes``, 0 = never).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError, WrongPassphrase
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.passphrase import secret_field

if TYPE_CHECKING:
    from brm_desk.ui.shell import Shell

SETTING = "privacy/lock_after_minutes"
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
WRONG = "That is not this journal's passphrase."
IDLE = "Lock an encrypted journal after this many idle minutes (0 = never):"


class LockScreen(QWidget):
    """What shows instead of the journal while locked."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName("Locked")
        title = QLabel(f"<h2>{name} is locked</h2>")
        self.passphrase = secret_field("Passphrase")
        self.passphrase.setPlaceholderText("Passphrase")
        self.unlock_button = QPushButton("&Unlock")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(2)
        layout.setContentsMargins(200, 0, 200, 0)


class IdleLock(QObject):
    """Locks the shell's journal on Ctrl+L, or when the whole app has been idle long enough."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_when_idle)
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._closed: tuple[Path, Callable[[], date]] | None = None  # the journal's path, today
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        shell.sig_journal_replaced.connect(self.restart)
        self.restart()

    @property
    def minutes(self) -> int:
        try:
            return max(0, int(str(self.shell.settings.value(SETTING, 0))))
        except ValueError:
            return 0

    def set_minutes(self, minutes: int) -> None:
        self.shell.settings.setValue(SETTING, max(0, minutes))
        self.restart()

    def choose_minutes(self) -> None:
        """File → Lock when idle…: the idle time before locking, in minutes (0 = never)."""
        window, longest = self.shell.window, 24 * 60
        minutes = messages.ask_number(window, "Lock when idle", IDLE, self.minutes, 0, longest)
        if minutes is not None:
            self.set_minutes(minutes)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def restart(self) -> None:
        if self.minutes and not self.locked and self.shell.journal is not None:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> bool:
        """Ctrl+L: lock now, or say what keeps the journal open."""
        reason = self.shell.blocker()
        if reason:
            messages.show_error(self.shell.window, "The journal stays open", reason)
            return False
        return self._lock()

    def lock_when_idle(self) -> bool:
        if self.shell.blocker():
            self.restart()  # unsaved work is never thrown away: try again later
            return False
        return self._lock()

    def _lock(self) -> bool:
        """Close the journal and show the lock screen (only for an encrypted journal)."""
        journal = self.shell.journal
        if self.locked or journal is None or not journal.encrypted:
            return False
        self.shell.close_windows()
        self.shell.take_journal()
        journal.close()
        self._closed = journal.path, journal.today
        window = self.shell.window
        self._content = window.takeCentralWidget()
        self.screen = LockScreen(journal.name)
        self.screen.unlock_button.clicked.connect(self._try_unlock)
        self.screen.passphrase.returnPressed.connect(self._try_unlock)
        window.setCentralWidget(self.screen)
        self.screen.passphrase.setFocus()
        return True

    def _try_unlock(self) -> None:
        if self.screen is not None and not self.unlock(self.screen.passphrase.text()):
            self.screen.passphrase.clear()

    def unlock(self, passphrase: str) -> bool:
        """Open the journal again if ``passphrase`` is its own; else say so and stay locked."""
        from brm_desk.services.journal import Journal

        if self.screen is None or self._closed is None:
            return False
        try:
            if not passphrase:
                raise WrongPassphrase(WRONG)
            journal = Journal.open(*self._closed, passphrase=passphrase)
        except BrmDeskError as error:
            wrong = isinstance(error, WrongPassphrase)
            self.screen.problem.setText(WRONG if wrong else error.message)
            return False
        window = self.shell.window
        window.takeCentralWidget()
        self.screen.deleteLater()
        self.screen = None
        self._closed = None
        if self._content is not None:
            window.setCentralWidget(self._content)
            self._content.show()
            self._content = None
        self.shell.set_journal(journal)
        return True
