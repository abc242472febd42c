"""Agenda templates per meeting type: the user's own copy if there is one, else the bundled one.

A BRM edits a template by putting ``<type>.md`` in the data folder's ``agenda`` folder; the
bundled templates live in ``resources/agenda``.
"""

from __future__ import annotations

from pathlib import Path

from brm_desk.domain.enums import MeetingType
from brm_desk.resource_files import resources_dir
from brm_desk.services.locations import data_dir


def bundled_agenda_dir() -> Path:
    return resources_dir() / "agenda"


def user_agenda_dir() -> Path:
    return data_dir() / "agenda"


def agenda_template(kind: MeetingType) -> str:
    """The Markdown agenda a new meeting of this type starts from ("" when there is none)."""
    for folder in (user_agenda_dir(), bundled_agenda_dir()):
        try:
            return (folder / f"{kind.value}.md").read_text(encoding="utf-8")
        except OSError:
            continue
    return ""
