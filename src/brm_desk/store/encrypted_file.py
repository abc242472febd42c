"""Encrypted journal files: recognise one, check its key without writing, convert, rekey.

An encrypted file has no readable header, so it cannot be told from random bytes until a
key opens it. A wrong passphrase and a file that is not a journal therefore get the same
honest message, and in both cases nothing is written: the key is tried on a read-only,
immutable connection that creates no side file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from brm_desk.domain.errors import JournalFileError, PassphraseNeeded, WrongPassphrase
from brm_desk.domain.files import PARTIAL, replacing
from brm_desk.store import cipher
from brm_desk.store.cipher import CipherKey
from brm_desk.store.journal_file import (
    APPLICATION_ID,
    errors_in_words,
    identify,
    in_words,
    inspect,
    is_sqlite_error,
    raw_connect,
)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` could be an encrypted journal (whole pages, no SQLite header)."""
    return cipher.is_encrypted_file(path)


def needs_passphrase(path: Path) -> PassphraseNeeded:
    return PassphraseNeeded(
        f"{path}: is encrypted (or is not a BRM Desk journal); its passphrase is needed."
    )


def wrong_passphrase(path: Path) -> WrongPassphrase:
    return WrongPassphrase(
        f"{path}: the passphrase does not open it (or it is not a BRM Desk journal). "
        "The file was not changed."
    )


def identify_encrypted(path: Path, key: CipherKey) -> int:
    """Try ``key`` on the file without writing; its schema version, as :func:`inspect`."""
    try:
        return inspect(path, key)
    except Exception as error:
        if is_sqlite_error(error) and "not a database" in str(error).lower():
            raise wrong_passphrase(path) from None
        raise in_words(path, error) or error from None


def key_for(path: Path, passphrase: str | None) -> CipherKey:
    """The key to try on an encrypted ``path``; a clear error without a passphrase."""
    if passphrase is None:
        raise needs_passphrase(path)
    return cipher.key_for_file(path, passphrase)


def encrypt_into(source: Path, target: Path, key: CipherKey) -> None:
    """Write an encrypted copy of the plain journal ``source`` to the new file ``target``.

    ``sqlcipher_export`` copies schema and rows; the header fields it does not copy are
    set again. The target name and the raw key are bound as parameters.
    """
    with closing(cipher.dbapi().connect(str(source), check_same_thread=False)) as raw:
        raw.execute("PRAGMA cipher_log_level = NONE")
        version = int(raw.execute("PRAGMA user_version").fetchone()[0])
        raw.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.raw_text()))
        raw.execute("SELECT sqlcipher_export('encrypted')")
        raw.execute(f"PRAGMA encrypted.application_id = {APPLICATION_ID}")
        raw.execute(f"PRAGMA encrypted.user_version = {version}")
        raw.commit()
        raw.execute("DETACH DATABASE encrypted")
    with closing(raw_connect(target, key)) as check:
        check.execute("PRAGMA journal_mode = WAL")


def same_content(first: Path, first_key: CipherKey | None, second: Path, key: CipherKey) -> bool:
    """Whether two journals hold the same rows (the check before a swap)."""
    queries: list[list[tuple[str, int]]] = []
    for path, file_key in ((first, first_key), (second, key)):
        with closing(raw_connect(path, file_key)) as raw:
            integrity = raw.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                return False
            tables = [
                name
                for (name,) in raw.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY name"
                )
            ]
            counts = [
                (name, raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
                for name in tables
            ]
            queries.append(counts)
    return queries[0] == queries[1]


@contextmanager
def _replacing_shredded(path: Path) -> Iterator[Path]:
    """A new file for the block to write, put in place of ``path`` as :func:`replacing` does;
    the old file's bytes and its side files are then overwritten and deleted."""
    aside = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{PARTIAL}")
    try:
        with replacing(path) as new:
            yield new
            os.link(path, aside)  # the old bytes, overwritten once the new file is in place
            for side in ("-wal", "-shm"):
                Path(f"{path}{side}").unlink(missing_ok=True)
    except BaseException:
        aside.unlink(missing_ok=True)
        raise
    cipher.remove_with_sides(aside)


def encrypt_with(path: Path, key: CipherKey) -> None:
    """Encrypt the closed, plain journal (or backup) at ``path``: a new file, verified, then
    swapped; the plain bytes are overwritten and deleted only after the encrypted copy has
    been checked, and any failure before leaves the original as it was."""
    with errors_in_words(path), _replacing_shredded(path) as target:
        with closing(raw_connect(path, None)) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        encrypt_into(path, target, key)
        if not same_content(path, None, target, key):
            raise JournalFileError(
                f"{path}: the encrypted copy did not check out; the journal was not changed."
            )


def encrypt_in_place(path: Path, passphrase: str) -> CipherKey:
    """Encrypt the closed, plain journal at ``path`` with a new key (see :func:`encrypt_with`)."""
    identify(path)
    key = cipher.new_key(passphrase)
    encrypt_with(path, key)
    return key


def change_passphrase(path: Path, old: CipherKey, passphrase: str) -> CipherKey:
    """Rekey the closed, encrypted journal at ``path`` (the salt stays; the key changes)."""
    identify_encrypted(path, old)
    new = cipher.derive(passphrase, old.salt)
    with errors_in_words(path), closing(raw_connect(path, old)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute(f"PRAGMA rekey = {new.pragma_literal()}")
    identify_encrypted(path, new)
    return new
