"""The passphrase rule, in one place for the app's dialogs, the command line and the services.

Every passphrase, new or given to open a journal, is text, read in its composed Unicode form
(NFC): "é" typed as one character or as "e" plus a combining accent is the same passphrase,
whatever the keyboard or system. Typed text is usually composed already, so journals encrypted
before this rule open as they did. Only a *new* passphrase must be long enough: opening never
applies that rule, so an older short passphrase still opens its journal.
"""

from __future__ import annotations

import unicodedata

from brm_desk.domain.errors import ValidationError

MIN_LENGTH = 8
NOT_TEXT = (
    "is not valid text: it holds bytes that are not UTF-8 "
    "(check the encoding of the terminal or the variable)"
)


def composed(passphrase: str, field: str = "passphrase") -> str:
    """The passphrase in its composed form (NFC), the form every key is derived from.

    Bytes that were not UTF-8 (from the environment or a terminal, which Python keeps as lone
    surrogates) are refused with ``NOT_TEXT`` rather than guessed at.
    """
    if any("\ud800" <= character <= "\udfff" for character in passphrase):
        raise ValidationError(field, NOT_TEXT)
    return unicodedata.normalize("NFC", passphrase)


def check_new(passphrase: str, field: str = "passphrase") -> None:
    """A new passphrase: valid text of at least 8 characters once composed."""
    if len(composed(passphrase, field)) < MIN_LENGTH:
        raise ValidationError(
            field, f"needs at least {MIN_LENGTH} characters (a few words are best)"
        )


def check_new_passphrase(passphrase: str, repeated: str, field: str = "passphrase") -> None:
    """A new passphrase typed twice: it passes ``check_new`` and both entries are the same."""
    check_new(passphrase, field)
    if composed(passphrase, field) != unicodedata.normalize("NFC", repeated):
        raise ValidationError(field, "the two entries differ")
