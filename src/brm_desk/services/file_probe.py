"""Cheap questions about a journal file, asked before the journal core is loaded."""

from __future__ import annotations

from pathlib import Path

from brm_desk.store import cipher


def is_encrypted(path: Path) -> bool:
    """Whether the file looks encrypted (so a passphrase must be asked before opening)."""
    return cipher.is_encrypted_file(path)
