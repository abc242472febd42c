"""Drafts of notes being typed, kept on disk so a crash or power cut loses at most 2 s.

One small JSON file per record (or ``new-meeting``) in the data folder's ``drafts`` folder,
written atomically (a temporary file renamed over the old one) so a draft is never half
written. Saving the record discards its draft.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from brm_desk.services.locations import data_dir

NEW_MEETING = "new-meeting"
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved text for one record, and when it was written."""

    key: str
    text: str
    saved_at: datetime


def drafts_dir() -> Path:
    return data_dir() / "drafts"


class Drafts:
    """The drafts in one folder (by default the data folder's ``drafts``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else drafts_dir()

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key):
            raise ValueError(f"not a draft key: {key!r}")
        return self.folder / f"{key}.json"

    def save(self, key: str, text: str) -> Draft:
        """Write the draft atomically, replacing an older one."""
        target = self._path(key)
        draft = Draft(key, text, datetime.now(UTC))
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"key": key, "saved_at": draft.saved_at.isoformat(), "text": text}
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(payload, file, ensure_ascii=False)
                file.flush()
                os.fsync(file.fileno())
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return draft

    def load(self, key: str) -> Draft | None:
        """The draft for ``key``, or ``None`` (a damaged draft file counts as none)."""
        try:
            payload = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Draft(key, str(payload["text"]), datetime.fromisoformat(payload["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
