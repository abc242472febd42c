"""UI fixtures: private QSettings, and a journal with a little of everything in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_data import Filled, fill

from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import messages


@pytest.fixture(autouse=True)
def ui_settings(tmp_path: Path, qapp: QApplication) -> Path:
    """Every test writes its window state to its own folder, never the user's settings."""
    folder = tmp_path / "settings"
    qapp.setOrganizationName("BRM Desk Tests")
    qapp.setApplicationName("BRM Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def editors_left_changed_are_discarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a changed editor asks Save / Discard / Cancel; the editors a test leaves open
    are closed when it ends, and nobody would answer: they discard. A test about the
    question answers it itself."""
    monkeypatch.setattr(messages, "ask_to_save", lambda *_args: "discard")


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box or question nobody answers would hang the test: fail it instead.
    A module asks for it with ``pytest.mark.usefixtures("no_message_boxes")``."""
    from brm_desk.ui.dialogs import drafts_offer

    def unexpected(_parent: object, title: str, text: str) -> None:
        raise AssertionError(f"unexpected message box: {title}: {text}")

    for name in ("show_error", "show_info", "confirm"):
        monkeypatch.setattr(messages, name, unexpected)
    monkeypatch.setattr(drafts_offer, "ask", unexpected)


@pytest.fixture
def stack(qtbot: QtBot) -> QUndoStack:
    """An undo stack of the editors' own (the window has its own)."""
    return QUndoStack()


@pytest.fixture
def filled(journal: Journal) -> Filled:
    return fill(journal)
