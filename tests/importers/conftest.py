"""Importer fixtures: private QSettings for the dialog tests (never the user's own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture
def qt_settings(tmp_path: Path, qapp: QApplication) -> QSettings:
    qapp.setOrganizationName("BRM Desk Tests")
    qapp.setApplicationName("BRM Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    return QSettings()
