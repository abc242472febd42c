"""First run: the welcome starts an empty journal, or a copy of the sample ending this week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Partner
from brm_desk.services.interchange.json_io import export_journal
from brm_desk.services.journal import Journal
from brm_desk.services.locations import data_dir, default_journal_path
from brm_desk.ui import app
from brm_desk.ui.dialogs import welcome
from brm_desk.ui.dialogs.progress import Progress
from brm_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
OpenInto = Callable[[MainWindow, Path], bool]


def close_once_open(window: MainWindow) -> None:
    window.shell.sig_journal_replaced.connect(lambda: QTimer.singleShot(0, window.close))


def answer(monkeypatch: pytest.MonkeyPatch, choice: welcome.Choice) -> list[int]:
    asked: list[int] = []

    def ask(_parent: object) -> welcome.Choice:
        asked.append(1)
        return choice

    monkeypatch.setattr(welcome, "ask", ask)
    return asked


def window_for(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_dialog_offers_both_ways_in(qtbot: QtBot) -> None:
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    assert dialog.empty_button.text() == "Start an empty journal"
    assert dialog.sample_button.text() == "Explore the sample journal"
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is welcome.Choice.SAMPLE
    assert dialog.result() == welcome.WelcomeDialog.DialogCode.Accepted


def test_closing_the_dialog_means_quit(qtbot: QtBot) -> None:
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.reject()
    assert dialog.choice is welcome.Choice.QUIT


def test_the_sample_opens_as_its_own_copy(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_into: OpenInto
) -> None:
    asked = answer(monkeypatch, welcome.Choice.SAMPLE)
    window = window_for(qtbot)
    assert open_into(window, default_journal_path())
    assert asked == [1]
    sample = data_dir() / "sample.brmdesk"
    assert sample.exists()
    assert not default_journal_path().exists()
    assert window.windowTitle() == "BRM Desk — sample"
    assert window.shell.journal is not None
    names = {p.name for p in window.shell.journal.partners.listing()}
    assert len(names) == 7
    assert {"Finance", "Sales & Marketing"} <= names
    document = export_journal(window.shell.journal, include_private=True)
    latest = max(date.fromisoformat(m["start"][:10]) for m in document["meetings"])
    assert date.today() - timedelta(days=7) <= latest <= date.today()
    window.close()


def test_the_sample_is_prepared_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, welcome.Choice.SAMPLE)
    assert app.run(None, close_once_open) == 0
    assert (data_dir() / "sample.brmdesk").exists()
    assert not default_journal_path().exists()


def test_an_existing_sample_is_reopened_not_replaced(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_into: OpenInto
) -> None:
    answer(monkeypatch, welcome.Choice.SAMPLE)
    sample = data_dir() / "sample.brmdesk"
    sample.parent.mkdir(parents=True)
    with Journal.create(sample) as own:
        own.partners.add(Partner(id="", name="Kept"))
    window = window_for(qtbot)
    assert open_into(window, default_journal_path())
    assert window.shell.journal is not None
    assert [p.name for p in window.shell.journal.partners.listing()] == ["Kept"]
    window.close()


def test_empty_creates_the_default_journal(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_into: OpenInto
) -> None:
    answer(monkeypatch, welcome.Choice.EMPTY)
    window = window_for(qtbot)
    assert open_into(window, default_journal_path())
    assert default_journal_path().exists()
    assert not (data_dir() / "sample.brmdesk").exists()
    assert window.windowTitle() == "BRM Desk — journal"
    window.close()


def test_quitting_the_welcome_creates_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_into: OpenInto
) -> None:
    answer(monkeypatch, welcome.Choice.QUIT)
    window = window_for(qtbot)
    assert not open_into(window, default_journal_path())
    assert not data_dir().exists() or not any(data_dir().iterdir())


def test_an_existing_journal_opens_without_a_welcome(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_into: OpenInto
) -> None:
    asked = answer(monkeypatch, welcome.Choice.SAMPLE)
    default_journal_path().parent.mkdir(parents=True)
    Journal.create(default_journal_path()).close()
    window = window_for(qtbot)
    assert open_into(window, default_journal_path())
    assert asked == []
    window.close()


def test_progress_shows_in_the_status_bar_until_done(qtbot: QtBot) -> None:
    window = window_for(qtbot)
    progress = Progress(window, "Preparing the sample journal…")
    assert progress.label.text() == "Preparing the sample journal…"
    assert progress.label.isVisible()
    assert progress.bar.isVisible()
    progress.done()
    assert not progress.bar.isVisible()
    assert not progress.label.isVisible()
