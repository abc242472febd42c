"""The record actions of the main window: open, new, delete, quick capture, undo and redo.

Every change made here goes through a command on the window's undo stack; the stack's index
changing is what tells the views to refresh (``sig_journal_changed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.commands import DeleteRecord, JournalCommand, describe, push
from brm_desk.ui.dialogs import messages
from brm_desk.ui.icons import icon

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.editors.base import RecordEditor
    from brm_desk.ui.main_window import MainWindow

KINDS = ("partner", "contact", "meeting", "request")
STATUS_MESSAGE_MS = 6000


class RecordActions(QObject):
    """Builds the Edit menu and toolbar, and opens editors for the window's lists."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stack = window.undo_stack
        self.editor: RecordEditor | None = None

        self.undo_action = self.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.new_meeting_action = QAction("New &meeting…", self)
        self.new_meeting_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_meeting_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_meeting_action.setToolTip("Capture a new meeting (from anywhere)")
        self.new_meeting_action.triggered.connect(self.quick_capture)
        self.new_meeting_action.setIcon(icon("new-meeting"))
        self.new_record_action = QAction("&New…", self)
        self.new_record_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_record_action.setToolTip("A new record in the current list")
        self.new_record_action.triggered.connect(self.new_record)
        self.new_record_action.setIcon(icon("new"))
        self.undo_action.setIcon(icon("undo"))
        self.redo_action.setIcon(icon("redo"))
        self.open_action = QAction("&Open", self)
        self.open_action.setToolTip("Open the selected record")
        self.open_action.triggered.connect(self.open_selected)
        self.delete_action = QAction("&Delete", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setToolTip("Move the selected record to the trash (undoable)")
        # Del deletes only while the list has the focus, never from the sidebar or a menu.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_action.setIcon(icon("trash"))
        self.record_actions = (
            self.new_meeting_action,
            self.new_record_action,
            self.open_action,
            self.delete_action,
        )
        for action in self.record_actions:
            action.setEnabled(False)
            # Shortcuts work while the menu bar is hidden too.
            (window.stack if action is self.delete_action else window).addAction(action)

    def install(self, file_menu: QMenu, edit_menu: QMenu, toolbar: QToolBar) -> None:
        first = file_menu.actions()[0]  # new things come before Quit
        file_menu.insertAction(first, self.new_meeting_action)
        file_menu.insertAction(first, self.new_record_action)
        file_menu.insertSeparator(first)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.open_action)
        edit_menu.addAction(self.delete_action)
        toolbar.addAction(self.new_meeting_action)
        toolbar.addAction(self.new_record_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.delete_action)

    def journal_opened(self) -> None:
        self.stack.clear()
        for action in self.record_actions:
            action.setEnabled(True)
        self.view_changed()

    def view_changed(self) -> None:
        """Name the New action after the current list ("New partner…")."""
        kind = self.current_kind()
        self.new_record_action.setText(f"&New {kind}…" if kind else "&New…")
        # On the meetings list "New meeting" is already there, as quick capture.
        self.new_record_action.setVisible(kind != "meeting")
        self.new_record_action.setEnabled(bool(kind) and self.journal is not None)
        self.open_action.setEnabled(bool(kind) and self.journal is not None)
        self.delete_action.setEnabled(bool(kind) and self.journal is not None)

    @property
    def journal(self) -> Journal | None:
        return self.window.journal

    def current_kind(self) -> str:
        page = self.window.current_page()
        kind = getattr(page, "record_kind", "")
        return kind if kind in KINDS else ""

    def current_partner(self) -> str | None:
        page = self.window.current_page()
        finder = getattr(page, "current_partner_id", None)
        return finder() if callable(finder) else None

    # Opening editors --------------------------------------------------------------------

    def open_record(self, kind: str, record_id: str) -> RecordEditor | None:
        """Open the record's editor (a list's double-click or Enter)."""
        if self.journal is None or kind not in KINDS:
            return None
        try:
            record = self._service(kind).get(record_id)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot open", error.message)
            return None
        return self._show(self._editor(kind, record))

    def open_selected(self) -> RecordEditor | None:
        page = self.window.current_page()
        current = getattr(page, "current_record_id", lambda: None)()
        kind = self.current_kind()
        return self.open_record(kind, current) if kind and current else None

    def new_record(self, kind: str = "") -> RecordEditor | None:
        kind = kind or self.current_kind()
        if self.journal is None or kind not in KINDS:
            return None
        return self._show(self._editor(kind, None, partner_id=self.current_partner()))

    def quick_capture(self) -> RecordEditor | None:
        """Ctrl+N from anywhere: a new meeting with the partner in view picked already."""
        if self.journal is None:
            return None
        from brm_desk.ui.editors.meeting_editor import MeetingEditor

        editor = self.editor
        if isinstance(editor, MeetingEditor) and editor.isVisible() and editor.record is None:
            editor.raise_()  # one quick capture at a time (it has one draft)
            editor.activateWindow()
            return editor
        return self.new_record("meeting")

    def _editor(self, kind: str, record: Any, partner_id: str | None = None) -> RecordEditor:
        from brm_desk.services.drafts import for_journal
        from brm_desk.ui.editors.contact_editor import ContactEditor
        from brm_desk.ui.editors.meeting_editor import MeetingEditor
        from brm_desk.ui.editors.partner_editor import PartnerEditor
        from brm_desk.ui.editors.request_editor import RequestEditor

        assert self.journal is not None
        journal, stack, window = self.journal, self.stack, self.window
        if kind == "partner":
            return PartnerEditor(journal, stack, record, window)
        if kind == "contact":
            return ContactEditor(journal, stack, record, window, partner_id=partner_id)
        if kind == "meeting":
            return MeetingEditor(
                journal, stack, record, window, partner_id=partner_id, drafts=for_journal(journal)
            )
        return RequestEditor(journal, stack, record, window, partner_id=partner_id)

    def _show(self, editor: RecordEditor) -> RecordEditor:
        from brm_desk.ui.editors.meeting_editor import MeetingEditor

        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.sig_saved.connect(lambda record: self._say(f"Saved {describe(record)}"))
        self.editor = editor
        editor.destroyed.connect(self._forget_editor)
        editor.open()
        if isinstance(editor, MeetingEditor):
            editor.offer_draft()
        return editor

    def _forget_editor(self) -> None:
        self.editor = None

    def _service(self, kind: str) -> Any:
        assert self.journal is not None
        return {
            "partner": self.journal.partners,
            "contact": self.journal.contacts,
            "meeting": self.journal.meetings,
            "request": self.journal.requests,
        }[kind]

    # Changing the journal ---------------------------------------------------------------

    def delete_selected(self) -> None:
        """Move the selected record to the trash; Undo brings it back."""
        page = self.window.current_page()
        kind = self.current_kind()
        record_id = getattr(page, "current_record_id", lambda: None)()
        if self.journal is None or not kind or not record_id:
            return
        try:
            record = self._service(kind).get(record_id)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot delete", error.message)
            return
        if self.run(DeleteRecord(self.journal, record)):
            self._say(f"Moved {describe(record)} to the trash — Undo brings it back")

    def run(self, command: JournalCommand) -> bool:
        """Do a command from a view and put it on the undo stack; ``False`` if refused."""
        try:
            push(self.stack, command)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot do that", error.message)
            return False
        return True

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
