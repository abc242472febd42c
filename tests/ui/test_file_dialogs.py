"""File dialogs start in the user's documents folder, wherever the system keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from brm_desk.ui.dialogs import files


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose documents folder has another name, as the system's user-dirs say."""
    monkeypatch.setenv("HOME", str(tmp_path))
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    folder = tmp_path / "Dokumente"
    folder.mkdir()
    return folder


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where Qt's file dialogs were asked to start (the user cancels each)."""
    starts: list[str] = []

    def dialog(_parent: object, _title: str, start: str, _pattern: str) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    return starts


def test_save_and_open_start_in_the_documents_folder(documents: Path, started: list[str]) -> None:
    assert files.documents_folder() == documents
    assert files.save_path(None, "Export list", Path("meetings.csv"), "*.csv") is None
    assert files.open_path(None, "Open journal", "*.brmdesk") is None
    elsewhere = documents.parent / "packs" / "Finance.pdf"
    files.save_path(None, "Save the pack", elsewhere, "*.pdf")  # a folder chosen before stays
    assert started == [str(documents / "meetings.csv"), str(documents), str(elsewhere)]


def test_without_a_documents_folder_dialogs_start_at_home(
    documents: Path, started: list[str]
) -> None:
    documents.rmdir()
    assert files.documents_folder() == Path.home()
