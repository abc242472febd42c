"""Start-up: the journal opens after the window shows; a bad file is explained and left alone."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from brm_desk.services.journal import Journal
from brm_desk.services.locations import default_journal_path
from brm_desk.ui import app, journal_opening
from brm_desk.ui.dialogs import messages
from brm_desk.ui.main_window import MainWindow
from empty_journal import NewJournal

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
OpenInto = Callable[[MainWindow, Path], bool]


def close_once_open(window: MainWindow) -> None:
    """What a user does last: close the window once the journal is in."""
    window.shell.sig_journal_replaced.connect(lambda: QTimer.singleShot(0, window.close))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer error boxes in tests, and keep what they said."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, title, text: shown.append((title, text)))
    return shown


def test_a_file_that_is_not_a_journal_is_explained_and_left_alone(
    qtbot: QtBot, tmp_path: Path, errors: list[tuple[str, str]], open_into: OpenInto
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my private notes, not a journal\n" * 10)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not open_into(window, notes)
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Cannot open the journal"
    assert "Traceback" not in text
    assert str(notes) in text
    assert notes.read_bytes() == b"my private notes, not a journal\n" * 10
    assert window.shell.journal is None


def test_run_exits_1_on_a_file_that_is_not_a_journal(
    tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    bad = tmp_path / "bad.brmdesk"
    bad.write_text("garbage")
    assert app.run(str(bad)) == 1
    assert len(errors) == 1
    assert bad.read_text() == "garbage"


def test_a_journal_opens_into_the_window(
    new_journal: NewJournal, qtbot: QtBot, journal_path: Path, open_into: OpenInto
) -> None:
    new_journal(journal_path).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert open_into(window, journal_path)
    assert window.windowTitle() == f"BRM Desk — {journal_path.stem}"


def test_a_missing_default_journal_is_created(qtbot: QtBot) -> None:
    path = default_journal_path()
    assert not path.exists()
    opened = journal_opening.open_journal(path, create=journal_opening.is_first_run(path))
    opened.close()
    assert path.exists()


def test_a_missing_explicit_journal_is_not_created(
    tmp_path: Path, errors: list[tuple[str, str]], qtbot: QtBot, open_into: OpenInto
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    missing = tmp_path / "typo.brmdesk"
    assert not open_into(window, missing)
    assert not missing.exists()
    assert errors


def test_run_opens_the_journal_and_ends_when_the_window_closes(
    new_journal: NewJournal, journal_path: Path
) -> None:
    new_journal(journal_path).close()
    titles: list[str] = []

    def watch(window: MainWindow) -> None:
        window.shell.sig_journal_replaced.connect(lambda: titles.append(window.windowTitle()))
        close_once_open(window)

    assert app.run(str(journal_path), watch) == 0
    assert titles[0] == f"BRM Desk — {journal_path.stem}"


def test_start_up_does_not_import_the_journal_core() -> None:
    """The window shows before SQLAlchemy (about 0.3 s) is imported."""
    code = "import sys, brm_desk.ui.app; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_an_unforeseen_error_while_opening_is_said_and_the_app_exits_1(
    new_journal: NewJournal,
    tmp_path: Path,
    errors: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug in opening must not leave a window waiting for ever: a message, then exit 1."""
    path = tmp_path / "journal.brmdesk"
    new_journal(path).close()

    def broken(*_args: object, **_kwargs: object) -> Journal:
        raise KeyError("unexpected")

    monkeypatch.setattr(Journal, "open", broken)
    assert app.run(str(path)) == 1
    [(title, text)] = errors
    assert title == "Cannot open the journal"
    assert str(path) in text
    assert "could not be opened (KeyError" in text
