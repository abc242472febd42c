"""Durability fixtures: private QSettings for the GUI tests here (as tests/ui does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture
def ui_settings(tmp_path: Path, qapp: QApplication) -> Path:
    """Window state and preferences go to this test's folder, never the user's settings."""
    folder = tmp_path / "settings"
    qapp.setOrganizationName("BRM Desk Tests")
    qapp.setApplicationName("BRM Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder
