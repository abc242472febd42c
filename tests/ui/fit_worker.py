"""Run by test_fits_the_screen.py under a screen of a given size: every editor and dialog,
and the windows of their own a view opens (the prep brief, the stakeholder map).

``fit_worker.py JOURNAL [SHOTS]`` opens each editor and dialog on JOURNAL (the sample journal)
as the app shows them and prints one JSON line: for each, its frame, the screen's available
space, and the buttons that are not wholly inside it. With SHOTS, each is saved there as
``<name>.png`` too, to be looked at.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QWidget

from brm_desk.domain.calendar_inbox import InboxItem
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Partner
from brm_desk.domain.stakeholders import Communication
from brm_desk.services import backups, maintenance
from brm_desk.services.drafts import NEW_MEETING, Draft
from brm_desk.services.interchange.csv_mapping import PULSES
from brm_desk.services.interchange.csv_read import read_csv
from brm_desk.services.interchange.ics_import import preview_calendar
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import drafts_offer
from brm_desk.ui.dialogs.calendar_sources import CalendarSourcesDialog
from brm_desk.ui.dialogs.communication import CommunicationDialog
from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog
from brm_desk.ui.dialogs.export_pack import ExportPackDialog
from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog
from brm_desk.ui.dialogs.inbox_filing import FilingDialog
from brm_desk.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
from brm_desk.ui.dialogs.pulse import PulseDialog
from brm_desk.ui.dialogs.restore import RestoreDialog
from brm_desk.ui.dialogs.welcome import WelcomeDialog
from brm_desk.ui.editors.contact_editor import ContactEditor
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.editors.request_editor import RequestEditor
from brm_desk.ui.maturity.assessment_editor import AssessmentEditor
from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog
from brm_desk.ui.shell import Shell
from brm_desk.ui.views.prep_brief import PrepBriefWindow
from brm_desk.ui.views.stakeholder_map import StakeholderMapWindow

CALENDAR = Path(__file__).parents[1] / "importers" / "data" / "google_hr.ics"
CSV = "Number,Opened,Short description,Priority,State\nRITM1,2026-03-01,Laptop,High,New\n"
SURVEY = "Completion time,Department,Trust,Responsiveness,Value,NPS\n2026-11-02,Finance,4,3,4,8\n"


def dialogs(journal: Journal, folder: Path) -> dict[str, Callable[[], QWidget]]:
    """Each editor and dialog (and the prep brief's window), made as the app makes them."""
    stack = QUndoStack()
    partners = journal.partners.listing()
    finance = partners[0]
    [meeting, *_] = journal.meetings.of_partner(finance.id, 1)
    request = max(journal.requests.of_partner(finance.id), key=lambda r: len(r.want))
    contact = journal.contacts.listing(finance.id)[0]
    (folder / "requests.csv").write_text(CSV, encoding="utf-8")
    (folder / "survey.csv").write_text(SURVEY, encoding="utf-8")
    maintenance.backup(journal)
    drafted = [
        (Draft(NEW_MEETING, "meeting", meeting.start, {"title": "Budget steering"}), ""),
        (Draft(request.id, "request", meeting.start, {"title": request.title}), "changed since"),
    ]
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    plan_entry = Communication("new", finance.id, "", "In person", 14, journal.today(), contact.id)
    return {
        "new-meeting": lambda: MeetingEditor(journal, stack, partner_id=finance.id),
        "meeting": lambda: MeetingEditor(journal, stack, meeting),
        "new-request": lambda: RequestEditor(journal, stack, partner_id=finance.id),
        "request": lambda: RequestEditor(journal, stack, request),
        "partner": lambda: PartnerEditor(journal, stack, finance),
        "contact": lambda: ContactEditor(journal, stack, contact),
        "export-pack": lambda: ExportPackDialog(
            journal, settings, partner_id=finance.id, undo_stack=stack
        ),
        "csv-mapping": lambda: CsvMappingDialog(
            journal, read_csv(folder / "requests.csv"), partners, finance.id, settings
        ),
        "csv-pulses": lambda: CsvMappingDialog(
            journal, read_csv(folder / "survey.csv"), partners, None, settings, kind=PULSES
        ),
        "pulse": lambda: PulseDialog(
            finance.id, finance.name, journal.contacts.listing(finance.id), meeting.local_date
        ),
        "calendar-preview": lambda: CalendarPreviewDialog(
            preview_calendar(journal, CALENDAR), partners, None
        ),
        "restore": lambda: RestoreDialog(backups.listing(journal.path)),
        "welcome": WelcomeDialog,
        "passphrase": lambda: PassphraseDialog(journal.path, "the passphrase does not open it"),
        "new-passphrase": lambda: NewPassphraseDialog(
            "Encrypt the journal", "Choose a passphrase.", lambda _a, _b: None, ask_current=True
        ),
        "drafts-offer": lambda: drafts_offer.question(None, drafted),
        "prep-brief": lambda: PrepBriefWindow(None, journal, finance.id),
        "calendar-sources": lambda: CalendarSourcesDialog(journal),
        "inbox-filing": lambda: FilingDialog(partners, [waiting_event(finance)]),
        "communication": lambda: CommunicationDialog(
            None, plan_entry, journal.contacts.listing(finance.id), journal.today, new=True
        ),
        "assessments": lambda: AssessmentsDialog(journal, stack, finance.id),
        "new-assessment": lambda: AssessmentEditor(journal, stack, partner_id=finance.id),
        "stakeholder-map": lambda: stakeholder_map(journal, finance.id, settings),
        "assessment": lambda: AssessmentEditor(
            journal, stack, journal.assessments.of_partner(finance.id)[-1]
        ),
    }


def stakeholder_map(journal: Journal, partner_id: str, settings: QSettings) -> QWidget:
    """The partner's map window, over a shell of a main window of its own."""
    shell = Shell(QMainWindow(), settings, lambda: None)
    shell.set_journal(journal)
    window = StakeholderMapWindow(shell, partner_id, lambda _contact_id: None)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # its caller deletes it
    assert window.load()
    return window


def waiting_event(partner: Partner) -> InboxItem:
    """An event as the calendar inbox shows it, guessed for ``partner``."""
    return InboxItem(
        1, "uid-1", 1, "1 · outlook.office365.com",
        "Quarterly business review with the finance leadership team",
        datetime(2026, 12, 1, 9, tzinfo=UTC), 60, "Room 4", ("cfo@example.com",), False,
        partner.id, partner.name, "attendees", MeetingType.SERVICE_REVIEW, Focus.ROUTINE,
    )  # fmt: skip


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def measure(dialog: QWidget) -> dict[str, object]:
    """Where the dialog stands on its screen, and which of its buttons are cut or hidden."""
    dialog.show()
    QApplication.processEvents()
    inside = dialog.rect()
    smallest = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    cut = [
        button.text() or button.accessibleName()
        for button in dialog.findChildren(QAbstractButton)
        if is_action_button(button)
        and not button.isHidden()  # shown when it applies (Open PDF, once written)
        and (not button.isVisible() or not inside.contains(dialog_rect(button, dialog)))
    ]
    return {
        "frame": rect(dialog.frameGeometry()),
        "minimum": [smallest.width(), smallest.height()],
        "available": rect(dialog.screen().availableGeometry()),
        "cut_buttons": cut,
    }


def is_action_button(button: QAbstractButton) -> bool:
    """A dialog's own buttons (Save, Cancel, Import, …): those in a button box, or a link."""
    parent = button.parentWidget()
    return type(parent).__name__ == "QDialogButtonBox" or type(button).__name__ in (
        "QCommandLinkButton",
    )


def dialog_rect(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def main() -> None:
    path, shots = Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None
    app = QApplication(sys.argv[:1])
    app.setApplicationName("BRM Desk fit test")
    found = {}
    with Journal.open(path) as journal:
        for name, make in dialogs(journal, path.parent).items():
            dialog = make()
            found[name] = measure(dialog)
            if shots is not None:
                dialog.grab().save(str(shots / f"{name}.png"))
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
    print(json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
