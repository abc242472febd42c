"""File and print dialogs go through here, so tests can answer them by patching one module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def save_path(parent: QWidget | None, title: str, suggested: Path, pattern: str) -> Path | None:
    """Ask where to save; ``None`` when the user cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
    return Path(chosen) if chosen else None


def setup_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog; ``True`` when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_path(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """Ask which file to open; ``None`` when the user cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(chosen) if chosen else None
