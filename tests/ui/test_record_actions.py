"""Editing through the main window: open, new, delete, Ctrl+N, undo and redo, drafts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.enums import MeetingType
from brm_desk.services.drafts import (
    NEW_MEETING,
    Draft,
    drafts_dir,
    for_journal,
    plain_drafts_dir,
)
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import drafts_offer, messages
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.contact_editor import ContactEditor
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.list_page import ListPage, PagedListPage
from brm_desk.ui.views.trash import TrashPage

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]


def open_window(qtbot: QtBot, journal: Journal, view: str) -> tuple[MainWindow, ListPage]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index(view))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    page = window.current_page()
    assert isinstance(page, ListPage)
    return window, page


def row_of(page: ListPage, text: str) -> QModelIndex:
    model = page.table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if model.index(row, column).data() == text:
                return model.index(row, column)
    raise AssertionError(f"no row shows {text!r}")


def select(page: ListPage, text: str) -> None:
    index = row_of(page, text)
    page.table.setFocus()
    page.table.setCurrentIndex(index)


def current_editor(window: MainWindow) -> RecordEditor:
    editor = window.record_actions.editors[-1]
    assert editor.isVisible()
    return editor


def click_save(editor: RecordEditor) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    button.click()


ON_THE_SELECTED = {
    "Partners": ("open", "delete", "prep_brief", "stakeholder_map", "maturity", "new_pulse"),
    "Meetings": ("open", "delete"),
    "Requests": ("open", "delete", "redirect_request", "defer_request", "accept_request"),
    "Contacts": ("open", "delete"),
}
"""What acts on the selected record of each list: off while nothing is selected."""


@pytest.mark.parametrize("view", ON_THE_SELECTED)
def test_what_acts_on_a_record_is_off_until_one_is_selected(
    qtbot: QtBot, filled: Filled, view: str
) -> None:
    window, page = open_window(qtbot, filled.journal, view)
    names = ON_THE_SELECTED[view]
    page.table.clearSelection()
    assert page.table.model().rowCount() > 0
    assert not any(window.action(name).isEnabled() for name in names)
    assert not any(action.isEnabled() for action in page.table.actions())  # its context menu
    page.table.selectRow(0)
    assert all(window.action(name).isEnabled() for name in names)
    assert all(action.isEnabled() for action in page.table.actions())
    page.search_box.setText("matches nothing at all")  # the filter hides the selected row
    if isinstance(page, PagedListPage):
        qtbot.waitUntil(lambda: page.table.model().rowCount() == 0)
    assert not any(window.action(name).isEnabled() for name in names)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    assert not any(window.action(name).isEnabled() for name in names)


def test_enter_opens_a_partner_and_the_edit_undoes(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Partners")
    select(page, "Finance")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = current_editor(window)
    assert isinstance(editor, PartnerEditor)
    assert editor.windowTitle() == "Partner — Finance"
    editor.sponsor.setText("Maria Koch")
    click_save(editor)
    assert journal.partners.get(filled.finance.id).sponsor == "Maria Koch"
    assert row_of(page, "Maria Koch").isValid()  # the list refreshed
    assert window.action("undo").text() == "&Undo Edit partner 'Finance'"

    window.action("undo").trigger()
    assert journal.partners.get(filled.finance.id).sponsor == ""
    with pytest.raises(AssertionError):
        row_of(page, "Maria Koch")
    window.action("redo").trigger()
    assert journal.partners.get(filled.finance.id).sponsor == "Maria Koch"


def test_delete_key_moves_a_meeting_to_the_trash_and_undo_restores_it(
    qtbot: QtBot, filled: Filled
) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Meetings")
    assert page.table.model().rowCount() == 4
    select(page, "Budget planning 2027")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.table.model().rowCount() == 3
    [item] = journal.trash.listing()
    assert (item.kind, item.title) == ("meeting", "Budget planning 2027")
    assert "Undo brings it back" in window.statusBar().currentMessage()

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.table.model().rowCount() == 4
    assert journal.trash.listing() == []
    window.action("redo").trigger()
    assert page.table.model().rowCount() == 3


@pytest.mark.parametrize(
    ("view", "title"),
    [("Contacts", "Anna Berg"), ("Requests", "Forecasting dashboard")],
)
def test_delete_and_undo_contacts_and_requests(
    qtbot: QtBot, filled: Filled, view: str, title: str
) -> None:
    window, page = open_window(qtbot, filled.journal, view)
    select(page, title)
    window.action("delete").trigger()
    assert page.table.model().rowCount() == 0
    window.shell.undo_stack.undo()
    assert row_of(page, title).isValid()


def test_new_record_of_the_current_list(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Contacts")
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.hr.id))
    assert window.action("new_record").text() == "&New contact…"
    window.action("new_record").trigger()
    editor = current_editor(window)
    assert isinstance(editor, ContactEditor)
    assert editor.partner.currentData() == filled.hr.id
    qtbot.keyClicks(editor.name, "Jon Holm")
    click_save(editor)
    assert [c.name for c in journal.contacts.listing(filled.hr.id)] == ["Jon Holm"]
    assert row_of(page, "Jon Holm").isValid()
    window.shell.undo_stack.undo()
    assert journal.contacts.listing(filled.hr.id) == []


def test_ctrl_n_captures_a_meeting_for_the_partner_in_view(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Partners")
    select(page, "Human Resources")
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = current_editor(window)
    assert isinstance(editor, MeetingEditor)
    assert editor.windowTitle() == "New meeting"
    assert editor.partner.currentData() == filled.hr.id
    qtbot.keyClicks(editor.title, "Coffee with the CHRO")
    editor.type.setCurrentIndex(editor.type.findData(MeetingType.ONE_TO_ONE.value))
    click_save(editor)
    [meeting] = [m for m in journal.meetings.of_partner(filled.hr.id) if m.title.startswith("Co")]
    assert meeting.type is MeetingType.ONE_TO_ONE
    assert window.action("new_meeting").shortcut().toString() == "Ctrl+N"


def test_notes_draft_is_written_soon_and_offered_back(
    qtbot: QtBot, filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = filled.journal
    meeting_id = filled.meeting_ids[0]
    window, page = open_window(qtbot, journal, "Meetings")
    select(page, "Month-end close outage")
    editor = window.record_actions.open_selected()
    assert isinstance(editor, MeetingEditor)
    draft_file = plain_drafts_dir(journal.path) / f"{meeting_id}.json"
    editor.notes.editor.setFocus()
    qtbot.keyClicks(editor.notes.editor, "Root cause: the batch job")
    assert not draft_file.exists()  # not at each key
    qtbot.waitUntil(draft_file.exists, timeout=2000)
    draft = for_journal(journal).load(meeting_id)
    assert draft is not None
    assert draft.fields["notes"].endswith("Root cause: the batch job")

    editor.hide()  # a crash: the editor never saved nor cancelled
    editor.deleteLater()
    asked: list[str] = []

    def answer(_parent: object, left: drafts_offer.Left) -> str:
        asked.append(drafts_offer.summary(left))
        return "restore"

    monkeypatch.setattr(drafts_offer, "ask", answer)
    window.record_actions.offer_drafts()  # what the next start does
    again = current_editor(window)
    assert isinstance(again, MeetingEditor)
    assert again.record is not None
    assert again.record.id == meeting_id
    [text] = asked
    assert text.startswith("1 unsaved edit from ")
    assert text.endswith(": 'Month-end close outage' (meeting)")
    assert again.notes.text().endswith("Root cause: the batch job")
    click_save(again)
    assert journal.meetings.get(meeting_id).notes.endswith("Root cause: the batch job")
    assert not draft_file.exists()


def test_a_declined_draft_is_discarded(
    qtbot: QtBot, filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = for_journal(filled.journal)
    drafts.save(Draft(NEW_MEETING, "meeting", datetime.now(UTC), {"notes": "half a thought"}))
    monkeypatch.setattr(drafts_offer, "ask", lambda *_args: "discard")
    window, _page = open_window(qtbot, filled.journal, "Meetings")
    window.record_actions.offer_drafts()
    assert window.record_actions.editors == []
    editor = window.record_actions.quick_capture()
    assert isinstance(editor, MeetingEditor)
    assert "half a thought" not in editor.notes.text()
    assert drafts.load(NEW_MEETING) is None


def test_drafts_folder_is_in_the_data_folder(private_data_dir: Path) -> None:
    assert drafts_dir().is_relative_to(private_data_dir)


def test_restore_from_trash_is_undoable(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Meetings")
    select(page, "Weekly check-in")
    window.action("delete").trigger()
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Trash"))
    trash = window.current_page()
    assert isinstance(trash, TrashPage)
    trash.table.selectRow(0)
    trash.restore_button.click()
    assert journal.trash.listing() == []
    assert trash.model.rowCount() == 0
    assert window.shell.undo_stack.undoText() == "Restore meeting 'Weekly check-in'"
    window.action("undo").trigger()
    assert trash.model.rowCount() == 1
    window.action("undo").trigger()  # and the delete before it
    assert journal.trash.listing() == []
    assert journal.meetings.get(filled.meeting_ids[2]).title == "Weekly check-in"


def test_delete_key_deletes_only_from_the_list(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    window, page = open_window(qtbot, journal, "Contacts")
    select(page, "Anna Berg")
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Delete)
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "ann")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Home)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Delete)
    assert page.search_box.text() == "nn"
    assert journal.trash.listing() == []


def test_dashboard_opens_a_partner_and_quick_capture_picks_it(qtbot: QtBot, filled: Filled) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(filled.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.busy())
    index = next(
        page.proxy.index(r, 0)
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data() == "Human Resources"
    )
    page.table.setCurrentIndex(index)
    editor = window.record_actions.quick_capture()
    assert isinstance(editor, MeetingEditor)
    assert editor.partner.currentData() == filled.hr.id
    editor.done(0)
    page.table.activated.emit(index)
    assert isinstance(current_editor(window), PartnerEditor)


def test_a_partner_made_in_quick_capture_is_named_in_the_edit_menu(
    qtbot: QtBot, filled: Filled
) -> None:
    window, _page = open_window(qtbot, filled.journal, "Meetings")
    editor = window.record_actions.quick_capture()
    assert isinstance(editor, MeetingEditor)
    editor.partner.setEditText("Northwind")
    editor.new_partner.click()
    assert window.action("undo").text() == "&Undo Add partner 'Northwind'"
    assert editor.isVisible()  # the meeting is still being written
    editor.done(0)


def test_a_draft_an_older_version_left_is_offered_too(
    qtbot: QtBot, filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = drafts_dir()  # where drafts of every journal went before they had folders
    shared.mkdir(parents=True)
    old = {"key": NEW_MEETING, "saved_at": "2026-11-24T10:00:00+00:00", "text": "typed before"}
    (shared / f"{NEW_MEETING}.json").write_text(json.dumps(old), encoding="utf-8")
    monkeypatch.setattr(drafts_offer, "ask", lambda *_args: "restore")
    window, _page = open_window(qtbot, filled.journal, "Meetings")
    window.record_actions.offer_drafts()
    editor = current_editor(window)
    assert isinstance(editor, MeetingEditor)
    assert editor.notes.text() == "typed before"
    assert list(shared.glob("*.json")) == []
    editor.done(0)


def test_deleting_a_partner_asks_first_naming_what_goes_with_it(
    qtbot: QtBot, filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = filled.journal
    asked: list[str] = []
    answers = [False, True]

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(messages, "confirm", answer)
    window, page = open_window(qtbot, journal, "Partners")
    select(page, "Finance")
    window.action("delete").trigger()
    assert "with its 3 meetings, 1 request, 1 contact and 1 maturity assessment?" in asked[0]
    assert "Finance" in [p.name for p in journal.partners.listing()]  # No: nothing moved

    select(page, "Finance")
    window.action("delete").trigger()
    assert [p.name for p in journal.partners.listing()] == ["Human Resources"]
    [item] = journal.trash.listing()
    assert (item.kind, item.items) == ("partner", 7)
    assert journal.assessments.of_partner(filled.finance.id) == ()
    window.action("undo").trigger()  # everything comes back with the partner
    assert len(journal.assessments.of_partner(filled.finance.id)) == 1
    assert len(journal.meetings.of_partner(filled.finance.id)) == 3
    assert journal.contacts.listing(filled.finance.id) == [filled.anna]
    assert journal.requests.of_partner(filled.finance.id) == [filled.request]
