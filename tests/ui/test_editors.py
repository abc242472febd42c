"""The record editors on a real journal: save through commands, inline validation, undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.enums import Focus, Maturity, MeetingType, RequestStatus, Side
from brm_desk.domain.records import Action
from brm_desk.services.drafts import for_journal
from brm_desk.services.journal import Journal
from brm_desk.ui.editors.contact_editor import ContactEditor
from brm_desk.ui.editors.fields import PRIVATE_LOOK, PRIVATE_NOTES
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.editors.request_editor import RequestEditor

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]


def choose(combo: object, data: object) -> None:
    data = getattr(data, "value", data)
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_new_partner_is_added_and_undone(qtbot: QtBot, journal: Journal, stack: QUndoStack) -> None:
    editor = PartnerEditor(journal, stack)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "  Marketing ")
    editor.target.setValue(70)
    choose(editor.maturity, Maturity.ORDER_TAKER)
    assert editor.save()
    [partner] = journal.partners.listing()
    assert (partner.name, partner.target_strategic_share) == ("Marketing", 0.7)
    assert partner.maturity is Maturity.ORDER_TAKER
    assert stack.undoText() == "Add partner 'Marketing'"
    stack.undo()
    assert journal.partners.listing() == []
    assert journal.trash.listing() == []  # undoing an add leaves nothing in the trash
    stack.redo()
    assert journal.partners.get(partner.id) == partner


def test_empty_partner_name_is_refused_inline(
    qtbot: QtBot, journal: Journal, stack: QUndoStack
) -> None:
    editor = PartnerEditor(journal, stack)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.save()
    assert editor.error_text("name") == "Name is required"
    assert editor.rows["name"].error.isVisible()
    assert journal.partners.listing() == []
    assert stack.count() == 0
    qtbot.keyClicks(editor.name, "Sales")
    assert editor.save()
    assert editor.error_text("name") == ""


def test_duplicate_partner_name_is_refused_inline(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = PartnerEditor(filled.journal, stack)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "finance")
    assert not editor.save()
    assert editor.error_text("name") == "Name a partner named 'Finance' already exists"
    assert len(filled.journal.partners.listing()) == 2


def test_partner_edit_keeps_maturity_history_and_undoes(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    before = journal.partners.get(filled.finance.id)
    assessed = journal.assessments.of_partner(filled.finance.id)
    editor = PartnerEditor(journal, stack, before)
    qtbot.addWidget(editor)
    assert "Ad hoc" in editor.history.text()
    choose(editor.maturity, Maturity.TRUSTED_ADVISOR)
    editor.cadence.setValue(14)
    assert editor.save()
    after = journal.partners.get(filled.finance.id)
    assert after.maturity is Maturity.TRUSTED_ADVISOR
    assert after.touch_cadence_days == 14
    latest = journal.assessments.of_partner(filled.finance.id)[-1]
    assert latest.brm_view is Maturity.TRUSTED_ADVISOR
    assert "Trusted advisor" in editor.history.text()
    stack.undo()  # one step: the fields and the assessment together
    assert journal.partners.get(filled.finance.id) == before
    assert journal.assessments.of_partner(filled.finance.id) == assessed
    stack.redo()
    assert journal.partners.get(filled.finance.id) == after
    assert journal.assessments.of_partner(filled.finance.id)[-1] == latest


def test_contact_email_must_be_one(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    editor = ContactEditor(journal, stack, partner_id=filled.hr.id)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "Bo Lind")
    qtbot.keyClicks(editor.email, "bo at example")
    assert not editor.save()
    assert editor.error_text("email") == "E-mail 'bo at example' is not an e-mail address"
    editor.email.setText("bo@example.com")
    choose(editor.stance, "skeptic")
    assert editor.save()
    [bo] = journal.contacts.listing(filled.hr.id)
    assert (bo.email, bo.stance.value) == ("bo@example.com", "skeptic")
    stack.undo()
    assert journal.contacts.listing(filled.hr.id) == []


def test_contact_edit_and_undo(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    editor = ContactEditor(journal, stack, filled.anna)
    qtbot.addWidget(editor)
    editor.role.setText("Chief Financial Officer")
    choose(editor.influence, "high")
    assert editor.save()
    assert journal.contacts.get(filled.anna.id).role == "Chief Financial Officer"
    stack.undo()
    assert journal.contacts.get(filled.anna.id) == filled.anna


def test_meeting_type_sets_focus_until_overridden(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = MeetingEditor(filled.journal, stack, partner_id=filled.finance.id)
    qtbot.addWidget(editor)
    choose(editor.type, MeetingType.VALUE_REVIEW)
    assert editor.focus.currentData() == Focus.STRATEGIC
    choose(editor.type, MeetingType.ESCALATION)
    assert editor.focus.currentData() == Focus.REACTIVE
    choose(editor.focus, Focus.STRATEGIC)
    editor.focus.activated.emit(editor.focus.currentIndex())  # as a user's pick does
    choose(editor.type, MeetingType.STATUS_CHECKIN)
    assert editor.focus.currentData() == Focus.STRATEGIC


def test_meeting_notes_start_from_the_agenda_of_its_type(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = MeetingEditor(filled.journal, stack, partner_id=filled.finance.id)
    qtbot.addWidget(editor)
    choose(editor.type, MeetingType.VALUE_REVIEW)
    assert editor.notes.text().startswith("## Value review")
    choose(editor.type, MeetingType.ESCALATION)
    assert editor.notes.text().startswith("## Escalation")
    editor.notes.set_text("## Escalation\nMy own words")
    choose(editor.type, MeetingType.PLANNING)
    assert editor.notes.text() == "## Escalation\nMy own words"  # typed notes stay


def test_new_meeting_with_attendees_and_actions(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    editor = MeetingEditor(journal, stack, partner_id=filled.finance.id)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title, "Value review Q4")
    choose(editor.type, MeetingType.VALUE_REVIEW)
    editor.attendees.set_checked(filled.anna.id)
    editor.satisfaction.setCurrentIndex(editor.satisfaction.findData(4))
    editor.tags.setText("q4, value, Q4")
    editor.private.setChecked(True)
    editor.actions_table.add_action(Action(text=""))
    table = editor.actions_table.table
    table.item(0, 0).setText("Send the benefits report")
    table.item(0, 3).setText("2026-12-01")
    assert editor.save()
    [meeting] = [
        m for m in journal.meetings.of_partner(filled.finance.id) if m.title.startswith("V")
    ]
    assert meeting.focus is Focus.STRATEGIC
    assert meeting.attendee_ids == (filled.anna.id,)
    assert meeting.satisfaction == 4
    assert meeting.tags == ("q4", "value")
    assert meeting.private
    assert meeting.start.utcoffset() is not None
    assert meeting.notes == ""  # the untouched agenda is not stored as notes
    [action] = meeting.actions
    assert (action.text, action.side, action.due) == (
        "Send the benefits report",
        Side.MINE,
        date(2026, 12, 1),
    )
    stack.undo()
    assert len(journal.meetings.of_partner(filled.finance.id)) == 3


def test_meeting_action_with_a_bad_date_is_refused_inline(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    meeting = filled.journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(filled.journal, stack, meeting)
    qtbot.addWidget(editor)
    editor.actions_table.add_action(Action(text="Call"))
    editor.actions_table.table.item(0, 3).setText("next week")
    assert not editor.save()
    assert editor.error_text("actions").startswith("Follow-ups, row 1 due must be a date")
    assert filled.journal.meetings.get(meeting.id) == meeting


def test_meeting_edit_undo_redo(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    before = journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(journal, stack, before)
    qtbot.addWidget(editor)
    editor.title.setText("Month-end close outage (P1)")
    editor.duration.setValue(75)
    assert editor.save()
    after = journal.meetings.get(before.id)
    assert (after.title, after.duration_minutes) == ("Month-end close outage (P1)", 75)
    assert after.start == before.start
    assert after.start.utcoffset() == before.start.utcoffset()
    stack.undo()
    assert journal.meetings.get(before.id) == before
    stack.redo()
    assert journal.meetings.get(before.id) == after


def test_private_notes_are_a_box_of_their_own_saved_and_undone(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    before = journal.meetings.get(filled.meeting_ids[0])
    editor = MeetingEditor(journal, stack, before)
    qtbot.addWidget(editor)
    assert editor.rows["private_notes"].label == PRIVATE_NOTES
    assert "never exported" in PRIVATE_NOTES
    assert editor.private_notes.styleSheet() == PRIVATE_LOOK != editor.notes.styleSheet()
    assert editor.private_notes.editor.accessibleName() == "Private notes"
    editor.private_notes.set_text("## My read\n\nTomasz blames our vendor management.")
    assert editor.save()
    after = journal.meetings.get(before.id)
    assert after.private_notes == "## My read\n\nTomasz blames our vendor management."
    assert (after.notes, after.private) == (before.notes, before.private)
    stack.undo()
    assert journal.meetings.get(before.id) == before

    request = RequestEditor(journal, stack, filled.request)
    qtbot.addWidget(request)
    assert request.rows["private_notes"].label == PRIVATE_NOTES
    request.private_notes.set_text("Pushed by the sponsor, not the team")
    assert request.save()
    assert journal.requests.get(filled.request.id).private_notes == (
        "Pushed by the sponsor, not the team"
    )


def test_a_draft_keeps_the_private_notes_and_gives_them_back(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal, drafts = filled.journal, for_journal(filled.journal)
    meeting = journal.meetings.get(filled.meeting_ids[0])
    typing = MeetingEditor(journal, stack, meeting)
    qtbot.addWidget(typing)
    typing.private_notes.set_text("My read: the budget is already spent")
    typing.keep_draft()  # what the timer does within a second of typing
    saved = drafts.load(meeting.id)
    assert saved is not None
    assert saved.fields["private_notes"] == "My read: the budget is already spent"

    reopened = MeetingEditor(journal, stack, meeting)
    qtbot.addWidget(reopened)
    reopened.restore(saved)
    assert reopened.private_notes.text() == "My read: the budget is already spent"
    assert reopened.notes.text() == typing.notes.text()
    assert reopened.save()
    assert drafts.load(meeting.id) is None
    assert journal.meetings.get(meeting.id).private_notes == "My read: the budget is already spent"


def test_request_status_offers_only_allowed_moves_and_shows_its_field(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = RequestEditor(filled.journal, stack, filled.request)
    qtbot.addWidget(editor)
    editor.show()
    offered = {editor.status.itemData(i) for i in range(editor.status.count())}
    assert offered == {
        RequestStatus.NEW,
        RequestStatus.DEFERRED,
        RequestStatus.REDIRECTED,
        RequestStatus.REFRAMED,
        RequestStatus.DECLINED,
        RequestStatus.ACCEPTED,
    }
    assert not editor.rows["routed_to"].isVisible()
    choose(editor.status, RequestStatus.REDIRECTED)
    visible = {f for f in editor.rows if editor.rows[f].isVisible()}
    assert "routed_to" in visible
    assert not {"outcome_note", "revisit_on", "delivered_on", "reframed_as"} & visible


def test_redirected_request_needs_routed_to(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    editor = RequestEditor(journal, stack, filled.request)
    qtbot.addWidget(editor)
    choose(editor.status, RequestStatus.REDIRECTED)
    assert not editor.save()
    assert editor.error_text("routed_to") == (
        "Routed to is required when the status is 'redirected'"
    )
    assert journal.requests.get(filled.request.id) == filled.request
    qtbot.keyClicks(editor.routed_to, "Service desk")
    assert editor.save()
    assert journal.requests.get(filled.request.id).routed_to == "Service desk"


def test_request_accepted_can_be_undone_to_new(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    """The workflow has no step back from accepted to new; undo still puts it back."""
    journal = filled.journal
    editor = RequestEditor(journal, stack, filled.request)
    qtbot.addWidget(editor)
    choose(editor.status, RequestStatus.ACCEPTED)
    editor.need.setPlainText("Forecast cash to within 2 %")
    editor.expected_value.setText("120,000")
    editor.meetings.set_checked(filled.meeting_ids[1])
    assert editor.save()
    accepted = journal.requests.get(filled.request.id)
    assert accepted.status is RequestStatus.ACCEPTED
    assert accepted.expected_value_amount == Decimal("120000")
    assert accepted.meeting_ids == (filled.meeting_ids[1],)
    stack.undo()
    assert journal.requests.get(filled.request.id) == filled.request
    stack.redo()
    assert journal.requests.get(filled.request.id) == accepted


def test_new_request_is_added_and_undone(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    editor = RequestEditor(journal, stack, partner_id=filled.hr.id)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title, "Onboarding portal")
    editor.want.setPlainText("A new portal")
    editor.need.setPlainText("New hires productive in week one")
    editor.expected_value.setText("-5")
    assert not editor.save()
    assert editor.error_text("expected_value_amount") == "Expected value cannot be negative"
    editor.expected_value.setText("")
    assert editor.save()
    [request] = journal.requests.of_partner(filled.hr.id)
    assert (request.want, request.received) == ("A new portal", journal.today())
    stack.undo()
    assert journal.requests.of_partner(filled.hr.id) == []


def test_fields_are_named_and_tab_reads_down_the_form(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    editors = [
        PartnerEditor(journal, stack, filled.finance),
        ContactEditor(journal, stack, filled.anna),
        MeetingEditor(journal, stack, journal.meetings.get(filled.meeting_ids[0])),
        RequestEditor(journal, stack, filled.request),
    ]
    for editor in editors:
        qtbot.addWidget(editor)
        for field, row in editor.rows.items():
            if type(row.widget).__name__ != "QWidget":  # a plain container names its parts
                assert row.widget.accessibleName(), (type(editor).__name__, field)
    meeting = editors[2]
    assert isinstance(meeting, MeetingEditor)
    assert next_tab_stop(meeting.tags) is meeting.private
    assert next_tab_stop(meeting.title) is meeting.start.edit
    assert next_tab_stop(meeting.start.edit) is meeting.start.time
    assert next_tab_stop(meeting.private) is meeting.notes.editor
    assert next_tab_stop(meeting.notes.editor) is meeting.private_notes.editor
    assert next_tab_stop(meeting.private_notes.editor) is meeting.actions_table.table


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget`` (labels and containers take no focus)."""
    found = widget.nextInFocusChain()
    while not found.focusPolicy() & Qt.FocusPolicy.TabFocus:
        found = found.nextInFocusChain()
    return found
