"""UI fixtures: private QSettings, and a journal with a little of everything in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
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
def filled(journal: Journal) -> Filled:
    return fill(journal)
