"""New journals for tests, copied from one empty journal instead of migrated one by one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

import pytest

from brm_desk.services.journal import Journal


class NewJournal(Protocol):
    """What the ``new_journal`` fixture gives: ``new_journal(path, today=...)``."""

    def __call__(self, path: Path, today: Callable[[], date] = ...) -> Journal: ...


def open_copy(empty: Path, path: Path, today: Callable[[], date] = date.today) -> Journal:
    """What ``Journal.create(path, today)`` gives, from a copy of the journal at ``empty``
    that ``create_database`` made: the same bytes, owner-only, never over another file."""
    with empty.open("rb") as source, path.open("xb") as copy:
        shutil.copyfileobj(source, copy)
    shutil.copymode(empty, path)
    return Journal.open(path, today=today)


def built_once(
    factory: pytest.TempPathFactory,
    fill: Callable[[Journal], object],
    today: Callable[[], date] = date.today,
) -> Path:
    """A journal ``fill`` writes once (for a module's tests to copy), in a folder of its own:
    opening a journal tidies the data folder, so that one is in the folder too."""
    folder = factory.mktemp("built")
    path = folder / "journal.db"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
        with Journal.create(path, today=today) as journal:
            fill(journal)
    assert not Path(f"{path}-wal").exists()
    return path
