"""Editing never loses a word: a changed editor asks before it closes, Ctrl+S saves, and a
partner or person not in the journal yet is made from inside the meeting editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.services.drafts import for_journal
from brm_desk.ui.dialogs import messages
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.request_editor import RequestEditor

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Save / Discard / Cancel questions, each answered with ``answers[0]`` ("" = Cancel)."""
    questions: list[str] = []

    def ask(_parent: object, what: str) -> str:
        questions.append(what)
        return answers[0]

    monkeypatch.setattr(messages, "ask_to_save", ask)
    return questions


answers = [""]


def shown_meeting(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> MeetingEditor:
    meeting = filled.journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(filled.journal, stack, meeting)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_an_unchanged_editor_closes_on_escape_without_asking(
    qtbot: QtBot, filled: Filled, stack: QUndoStack, asked: list[str]
) -> None:
    editor = shown_meeting(qtbot, filled, stack)
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert asked == []


@pytest.mark.parametrize("how", ["escape", "close"])
def test_a_changed_editor_asks_and_cancel_keeps_every_word(
    qtbot: QtBot, filled: Filled, stack: QUndoStack, asked: list[str], how: str
) -> None:
    editor = shown_meeting(qtbot, filled, stack)
    editor.title.end(False)
    qtbot.keyClicks(editor.title, " (P1)")
    answers[0] = ""
    if how == "escape":
        qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    else:
        editor.close()  # the window's close button
    assert asked == ["Meeting — Month-end close outage"]
    assert editor.isVisible()
    assert editor.title.text() == "Month-end close outage (P1)"

    answers[0] = "discard"
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert filled.journal.meetings.get(filled.meeting_ids[0]).title == "Month-end close outage"
    assert for_journal(filled.journal).listing() == []  # discarding drops the draft too


def test_save_when_asked_saves_and_closes(
    qtbot: QtBot, filled: Filled, stack: QUndoStack, asked: list[str]
) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    editor.show()
    editor.need.setPlainText("Close the month two days sooner")
    answers[0] = "save"
    editor.close()
    assert asked == [editor.windowTitle()]
    assert not editor.isVisible()
    assert filled.journal.requests.get(filled.request.id).need == "Close the month two days sooner"
    assert stack.undoText() == "Edit request 'Forecasting dashboard'"


def test_ctrl_s_saves(qtbot: QtBot, filled: Filled, stack: QUndoStack, asked: list[str]) -> None:
    editor = shown_meeting(qtbot, filled, stack)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # shortcuts go to the active window only
    editor.notes.editor.setFocus()
    qtbot.keyClicks(editor.notes.editor, "Root cause found")
    qtbot.keyClick(editor.notes.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert asked == []
    assert "Root cause found" in filled.journal.meetings.get(filled.meeting_ids[0]).notes


def test_a_new_partner_and_person_are_made_inside_the_meeting_editor(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    editor = MeetingEditor(journal, stack)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.new_partner.isVisible()
    editor.partner.setEditText("Northwind Logistics")  # as typed (no completer popup offscreen)
    assert editor.new_partner.isVisible()
    assert editor.new_partner.text() == "Create partner 'Northwind Logistics'"
    qtbot.keyClicks(editor.title, "First call")
    assert not editor.save()  # a name that is no partner's yet is said, not guessed
    assert editor.error_text("partner") == (
        "Partner 'Northwind Logistics' is not a partner yet: create it or pick one"
    )

    editor.new_partner.click()
    northwind = journal.partners.find("Northwind Logistics")
    assert editor.partner.currentData() == northwind.id
    assert not editor.new_partner.isVisible()
    assert stack.undoText() == "Add partner 'Northwind Logistics'"

    editor.new_person.setFocus()
    qtbot.keyClicks(editor.new_person, "Ola Nordmann")
    assert editor.add_person.text() == "Add contact 'Ola Nordmann'"
    qtbot.keyClick(editor.new_person, Qt.Key.Key_Return)  # adds them, not the whole form
    assert editor.isVisible()
    [ola] = journal.contacts.listing(northwind.id)
    assert ola.name == "Ola Nordmann"
    assert editor.attendees.checked_ids() == (ola.id,)
    assert editor.new_person.text() == ""
    assert stack.undoText() == "Add contact 'Ola Nordmann'"

    assert editor.save()
    [meeting] = journal.meetings.of_partner(northwind.id)
    assert meeting.attendee_ids == (ola.id,)
    for _ in range(3):  # each was its own step
        stack.undo()
    assert [p.name for p in journal.partners.listing()] == ["Finance", "Human Resources"]


def test_a_known_name_ticks_the_person_and_a_known_partner_is_picked(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = MeetingEditor(filled.journal, stack)
    qtbot.addWidget(editor)
    editor.partner.setEditText("finance")  # any case
    assert editor.partner.currentData() == filled.finance.id
    assert not editor.new_partner.isVisible()
    qtbot.keyClicks(editor.new_person, filled.anna.name.upper())
    assert not editor.add_person.isVisible()
    qtbot.keyClick(editor.new_person, Qt.Key.Key_Enter)
    assert editor.attendees.checked_ids() == (filled.anna.id,)
    assert [c.name for c in filled.journal.contacts.listing(filled.finance.id)] == ["Anna Berg"]


def test_on_a_short_screen_the_form_scrolls_to_the_field_tab_reaches(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    editor.show()
    editor.resize(editor.minimumSize())  # the smallest a window manager may make it
    qtbot.waitExposed(editor)
    [left] = [area for area in editor.findChildren(QScrollArea) if area.isAncestorOf(editor.tags)]
    assert left.verticalScrollBar().maximum() > 0  # the form is taller than its room
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.title.setFocus()
    while not editor.private.hasFocus():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert left.verticalScrollBar().value() > 0
    assert editor.buttons.isVisible()
