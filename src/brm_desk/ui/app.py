"""The desktop app's entry point: show the window at once, open the journal right after."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.services.locations import APP_NAME, default_journal_path, journal_path
from brm_desk.ui.dialogs import messages
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.palette import follow_system

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

SMOKE_VARIABLE = "BRM_DESK_SMOKE"
"""When set, the app opens its window and journal, then quits: a start-up smoke test."""


def application() -> QApplication:
    """The one QApplication, named so QSettings finds this app's state."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    follow_system(app)
    return app


def is_first_run(path: Path) -> bool:
    """No journal yet at the default place (an explicit path that is missing is a mistake)."""
    return path == default_journal_path() and not path.exists()


def welcome(window: MainWindow, path: Path) -> bool:
    """First run: decide what to start with; ``True`` creates an empty journal at ``path``.

    This is the hook for the welcome dialog ("Start an empty journal" / "Explore the sample
    journal"); for now it always starts an empty journal.
    """
    return True


def open_journal(path: Path, *, create: bool = False) -> Journal:
    """Open (or first create) the journal; safe to run off the UI thread.

    The journal core (SQLAlchemy, migrations) is imported here, after the window shows.
    """
    from brm_desk.services.journal import Journal

    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            return Journal.create(path)
        return Journal.open(path)
    except OSError as error:
        raise JournalFileError(f"{path}: {error.strerror or error}") from None


def explain_failure(window: MainWindow, error: BrmDeskError) -> None:
    """A journal we cannot open is explained in the core's words and left untouched."""
    messages.show_error(window, "Cannot open the journal", error.message)
    window.close_without_journal()


def open_into(window: MainWindow, path: Path) -> bool:
    """Open the journal into the window on the UI thread; ``False`` when it cannot be."""
    try:
        journal = open_journal(path, create=is_first_run(path) and welcome(window, path))
    except BrmDeskError as error:
        explain_failure(window, error)
        return False
    window.set_journal(journal)
    return True


def run(db: str | None) -> int:
    """Run the desktop app on the journal ``--db`` / ``$BRM_DESK_DB`` / the default names."""
    app = application()
    path = journal_path(db)
    window = MainWindow()
    window.show()

    def opened(journal: Journal) -> None:
        window.set_journal(journal)
        if os.environ.get(SMOKE_VARIABLE):
            QTimer.singleShot(0, window.close)

    def failed(error: BrmDeskError) -> None:
        explain_failure(window, error)
        app.exit(1)

    def start() -> None:
        create = is_first_run(path) and welcome(window, path)
        QueryOp(window, lambda: open_journal(path, create=create)).success(opened).failure(
            failed
        ).run_in_background()

    QTimer.singleShot(0, start)
    return int(app.exec())
