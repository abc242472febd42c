"""Drafts of notes being typed, kept on disk so a crash or power cut loses at most 2 s.

A draft holds a meeting's notes and its private notes, typed side by side.

One small JSON file per record (or ``new-meeting``) in the data folder's ``drafts`` folder,
written atomically (a temporary file renamed over the old one) so a draft is never half
written. Saving the record discards its draft. An encrypted journal's drafts are never
written in the clear: they go into an encrypted file under the journal's key instead
(:func:`for_journal`).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.files import private_folder, replacing
from brm_desk.services.locations import backups_dir, data_dir

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.store.draft_store import DraftStore

NEW_MEETING = "new-meeting"
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved notes and private notes for one record, and when they were written."""

    key: str
    text: str
    saved_at: datetime
    private_notes: str = ""


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def encrypted_drafts_path(journal_path: Path) -> Path:
    """Where an encrypted journal keeps its drafts: beside its backups, one file per journal."""
    return backups_dir(journal_path).with_name(backups_dir(journal_path).name + ".drafts")


def for_journal(journal: Journal) -> Drafts:
    """The drafts of this journal: JSON files for a plain one, an encrypted file otherwise."""
    key = journal.database.key
    if key is None:
        return Drafts()
    from brm_desk.store.draft_store import DraftStore

    return Drafts(store=DraftStore(encrypted_drafts_path(journal.path), key))


class Drafts:
    """The drafts in one folder (by default the data folder's ``drafts``), or in ``store``."""

    def __init__(self, folder: Path | None = None, *, store: DraftStore | None = None) -> None:
        self.folder = folder if folder is not None else drafts_dir()
        self.store = store

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key):
            raise ValueError(f"not a draft key: {key!r}")
        return self.folder / f"{key}.json"

    def save(self, key: str, text: str, private_notes: str = "") -> Draft:
        """Write the draft atomically, replacing an older one."""
        target = self._path(key)
        draft = Draft(key, text, datetime.now(UTC), private_notes)
        if self.store is not None:
            self.store.save(key, text, draft.saved_at, private_notes)
            return draft
        private_folder(self.folder)
        payload = {**asdict(draft), "saved_at": draft.saved_at.isoformat()}
        with replacing(target) as temporary:
            temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        return draft

    def load(self, key: str) -> Draft | None:
        """The draft for ``key``, or ``None`` (a damaged draft file counts as none)."""
        if self.store is not None:
            found = self.store.load(self._path(key).stem)
            return Draft(key, *found) if found is not None else None
        try:
            payload = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Draft(**{**payload, "saved_at": datetime.fromisoformat(payload["saved_at"])})
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def discard(self, key: str) -> None:
        if self.store is not None:
            self.store.discard(self._path(key).stem)
            return
        self._path(key).unlink(missing_ok=True)
