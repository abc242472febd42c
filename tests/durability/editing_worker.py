"""Run by test_drafts_after_crash.py: the real app, typing into two editors until killed.

``editing_worker.py JOURNAL [PASSPHRASE]`` starts BRM Desk on JOURNAL as ``brm-desk --db``
does, opens a new meeting (Ctrl+N) and the journal's one request, fills every field of both
(:data:`MEETING` and :data:`REQUEST` say with what), and prints ``drafted`` once both drafts
hold every field. Then it waits for the SIGKILL that the test sends.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime, QTimer
from PySide6.QtTest import QTest

from brm_desk.services.drafts import for_journal
from brm_desk.ui import app
from brm_desk.ui.dialogs import passphrase
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.request_editor import RequestEditor
from brm_desk.ui.main_window import MainWindow

SECRET = "Platypus acquisition rumour"
MEETING = {
    "title": "Budget steering",
    "start": "2026-11-30 14:15",
    "duration_minutes": 75,
    "type": "planning",
    "focus": "reactive",  # not the type's own: an override the draft must keep
    "location": "Room 4",
    "tags": "budget, q1",
    "satisfaction": 4,
    "private": True,
    "notes": "Agreed: the ledger goes first",
    "private_notes": f"My read: {SECRET}",
    "actions": [["Send the figures", "partner", "Anna", "2026-12-04", ""]],
}
REQUEST = {
    "title": "Ledger export, reframed",
    "want": "A CSV of the ledger",
    "need": "Close the month two days sooner",
    "value": 5,
    "urgency": 2,
    "status": "redirected",
    "routed_to": "Finance systems team",
    "expected_benefit": "Two days saved each month",
    "expected_value_amount": "12000",
    "tags": "ledger",
    "notes": "Asked twice already",
    "private_notes": f"They will not fund it: {SECRET}",
}


def say(line: str) -> None:
    print(line, flush=True)


def type_into(widget: Any, text: str) -> None:
    """Key by key, as a person types (a line edit is emptied first)."""
    if hasattr(widget, "clear"):
        widget.clear()
    QTest.keyClicks(widget, text)


def fill_meeting(editor: MeetingEditor) -> None:
    type_into(editor.title, MEETING["title"])
    day, time = str(MEETING["start"]).split()
    type_into(editor.start.edit, day)
    editor.start.time.setTime(QTime.fromString(time, "HH:mm"))
    editor.duration.setValue(int(MEETING["duration_minutes"]))  # type: ignore[call-overload]
    editor.type.setCurrentIndex(editor.type.findData(MEETING["type"]))
    editor.focus.setCurrentIndex(editor.focus.findData(MEETING["focus"]))
    editor.focus.activated.emit(editor.focus.currentIndex())
    type_into(editor.location, str(MEETING["location"]))
    editor.attendees.set_checked(editor.contacts[0].id)
    type_into(editor.tags, str(MEETING["tags"]))
    editor.satisfaction.setCurrentIndex(editor.satisfaction.findData(MEETING["satisfaction"]))
    editor.private.setChecked(True)
    editor.notes.set_text("")
    type_into(editor.notes.editor, str(MEETING["notes"]))
    type_into(editor.private_notes.editor, str(MEETING["private_notes"]))
    editor.actions_table.set_draft_value(MEETING["actions"])  # type: ignore[arg-type]


def fill_request(editor: RequestEditor) -> None:
    type_into(editor.title, REQUEST["title"])
    editor.want.setPlainText("")
    type_into(editor.want, str(REQUEST["want"]))
    type_into(editor.need, str(REQUEST["need"]))
    editor.value.setValue(int(REQUEST["value"]))  # type: ignore[call-overload]
    editor.urgency.setValue(int(REQUEST["urgency"]))  # type: ignore[call-overload]
    editor.status.setCurrentIndex(editor.status.findData(REQUEST["status"]))
    type_into(editor.routed_to, str(REQUEST["routed_to"]))
    type_into(editor.expected_benefit, str(REQUEST["expected_benefit"]))
    type_into(editor.expected_value, str(REQUEST["expected_value_amount"]))
    type_into(editor.tags, str(REQUEST["tags"]))
    type_into(editor.notes.editor, str(REQUEST["notes"]))
    type_into(editor.private_notes.editor, str(REQUEST["private_notes"]))


def edit_when_open(window: MainWindow) -> None:
    """Once the journal is in the window: fill both editors, then say when both are drafted."""
    journal = window.shell.journal
    if journal is None:
        QTimer.singleShot(50, lambda: edit_when_open(window))
        return
    actions = window.record_actions
    meeting = actions.quick_capture()
    assert isinstance(meeting, MeetingEditor)
    fill_meeting(meeting)
    [partner] = journal.partners.listing()
    [request] = journal.requests.of_partner(partner.id)
    editor = actions.open_record("request", request.id)
    assert isinstance(editor, RequestEditor)
    fill_request(editor)
    wait_for_drafts(window, [meeting, editor])


def wait_for_drafts(window: MainWindow, editors: list[Any]) -> None:
    journal = window.shell.journal
    assert journal is not None
    drafts = for_journal(journal)
    kept = [drafts.load(editor.draft_key) for editor in editors]
    if all(
        d is not None and d.fields == e.form_state() for d, e in zip(kept, editors, strict=True)
    ):
        say("drafted")
        return
    QTimer.singleShot(100, lambda: wait_for_drafts(window, editors))


def main() -> None:
    path = Path(sys.argv[1])
    if len(sys.argv) > 2:
        given = sys.argv[2]
        passphrase.ask = lambda *_args, **_kwargs: given  # type: ignore[assignment]
    app.run(str(path), lambda window: QTimer.singleShot(0, lambda: edit_when_open(window)))


if __name__ == "__main__":
    main()
