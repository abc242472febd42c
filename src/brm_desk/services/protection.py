"""Encrypting a plain journal in place, changing its passphrase, and checking a passphrase.

Each works on a closed file and hands back the journal opened again. The journal's
backups and drafts follow it: a journal that is encrypted leaves no readable copy of its
notes in its backups folder or its drafts. A new passphrase must pass the one rule
(domain/passphrase.py), which the dialogs and the command line check first.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from brm_desk.domain.errors import JournalFileError, ValidationError
from brm_desk.domain.files import shred
from brm_desk.domain.passphrase import check_new, check_new_passphrase
from brm_desk.services import drafts as drafts_module
from brm_desk.services.backups import backups_of
from brm_desk.services.journal import Journal, remove_leftovers
from brm_desk.store import cipher, encrypted_file
from brm_desk.store.cipher import CipherKey

__all__ = ["change_passphrase", "check_new_passphrase", "encrypt", "passphrase_matches"]


def passphrase_matches(journal: Journal, passphrase: str) -> bool:
    """Whether ``passphrase`` is the open journal's (for the idle lock); no file is read."""
    key = journal.database.key
    if key is None or not passphrase:
        return False
    try:
        derived = cipher.derive(passphrase, key.salt)
    except ValidationError:  # not valid text: no journal's passphrase
        return False
    return hmac.compare_digest(derived.key, key.key)


def encrypt(journal: Journal, passphrase: str) -> Journal:
    """Encrypt a plain journal in place (new file, verified, swapped); returns it reopened.

    Its plain backups are encrypted the same way and its drafts moved into the
    encrypted draft file.
    """
    if journal.database.key is not None:
        raise JournalFileError(f"{journal.path}: is already encrypted.")
    check_new(passphrase)
    path, today = journal.path, journal.today
    drafts_module.adopt_old_drafts(journal)
    journal.close()
    remove_leftovers(path, stale_after=0)  # however fresh: no plain copy may outlive this
    key = encrypted_file.encrypt_in_place(path, passphrase)
    _encrypt_backups(path, key)
    reopened = Journal.open(path, today, passphrase)
    _move_plain_drafts(reopened)
    return reopened


def change_passphrase(journal: Journal, current: str, new: str) -> Journal:
    """Give an encrypted journal a new passphrase; its backups and drafts follow."""
    old = journal.database.key
    if old is None:
        raise JournalFileError(f"{journal.path}: is not encrypted; encrypt it first.")
    if not passphrase_matches(journal, current):
        raise ValidationError("current passphrase", "is not this journal's passphrase")
    check_new(new, "new passphrase")
    path, today = journal.path, journal.today
    journal.close()
    key = encrypted_file.change_passphrase(path, old, new)
    for backup in backups_of(path):
        if encrypted_file.is_encrypted(backup) and cipher.file_salt(backup) == old.salt:
            try:
                encrypted_file.change_passphrase(backup, old, new)
            except JournalFileError:
                continue  # made under an older passphrase: left as it is
    from brm_desk.store.draft_store import DraftStore

    DraftStore(drafts_module.encrypted_drafts_path(path), old).rekey(key)
    return Journal.open(path, today, new)


def _encrypt_backups(path: Path, key: CipherKey) -> None:
    """Replace each plain backup by an encrypted one (same key), removing the plain bytes."""
    for backup in backups_of(path):
        if encrypted_file.is_encrypted(backup):
            continue
        try:
            encrypted_file.encrypt_with(backup, key)
        except JournalFileError:
            cipher.remove_with_sides(backup)  # unreadable anyway; never left in the clear


def _move_plain_drafts(journal: Journal) -> None:
    """Into the encrypted draft file; the plain files are overwritten and removed."""
    plain = drafts_module.Drafts(drafts_module.plain_drafts_dir(journal.path))
    encrypted = drafts_module.for_journal(journal)
    for draft in plain.listing():
        encrypted.save(draft)
    for left in plain.folder.glob("*.json"):
        shred(left)
