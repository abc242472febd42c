"""Drafts of editors being typed in, kept on disk so a crash or power cut loses at most 2 s.

A draft holds every field of one editor as it stood (JSON values, by field name), which
record it was typed over, and a fingerprint of that record as the editor opened it, so the
next start can say whether the record changed or went since.

A plain journal keeps one small JSON file per draft in its own folder under the data folder's
``drafts``, written atomically (whole or absent) and owner-only. An encrypted journal's
drafts are never written in the clear: they go into an encrypted file under the journal's key
(:mod:`brm_desk.store.draft_store`). Saving or discarding in the editor discards its draft.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brm_desk.domain.errors import NotFoundError
from brm_desk.domain.files import private_folder, replacing, shred
from brm_desk.services.locations import backups_dir, data_dir

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.store.draft_store import DraftStore

NEW_MEETING = "new-meeting"
CHANGED = "changed since"
DELETED = "deleted since"
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass(frozen=True, slots=True)
class Draft:
    """What an editor held, field by field, when it last changed, and over which record."""

    key: str
    kind: str
    saved_at: datetime
    fields: dict[str, Any] = field(default_factory=dict)
    record_id: str = ""
    fingerprint: str = ""

    @property
    def title(self) -> str:
        """The title (or name) typed, the way a list of drafts names it."""
        return str(self.fields.get("title") or self.fields.get("name") or "").strip()


def fingerprint(record: object) -> str:
    """A short digest of a record's every field: equal digests, unchanged record."""
    return "" if record is None else hashlib.sha256(repr(record).encode()).hexdigest()[:16]


def since(journal: Journal, draft: Draft) -> str:
    """How the draft's record stands now: ``""`` (as the editor found it, or a new record),
    :data:`CHANGED` or :data:`DELETED` (also when it is in the trash)."""
    if not draft.record_id:
        return ""
    try:
        record = getattr(journal, f"{draft.kind}s").get(draft.record_id)
    except NotFoundError:
        return DELETED
    same = not draft.fingerprint or fingerprint(record) == draft.fingerprint
    return "" if same else CHANGED


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def plain_drafts_dir(journal_path: Path) -> Path:
    """Where a plain journal keeps its drafts: a folder of its own, named as its backups'."""
    return drafts_dir() / backups_dir(journal_path).name


def encrypted_drafts_path(journal_path: Path) -> Path:
    """Where an encrypted journal keeps its drafts: beside its backups, one file per journal."""
    return backups_dir(journal_path).with_name(backups_dir(journal_path).name + ".drafts")


def for_journal(journal: Journal) -> Drafts:
    """The drafts of this journal: JSON files for a plain one, an encrypted file otherwise."""
    key = journal.database.key
    if key is None:
        return Drafts(plain_drafts_dir(journal.path))
    from brm_desk.store.draft_store import DraftStore

    return Drafts(store=DraftStore(encrypted_drafts_path(journal.path), key))


def adopt_old_drafts(journal: Journal) -> None:
    """Move what an older BRM Desk left in the shared ``drafts`` folder for this journal (the
    notes of its meetings, or of a new one) into the journal's own drafts."""
    shared, mine = Drafts(), for_journal(journal)
    for draft in shared.listing():
        if draft.key == NEW_MEETING or (draft.record_id and since(journal, draft) != DELETED):
            mine.save(draft)
            shared.discard(draft.key)


def _document(draft: Draft) -> str:
    return json.dumps({**asdict(draft), "saved_at": draft.saved_at.isoformat()}, ensure_ascii=False)


def _draft(document: str) -> Draft:
    """A draft read back; one written before drafts kept every field holds a meeting's notes."""
    payload = json.loads(document)
    if "fields" not in payload:
        key = payload["key"]
        notes = {"notes": payload["text"], "private_notes": payload.get("private_notes", "")}
        payload = {"key": key, "kind": "meeting", "saved_at": payload["saved_at"], "fields": notes}
        payload["record_id"] = "" if key == NEW_MEETING else key
    return Draft(**{**payload, "saved_at": datetime.fromisoformat(payload["saved_at"])})


class Drafts:
    """The drafts in one folder, or in an encrypted ``store``."""

    def __init__(self, folder: Path | None = None, *, store: DraftStore | None = None) -> None:
        self.folder = folder if folder is not None else drafts_dir()
        self.store = store

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key):
            raise ValueError(f"not a draft key: {key!r}")
        return self.folder / f"{key}.json"

    def save(self, draft: Draft) -> None:
        """Write the draft whole, replacing an older one of the same key."""
        target = self._path(draft.key)
        if self.store is not None:
            self.store.save(draft.key, _document(draft))
            return
        private_folder(self.folder)
        with replacing(target) as temporary:
            temporary.write_text(_document(draft), encoding="utf-8")

    def load(self, key: str) -> Draft | None:
        """The draft for ``key``, or ``None`` (a damaged draft counts as none)."""
        try:
            if self.store is not None:
                document = self.store.load(self._path(key).stem)
            else:
                document = self._path(key).read_text(encoding="utf-8")
            return _draft(document) if document is not None else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def listing(self) -> list[Draft]:
        """Every draft that can be read, oldest first."""
        try:
            if self.store is not None:
                keys = self.store.keys()
            else:
                keys = [path.stem for path in self.folder.glob("*.json")]
        except OSError:  # an encrypted file that cannot be read holds none
            return []
        found = [d for key in keys if _SAFE_KEY.match(key) and (d := self.load(key)) is not None]
        return sorted(found, key=lambda draft: draft.saved_at)

    def discard(self, key: str) -> None:
        """Remove the draft; a plain one is overwritten first (it may hold private notes)."""
        if self.store is not None:
            self.store.discard(self._path(key).stem)
        else:
            shred(self._path(key))
