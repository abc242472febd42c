"""An empty view says what to do next, and New works wherever that line says to add something."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.services.journal import Journal
from brm_desk.ui.editors.partner_editor import PartnerEditor
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.list_page import ListPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HINTS = {
    "Partners": ("No partners yet. Press Ctrl+Shift+N to add", "&New partner…"),
    "Meetings": ("No meetings yet. Press Ctrl+N to capture one.", None),
    "Requests": ("No requests yet. Press Ctrl+Shift+N to note", "&New request…"),
    "Contacts": ("No contacts yet. Press Ctrl+Shift+N to add", "&New contact…"),
    "Trash": ("The trash is empty.", None),
}


def window_on(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    return window


def shown_hint(page: ListPage) -> str:
    """The line over the table, as seen and as a screen reader hears it."""
    [label] = page.table.viewport().findChildren(QLabel)
    assert label.isVisible() == bool(label.text())
    assert page.table.accessibleDescription() == label.text()
    return label.text()


@pytest.mark.parametrize("view", list(HINTS))
def test_an_empty_list_says_what_to_do_next(qtbot: QtBot, journal: Journal, view: str) -> None:
    window = window_on(qtbot, journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index(view))
    page = window.current_page()
    assert isinstance(page, ListPage)
    hint, new_text = HINTS[view]
    assert shown_hint(page).startswith(hint)
    new_record = window.action("new_record")
    if new_text is None:  # no New here (Ctrl+N is the meetings' own), and the line says so
        assert not (new_record.isEnabled() and new_record.isVisible())
    else:
        assert new_record.isEnabled()
        assert new_record.text() == new_text


def test_the_line_goes_with_the_first_record_and_a_filter_says_it_hides_all(
    qtbot: QtBot, filled: Filled
) -> None:
    window = window_on(qtbot, filled.journal)
    for view in ("Contacts", "Meetings"):
        window.sidebar.setCurrentRow(VIEW_NAMES.index(view))
        page = window.current_page()
        assert isinstance(page, ListPage)
        assert shown_hint(page) == ""
        page.search_box.setText("no such thing anywhere")
        qtbot.waitUntil(lambda page=page: page.table.model().rowCount() == 0)
        assert shown_hint(page) == "Nothing matches the filter."


def test_the_empty_dashboard_offers_a_new_partner(qtbot: QtBot, journal: Journal) -> None:
    window = window_on(qtbot, journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.busy())
    assert "Press Ctrl+Shift+N to add your first partner" in page.summary.text()
    new_record = window.action("new_record")
    assert new_record.isEnabled()
    assert new_record.text() == "&New partner…"
    new_record.trigger()
    editor = window.record_actions.editor
    assert isinstance(editor, PartnerEditor)
    editor.reject()
