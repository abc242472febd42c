"""The File menu's safety entries: back up now, restore from a backup, encrypt, change passphrase.

Restoring, encrypting and changing the passphrase close the file and hand back the journal
opened again, so the views stop before the swap and are built again on what comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.dialogs import messages

if TYPE_CHECKING:
    from collections.abc import Callable

    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell

ENCRYPT_EXPLANATION = (
    "The journal, its backups and its drafts will be encrypted with this passphrase. "
    "Without it nobody can read them — not even you: there is no way to recover a "
    "forgotten passphrase. Use a few words you will remember."
)
CHANGE_EXPLANATION = (
    "The journal, its backups and its drafts will open with the new passphrase only."
)


class JournalSafety(QObject):
    """What the safety entries of the File menu do."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell

    def back_up_now(self) -> None:
        from brm_desk.services.maintenance import backup

        assert self.shell.journal is not None  # the action needs an open journal
        try:
            target = backup(self.shell.journal)
        except BrmDeskError as error:
            messages.show_error(self.shell.window, "No backup was made", error.message)
            return
        self.shell.say(f"Backed up to {target}")

    def restore(self) -> None:
        from brm_desk.services import backups
        from brm_desk.ui.dialogs import restore

        journal = self.shell.journal
        assert journal is not None
        listing = backups.listing(journal.path, journal.database.key)
        chosen = restore.choose(self.shell.window, listing)
        if chosen is None:
            return
        if self._replace_journal(lambda open_one: backups.restore_into(open_one, chosen)):
            self.shell.say(f"Restored {Path(chosen).name}")

    def encrypt(self) -> None:
        from brm_desk.services import protection
        from brm_desk.ui.dialogs import passphrase

        window, check = self.shell.window, protection.check_new_passphrase
        answer = passphrase.ask_new(window, "Encrypt this journal", ENCRYPT_EXPLANATION, check)
        if answer is None:
            return
        if self._replace_journal(lambda journal: protection.encrypt(journal, answer[1])):
            self.shell.say("The journal is now encrypted.")

    def change_passphrase(self) -> None:
        from brm_desk.services import protection
        from brm_desk.ui.dialogs import passphrase

        window, check = self.shell.window, protection.check_new_passphrase
        answer = passphrase.ask_new(
            window, "Change passphrase", CHANGE_EXPLANATION, check, ask_current=True
        )
        if answer is None:
            return
        if self._replace_journal(lambda journal: protection.change_passphrase(journal, *answer)):
            self.shell.say("The passphrase was changed.")

    def _replace_journal(self, swap: Callable[[Journal], Journal]) -> bool:
        """Run ``swap`` on the journal once nothing reads it, and show what it hands back."""
        shell = self.shell
        reason = shell.blocker()
        if reason:
            messages.show_error(shell.window, "Not now", reason)
            return False
        shell.close_windows()
        journal = shell.take_journal()
        assert journal is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reopened = swap(journal)
        except BrmDeskError as error:
            QGuiApplication.restoreOverrideCursor()
            self._reopen_after_failure(journal)
            messages.show_error(shell.window, "Nothing was changed", error.message)
            return False
        QGuiApplication.restoreOverrideCursor()
        shell.set_journal(reopened)
        return True

    def _reopen_after_failure(self, journal: Journal) -> None:
        """A failed swap may have closed the journal; open it again as it was."""
        try:
            self.shell.set_journal(journal.reopen())
        except BrmDeskError as error:
            messages.show_error(self.shell.window, "Cannot open the journal again", error.message)
            self.shell.window.close()
