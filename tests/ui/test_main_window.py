"""The main window on a real journal: title, navigation, counts, remembered state."""

from __future__ import annotations

import grimp
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.services.journal import Journal
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.trash import TrashPage

# The offscreen platform cannot size windows to hints, and says so on every show().
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def open_window(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    return window


def test_title_names_the_journal(qtbot: QtBot, journal: Journal) -> None:
    window = open_window(qtbot, journal)
    assert window.windowTitle() == f"BRM Desk — {journal.name}"


def test_window_shows_before_a_journal_is_open(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "BRM Desk"
    assert not window.sidebar.isEnabled()


def test_sidebar_switches_views(qtbot: QtBot, filled: Filled) -> None:
    window = open_window(qtbot, filled.journal)
    assert [window.sidebar.item(r).text() for r in range(window.sidebar.count())] == list(
        VIEW_NAMES
    )
    assert isinstance(window.stack.currentWidget(), DashboardPage)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Meetings"))
    page = window.stack.currentWidget()
    assert isinstance(page, MeetingsPage)
    assert page.model.rowCount() == 4
    window.action("trash").trigger()
    assert isinstance(window.stack.currentWidget(), TrashPage)
    assert window.current_view() == "Trash"


def test_status_bar_counts(qtbot: QtBot, filled: Filled) -> None:
    window = open_window(qtbot, filled.journal)
    assert window.counts_label.text() == "2 active partners · 4 meetings · 1 request"


def test_geometry_and_last_view_are_remembered(qtbot: QtBot, filled: Filled) -> None:
    window = open_window(qtbot, filled.journal)
    window.resize(700, 500)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Contacts"))
    window.close()
    assert QSettings().value("main/view") == "Contacts"

    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    again.set_journal(Journal.open(filled.journal.path))
    assert again.current_view() == "Contacts"
    assert again.stack.currentIndex() == VIEW_NAMES.index("Contacts")


def test_a_deferred_window_shows_its_frame_first_and_finishes_once(qtbot: QtBot) -> None:
    """At start-up the frame paints before the actions exist; finish() fills the menus."""
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    assert [menu.title() for menu in window.menuBar().findChildren(QMenu)] == [
        "&File",
        "&Edit",
        "&View",
        "&Partner",
        "&Help",
    ]
    assert window.menus["File"].actions() == []
    assert not hasattr(window, "record_actions")
    window.finish()
    texts = [action.text() for action in window.menus["File"].actions()]
    assert "&Quit" in texts
    assert window.toolbar.actions()
    count = len(window.menus["File"].actions())
    window.finish()  # a second call changes nothing
    assert len(window.menus["File"].actions()) == count


def test_only_the_app_knows_the_main_window() -> None:
    """The parts of the window take its Shell; none imports the window (no import cycle)."""
    graph = grimp.build_graph("brm_desk", cache_dir=None)
    assert graph.find_modules_that_directly_import("brm_desk.ui.main_window") == {"brm_desk.ui.app"}
