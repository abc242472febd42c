"""The GUI's side of privacy and safety: passphrase at open, one window per journal, File
menu entries (back up, restore, encrypt, change passphrase), and the lock."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Meeting, Partner
from brm_desk.services import backups, maintenance
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir, data_dir
from brm_desk.ui import app, journal_lock
from brm_desk.ui.actions import ACTIONS
from brm_desk.ui.commands import EditRecord
from brm_desk.ui.dialogs import messages, passphrase, restore
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.idle_lock import LockScreen
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.shell import Needs
from brm_desk.ui.views.partners import PartnersPage

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("ui_settings"),
]
PASSPHRASE = "gui test passphrase"
WindowOn = Callable[[Path], MainWindow]
OpenInto = Callable[[MainWindow, Path], bool]
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


@pytest.fixture
def window_on(qtbot: QtBot, open_into: OpenInto) -> WindowOn:
    """A shown window with the journal at ``path`` opened as the app opens it."""

    def make(path: Path) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        assert open_into(window, path)
        pool = QThreadPool.globalInstance()
        qtbot.waitUntil(lambda: pool.activeThreadCount() == 0)  # today's backup, first views
        return window

    return make


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- opening an encrypted journal ---------------------------------------------------------------


def test_an_encrypted_journal_asks_again_after_a_wrong_passphrase(
    qtbot: QtBot, journal_path: Path, answers: list[str | None], window_on: WindowOn
) -> None:
    make(journal_path, PASSPHRASE)
    answers.extend(["wrong passphrase", PASSPHRASE])
    window = window_on(journal_path)
    assert window.shell.journal is not None
    assert window.shell.journal.encrypted
    assert asked[0] == ""
    assert "passphrase does not open it" in asked[1]
    assert str(journal_path) in asked[1]


def test_cancelling_the_passphrase_opens_nothing_and_changes_nothing(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    errors: list[tuple[str, str]],
    open_into: OpenInto,
) -> None:
    make(journal_path, PASSPHRASE)
    before = snapshot(journal_path.parent)
    answers.append(None)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not open_into(window, journal_path)
    assert window.shell.journal is None
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


def test_run_opens_an_encrypted_journal_and_releases_it_when_closed(
    journal_path: Path, answers: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    make(journal_path, PASSPHRASE)
    answers.extend(["not it", PASSPHRASE])
    opened: list[bool] = []

    def close_once_open(window: MainWindow) -> None:
        window.shell.sig_journal_replaced.connect(
            lambda: opened.append(window.shell.journal is not None)
        )
        window.shell.sig_journal_replaced.connect(lambda: QTimer.singleShot(0, window.close))

    assert app.run(str(journal_path), close_once_open) == 0
    assert opened[0]
    assert len(asked) == 2
    assert not journal_lock.lock_path(journal_path).exists()  # released at quit


def test_the_daily_backup_is_made_when_the_journal_opens(
    qtbot: QtBot, journal_path: Path, window_on: WindowOn
) -> None:
    make(journal_path)
    window_on(journal_path)  # opening it starts the backup in the background
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
    qtbot: QtBot, journal_path: Path, errors: list[tuple[str, str]], open_into: OpenInto
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
        assert not open_into(window, journal_path)
        ((title, text),) = errors
        assert title == "Cannot open the journal"
        assert f"{journal_path}: is already open in another BRM Desk window" in text
        assert f"process {holder.pid}" in text
        assert journal_path.read_bytes() == before
        holder.kill()


def test_a_lock_left_by_a_crashed_brm_desk_is_taken_over(
    qtbot: QtBot, journal_path: Path, window_on: WindowOn
) -> None:
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
    window = window_on(journal_path)
    assert window.shell.journal is not None


# --- the File menu -------------------------------------------------------------------------------


def test_the_file_menu_offers_each_entry_when_it_makes_sense(
    qtbot: QtBot, journal_path: Path, window_on: WindowOn
) -> None:
    make(journal_path)
    window = window_on(journal_path)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for entry in ("&Back up now", "&Restore from a backup…", "&Encrypt this journal…"):
        assert entry in texts
    assert texts.index("&Back up now") < texts.index("&Quit")
    assert window.action("encrypt").isEnabled()
    assert not window.action("change_passphrase").isEnabled()
    assert not window.action("lock").isEnabled()  # a plain journal has no passphrase to ask


def test_back_up_now_makes_a_backup_that_opens(
    qtbot: QtBot, journal_path: Path, window_on: WindowOn
) -> None:
    make(journal_path)
    window = window_on(journal_path)
    window.action("back_up").trigger()
    (made,) = [i for i in backups.listing(journal_path) if i.kind != "daily"]
    assert made.kind == "by hand"
    assert made.counts == {"partners": 1, "meetings": 1, "requests": 0}


def test_encrypting_from_the_menu_leaves_nothing_readable(
    qtbot: QtBot,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ui_settings: Path,
    window_on: WindowOn,
) -> None:
    make(journal_path)
    window = window_on(journal_path)
    window.action("back_up").trigger()
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: ("", PASSPHRASE))
    window.action("encrypt").trigger()
    assert window.shell.journal is not None
    assert window.shell.journal.encrypted
    assert window.shell.undo_stack.count() == 0
    assert [p.name for p in window.shell.journal.partners.listing()] == ["Finance"]
    assert window.action("change_passphrase").isEnabled()
    assert window.action("lock").isEnabled()
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
    window_on: WindowOn,
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(journal_path)
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: ("wrong", "new passphrase!"))
    window.action("change_passphrase").trigger()
    ((title, text),) = errors
    assert title == "Nothing was changed"
    assert "current passphrase" in text
    assert window.shell.journal is not None  # still open, as it was
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: (PASSPHRASE, "new passphrase!"))
    window.action("change_passphrase").trigger()
    assert window.shell.journal is not None
    window.close()
    with Journal.open(journal_path, passphrase="new passphrase!") as reopened:
        assert [p.name for p in reopened.partners.listing()] == ["Finance"]


def test_restoring_from_the_menu_keeps_the_current_journal_aside(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch, window_on: WindowOn
) -> None:
    make(journal_path)
    window = window_on(journal_path)
    assert window.shell.journal is not None
    backup = maintenance.backup(window.shell.journal)
    window.shell.journal.partners.add(Partner(id="", name="HR"))
    listed: list[list[backups.BackupInfo]] = []
    monkeypatch.setattr(restore, "choose", lambda _w, infos: (listed.append(infos), backup)[1])
    window.action("restore").trigger()
    assert [i.path for i in listed[0] if i.kind != "daily"] == [backup]  # today's is made at open
    assert [p.name for p in window.shell.journal.partners.listing()] == ["Finance"]
    kinds = sorted(i.kind for i in backups.listing(journal_path))
    assert kinds == ["before a restore", "by hand", "daily"]


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


# --- the lock ------------------------------------------------------------------------------------

JOURNAL_ACTIONS = [spec.name for spec in ACTIONS if spec.needs & Needs.JOURNAL]


def test_idle_time_locks_an_encrypted_journal_behind_its_passphrase(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
    window_on: WindowOn,
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(journal_path)
    idle = window.idle_lock
    monkeypatch.setattr(messages, "ask_number", lambda *_args: 5)
    window.action("lock_when_idle").trigger()
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
    assert window.shell.journal is None  # closed, and its key with it
    assert not any(window.action(name).isEnabled() for name in JOURNAL_ACTIONS)
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen)
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    screen.unlock_button.click()
    assert isinstance(window.centralWidget(), LockScreen)
    assert "not this journal's passphrase" in screen.problem.text()
    assert window.shell.journal is None
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    screen.unlock_button.click()
    assert window.centralWidget() is window.splitter
    assert window.splitter.isVisible()
    assert not editor.isVisible()  # closed by the lock, not brought back
    assert window.shell.journal is not None
    assert [p.name for p in window.shell.journal.partners.listing()] == ["Finance"]
    assert window.action("back_up").isEnabled()
    assert idle.timer.isActive()


def test_a_plain_journal_never_locks(qtbot: QtBot, journal_path: Path, window_on: WindowOn) -> None:
    make(journal_path)
    window = window_on(journal_path)
    window.idle_lock.set_minutes(1)
    window.idle_lock.timer.timeout.emit()
    assert window.centralWidget() is window.splitter
    assert window.shell.journal is not None


def journal_id(window: MainWindow, partner: str) -> str:
    assert window.shell.journal is not None
    return next(p.id for p in window.shell.journal.partners.listing() if p.name == partner)


def visible_text(widget: QWidget) -> str:
    """Every text a visible widget shows: labels, fields, buttons, lists, titles."""
    shown = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QLineEdit | QAbstractButton):
            shown.append(child.text())
        elif isinstance(child, QComboBox):
            shown += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTextEdit):
            shown.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                column = 0
                while (index := model.index(row, column)).isValid():
                    shown.append(str(index.data() or ""))
                    column += 1
    return "\n".join(shown)


def every_shortcut(window: MainWindow) -> list[QKeySequence]:
    """The shortcuts of the action table and of every action or shortcut in the window."""
    found = [QKeySequence(spec.shortcut) for spec in ACTIONS if spec.shortcut is not None]
    for action in window.findChildren(QAction):
        found += action.shortcuts()
    found += [shortcut.key() for shortcut in window.findChildren(QShortcut)]
    unique = {sequence.toString(): sequence for sequence in found if not sequence.isEmpty()}
    return list(unique.values())


def test_while_locked_no_shortcut_opens_anything_or_shows_a_record(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
    window_on: WindowOn,
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(journal_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    QTest.keySequence(window, QKeySequence("Ctrl+2"))  # pressed keys reach the shortcuts
    assert window.current_view() == "Partners"
    assert "Finance" in visible_text(window)
    partners = window.current_page()
    assert isinstance(partners, PartnersPage)
    partners.table.selectRow(0)  # its chart drawn, and what acts on a partner live
    qtbot.waitUntil(lambda page=partners: page.chart.canvas is not None)
    assert window.action("stakeholder_map").isEnabled()
    del partners
    asked: list[str] = []
    for name in ("show_error", "show_info", "confirm", "include_private", "ask_number"):
        monkeypatch.setattr(messages, name, lambda *_args, n=name: asked.append(n))
    monkeypatch.setattr(passphrase, "ask_new", lambda *_args, **_kw: asked.append("ask_new"))
    monkeypatch.setattr(restore, "choose", lambda *_args: asked.append("choose"))
    editor = window.record_actions.open_record("partner", journal_id(window, "Finance"))
    assert editor is not None
    assert "Finance" in visible_text(editor)
    qtbot.wait(100)  # the user reads it
    journal = weakref.ref(window.shell.journal)

    window.action("lock").trigger()  # as Ctrl+L does (an editor is open: it has the keys)
    assert window.idle_lock.locked
    del editor
    qtbot.wait(50)  # closed windows are deleted
    gc.collect()
    assert journal() is None  # nothing holds the journal, nor its key, any longer

    quit_keys = window.action("quit").shortcuts()  # quitting is never locked
    pressed = [s for s in every_shortcut(window) if s not in quit_keys]
    assert not any(window.action(name).isEnabled() for name in JOURNAL_ACTIONS)
    assert {"Ctrl+N", "Ctrl+L", "Ctrl+1", "Ctrl+F", "Del"} <= {s.toString() for s in pressed}
    newer = {"Ctrl+6", "Ctrl+7", "Ctrl+B", "Ctrl+Shift+M", "Ctrl+Shift+P", "Ctrl+Shift+E"}
    assert newer <= {s.toString() for s in pressed}  # Today, Inbox, brief, map, pulse, pack
    for sequence in pressed:
        QTest.keySequence(QApplication.focusWidget() or window, sequence)
        qtbot.wait(10)
    assert asked == []
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert window.idle_lock.locked
    assert window.shell.journal is None
    on_screen = visible_text(window)
    for record_text in ("Finance", "Kick-off", SECRET):
        assert record_text not in on_screen
    window.action("quit").trigger()
    assert not window.isVisible()


def test_the_lock_keeps_an_editor_with_unsaved_changes_open(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    errors: list[tuple[str, str]],
    window_on: WindowOn,
) -> None:
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(journal_path)
    editor = window.record_actions.open_record("partner", journal_id(window, "Finance"))
    assert isinstance(editor, PartnerEditor)
    editor.sponsor.setText("Maria Koch")  # typed, not saved
    window.action("lock").trigger()
    ((title, text),) = errors
    assert title == "The journal stays open"
    assert "Partner — Finance has changes that are not saved" in text
    assert editor.isVisible()
    assert not window.idle_lock.locked
    window.idle_lock.set_minutes(5)
    window.idle_lock.timer.timeout.emit()  # idle: no message, no lost typing; later again
    assert editor.isVisible()
    assert not window.idle_lock.locked
    assert window.idle_lock.timer.isActive()
    editor.accept()  # saved
    window.action("lock").trigger()
    assert window.idle_lock.locked
    assert window.idle_lock.unlock(PASSPHRASE)
    assert window.shell.journal is not None
    assert window.shell.journal.partners.listing()[0].sponsor == "Maria Koch"


def test_the_lock_keeps_a_changed_maturity_assessment_open(
    qtbot: QtBot,
    journal_path: Path,
    answers: list[str | None],
    errors: list[tuple[str, str]],
    window_on: WindowOn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The assessment editor opens over the partner's assessments, not from a list: it holds
    the lock back all the same."""
    make(journal_path, PASSPHRASE)
    answers.append(PASSPHRASE)
    window = window_on(journal_path)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    row = page.row_of(journal_id(window, "Finance"))
    assert row is not None
    page.select(row)
    dialog = page.open_assessments()
    assert dialog is not None
    editor = dialog.add()
    editor.note.setPlainText("typed, not saved")
    window.action("lock").trigger()
    ((title, text),) = errors
    assert title == "The journal stays open"
    assert "has changes that are not saved" in text
    assert editor.isVisible()
    assert not window.idle_lock.locked
    window.idle_lock.set_minutes(5)
    window.idle_lock.timer.timeout.emit()
    assert editor.isVisible()
    assert not window.idle_lock.locked
    monkeypatch.setattr(messages, "ask_to_save", lambda _parent, _what: "discard")
    editor.reject()  # closed, discarded: nothing holds the lock back now
    window.action("lock").trigger()
    assert window.idle_lock.locked


def test_encrypting_stops_the_views_before_the_swap(
    qtbot: QtBot,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    window_on: WindowOn,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Views refreshing against the closed file printed a traceback (issue 13)."""
    make(journal_path)
    window = window_on(journal_path)
    window.action("meetings").trigger()
    assert window.shell.journal is not None
    finance = window.shell.journal.partners.listing()[0]
    edit = EditRecord(window.shell.journal, finance, replace(finance, sponsor="Maria Koch"))
    assert window.record_actions.run(edit)  # something to undo: the swap clears it
    monkeypatch.setattr(passphrase, "ask_new", lambda *_a, **_k: ("", PASSPHRASE))
    window.action("encrypt").trigger()
    qtbot.wait(100)
    assert window.shell.journal is not None
    assert window.shell.journal.encrypted
    assert window.current_view() == "Meetings"
    assert window.shell.undo_stack.count() == 0
    assert "Traceback" not in capfd.readouterr().err
