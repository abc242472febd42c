"""File → Open journal… and Recent journals: another journal in place of this one, no restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.services.locations import data_dir, default_journal_path
from brm_desk.ui import journal_lock
from brm_desk.ui.dialogs import files, messages, passphrase
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.journal_opening import JournalOpening, recent_journals
from brm_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
OpenInto = Callable[[MainWindow, Path], bool]
PASSPHRASE = "other journal passphrase"


@pytest.fixture(autouse=True)
def no_locks_left() -> Iterator[None]:
    yield
    journal_lock.release_all()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, title, text: shown.append((title, text)))
    return shown


def make(path: Path, partner: str, key: str | None = None) -> Path:
    with Journal.create(path, passphrase=key) as journal:
        journal.partners.add(Partner(id="", name=partner))
    return path


def window_on(qtbot: QtBot, open_into: OpenInto, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert open_into(window, path)
    return window


def switch(qtbot: QtBot, window: MainWindow, path: Path) -> JournalOpening | None:
    """What choosing ``path`` in File → Open journal… does, waited for."""
    opening = window.journals.open(path)
    if opening is not None:
        qtbot.waitUntil(lambda: opening.opened is not None, timeout=60_000)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    return opening


def partner_names(window: MainWindow) -> list[str]:
    assert window.shell.journal is not None
    return [p.name for p in window.shell.journal.partners.listing()]


def test_open_journal_shows_another_journal_in_place_of_this_one(
    qtbot: QtBot, tmp_path: Path, open_into: OpenInto, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = make(tmp_path / "a.brmdesk", "Finance"), make(tmp_path / "b.brmdesk", "Sales")
    window = window_on(qtbot, open_into, first)
    chosen: list[str] = []
    monkeypatch.setattr(files, "open_path", lambda _w, title, _p: (chosen.append(title), second)[1])
    assert window.action("open_journal").shortcut().toString() == "Ctrl+O"
    window.action("open_journal").trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "BRM Desk — b")
    assert chosen == ["Open journal"]
    assert partner_names(window) == ["Sales"]
    assert not journal_lock.is_held(first)
    assert journal_lock.is_held(second)
    # Both are remembered, the latest first, beside the user's own journal.
    assert recent_journals(QSettings())[:2] == [second, first]
    menu = window.journals.menu
    menu.aboutToShow.emit()
    entries = {a.text(): a for a in menu.actions()}
    assert entries[f"b — {tmp_path}"].isChecked()
    assert "Your journal (start it now)" in entries
    entries[f"a — {tmp_path}"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "BRM Desk — a")
    assert partner_names(window) == ["Finance"]


def test_a_file_that_cannot_be_opened_leaves_the_journal_shown(
    qtbot: QtBot, tmp_path: Path, open_into: OpenInto, errors: list[tuple[str, str]]
) -> None:
    first = make(tmp_path / "a.brmdesk", "Finance")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a journal")
    window = window_on(qtbot, open_into, first)
    opening = switch(qtbot, window, notes)
    assert opening is not None
    assert opening.opened is False
    [(title, text)] = errors
    assert title == "Cannot open the journal"
    assert str(notes) in text
    assert window.isVisible()
    assert partner_names(window) == ["Finance"]  # still open, still usable
    assert journal_lock.is_held(first)
    assert not journal_lock.is_held(notes)
    assert notes.read_text() == "not a journal"
    assert switch(qtbot, window, first) is None  # the journal open now: nothing to do
    assert "is the journal open now" in window.statusBar().currentMessage()


def test_an_encrypted_journal_asks_its_passphrase_as_at_start(
    qtbot: QtBot, tmp_path: Path, open_into: OpenInto, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make(tmp_path / "a.brmdesk", "Finance")
    secret = make(tmp_path / "secret.brmdesk", "Legal", PASSPHRASE)
    given: list[str | None] = [None, "wrong one", PASSPHRASE]
    problems: list[str] = []

    def ask(_window: object, _path: Path, problem: str = "") -> str | None:
        problems.append(problem)
        return given.pop(0)

    monkeypatch.setattr(passphrase, "ask", ask)
    window = window_on(qtbot, open_into, first)
    switch(qtbot, window, secret)  # cancelled: nothing changes
    assert partner_names(window) == ["Finance"]
    assert not journal_lock.is_held(secret)
    switch(qtbot, window, secret)
    assert partner_names(window) == ["Legal"]
    assert "passphrase does not open it" in problems[2]


def test_an_editor_with_changes_keeps_the_journal_open(
    qtbot: QtBot, tmp_path: Path, open_into: OpenInto, errors: list[tuple[str, str]]
) -> None:
    first, second = make(tmp_path / "a.brmdesk", "Finance"), make(tmp_path / "b.brmdesk", "Sales")
    window = window_on(qtbot, open_into, first)
    editor = window.record_actions.new_record("partner")
    assert isinstance(editor, PartnerEditor)
    editor.name.setText("Half typed")
    assert switch(qtbot, window, second) is None
    [(title, text)] = errors
    assert title == "Not now"
    assert "not saved" in text
    assert partner_names(window) == ["Finance"]


def test_leaving_the_sample_needs_no_restart(
    qtbot: QtBot, open_into: OpenInto, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = data_dir() / "sample.brmdesk"
    data_dir().mkdir(parents=True)
    make(sample, "Sample partner")
    window = window_on(qtbot, open_into, sample)
    menu = window.journals.menu
    menu.aboutToShow.emit()
    entries = {a.text(): a for a in menu.actions()}
    assert entries["Sample journal"].isChecked()
    entries["Your journal (start it now)"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "BRM Desk — journal")
    assert default_journal_path().exists()
    assert partner_names(window) == []
    assert sample.exists()
