"""File and print dialogs go through here, so tests can answer them by patching one module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def documents_folder() -> Path:
    """Where file dialogs start: the user's documents folder (home when there is none)."""
    documents = QStandardPaths.StandardLocation.DocumentsLocation
    found = Path(QStandardPaths.writableLocation(documents))
    return found if found.is_absolute() and found.is_dir() else Path.home()


def save_path(parent: QWidget | None, title: str, suggested: Path, pattern: str) -> Path | None:
    """Ask where to save ``suggested`` (a bare file name: in the documents folder); ``None``
    when the user cancels."""
    start = suggested if suggested.is_absolute() else documents_folder() / suggested
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start), pattern)
    return Path(chosen) if chosen else None


def setup_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog; ``True`` when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_path(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """Ask which file to open; ``None`` when the user cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), pattern)
    return Path(chosen) if chosen else None
