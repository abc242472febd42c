"""The calendar inbox in the window: events from a real feed wait there, one key files, changes
or ignores them (Ctrl+A for all), Undo brings them back, and the sidebar counts what waits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Partner
from brm_desk.services.calendar_inbox import waiting_count
from brm_desk.services.calendar_sources import add_source, sources
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.calendar_sources import CalendarSourcesDialog
from brm_desk.ui.dialogs.inbox_filing import FilingDialog
from brm_desk.ui.help import shortcuts_html
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.calendar_inbox import InboxPage
from calendar_servers import PASSWORD, USER, CalDavServer, Feed, event

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
INBOX = VIEW_NAMES.index("Inbox")


@pytest.fixture
def finance(journal: Journal) -> Partner:
    return journal.partners.add(Partner(id="", name="Finance"))


def open_inbox(qtbot: QtBot, journal: Journal) -> tuple[MainWindow, InboxPage]:
    """The window on the journal, its calendars read once, the inbox in view and focused."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.calendar_refresh.sig_done, timeout=30_000):
        window.set_journal(journal)
    window.sidebar.setCurrentRow(INBOX)
    page = window.pages[INBOX]
    assert isinstance(page, InboxPage)
    page.table.setFocus()
    return window, page


def sidebar_text(window: MainWindow) -> str:
    return window.sidebar.item(INBOX).text()


def titles(journal: Journal, partner: Partner) -> list[str]:
    return sorted(m.title for m in journal.meetings.of_partner(partner.id))


def test_f_files_one_event_and_undo_brings_it_back(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(
        event("a", "Weekly sync", "20261201T090000Z"),
        event("b", "QBR", "20261202T090000Z"),
        event("c", "Roadmap", "20261203T090000Z"),
    )
    add_source(journal, feed.url, "Finance")
    window, page = open_inbox(qtbot, journal)
    assert sidebar_text(window) == "Inbox (3)"
    assert page.proxy.rowCount() == 3
    assert page.proxy.index(0, 1).data() == "Weekly sync"
    assert page.proxy.index(0, 2).data() == "Finance"

    qtbot.keyClick(page.table, Qt.Key.Key_F)

    assert titles(journal, finance) == ["Weekly sync"]
    assert sidebar_text(window) == "Inbox (2)"
    assert page.proxy.index(0, 1).data() == "QBR"  # the cursor on the next one
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert titles(journal, finance) == ["QBR", "Weekly sync"]

    window.shell.undo_stack.undo()
    window.shell.undo_stack.undo()
    assert titles(journal, finance) == []
    assert sidebar_text(window) == "Inbox (3)"
    window.shell.undo_stack.redo()
    assert titles(journal, finance) == ["Weekly sync"]


def test_ctrl_a_then_enter_files_the_whole_week(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(*(event(f"e{d}", f"Meeting {d}", f"202612{d:02d}T090000Z") for d in range(1, 8)))
    add_source(journal, feed.url, "Finance")
    window, page = open_inbox(qtbot, journal)

    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    assert len(titles(journal, finance)) == 7
    assert waiting_count(journal) == 0
    assert sidebar_text(window) == "Inbox"
    assert window.shell.undo_stack.undoText() == "File 7 calendar events"
    window.shell.undo_stack.undo()
    assert waiting_count(journal) == 7


def test_no_guess_is_said_inline_and_i_ignores(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(
        event("d", "Dentist", "20261201T090000Z"), event("w", "Finance sync", "20261202T090000Z")
    )
    add_source(journal, feed.url)
    window, page = open_inbox(qtbot, journal)
    assert page.proxy.index(0, 2).data() == "no guess"

    qtbot.keyClick(page.table, Qt.Key.Key_F)
    assert page.message.isVisible()
    assert page.message.text() == "'Dentist' has no partner guess: choose one (C) to file it"
    assert titles(journal, finance) == []

    qtbot.keyClick(page.table, Qt.Key.Key_I)
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 1).data() == "Finance sync"
    assert sidebar_text(window) == "Inbox (1)"
    window.shell.undo_stack.undo()
    assert page.proxy.rowCount() == 2


def test_c_changes_the_guess_then_files_and_the_rule_is_learned(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    feed.publish(
        event("a", "Hiring plan 12/01", "20261201T090000Z"),
        event("b", "Hiring plan 12/08", "20261208T090000Z"),
    )
    add_source(journal, feed.url, "Finance")
    _window, page = open_inbox(qtbot, journal)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FilingDialog)
        dialog.partner.setCurrentIndex(dialog.partner.findData(hr.id))
        dialog.type.setCurrentIndex(dialog.type.findData(MeetingType.PLANNING.value))
        assert dialog.focus.currentData() == Focus.STRATEGIC.value  # the type's focus
        dialog.accept()

    QTimer.singleShot(0, choose)
    qtbot.keyClick(page.table, Qt.Key.Key_C)

    [meeting] = journal.meetings.of_partner(hr.id)
    assert (meeting.title, meeting.type) == ("Hiring plan 12/01", MeetingType.PLANNING)
    assert page.proxy.index(0, 2).data() == "HR (learned)"  # the next of that title
    assert page.proxy.index(0, 3).data() == "Planning, strategic"


def test_the_filing_dialog_asks_for_a_partner_inline(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(event("d", "Dentist", "20261201T090000Z"))
    add_source(journal, feed.url)
    _window, page = open_inbox(qtbot, journal)
    dialog = FilingDialog(journal.partners.listing(), page.selected_items())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.partner.currentIndex() == -1
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "Choose the partner to file with."
    dialog.partner.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() == FilingDialog.DialogCode.Accepted
    assert [f.partner_id for f in dialog.filings()] == [finance.id]


def test_the_buttons_act_on_the_selected_events_only(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(event("a", "Weekly sync", "20261201T090000Z"))
    add_source(journal, feed.url, "Finance")
    _window, page = open_inbox(qtbot, journal)
    assert page.proxy.rowCount() == 1
    page.table.clearSelection()
    assert not any(button.isEnabled() for button in page.buttons)
    qtbot.keyClick(page.table, Qt.Key.Key_F)  # the key says why it did nothing
    assert page.message.text() == "Select the events to file (Ctrl+A: all of them)."
    page.table.selectRow(0)
    assert all(button.isEnabled() for button in page.buttons)


def test_f1_lists_the_inbox_keys() -> None:
    html = shortcuts_html()
    assert "Calendar inbox" in html
    assert "Ignore the selected events: they never return" in html


def test_the_sources_dialog_adds_refreshes_and_removes(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed.publish(event("a", "Weekly sync", "20261201T090000Z"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_journal(journal)  # no source yet: no refresh
    dialog = CalendarSourcesDialog(journal, window.calendar_refresh, window)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.url.setText("ftp://example.com/cal.ics")
    dialog.add()
    assert (
        dialog.problem.text()
        == "'ftp://example.com/cal.ics': must start with https:// or webcal://"
    )
    assert sources(journal) == []

    dialog.url.setText(feed.url)
    dialog.partner.setCurrentIndex(dialog.partner.findData("Finance"))
    dialog.add()
    assert dialog.problem.isHidden()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "Finance"
    assert dialog.model.index(0, 3).data() == "never"

    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.calendar_refresh.sig_done, timeout=30_000):
        dialog.refresh_button.click()
    assert dialog.model.index(0, 3).data().endswith("UTC")
    assert waiting_count(journal) == 1
    assert sidebar_text(window) == "Inbox (1)"

    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    dialog.remove_button.click()
    assert dialog.model.rowCount() == 0
    assert waiting_count(journal) == 0


def test_a_refresh_keeps_the_selection_and_the_focus(
    qtbot: QtBot, journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(*(event(f"e{d}", f"Meeting {d}", f"202612{d:02d}T090000Z") for d in range(1, 5)))
    add_source(journal, feed.url, "Finance")
    window, page = open_inbox(qtbot, journal)
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    page.search_box.setFocus()
    feed.publish(*(event(f"e{d}", f"Meeting {d}", f"202612{d:02d}T090000Z") for d in range(1, 6)))

    with qtbot.waitSignal(window.calendar_refresh.sig_done, timeout=30_000):
        window.calendar_refresh.refresh()

    assert [item.title for item in page.selected_items()] == ["Meeting 2", "Meeting 3"]
    assert page.search_box.hasFocus()
    assert page.proxy.rowCount() == 5


def test_a_caldav_calendar_is_added_with_its_password_in_the_keyring(
    qtbot: QtBot, journal: Journal, finance: Partner, radicale: CalDavServer, file_keyring: None
) -> None:
    import keyring

    from brm_desk.services.calendar_sources import KEYRING_SERVICE

    dialog = CalendarSourcesDialog(journal)
    qtbot.addWidget(dialog)
    dialog.url.setText(radicale.calendar_url)
    dialog.user.setText(USER)
    dialog.add()
    assert dialog.problem.text() == "a CalDAV calendar needs its password"

    dialog.password.setText(PASSWORD)
    dialog.add()
    assert dialog.problem.isHidden()
    assert dialog.model.index(0, 1).data() == f"{radicale.calendar_url} (CalDAV, {USER})"
    assert dialog.password.text() == ""  # not kept in the form either
    assert keyring.get_password(f"{KEYRING_SERVICE} {radicale.calendar_url}", USER) == PASSWORD
