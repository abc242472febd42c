"""Dates typed as phrases in the editors, and the reason a request goes without a case.

The journal's today is 2026-11-24, a Tuesday.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled, type_day

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.records import Action
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.request_editor import RequestEditor

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]


def choose_status(editor: RequestEditor, status: RequestStatus) -> None:
    editor.status.setCurrentIndex(editor.status.findData(status.value))


def test_revisit_on_takes_a_phrase_and_names_itself_when_wrong(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    choose_status(editor, RequestStatus.DEFERRED)
    type_day(qtbot, editor.revisit_on, "soonish")
    assert editor.revisit_on.reading.text().startswith("Revisit on must be a date like")
    assert not editor.save()
    assert editor.error_text("revisit_on").startswith("Revisit on must be a date like")
    type_day(qtbot, editor.revisit_on, "+2w")
    assert editor.revisit_on.edit.text() == "2026-12-08"
    assert editor.save()
    assert filled.journal.requests.get(filled.request.id).revisit_on == date(2026, 12, 8)


def test_received_takes_typed_digits(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    type_day(qtbot, editor.received, "20261103")
    assert editor.save()
    assert filled.journal.requests.get(filled.request.id).received == date(2026, 11, 3)


def test_delivered_on_takes_yesterday(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    accepted = journal.requests.update(
        replace(
            filled.request,
            status=RequestStatus.ACCEPTED,
            need="A faster forecast",
            expected_benefit="Two days saved",
        )
    )
    editor = RequestEditor(journal, stack, accepted)
    qtbot.addWidget(editor)
    choose_status(editor, RequestStatus.DELIVERED)
    type_day(qtbot, editor.delivered_on, "yesterday")
    assert editor.save()
    assert journal.requests.get(accepted.id).delivered_on == date(2026, 11, 23)


def test_accepting_in_the_editor_asks_for_a_case_or_the_reason(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    editor.show()
    choose_status(editor, RequestStatus.ACCEPTED)
    assert editor.rows["outcome_note"].isVisible()  # where the reason to go without goes
    assert not editor.save()
    assert editor.error_text("need").startswith("Need is required to accept a request")
    editor.outcome_note.setPlainText("The CFO asked for it in the board meeting")
    assert editor.save()
    accepted = filled.journal.requests.get(filled.request.id)
    assert accepted.status is RequestStatus.ACCEPTED
    assert accepted.outcome_note == "The CFO asked for it in the board meeting"
    again = RequestEditor(filled.journal, stack, accepted)
    qtbot.addWidget(again)
    again.show()
    assert again.rows["outcome_note"].isVisible()  # the reason is shown with the request


def test_a_follow_up_due_date_takes_a_weekday(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    meeting = filled.journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(filled.journal, stack, meeting)
    qtbot.addWidget(editor)
    editor.show()
    table = editor.actions_table.table
    editor.actions_table.add_action(Action(text="Call the CFO"))
    table.setCurrentCell(0, 3)
    table.editItem(table.item(0, 3))
    cell = table.indexWidget(table.model().index(0, 3))
    qtbot.keyClicks(cell, "fri")
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # Qt commits the cell once events run
    qtbot.waitUntil(lambda: table.item(0, 3).text() == "2026-11-27")
    assert editor.save()
    [action] = filled.journal.meetings.get(meeting.id).actions
    assert action.due == date(2026, 11, 27)


def test_a_meetings_start_takes_a_phrase_and_keeps_its_time(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    meeting = filled.journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(filled.journal, stack, meeting)
    qtbot.addWidget(editor)
    editor.show()
    editor.start.edit.clear()
    qtbot.keyClicks(editor.start.edit, "whenever")
    assert editor.start.reading.text().startswith("Start must be a date like")
    assert not editor.save()
    assert editor.error_text("start").startswith("Start must be a date like")
    qtbot.keyClick(editor.start.edit, Qt.Key.Key_Return)  # a start cannot be left without
    assert editor.start.edit.text() == meeting.start.date().isoformat()
    type_day(qtbot, editor.start, "yesterday")
    assert editor.start.edit.text() == "2026-11-23"
    editor.start.time.setTime(QTime(16, 45))
    assert editor.save()
    start = filled.journal.meetings.get(meeting.id).start
    assert (start.date(), start.hour, start.minute) == (date(2026, 11, 23), 16, 45)
    assert start.utcoffset() == meeting.start.utcoffset()  # the meeting's own offset kept
