"""The contact page: reached from every place a name appears, links to what the person did."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.enums import Side, Stance
from brm_desk.domain.records import Action
from brm_desk.ui.commands import DeleteRecord
from brm_desk.ui.editors.contact_editor import ContactEditor
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.request_editor import RequestEditor
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.contact_page import ContactPageWindow
from brm_desk.ui.views.contacts import ContactsPage
from brm_desk.ui.views.partners import PartnersPage

pytestmark = pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)")


@pytest.fixture
def window(qtbot: QtBot, filled: Filled) -> MainWindow:
    """The window on a journal where Anna attended two meetings and raised the request."""
    journal = filled.journal
    anna = filled.anna.id
    outage, planning = (journal.meetings.get(i) for i in filled.meeting_ids[:2])
    owed = (Action("Send the root cause", Side.MINE), Action("Confirm the budget", Side.PARTNER))
    journal.meetings.update(replace(outage, attendee_ids=(anna,), actions=owed))
    journal.meetings.update(replace(planning, attendee_ids=(anna,)))
    journal.requests.update(replace(filled.request, raised_by_id=anna))
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.set_journal(journal)
    return main


def page_text(page: ContactPageWindow) -> str:
    return page.browser.toPlainText()


def open_from_list(qtbot: QtBot, window: MainWindow) -> ContactPageWindow:
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Contacts"))
    contacts = window.current_page()
    assert isinstance(contacts, ContactsPage)
    contacts.table.setCurrentIndex(contacts.proxy.index(0, 0))
    qtbot.keyClick(contacts.table, Qt.Key.Key_Return)
    [page] = window.contact_pages.values()
    qtbot.addWidget(page)
    return page


def test_enter_on_a_contact_opens_their_page(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    page = open_from_list(qtbot, window)
    assert page.isVisible()
    assert page.parentWidget() is None  # an editor open over the journal never blocks it
    assert page.windowTitle() == "Anna Berg — contact"
    text = page_text(page)
    assert "CFO · Finance" in text
    assert "Last touch: 10 Nov 2026 (14 days ago), Budget planning 2027" in text
    for line in ("Send the root cause", "Confirm the budget", "Forecasting dashboard"):
        assert line in text
    assert text.index("Budget planning 2027") < text.index("Month-end close outage")
    assert "Champion" in text  # the BRM's own view shows the stance
    assert "Weekly check-in" not in text  # a meeting Anna did not attend
    # Read, never copied out: the page offers links, not selection.
    flags = page.browser.textInteractionFlags()
    assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert open_from_list(qtbot, window) is page  # one window a person


def test_links_open_the_records_and_a_change_shows_at_once(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    page = open_from_list(qtbot, window)
    page.browser.anchorClicked.emit(QUrl(f"request:{filled.request.id}"))
    editor = window.record_actions.editor
    assert isinstance(editor, RequestEditor)
    assert editor.record == filled.journal.requests.get(filled.request.id)
    page.browser.anchorClicked.emit(QUrl(f"meeting:{filled.meeting_ids[0]}"))
    assert window.record_actions.editor is editor  # one editor at a time
    editor.reject()

    [edit, _refresh, _close] = page.findChild(type(window.toolbar)).actions()
    edit.trigger()
    contact_editor = window.record_actions.editor
    assert isinstance(contact_editor, ContactEditor)
    contact_editor.stance.setCurrentIndex(contact_editor.stance.findData(Stance.SKEPTIC.value))
    save = contact_editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    save.click()
    assert "Skeptic" in page_text(page)  # the same day: the change replaces today's step
    window.action("undo").trigger()
    assert "Skeptic" not in page_text(page)

    contact = filled.journal.contacts.get(filled.anna.id)
    assert window.record_actions.run(DeleteRecord(filled.journal, contact))
    assert not page.isVisible()


def test_the_page_closes_with_its_journal(qtbot: QtBot, window: MainWindow) -> None:
    page = open_from_list(qtbot, window)
    window.set_journal(None)
    assert not page.isVisible()
    qtbot.waitUntil(lambda: window.contact_pages == {})  # deleted, and forgotten


def test_a_name_in_the_prep_brief_opens_the_page(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    partners = window.current_page()
    assert isinstance(partners, PartnersPage)
    partners.table.setCurrentIndex(partners.proxy.index(0, 0))
    brief = partners.open_prep_brief()
    assert brief is not None
    qtbot.addWidget(brief)
    qtbot.waitUntil(lambda: brief.brief is not None)
    assert f'href="contact:{filled.anna.id}"' in brief.html()
    brief.browser.anchorClicked.emit(QUrl(f"contact:{filled.anna.id}"))
    assert list(window.contact_pages) == [filled.anna.id]
    qtbot.addWidget(window.contact_pages[filled.anna.id])


def test_an_editor_offers_the_page_of_its_attendees_and_raiser(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    editor = window.record_actions.open_record("meeting", filled.meeting_ids[0])
    assert isinstance(editor, MeetingEditor)
    editor.attendees.setCurrentRow(0)
    [action] = [a for a in editor.attendees.actions() if a.text() == "Open contact page"]
    action.trigger()
    page = window.contact_pages[filled.anna.id]
    qtbot.addWidget(page)
    page.close()
    editor.reject()

    editor = window.record_actions.open_record("request", filled.request.id)
    assert isinstance(editor, RequestEditor)
    [action] = [a for a in editor.raised_by.actions() if a.text() == "Open contact page"]
    action.trigger()
    assert list(window.contact_pages) == [filled.anna.id]
    qtbot.addWidget(window.contact_pages[filled.anna.id])
    editor.reject()
