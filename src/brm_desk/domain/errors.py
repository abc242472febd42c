"""Errors a user can cause, each carrying a message fit to show as it is."""

from __future__ import annotations


class BrmDeskError(Exception):
    """Base of every error a user can cause; anything else is a bug."""

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(BrmDeskError):
    """A value that breaks a rule; ``field`` names the field so a form can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.reason = message


class NotFoundError(BrmDeskError):
    """A record asked for by id or name that the journal does not hold."""


class JournalFileError(BrmDeskError):
    """A journal file that cannot be opened or created as asked; the file is left alone."""


class ImportFileError(BrmDeskError):
    """A file to import that is malformed or breaks a rule; nothing was imported."""


class PassphraseNeeded(JournalFileError):
    """The journal is encrypted (or not a journal at all) and no passphrase was given."""


class WrongPassphrase(JournalFileError):
    """The passphrase does not open the file (or the file is not a journal); it is untouched."""
