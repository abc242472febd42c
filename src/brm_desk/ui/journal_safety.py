"""The File menu's safety entries: back up now, restore, encrypt, change passphrase, lock.

Each replaces the window's journal with the one a service hands back (the file was closed
and opened again), so the undo stack, whose commands refer to the old state, is cleared.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.dialogs import messages
from brm_desk.ui.idle_lock import IdleLock

if TYPE_CHECKING:
    from collections.abc import Callable

    from brm_desk.services.journal import Journal
    from brm_desk.ui.main_window import MainWindow

ENCRYPT_EXPLANATION = (
    "The journal, its backups and its drafts will be encrypted with this passphrase. "
    "Without it nobody can read them — not even you: there is no way to recover a "
    "forgotten passphrase. Use a few words you will remember."
)


def ask_idle_minutes(window: MainWindow, current: int) -> int | None:
    """The idle time before locking, in minutes (0 = never), or ``None`` if cancelled."""
    minutes, accepted = QInputDialog.getInt(
        window,
        "Lock when idle",
        "Lock an encrypted journal after this many idle minutes (0 = never):",
        current,
        0,
        24 * 60,
    )
    return minutes if accepted else None


class JournalSafety(QObject):
    """Builds the entries and runs them; see :func:`install`."""

    def __init__(self, window: MainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.idle_lock = IdleLock(window, window.settings)

        def action(text: str, slot: Callable[[], object], tip: str) -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            made.setStatusTip(tip)
            made.triggered.connect(slot)
            return made

        self.back_up_action = action(
            "&Back up now", self.back_up_now, "A copy of the journal in the backups folder"
        )
        self.restore_action = action(
            "&Restore from a backup…", self.restore, "Put a backup in place of the journal"
        )
        self.encrypt_action = action(
            "&Encrypt this journal…", self.encrypt, "Protect the journal with a passphrase"
        )
        self.change_passphrase_action = action(
            "Change &passphrase…", self.change_passphrase, "Choose a new passphrase"
        )
        self.lock_action = action("&Lock", self.idle_lock.lock, "Hide the journal until unlocked")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        window.addAction(self.lock_action)
        self.idle_action = action(
            "Lock when &idle…", self.choose_idle_time, "Lock after some idle minutes"
        )
        self.actions_ = (
            self.back_up_action,
            self.restore_action,
            self.encrypt_action,
            self.change_passphrase_action,
            self.lock_action,
            self.idle_action,
        )
        quit_action = file_menu.actions()[-1]
        for made in self.actions_[:2]:
            file_menu.insertAction(quit_action, made)
        file_menu.insertSeparator(quit_action)
        for made in self.actions_[2:]:
            file_menu.insertAction(quit_action, made)
        file_menu.insertSeparator(quit_action)
        file_menu.aboutToShow.connect(self.update_actions)
        window.stack.currentChanged.connect(self.update_actions)  # a journal came in
        self.update_actions()

    def update_actions(self) -> None:
        journal = self.window.journal
        is_open = journal is not None and not self.idle_lock.locked
        encrypted = journal is not None and journal.encrypted
        self.back_up_action.setEnabled(is_open)
        self.restore_action.setEnabled(is_open)
        self.encrypt_action.setEnabled(is_open and not encrypted)
        self.change_passphrase_action.setEnabled(is_open and encrypted)
        self.lock_action.setEnabled(is_open and encrypted)

    def _editing(self) -> bool:
        editor = self.window.record_actions.editor
        if editor is not None and editor.isVisible():
            messages.show_error(
                self.window,
                "Close the editor first",
                "A record is open for editing; save or close it, then try again.",
            )
            return True
        return False

    def _replace_journal(self, swap: Callable[[Journal], Journal]) -> bool:
        """Run ``swap`` on the closed-and-reopened journal and show what it hands back."""
        journal = self.window.journal
        if journal is None or self._editing():
            return False
        self._settle_views()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reopened = swap(journal)
        except BrmDeskError as error:
            QGuiApplication.restoreOverrideCursor()
            self._reopen_after_failure(journal)
            messages.show_error(self.window, "Nothing was changed", error.message)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.window.undo_stack.clear()
        self.window.set_journal(reopened)
        self.update_actions()
        self.idle_lock.restart()
        return True

    def _settle_views(self) -> None:
        """Let the views finish what they queued (a chart drawn on show) while the journal
        is still open: nothing may reach it once its file is being swapped."""
        QCoreApplication.processEvents()

    def _reopen_after_failure(self, journal: Journal) -> None:
        """A failed swap may have closed the journal; open it again as it was."""
        try:
            reopened = journal.reopen()
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot open the journal again", error.message)
            self.window.close_without_journal()
            return
        self.window.undo_stack.clear()
        self.window.set_journal(reopened)

    def back_up_now(self) -> None:
        from brm_desk.services.maintenance import backup

        if self.window.journal is None:
            return
        try:
            target = backup(self.window.journal)
        except BrmDeskError as error:
            messages.show_error(self.window, "No backup was made", error.message)
            return
        self.window.statusBar().showMessage(f"Backed up to {target}", 8000)

    def restore(self) -> None:
        from brm_desk.services import backups
        from brm_desk.ui.dialogs import restore

        journal = self.window.journal
        if journal is None:
            return
        chosen = restore.choose(self.window, backups.listing(journal.path, journal.database.key))
        if chosen is None:
            return
        if self._replace_journal(lambda open_one: backups.restore_into(open_one, chosen)):
            self.window.statusBar().showMessage(f"Restored {Path(chosen).name}", 8000)

    def encrypt(self) -> None:
        from brm_desk.services import protection
        from brm_desk.ui.dialogs import passphrase

        answer = passphrase.ask_new(
            self.window,
            "Encrypt this journal",
            ENCRYPT_EXPLANATION,
            protection.check_new_passphrase,
        )
        if answer is None:
            return
        _, new = answer
        if self._replace_journal(lambda journal: protection.encrypt(journal, new)):
            self.window.statusBar().showMessage("The journal is now encrypted.", 8000)

    def change_passphrase(self) -> None:
        from brm_desk.services import protection
        from brm_desk.ui.dialogs import passphrase

        answer = passphrase.ask_new(
            self.window,
            "Change passphrase",
            "The journal, its backups and its drafts will open with the new passphrase only.",
            protection.check_new_passphrase,
            ask_current=True,
        )
        if answer is None:
            return
        current, new = answer
        if self._replace_journal(lambda j: protection.change_passphrase(j, current, new)):
            self.window.statusBar().showMessage("The passphrase was changed.", 8000)

    def choose_idle_time(self) -> None:
        minutes = ask_idle_minutes(self.window, self.idle_lock.minutes)
        if minutes is not None:
            self.idle_lock.set_minutes(minutes)


def install(window: MainWindow, file_menu: QMenu) -> JournalSafety:
    """Add the safety entries to the File menu, before Quit."""
    return JournalSafety(window, file_menu)
