"""First run: start an empty journal, or explore a copy of the sample journal.

The sample always goes into its own file (``sample.brmdesk`` in the data folder), so
exploring it can never touch or create the user's own journal; the next start offers the
welcome again until the user starts a journal of their own.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import JournalFileError
from brm_desk.services.locations import data_dir

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

SAMPLE_FILE_NAME = "sample.brmdesk"


class Choice(enum.Enum):
    EMPTY = "empty"
    SAMPLE = "sample"
    QUIT = "quit"


class WelcomeDialog(QDialog):
    """Two clear ways in; closing the dialog quits without creating anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Choice.QUIT
        self.setWindowTitle("Welcome to BRM Desk")
        self.setAccessibleName("Welcome")
        title = QLabel("<h2>Welcome to BRM Desk</h2>")
        intro = QLabel(
            "A private journal of your partner meetings and requests — where did your time "
            "go: reactive fixes, or strategic engagement? Everything stays on this computer."
        )
        intro.setWordWrap(True)
        self.empty_button = QCommandLinkButton(
            "Start an empty journal", "Create your own journal and add your first partner."
        )
        self.sample_button = QCommandLinkButton(
            "Explore the sample journal",
            "Seven partners over two years, ending this week. It opens as a separate copy; "
            "your own journal is not created.",
        )
        self.empty_button.setDefault(True)
        self.empty_button.clicked.connect(lambda: self._choose(Choice.EMPTY))
        self.sample_button.clicked.connect(lambda: self._choose(Choice.SAMPLE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.sample_button)
        self.setMinimumWidth(520)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def ask(parent: QWidget | None) -> Choice:
    """Show the welcome and wait for an answer (tests patch this function)."""
    dialog = WelcomeDialog(parent)
    dialog.exec()
    return dialog.choice


def open_sample() -> Journal:
    """The sample copy: made on first use, reopened (with whatever was added) afterwards.

    Runs off the UI thread: importing the sample takes a second or two.
    """
    from brm_desk.services.journal import Journal
    from brm_desk.services.sample_journal import load_sample

    path = data_dir() / SAMPLE_FILE_NAME
    try:
        if path.exists():
            return Journal.open(path)
        return load_sample(path, date.today())
    except OSError as error:
        raise JournalFileError(f"{path}: {error.strerror or error}") from None
