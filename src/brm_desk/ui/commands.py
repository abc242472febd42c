"""Every edit, delete and import is a QUndoCommand over the services, so each can be undone.

A command does its work once in :func:`perform` before it goes on the stack: a rule the
record breaks then reaches the editor as a :class:`ValidationError` (shown inline) and nothing
is pushed. Qt calls ``redo`` again only for a real redo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Contact, Meeting, Partner, Request, new_id
from brm_desk.ui.dialogs import messages

if TYPE_CHECKING:
    from brm_desk.services.interchange.csv_import import RequestImportReport, RequestPlan
    from brm_desk.services.interchange.ics_import import CalendarImportReport, CalendarPreview
    from brm_desk.services.journal import Journal

KIND_NOUNS = {Partner: "partner", Contact: "contact", Meeting: "meeting", Request: "request"}


class RecordService(Protocol):
    """What the services of records that go to the trash have in common."""

    def get(self, record_id: str, /) -> Any: ...
    def add(self, record: Any, /) -> Any: ...
    def update(self, record: Any, /) -> Any: ...
    def delete(self, record_id: str, /) -> str: ...


def service_of(journal: Journal, kind: str) -> RecordService:
    """The service of a kind of record: "partner", "contact", "meeting", "request", "pulse"
    or "assessment"."""
    services: dict[str, RecordService] = {
        "partner": journal.partners,
        "contact": journal.contacts,
        "meeting": journal.meetings,
        "request": journal.requests,
        "pulse": journal.pulses,
        "assessment": journal.assessments,
    }
    return services[kind]


def service_for(journal: Journal, record: Partner | Contact | Meeting | Request) -> RecordService:
    return service_of(journal, KIND_NOUNS[type(record)])


def describe(record: Partner | Contact | Meeting | Request) -> str:
    """``partner 'Finance'``: how the Edit menu names what a command did."""
    name = record.name if isinstance(record, Partner | Contact) else record.title
    return f"{KIND_NOUNS[type(record)]} '{name}'"


class JournalCommand(QUndoCommand):
    """A command whose ``redo``/``undo`` call services; failures become a message, not a crash."""

    def __init__(self, journal: Journal, text: str) -> None:
        super().__init__(text)
        self.journal = journal
        self.performed = False
        self._done_once = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def perform(self) -> None:
        """Do the work now; raises :class:`BrmDeskError` and leaves the journal as it was."""
        self.apply()
        self.performed = True
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:  # QUndoStack.push calls redo: the work is already done
            self._done_once = False
            return
        self._guarded(self.apply, "Cannot redo")

    def undo(self) -> None:
        self._guarded(self.revert, "Cannot undo")

    def _guarded(self, step: Any, title: str) -> None:
        try:
            step()
        except BrmDeskError as error:  # e.g. the trash was emptied since
            self.setObsolete(True)
            messages.show_error(None, title, f"{self.text()}: {error.message}")


class AddRecord(JournalCommand):
    """Add a record; undo removes it for good (it never existed, so no trash entry)."""

    def __init__(self, journal: Journal, record: Partner | Contact | Meeting | Request) -> None:
        super().__init__(journal, f"Add {describe(record)}")
        self.record = record

    def apply(self) -> None:
        self.record = service_for(self.journal, self.record).add(self.record)

    def revert(self) -> None:
        batch = service_for(self.journal, self.record).delete(self.record.id)
        self.journal.trash.empty(batch)


class EditRecord(JournalCommand):
    """Save changes; keeps the record before and after so undo and redo put either back.

    ``verb`` names the change in the Edit menu: "Redirect request 'Laptop'" for a triage move.
    """

    def __init__(
        self,
        journal: Journal,
        before: Partner | Contact | Meeting | Request,
        after: Partner | Contact | Meeting | Request,
        verb: str = "Edit",
    ) -> None:
        super().__init__(journal, f"{verb} {describe(before)}")
        self.before = before
        self.after = after

    def apply(self) -> None:
        # Only the user's own change follows the request workflow; a redo puts back a state.
        self.after = self._save(self.after, follow_workflow=not self.performed)

    def revert(self) -> None:
        self.before = self._save(self.before, follow_workflow=False)

    def _save(
        self, record: Partner | Contact | Meeting | Request, *, follow_workflow: bool
    ) -> Partner | Contact | Meeting | Request:
        if isinstance(record, Request):
            return self.journal.requests.update(record, follow_workflow=follow_workflow)
        saved: Partner | Contact | Meeting = service_for(self.journal, record).update(record)
        return saved


class ReframeRequest(JournalCommand):
    """Turn a request into a new one holding its need; undo takes the new one away for good
    and puts the old one back as it was."""

    def __init__(self, journal: Journal, request: Request, title: str, need: str) -> None:
        super().__init__(journal, f"Reframe {describe(request)}")
        self.before = request
        self.title = title
        self.need = need
        self.reframed_id = new_id()  # a redo makes the same request again

    def apply(self) -> None:
        self.journal.requests.reframe(self.before.id, self.title, self.need, self.reframed_id)

    def revert(self) -> None:
        self.journal.requests.update(self.before, follow_workflow=False)
        self.journal.trash.empty(self.journal.requests.delete(self.reframed_id))


class DeleteToTrash(JournalCommand):
    """Delete a record of a ``kind`` to the trash; undo restores the trash batch (with what
    went along with it)."""

    def __init__(self, journal: Journal, kind: str, record_id: str, text: str) -> None:
        super().__init__(journal, text)
        self.kind = kind
        self.record_id = record_id
        self.batch = ""

    def apply(self) -> None:
        self.batch = service_of(self.journal, self.kind).delete(self.record_id)

    def revert(self) -> None:
        """Restore the batch that holds the record now (a later restore and its undo move it)."""
        for item in self.journal.trash.listing():
            if item.kind == self.kind and item.id == self.record_id:
                self.journal.trash.restore(item.batch)
                return
        self.journal.trash.restore(self.batch)  # not in the trash: says so in the core's words


class DeleteRecord(DeleteToTrash):
    """Delete a partner, contact, meeting or request to the trash; undo brings it back."""

    def __init__(self, journal: Journal, record: Partner | Contact | Meeting | Request) -> None:
        super().__init__(journal, KIND_NOUNS[type(record)], record.id, f"Delete {describe(record)}")
        self.record = record


class RestoreFromTrash(JournalCommand):
    """Bring a trash batch back; undo deletes the same record again."""

    def __init__(self, journal: Journal, batch: str, kind: str, record_id: str, title: str) -> None:
        super().__init__(journal, f"Restore {kind} '{title}'")
        self.batch = batch
        self.kind = kind
        self.record_id = record_id

    def apply(self) -> None:
        self.journal.trash.restore(self.batch)

    def revert(self) -> None:
        self.batch = service_of(self.journal, self.kind).delete(self.record_id)


class ImportCommand(JournalCommand):
    """An import that ran in the background before it was pushed: its first ``apply`` takes
    that ``report`` instead of importing a second time; a redo imports again and an undo
    takes back the report's records."""

    def __init__(self, journal: Journal, text: str, report: Any) -> None:
        super().__init__(journal, text)
        self.report = report

    def apply(self) -> None:
        if self.performed:  # a redo; the first time, the import has run already
            self.report = self.import_again()

    def import_again(self) -> Any:
        raise NotImplementedError


class ImportCalendarCommand(ImportCommand):
    def __init__(
        self,
        journal: Journal,
        preview: CalendarPreview,
        partners: Mapping[str, str],
        report: CalendarImportReport,
    ) -> None:
        added, updated = len(report.added), len(report.updated)
        text = f"Import {preview.path.name} ({added} added, {updated} updated)"
        super().__init__(journal, text, report)
        self.preview = preview
        self.partners = dict(partners)

    def import_again(self) -> CalendarImportReport:
        from brm_desk.services.interchange.ics_import import import_calendar

        return import_calendar(self.journal, self.preview, self.partners)

    def revert(self) -> None:
        from brm_desk.services.interchange.ics_import import undo_calendar_import

        undo_calendar_import(self.journal, self.report)


class ImportRequestsCommand(ImportCommand):
    def __init__(self, journal: Journal, plan: RequestPlan, report: RequestImportReport) -> None:
        text = f"Import {len(report.added)} requests from {plan.table.path.name}"
        super().__init__(journal, text, report)
        self.plan = plan

    def import_again(self) -> RequestImportReport:
        from brm_desk.services.interchange.csv_import import import_requests

        return import_requests(self.journal, self.plan)

    def revert(self) -> None:
        from brm_desk.services.interchange.csv_import import undo_request_import

        undo_request_import(self.journal, self.report.added)


def push(stack: QUndoStack, command: JournalCommand) -> None:
    """Do the command (raising if a rule refuses it), then put it on the undo stack."""
    command.perform()
    stack.push(command)
