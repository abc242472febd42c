"""Long lists read page by page: any row on demand, Ctrl+End at once, typing off the UI thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.services.lists import Lists
from brm_desk.ui.models import paged
from brm_desk.ui.models.meetings import MeetingsModel
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.requests import RequestsPage


@pytest.fixture
def many(filled: Filled) -> Filled:
    """The small journal plus 20 more requests, received on consecutive days."""
    for day in range(1, 21):
        filled.journal.requests.add(
            replace(filled.request, id="", title=f"Report {day:02d}", received=date(2026, 9, day))
        )
    return filled


def test_every_row_is_read_on_demand_from_small_pages(
    many: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paged, "PAGE_SIZE", 3)
    monkeypatch.setattr(paged, "KEPT_PAGES", 2)
    lists = Lists(many.journal.database)
    model = RequestsModel(lists)
    model.reload()
    assert model.rowCount() == 21
    expected = [line.title for line in lists.requests()]
    # From the end first (as Ctrl+End does), then everything, with only two pages kept.
    assert model.index(20, RequestsModel.TITLE).data() == "Report 01"
    shown = [model.index(r, RequestsModel.TITLE).data() for r in range(21)]
    assert shown == expected
    assert len(model._pages) == 2
    assert model.index(0, 0).data(RECORD_ROLE).title == "Forecasting dashboard"


def test_sorting_a_column_goes_to_sql(many: Filled) -> None:
    model = RequestsModel(Lists(many.journal.database))
    model.reload()
    model.sort(RequestsModel.TITLE, 0)  # ascending
    titles = [model.index(r, RequestsModel.TITLE).data() for r in range(model.rowCount())]
    assert titles == sorted(titles)
    assert titles[0] == "Forecasting dashboard"


def test_a_row_deleted_after_the_count_shows_empty_not_an_error(
    filled: Filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paged, "PAGE_SIZE", 2)
    model = MeetingsModel(Lists(filled.journal.database))
    model.reload()
    filled.journal.meetings.delete(filled.meeting_ids[0])
    assert model.rowCount() == 4
    assert model.index(3, MeetingsModel.TITLE).data() is None  # until the reload
    model.reload()
    assert model.rowCount() == 3


def test_typing_filters_off_the_ui_thread_and_only_the_latest_text_counts(
    qtbot: QtBot, many: Filled
) -> None:
    page = RequestsPage(many.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert page.shown_label.text() == "21 requests"
    page.search_box.setText("report 1")
    page.filter_in_background()
    page.search_box.setText("report 2")
    page.filter_in_background()  # the first answer may come back later; it must be dropped
    qtbot.waitUntil(lambda: not page.busy(), timeout=5000)
    assert page.model.wanted.text == "report 2"
    qtbot.wait(50)  # the first query's answer (11 reports) has had every chance to arrive
    assert page.model.rowCount() == 1
    assert page.model.index(0, RequestsModel.TITLE).data() == "Report 20"
    assert page.shown_label.text() == "1 request"


def test_choosing_a_partner_keeps_the_typed_filter(qtbot: QtBot, filled: Filled) -> None:
    page = MeetingsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.keyClicks(page.search_box, "review")
    qtbot.waitUntil(lambda: not page.busy(), timeout=3000)
    assert page.model.rowCount() == 1
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.finance.id))
    assert page.model.rowCount() == 0  # Finance has no meeting titled "…review…"
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.hr.id))
    assert page.model.index(0, MeetingsModel.TITLE).data() == "Payroll incident review"


def test_ctrl_end_reaches_the_last_meeting(qtbot: QtBot, filled: Filled) -> None:
    page = MeetingsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    page.table.setFocus()
    page.table.scrollToBottom()
    last = page.model.index(page.model.rowCount() - 1, MeetingsModel.TITLE)
    assert last.data() == "Month-end close outage"  # the earliest, at the end of the list


def test_a_filter_that_cannot_be_read_says_why_in_the_list_bar(
    qtbot: QtBot, filled: Filled
) -> None:
    page = MeetingsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    filled.journal.close()
    with filled.journal.path.open("r+b") as damaged:
        damaged.write(b"\0" * 4096)  # the header and first page: no longer a database
    page.search_box.setText("payroll")
    qtbot.waitUntil(lambda: not page.busy(), timeout=5000)
    assert "damaged" in page.shown_label.text() or "not a database" in page.shown_label.text()
    assert page.model.rowCount() == 4  # the list as it was, not half a new one
