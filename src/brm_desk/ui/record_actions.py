"""Opening, adding and deleting records from the lists, quick capture of a meeting, and the
editors' drafts a crash left, offered back when the journal opens.

Every change made here goes through a command on the shell's undo stack; the stack moving
is what refreshes the view.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Partner
from brm_desk.domain.words import listing, plural
from brm_desk.ui.commands import DeleteRecord, JournalCommand, describe, push, service_of
from brm_desk.ui.dialogs import messages
from brm_desk.ui.models.trash import kind_name

if TYPE_CHECKING:
    from brm_desk.services.drafts import Draft
    from brm_desk.ui.editors.base import RecordEditor
    from brm_desk.ui.shell import Shell


class RecordActions(QObject):
    """Opens editors for the lists' records and runs the changes the views ask for."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.editors: list[RecordEditor] = []  # open now, the latest last
        shell.guards.append(self.unsaved_changes)
        shell.sig_journal_opened.connect(self.offer_drafts)

    @property
    def editor(self) -> RecordEditor | None:
        """The editor opened last, while one is open."""
        return self.editors[-1] if self.editors else None

    def unsaved_changes(self) -> str:
        """What an open editor holds that is not saved ("" when nothing is): the lists'
        editors and those opened over other windows (a partner's maturity assessments)."""
        from brm_desk.ui.editors.base import RecordEditor

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecordEditor) and widget.isVisible() and widget.changed():
                title = widget.windowTitle()
                return f"{title} has changes that are not saved: save or cancel them first."
        return ""

    # Opening editors --------------------------------------------------------------------

    def open_record(self, kind: str, record_id: str) -> RecordEditor | None:
        """Open the record's editor (a list's double-click or Enter)."""
        record = self._record(kind, record_id, "Cannot open")
        return self._show(self._editor(kind, record)) if record is not None else None

    def open_selected(self) -> RecordEditor | None:
        selected = self._selected()
        return self.open_record(*selected) if selected else None

    def _selected(self) -> tuple[str, str] | None:
        """(kind, id) of the record selected in the list in view, if any."""
        page, kind = self.shell.page(), self.shell.record_kind()
        record_id = page.current_record_id() if page is not None else None
        return (kind, record_id) if kind and record_id else None

    def _record(self, kind: str, record_id: str, failing: str) -> Any:
        """The record, or None (and a message titled ``failing`` when it is gone)."""
        journal = self.shell.journal
        if journal is None:
            return None
        try:
            return service_of(journal, kind).get(record_id)
        except BrmDeskError as error:
            messages.show_error(self.shell.window, failing, error.message)
            return None

    def new_record(self, kind: str = "") -> RecordEditor | None:
        kind = kind or self.shell.record_kind()
        if self.shell.journal is None or not kind:
            return None
        return self._show(self._editor(kind, None, partner_id=self.shell.partner_in_view()))

    def quick_capture(self) -> RecordEditor | None:
        """Ctrl+N from anywhere: a new meeting with the partner in view picked already."""
        from brm_desk.ui.editors.meeting_editor import MeetingEditor

        for editor in self.editors:
            if isinstance(editor, MeetingEditor) and editor.record is None:
                editor.raise_()  # one quick capture at a time (it has one draft)
                editor.activateWindow()
                return editor
        return self.new_record("meeting")

    def _editor(self, kind: str, record: Any, partner_id: str | None = None) -> RecordEditor:
        from brm_desk.ui.editors.contact_editor import ContactEditor
        from brm_desk.ui.editors.meeting_editor import MeetingEditor
        from brm_desk.ui.editors.partner_editor import PartnerEditor
        from brm_desk.ui.editors.request_editor import RequestEditor

        journal, stack, parent = self.shell.journal, self.shell.undo_stack, self.shell.window
        assert journal is not None
        if kind == "partner":
            return PartnerEditor(journal, stack, record, parent)
        if kind == "contact":
            return ContactEditor(journal, stack, record, parent, partner_id=partner_id)
        if kind == "meeting":
            return MeetingEditor(journal, stack, record, parent, partner_id=partner_id)
        return RequestEditor(journal, stack, record, parent, partner_id=partner_id)

    def _show(self, editor: RecordEditor) -> RecordEditor:
        from brm_desk.ui.views.contact_page import offer_contact_pages

        offer_contact_pages(editor)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.sig_saved.connect(lambda record: self.shell.say(f"Saved {describe(record)}"))
        self.editors.append(editor)
        editor.destroyed.connect(lambda: self.editors.remove(editor))
        editor.open()
        return editor

    # Drafts left by a crash -------------------------------------------------------------

    def offer_drafts(self) -> None:
        """Offer back, at once, what editors held when the app last ended without saving:
        Restore reopens each editor as it was, Discard drops them."""
        from brm_desk.services.drafts import adopt_old_drafts, for_journal, since
        from brm_desk.ui.dialogs import drafts_offer

        journal = self.shell.journal
        if journal is None:
            return
        with suppress(OSError):  # an older BRM Desk's draft that cannot move stays put
            adopt_old_drafts(journal)
        drafts = for_journal(journal)
        left = [(draft, since(journal, draft)) for draft in drafts.listing()]
        answer = drafts_offer.ask(self.shell.window, left) if left else ""
        for draft, state in left:
            if answer == "restore":
                self.reopen(draft, state)
            elif answer == "discard":
                drafts.discard(draft.key)

    def reopen(self, draft: Draft, state: str) -> RecordEditor | None:
        """The draft's editor, every field as it was; a record deleted since comes back as a
        new one, and the editor says so, as it does for a record changed since."""
        from brm_desk.services.drafts import CHANGED, DELETED

        record_id = draft.record_id if state != DELETED else ""
        if draft.kind == "assessment":  # over its partner's assessments, where it was typed
            from brm_desk.ui.maturity.assessments_dialog import reopen_assessment

            partner_id = str(draft.fields.get("partner_id", ""))
            assert self.shell.journal is not None
            editor: RecordEditor | None = reopen_assessment(
                self.shell.window, self.shell.journal, record_id, partner_id
            )
        else:
            record = self._record(draft.kind, record_id, "Cannot open") if record_id else None
            if record_id and record is None:
                return None
            editor = self._show(self._editor(draft.kind, record))
        if editor is None:
            return None
        notes = {
            CHANGED: f"This {draft.kind} was changed since the draft was written: saving puts "
            "the draft's fields over those changes.",
            DELETED: f"This {draft.kind} was deleted since the draft was written: saving adds "
            "it again.",
        }
        editor.restore(draft, notes.get(state, ""))
        return editor

    # Changing the journal ---------------------------------------------------------------

    def delete_selected(self) -> None:
        """Move the selected record to the trash; Undo brings it back."""
        selected = self._selected()
        record = self._record(*selected, "Cannot delete") if selected else None
        if record is None or self.shell.journal is None or not self._may_delete(record):
            return
        if self.run(DeleteRecord(self.shell.journal, record)):
            self.shell.say(f"Moved {describe(record)} to the trash — Undo brings it back")

    def _may_delete(self, record: Any) -> bool:
        """A partner takes its records to the trash: say how many, and ask first."""
        journal = self.shell.journal
        if not isinstance(record, Partner) or journal is None:
            return True
        counts = journal.trash.taken_along("partner", record.id)
        going = listing([plural(n, kind_name(kind)) for kind, n in counts.items() if n])
        along = f" with its {going}" if going else ""
        return messages.confirm(
            self.shell.window,
            "Delete partner",
            f"Move {describe(record)} to the trash{along}?\n\n"
            "Undo, or Restore in the trash, brings them all back.",
        )

    def run(self, command: JournalCommand) -> bool:
        """Do a command from a view and put it on the undo stack; ``False`` if refused."""
        try:
            push(self.shell.undo_stack, command)
        except BrmDeskError as error:
            messages.show_error(self.shell.window, "Cannot do that", error.message)
            return False
        return True
