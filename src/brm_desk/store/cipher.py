"""Encryption at rest with SQLCipher: derive a raw key from a passphrase, and use it safely.

The passphrase never reaches SQL. A 256-bit key is derived from it with scrypt and the
file's own 16-byte salt (the first 16 bytes of every SQLCipher file, where SQLCipher keeps
it), and SQLCipher is given that raw key as ``x'<key><salt>'`` built from ``bytes.hex()``:
only hex digits are ever formatted into the ``PRAGMA key``.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.files import shred
from brm_desk.domain.passphrase import composed

SALT_BYTES = 16
KEY_BYTES = 32
PAGE_SIZE = 4096
SQLITE_HEADER = b"SQLite format 3\x00"
# scrypt at 32 MiB and about a tenth of a second: costly to guess, quick to open.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1


@dataclass(frozen=True, slots=True, repr=False)
class CipherKey:
    """A raw SQLCipher key and the salt it was derived with (never printed)."""

    key: bytes
    salt: bytes

    def raw_text(self) -> str:
        """SQLCipher's raw-key form ``x'<key><salt>'``: hex digits only, never user text."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"

    def pragma_literal(self) -> str:
        """The raw key quoted for ``PRAGMA key`` / ``PRAGMA rekey``."""
        return f'"{self.raw_text()}"'

    def with_salt(self, salt: bytes) -> CipherKey:
        """The same key for another file (a draft store) that has its own salt."""
        return CipherKey(self.key, salt)

    def __repr__(self) -> str:
        return "CipherKey(…)"


def derive(passphrase: str, salt: bytes) -> CipherKey:
    """The raw key for ``passphrase`` and a file's salt: from the UTF-8 of its composed form.

    Every key comes from here, so every way in (opening, creating, encrypting, rekeying, the
    idle lock) reads a passphrase the same way; text that is not valid is refused.
    """
    if not passphrase:
        raise JournalFileError("The passphrase cannot be empty.")
    key = hashlib.scrypt(
        composed(passphrase).encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=KEY_BYTES,
    )
    return CipherKey(key, salt)


def new_key(passphrase: str) -> CipherKey:
    """A key for a new encrypted file, with a fresh random salt."""
    return derive(passphrase, secrets.token_bytes(SALT_BYTES))


def file_salt(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES)


def key_for_file(path: Path, passphrase: str) -> CipherKey:
    """The key that opens the encrypted file at ``path`` if the passphrase is right."""
    return derive(passphrase, file_salt(path))


def file_header(path: Path) -> tuple[bytes, int]:
    """The first 100 bytes of a file (where SQLite keeps its header) and the file's size."""
    with path.open("rb") as handle:
        return handle.read(100), os.fstat(handle.fileno()).st_size


def is_encrypted_file(path: Path) -> bool:
    """A file with whole pages and no SQLite header: perhaps encrypted (or not a journal)."""
    try:
        header, size = file_header(path)
    except OSError:
        return False
    return (
        not header.startswith(SQLITE_HEADER)
        and size >= PAGE_SIZE
        and size % 512 == 0
        and len(header) >= SALT_BYTES
    )


def dbapi() -> Any:
    """The SQLCipher DB-API module, which every journal connection goes through."""
    from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

    return dbapi2


def connect(database: str, key: CipherKey, *, uri: bool = False, **options: Any) -> Any:
    """A keyed SQLCipher connection (``database`` a path, or a URI when ``uri``); ``options``
    go to the driver's ``connect`` (e.g. ``cached_statements``)."""
    connection = dbapi().connect(database, uri=uri, check_same_thread=False, **options)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {key.pragma_literal()}")  # before any other statement
    return connection


def remove_with_sides(path: Path) -> None:
    """Overwrite and delete a file and its SQLite side files (see :func:`files.shred`)."""
    for side in ("", "-wal", "-shm", "-journal"):
        shred(Path(f"{path}{side}"))
