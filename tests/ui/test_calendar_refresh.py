"""The window refreshes calendar sources in the background and says a failure once."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Partner
from brm_desk.services.calendar_inbox import waiting
from brm_desk.services.calendar_sources import add_source
from brm_desk.services.journal import Journal
from brm_desk.ui.main_window import MainWindow
from calendar_servers import Feed, event, free_port

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def open_window(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.calendar_refresh.sig_done, timeout=30_000):
        window.set_journal(journal)
    return window


def test_a_journal_opens_and_its_feed_is_read_without_blocking(
    qtbot: QtBot, journal: Journal, feed: Feed
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    feed.publish(event("a", "Weekly sync", "20261201T090000Z"))
    add_source(journal, feed.url, "Finance")

    window = open_window(qtbot, journal)

    assert [item.title for item in waiting(journal)] == ["Weekly sync"]
    assert journal.meetings.of_partner(finance.id) == []  # it waits in the inbox
    assert window.statusBar().currentMessage() == "1 new calendar event in the Inbox, to file"


def test_a_failing_source_is_said_once_in_the_status_bar(qtbot: QtBot, journal: Journal) -> None:
    journal.partners.add(Partner(id="", name="Finance"))
    add_source(journal, f"http://127.0.0.1:{free_port()}/gone.ics", "Finance")

    window = open_window(qtbot, journal)
    said = window.statusBar().currentMessage()
    assert said == "Calendar 1 could not be refreshed: cannot reach the server (Connection refused)"

    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.calendar_refresh.sig_done, timeout=30_000):
        window.calendar_refresh.refresh()
    assert window.statusBar().currentMessage() == ""  # the same problem: not said again


def test_a_journal_without_sources_starts_no_refresh(qtbot: QtBot, journal: Journal) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.assertNotEmitted(window.calendar_refresh.sig_done, wait=200):
        window.set_journal(journal)
