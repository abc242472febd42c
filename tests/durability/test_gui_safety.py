"""The GUI's side of privacy and safety: passphrase at open, one window per journal, File
menu entries (back up, restore, encrypt, change passphrase), and the idle lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Meeting, Partner
from brm_desk.services import backups, maintenance
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir, data_dir
from brm_desk.ui import app, journal_lock, journal_safety
from brm_desk.ui.dialogs import messages, passphrase, restore
from brm_desk.ui.idle_lock import LockScreen
from brm_desk.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("ui_settings"),
]
PASSPHRASE = "gui test passphrase"
SECRET = "Platypus acquisition rumour"


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Passphrases to give, in order, when the app asks; records what it said each time."""
    given: list[str | None] = []
    monkeypatch.setattr(
        passphrase, "ask", lambda _w, _p, problem="": (asked.append(problem), given.pop(0))[1]
    )
    return given


asked: list[str] = []


@pytest.fixture(autouse=True)
def no_locks_left() -> Iterator[None]:
    asked.clear()
    yield
    journal_lock.release_all()


def make(path: Path, passphrase_text: str | None = None) -> None:
    with Journal.create(path, passphrase=passphrase_text) as journal:
        partner = journal.partners.add(Partner(id="", name="Finance", notes=SECRET))
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=partner.id,
                title="Kick-off",
                start=datetime(2026, 11, 2, 9, tzinfo=UTC),
                notes=SECRET,
            )
        )


def window_on(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert app.open_into(window, path)
    return window


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- opening an encrypted journal ---------------------------------------------------------------


def test_an_encrypted_journal_asks_again_after_a_wrong_passphrase(
    qtbot: QtBot, journal_path: Path, answers: list[str | None]
) -> None:
    make(journal_path, PASSPHRASE)
    answers.extend(["wrong passphrase", PASSPHRASE])
    window = window_on(qtbot, journal_path)
    assert window.journal is not None
    assert window.journal.encrypted
    assert asked[0] == ""
    assert "passphrase does not open it" in asked[1]
    assert str(journal_path) in asked[1]


def test_cancelling_the_passphrase_opens_nothing_and_changes_nothing(
    qtbot: QtBot, journal_path: Path, answers: list[str | None], errors: list[tuple[str, str]]
) -> None:
    make(journal_path, PASSPHRASE)
    before = snapshot(journal_path.parent)
    answers.append(None)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not app.open_into(window, journal_path)
    assert window.journal is None
    assert errors == []
    assert snapshot(journal_path.parent) == before  # no lock file left either
    assert not journal_lock.is_held(journal_path)


def test_the_passphrase_dialog_hides_what_is_typed_and_needs_something(qtbot: QtBot) -> None:
    dialog = passphrase.PassphraseDialog(Path("/tmp/j.brmdesk"), "the passphrase does not open it")
    qtbot.addWidget(dialog)
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.problem.text() == "the passphrase does not open it"
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert dialog.result() == 0
    assert dialog.problem.text() == "Enter the passphrase."
    qtbot.keyClicks(dialog.passphrase, "typed")
    buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert dialog.result() == 1


def test_a_new_passphrase_is_checked_inline(qtbot: QtBot) -> None:
    from brm_desk.services.protection import check_new_passphrase

    dialog = passphrase.NewPassphraseDialog("Encrypt", "why", check_new_passphrase)
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.new, "short")
    qtbot.keyClicks(dialog.repeated, "short")
    ok.click()
    assert dialog.result() == 0
    assert "at least 8 characters" in dialog.problem.text()
    dialog.new.setText("long enough phrase")
    dialog.repeated.setText("long enough phrasE")
    ok.click()
    assert "differ" in dialog.problem.text()
    dialog.repeated.setText("long enough phrase")
    ok.click()
    assert dialog.result() == 1


def test_run_opens_an_encrypted_journal_and_quits_in_smoke_mode(
    journal_path: Path, answers: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    make(journal_path, PASSPHRASE)
    answers.extend(["not it", PASSPHRASE])
    monkeypatch.setenv(app.SMOKE_VARIABLE, "1")
    assert app.run(str(journal_path)) == 0
    assert len(asked) == 2
    assert not journal_lock.lock_path(journal_path).exists()  # released at quit


def test_the_daily_backup_is_made_when_the_journal_opens(qtbot: QtBot, journal_path: Path) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    assert window.journal is not None
    app.backup_daily_in_background(window, window.journal)
    folder = backups_dir(journal_path)
    daily = folder / backups.daily_name(journal_path, date.today())
    qtbot.waitUntil(daily.exists)  # renamed into place only once complete
    assert [i.kind for i in backups.listing(journal_path)] == ["daily"]


# --- one window per journal ----------------------------------------------------------------------


HOLDER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    assert lock.tryLock(0)
    print("locked", flush=True)
    time.sleep(120)
    """
)


def test_a_journal_open_in_another_brm_desk_is_refused_clearly(
    qtbot: QtBot, journal_path: Path, errors: list[tuple[str, str]]
) -> None:
    make(journal_path)
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_lock.lock_path(journal_path))],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = journal_path.read_bytes()
        window = MainWindow()
        qtbot.addWidget(window)
        assert not app.open_into(window, journal_path)
        ((title, text),) = errors
        assert title == "Cannot open the journal"
        assert f"{journal_path}: is already open in another BRM Desk window" in text
        assert f"process {holder.pid}" in text
        assert journal_path.read_bytes() == before
        holder.kill()


def test_a_lock_left_by_a_crashed_brm_desk_is_taken_over(qtbot: QtBot, journal_path: Path) -> None:
    make(journal_path)
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_lock.lock_path(journal_path))],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        holder.kill()  # SIGKILL: the lock file stays behind
    assert journal_lock.lock_path(journal_path).exists()
    window = window_on(qtbot, journal_path)
    assert window.journal is not None


# --- the File menu -------------------------------------------------------------------------------


def test_the_file_menu_offers_each_entry_when_it_makes_sense(
    qtbot: QtBot, journal_path: Path
) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    safety = window.journal_safety
    safety.update_actions()
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for entry in ("&Back up now", "&Restore from a backup…", "&Encrypt this journal…"):
        assert entry in texts
    assert texts.index("&Back up now") < texts.index("&Quit")
    assert safety.encrypt_action.isEnabled()
    assert not safety.change_passphrase_action.isEnabled()
    assert not safety.lock_action.isEnabled()  # a plain journal has no passphrase to ask


def test_back_up_now_makes_a_backup_that_opens(qtbot: QtBot, journal_path: Path) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    window.journal_safety.back_up_action.trigger()
    (made,) = backups.listing(journal_path)
    assert made.kind == "by hand"
    assert made.counts == {"partners": 1, "meetings": 1, "requests": 0}


def test_encrypting_from_the_menu_leaves_nothing_readable(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch, ui_settings: Path
) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    window.journal_safety.back_up_action.trigger()
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: ("", PASSPHRASE))
    window.journal_safety.encrypt_action.trigger()
    assert window.journal is not None
    assert window.journal.encrypted
    assert window.undo_stack.count() == 0
    assert [p.name for p in window.journal.partners.listing()] == ["Finance"]
    window.journal_safety.update_actions()
    assert window.journal_safety.change_passphrase_action.isEnabled()
    assert window.journal_safety.lock_action.isEnabled()
    window.close()  # window state and preferences are written to the settings folder
    assert any(p.is_file() for p in ui_settings.rglob("*"))
    searched = [*journal_path.parent.rglob("*"), *data_dir().rglob("*"), *ui_settings.rglob("*")]
    for path in searched:
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_changing_the_passphrase_from_the_menu(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, str]],
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(qtbot, journal_path)
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: ("wrong", "new passphrase!"))
    window.journal_safety.change_passphrase_action.trigger()
    ((title, text),) = errors
    assert title == "Nothing was changed"
    assert "current passphrase" in text
    assert window.journal is not None  # still open, as it was
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: (PASSPHRASE, "new passphrase!"))
    window.journal_safety.change_passphrase_action.trigger()
    assert window.journal is not None
    window.close()
    with Journal.open(journal_path, passphrase="new passphrase!") as reopened:
        assert [p.name for p in reopened.partners.listing()] == ["Finance"]


def test_restoring_from_the_menu_keeps_the_current_journal_aside(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    assert window.journal is not None
    backup = maintenance.backup(window.journal)
    window.journal.partners.add(Partner(id="", name="HR"))
    listed: list[list[backups.BackupInfo]] = []
    monkeypatch.setattr(restore, "choose", lambda _w, infos: (listed.append(infos), backup)[1])
    window.journal_safety.restore_action.trigger()
    assert [i.path for i in listed[0]] == [backup]
    assert [p.name for p in window.journal.partners.listing()] == ["Finance"]
    kinds = sorted(i.kind for i in backups.listing(journal_path))
    assert kinds == ["before a restore", "by hand"]


def test_the_restore_dialog_lists_backups_and_only_restores_readable_ones(
    qtbot: QtBot, journal_path: Path
) -> None:
    make(journal_path)
    with Journal.open(journal_path) as journal:
        maintenance.backup(journal)
    (backups_dir(journal_path) / "journal-20200101-000000.brmdesk").write_text("junk")
    infos = backups.listing(journal_path)
    dialog = restore.RestoreDialog(infos)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    holds = {dialog.table.item(r, 2).text() for r in range(2)}
    assert "1 partners, 1 meetings, 0 requests" in holds
    assert not dialog.restore_button.isEnabled()
    readable = next(r for r in range(2) if infos[r].counts is not None)
    dialog.table.selectRow(1 - readable)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(readable)
    assert dialog.restore_button.isEnabled()
    assert dialog.chosen() is infos[readable]


# --- the idle lock -------------------------------------------------------------------------------


def test_idle_time_locks_an_encrypted_journal_behind_its_passphrase(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(qtbot, journal_path)
    idle = window.journal_safety.idle_lock
    monkeypatch.setattr(journal_safety, "ask_idle_minutes", lambda _w, _c: 5)
    window.journal_safety.idle_action.trigger()
    assert idle.minutes == 5
    assert idle.timer.isActive()
    assert idle.timer.interval() == 5 * 60_000
    editor = QWidget()
    qtbot.addWidget(editor)
    editor.setWindowTitle("an open editor")
    editor.show()
    idle.timer.timeout.emit()  # as if five idle minutes had passed
    assert isinstance(window.centralWidget(), LockScreen)
    assert not window.splitter.isVisible()
    assert not editor.isVisible()
    assert not window.menuBar().isEnabled()
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen)
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    screen.unlock_button.click()
    assert isinstance(window.centralWidget(), LockScreen)
    assert "not this journal's passphrase" in screen.problem.text()
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    screen.unlock_button.click()
    assert window.centralWidget() is window.splitter
    assert window.splitter.isVisible()
    assert editor.isVisible()
    assert window.menuBar().isEnabled()
    assert idle.timer.isActive()


def test_a_plain_journal_never_locks(qtbot: QtBot, journal_path: Path) -> None:
    make(journal_path)
    window = window_on(qtbot, journal_path)
    window.journal_safety.idle_lock.set_minutes(1)
    window.journal_safety.idle_lock.timer.timeout.emit()
    assert window.centralWidget() is window.splitter
