"""Every message box and question goes through here, so tests can answer them in one module."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong, in words they can act on (never a traceback)."""
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; ``True`` when the user agrees."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_to_save(parent: QWidget | None, what: str) -> str:
    """``what`` has changes: ``"save"`` them, ``"discard"`` them, or ``""`` to keep editing."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        "Save the changes?",
        f"{what} has changes that are not saved.",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "")


def include_private(parent: QWidget | None, what: str) -> bool:
    """Ask whether an export includes the private items it found (``what``, in words);
    leaving them out is the default answer (SPEC §4)."""
    answer = QMessageBox.question(
        parent,
        "Include private items?",
        f"This list shows {what}. Include them in the file? (No leaves them out.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_number(
    parent: QWidget | None, title: str, label: str, current: int, lowest: int, highest: int
) -> int | None:
    """A whole number between ``lowest`` and ``highest``; ``None`` when the user cancels."""
    number, accepted = QInputDialog.getInt(parent, title, label, current, lowest, highest)
    return number if accepted else None
