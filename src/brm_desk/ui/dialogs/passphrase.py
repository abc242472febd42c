"""Asking for a passphrase: to open an encrypted journal, or to choose a new one.

The text fields echo nothing, and the passphrase lives only as long as the dialog (and
the key derived from it, inside the open journal).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import ValidationError
from brm_desk.ui.dialogs.buttons import answer_buttons


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PassphraseDialog(QDialog):
    """One field: the passphrase of ``path``; ``problem`` says why it is asked again."""

    def __init__(self, path: Path, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Encrypted journal")
        self.setAccessibleName("Passphrase")
        intro = QLabel(f"<b>{path.name}</b> is encrypted. Enter its passphrase to open it.")
        intro.setWordWrap(True)
        self.passphrase = secret_field("Passphrase")
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setVisible(bool(problem))
        buttons = answer_buttons(self, QDialogButtonBox.StandardButton.Open, self._accept_if_filled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept_if_filled(self) -> None:
        if not self.passphrase.text():
            self.problem.setText("Enter the passphrase.")
            self.problem.setVisible(True)
            return
        self.accept()


class NewPassphraseDialog(QDialog):
    """A new passphrase typed twice (and the current one, when changing it)."""

    def __init__(
        self,
        title: str,
        explanation: str,
        check: Callable[[str, str], None],
        *,
        ask_current: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.current = secret_field("Current passphrase") if ask_current else None
        self.new = secret_field("New passphrase")
        self.repeated = secret_field("New passphrase again")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setVisible(False)
        buttons = answer_buttons(self, on_answer=self._accept_if_valid)
        form = QFormLayout()
        if self.current is not None:
            form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.new)
        form.addRow("&Again:", self.repeated)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept_if_valid(self) -> None:
        try:
            self._check(self.new.text(), self.repeated.text())
        except ValidationError as error:
            self.problem.setText(error.reason[:1].upper() + error.reason[1:] + ".")
            self.problem.setVisible(True)
            return
        self.accept()


def ask(parent: QWidget | None, path: Path, problem: str = "") -> str | None:
    """The passphrase for ``path``, or ``None`` when the user cancels."""
    dialog = PassphraseDialog(path, problem, parent)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new(
    parent: QWidget | None,
    title: str,
    explanation: str,
    check: Callable[[str, str], None],
    *,
    ask_current: bool = False,
) -> tuple[str, str] | None:
    """(current, new) passphrases, or ``None`` when the user cancels."""
    dialog = NewPassphraseDialog(title, explanation, check, ask_current=ask_current, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    current = dialog.current.text() if dialog.current is not None else ""
    return current, dialog.new.text()
