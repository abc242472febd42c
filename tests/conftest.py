"""Shared fixtures: every test gets its own data folder and journal files in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from empty_journal import NewJournal, open_copy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from brm_desk.services.journal import Journal
from brm_desk.store.database import create_database

TODAY = date(2026, 11, 24)
pytest_plugins = ["calendar_servers"]  # feed, radicale, file_keyring: real calendar servers


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the user's real data folder out of every test."""
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.delenv("BRM_DESK_DB", raising=False)
    monkeypatch.delenv("BRM_DESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("BRM_DESK_NEW_PASSPHRASE", raising=False)
    return data


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture(scope="session")
def empty_journal_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty journal made once per test process (every migration run): copying it
    takes a few milliseconds where running the migrations again takes a tenth of a second.

    Made by the store alone, so nothing is written outside the file (no data folder yet)."""
    path = tmp_path_factory.mktemp("empty-journal") / "journal.db"
    create_database(path)
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture(scope="session")
def new_journal(empty_journal_file: Path) -> NewJournal:
    """``new_journal(path, today=...)`` is what ``Journal.create(path, today=...)`` gives (a
    new, empty, owner-only journal, opened), from a copy of :func:`empty_journal_file`.

    Session-scoped, so a Hypothesis test can make a fresh journal for each example. A test
    of creating a journal itself calls ``Journal.create``."""

    def make(path: Path, today: Callable[[], date] = date.today) -> Journal:
        return open_copy(empty_journal_file, path, today)

    return make


@pytest.fixture
def journal(journal_path: Path, new_journal: NewJournal) -> Iterator[Journal]:
    """A new, empty journal on a real file, with 'today' fixed at 2026-11-24."""
    opened = new_journal(journal_path, today=lambda: TODAY)
    yield opened
    opened.close()


CliResult = subprocess.CompletedProcess[str]


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real command line as a subprocess: ``cli("balance", "--json", db=path)``."""

    def run(
        *args: str,
        db: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> CliResult:
        command = [sys.executable, "-m", "brm_desk"]
        if db is not None:
            command += ["--db", str(db)]
        environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg-data"), **(env or {})}
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            env=environment,
            input=input,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def open_into(qtbot: Any) -> Callable[[Any, Path], bool]:
    """Open a journal into a window as the app's start-up does (``JournalOpening``):
    ``open_into(window, path)`` is True once the journal is in, False when the app would end."""
    from brm_desk.ui.journal_opening import JournalOpening

    def open_it(window: Any, path: Path) -> bool:
        opening = JournalOpening(window.shell, path)
        opening.start()
        qtbot.waitUntil(lambda: opening.opened is not None, timeout=60_000)
        return bool(opening.opened)

    return open_it
