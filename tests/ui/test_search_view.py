"""The search view: results as you type with highlighted snippets, filters, Enter opens."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from ui_data import TZ, Filled, type_day

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Meeting
from brm_desk.domain.search import SearchHit
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.models.search import HIT_ROLE, HTML_ROLE, META_ROLE
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.search import SearchPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, filled: Filled) -> MainWindow:
    journal = filled.journal
    for partner, day, notes in (
        (filled.finance, 18, "Rolling forecast: drivers agreed with FP&A."),
        (filled.hr, 19, "Headcount forecast <draft> shared; 'no surprises' please."),
    ):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=partner.id,
                title=f"Forecast review {day}",
                start=datetime(2026, 11, day, 10, 0, tzinfo=TZ),
                type=MeetingType.PLANNING,
                focus=Focus.STRATEGIC,
                notes=notes,
            )
        )
    shown = MainWindow()
    qtbot.addWidget(shown)
    shown.show()
    shown.set_journal(journal)
    return shown  # closing it waits for a search still running


def search_page(window: MainWindow) -> SearchPage:
    page = window.pages[VIEW_NAMES.index("Search")]
    assert isinstance(page, SearchPage)
    return page


def hits(page: SearchPage) -> list[SearchHit]:
    return [page.model.index(r, 0).data(HIT_ROLE) for r in range(page.model.rowCount())]


def type_and_wait(qtbot: QtBot, page: SearchPage, text: str, rows: int) -> None:
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, text)
    qtbot.waitUntil(lambda: page.model.rowCount() == rows and not page.busy())


def test_ctrl_f_shows_the_search_view_with_its_box_focused(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sidebar.setCurrentRow(1)
    window.activateWindow()
    assert (
        window.action("find").shortcut().matches(Qt.Key.Key_F | Qt.KeyboardModifier.ControlModifier)
    )
    window.action("find").trigger()
    page = search_page(window)
    assert window.current_view() == "Search"
    qtbot.waitUntil(lambda: page.search_box.hasFocus())


def test_results_appear_as_you_type_with_highlighted_snippets(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = search_page(window)
    window.action("find").trigger()
    type_and_wait(qtbot, page, "forecast", 3)
    found = hits(page)
    assert {hit.kind for hit in found} == {"meeting"} | ({"request"} & {h.kind for h in found})
    html_texts = [page.model.index(r, 0).data(HTML_ROLE) for r in range(3)]
    assert any("<b>forecast</b>" in text.lower() for text in html_texts)
    hr = next(r for r in range(3) if "Headcount" in page.model.index(r, 0).data(HTML_ROLE))
    assert "&lt;draft&gt;" in page.model.index(hr, 0).data(HTML_ROLE)
    assert "Human Resources" in page.model.index(hr, 0).data(META_ROLE)
    assert page.status.text() == "3 results"
    assert not page.results.grab().isNull()


def test_filters_narrow_the_results(qtbot: QtBot, window: MainWindow, filled: Filled) -> None:
    page = search_page(window)
    type_and_wait(qtbot, page, "forecast", 3)
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.hr.id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.busy())
    assert hits(page)[0].title == "Forecast review 19"
    page.partner_box.setCurrentIndex(0)
    page.kind_box.setCurrentIndex(page.kind_box.findData("request"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.busy())
    assert hits(page)[0].id == filled.request.id
    page.kind_box.setCurrentIndex(0)
    page.focus_box.setCurrentIndex(page.focus_box.findData(Focus.STRATEGIC.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.busy())
    page.dates_box.setCurrentIndex(page.dates_box.count() - 1)
    type_day(qtbot, page.from_edit, "2026-11-18")
    type_day(qtbot, page.to_edit, "2026-11-18")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.busy())
    assert hits(page)[0].title == "Forecast review 18"


def test_nothing_typed_shows_a_hint_and_no_results(qtbot: QtBot, window: MainWindow) -> None:
    page = search_page(window)
    type_and_wait(qtbot, page, "forecast", 3)
    page.search_box.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "Type to search" in page.status.text()
    type_and_wait(qtbot, page, "zzzznothing", 0)
    assert page.status.text() == "No results"


def test_a_short_word_says_a_third_letter_completes_it(qtbot: QtBot, window: MainWindow) -> None:
    page = search_page(window)
    type_and_wait(qtbot, page, "fo", 0)
    assert (
        page.status.text() == "No results · type a third letter to find words that start with “fo”"
    )
    qtbot.keyClicks(page.search_box, "r")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.busy())
    assert page.status.text() == "3 results"


def test_stale_results_are_dropped(qtbot: QtBot, window: MainWindow) -> None:
    page = search_page(window)
    page.search_box.setText("budget")
    page.search_now()
    page.search_box.setText("payroll")
    page.search_now()
    qtbot.waitUntil(lambda: not page.busy())
    assert [hit.title for hit in hits(page)] == ["Payroll incident review"]


def test_enter_opens_the_meeting_in_its_list(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    page = search_page(window)
    window.action("find").trigger()
    type_and_wait(qtbot, page, "budget planning", 1)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert window.current_view() == "Meetings"
    table = window.stack.currentWidget().findChild(QTableView)
    assert table is not None
    selected = table.selectionModel().selectedRows()
    assert len(selected) == 1
    assert selected[0].data(RECORD_ROLE).id == filled.meeting_ids[1]


def test_down_goes_from_the_box_to_the_results(qtbot: QtBot, window: MainWindow) -> None:
    page = search_page(window)
    window.action("find").trigger()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.search_box.hasFocus()  # no results to go to
    type_and_wait(qtbot, page, "budget planning", 1)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.results.hasFocus()
    assert page.results.currentIndex().row() == 0


def test_enter_while_typing_opens_the_answer_to_the_latest_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = search_page(window)
    window.action("find").trigger()
    qtbot.keyClicks(page.search_box, "forecasting")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_view() == "Requests")


def test_enter_on_a_request_selects_it_in_the_paged_list(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    page = search_page(window)
    window.action("find").trigger()
    type_and_wait(qtbot, page, "forecasting", 1)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert window.current_view() == "Requests"
    table = window.stack.currentWidget().findChild(QTableView)
    assert table is not None
    assert table.selectionModel().selectedRows()[0].data(RECORD_ROLE).id == filled.request.id


def test_activating_a_contact_result_selects_the_contact(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    page = search_page(window)
    type_and_wait(qtbot, page, "anna", 1)
    page.results.activated.emit(page.model.index(0, 0))
    assert window.current_view() == "Contacts"
    table = window.stack.currentWidget().findChild(QTableView)
    assert table is not None
    assert table.selectionModel().selectedRows()[0].data(RECORD_ROLE).id == filled.anna.id
