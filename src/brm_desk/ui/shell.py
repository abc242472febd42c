"""What a part of the app may know of the main window: the journal, its undo stack, the view.

Menus, dialogs and the lock take a :class:`Shell`, never the main window, so none of them
imports it: the window is the one module that knows every part, and no part knows it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.views.page import Page

VIEW_NAMES = (
    "Dashboard",
    "Partners",
    "Meetings",
    "Requests",
    "Contacts",
    "Today",
    "Inbox",
    "Search",
    "Trash",
)
INBOX_VIEW = "Inbox"
"""The calendar inbox (a short name: its count must fit in the sidebar beside it)."""
STATUS_MS = 8000


class Needs(Flag):
    """What an action needs before it can be used; :meth:`Shell.holds` says what holds now."""

    NOTHING = 0
    JOURNAL = auto()  # a journal is open and not locked
    ENCRYPTED = auto()
    PLAIN = auto()
    RECORDS = auto()  # a list of partners, contacts, meetings or requests is in view
    SELECTED = auto()  # and a record of it is selected
    NEW = auto()  # the view in sight says what New (Ctrl+Shift+N) adds there
    REQUESTS = auto()  # the requests list is in view (its one-key triage answers)
    PARTNERS = auto()  # the partners list is in view (the brief, the map, health…)
    UNDO = auto()
    REDO = auto()


class Shell(QObject):
    """The narrow context every part of the window is given.

    ``journal`` is None before a journal opens, while it is locked, and while it is being
    swapped for another (a restore, encryption). ``sig_journal_replaced`` follows each
    change of it; ``sig_state_changed`` says what :meth:`holds` may have changed;
    ``sig_journal_opened`` says the user opened a journal (at start-up, or File → Open).
    """

    sig_journal_replaced = Signal()
    sig_journal_opened = Signal()
    sig_state_changed = Signal()

    def __init__(
        self, window: QMainWindow, settings: QSettings, in_view: Callable[[], Page | None]
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of dialogs, and where the status bar is
        self.settings = settings
        self.journal: Journal | None = None
        self.undo_stack = QUndoStack(self)
        self.guards: list[Callable[[], str]] = []
        self.page = in_view  # the view in sight (None before a journal opens)
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged):
            signal.connect(self.sig_state_changed)

    def set_journal(self, journal: Journal | None) -> None:
        """Show ``journal`` (None: no journal); the undo stack's commands were for the old one."""
        self.journal = journal
        self.sig_journal_replaced.emit()
        self.undo_stack.clear()
        self.sig_state_changed.emit()

    def take_journal(self) -> Journal | None:
        """Stop everything that reads the journal and hand it over, to close, swap or lock.

        The views go first, then the queries they started in the background finish, so
        nothing reaches the file once the caller closes or replaces it.
        """
        journal = self.journal
        self.set_journal(None)
        QThreadPool.globalInstance().waitForDone()
        return journal

    def close_windows(self) -> None:
        """Close every window over the journal but the main one: editors, dialogs, briefs."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                widget.close()

    def blocker(self) -> str:
        """Why the journal cannot be swapped or locked now ("" when it can): unsaved work."""
        from brm_desk.ui.dialogs.progress import ProgressTask

        if any(task.running for task in self.window.findChildren(ProgressTask)):
            return "An import or export is running; wait for it to finish or cancel it."
        return next((reason for guard in self.guards if (reason := guard())), "")

    def record_kind(self) -> str:
        """The kind of record the list in view shows ("" when it is not such a list)."""
        page = self.page()
        return page.record_kind if page is not None else ""

    def new_kind(self) -> str:
        """The kind of record New adds in the view in sight ("" when it adds none)."""
        page = self.page()
        return page.new_kind() if page is not None else ""

    def partner_in_view(self) -> str | None:
        """The partner the view is about, for a new record's partner or a pack's."""
        page = self.page()
        return page.current_partner_id() if page is not None else None

    def holds(self) -> Needs:
        """What an action may need that holds right now (see :mod:`brm_desk.ui.actions`)."""
        if self.journal is None:
            return Needs.NOTHING
        holds = Needs.JOURNAL | (Needs.ENCRYPTED if self.journal.encrypted else Needs.PLAIN)
        kind, page = self.record_kind(), self.page()
        if kind:
            holds |= Needs.RECORDS
        if kind and page is not None and page.current_record_id() is not None:
            holds |= Needs.SELECTED
        if self.new_kind():
            holds |= Needs.NEW
        if kind == "request":
            holds |= Needs.REQUESTS
        if kind == "partner":
            holds |= Needs.PARTNERS
        if self.undo_stack.canUndo():
            holds |= Needs.UNDO
        if self.undo_stack.canRedo():
            holds |= Needs.REDO
        return holds

    def say(self, text: str, ms: int = STATUS_MS) -> None:
        """A short message in the status bar."""
        self.window.statusBar().showMessage(text, ms)
