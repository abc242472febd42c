"""The list views: filter boxes, the partner filter, trash restore, the dashboard figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled, type_day

from brm_desk.domain.periods import Preset
from brm_desk.ui.commands import push
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.views.contacts import ContactsPage
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.requests import RequestsPage
from brm_desk.ui.views.trash import TrashPage


def test_partner_filter_box_filters_as_you_type(qtbot: QtBot, filled: Filled) -> None:
    page = PartnersPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert page.proxy.rowCount() == 2
    qtbot.keyClicks(page.search_box, "human")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "Human Resources"


def test_contacts_partner_filter(qtbot: QtBot, filled: Filled) -> None:
    page = ContactsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert page.proxy.rowCount() == 1
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.hr.id))
    assert page.proxy.rowCount() == 0
    page.partner_box.setCurrentIndex(0)
    assert page.proxy.rowCount() == 1


def test_requests_page_lists_requests(qtbot: QtBot, filled: Filled) -> None:
    page = RequestsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 1
    assert page.model.index(0, RequestsModel.TITLE).data() == "Forecasting dashboard"


def test_meetings_search_waits_for_a_typing_pause(qtbot: QtBot, filled: Filled) -> None:
    page = MeetingsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search_box, "payroll")
    assert page.model.rowCount() == 4  # not yet: the query waits for a pause in typing
    qtbot.waitUntil(lambda: not page.busy(), timeout=3000)
    assert page.model.rowCount() == 1
    assert page.shown_label.text() == "1 meeting"
    page.partner_box.setCurrentIndex(page.partner_box.findData(filled.finance.id))
    assert page.model.rowCount() == 0


def test_trash_restore_brings_a_meeting_back(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    journal.meetings.delete(filled.meeting_ids[1])
    page = TrashPage(journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    assert not page.restore_button.isEnabled()
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()
    stack = QUndoStack()
    page.sig_command.connect(lambda command: push(stack, command))
    page.restore_button.click()
    assert journal.trash.listing() == []
    assert journal.meetings.get(filled.meeting_ids[1]).title == "Budget planning 2027"
    stack.undo()  # back to the trash
    assert [item.title for item in journal.trash.listing()] == ["Budget planning 2027"]
    stack.redo()
    assert journal.trash.listing() == []


def test_dashboard_shows_the_balances_for_the_period(qtbot: QtBot, filled: Filled) -> None:
    page = DashboardPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.period_box.setCurrentIndex(page.period_box.findData(Preset.LAST_30_DAYS.value))
    assert page.period() == (date(2026, 10, 25), date(2026, 11, 24))
    qtbot.waitUntil(lambda: not page.busy())  # the figures are read in the background
    expected = filled.journal.balances.for_partners(*page.period())
    shown = {
        page.proxy.index(r, DashboardModel.PARTNER).data(): r for r in range(page.proxy.rowCount())
    }
    assert set(shown) == {b.name for b in expected}
    for balance in expected:
        tally = balance.tally
        mix = page.proxy.index(shown[balance.name], DashboardModel.MIX).data()
        assert mix == f"{tally.reactive} · {tally.routine} · {tally.strategic}"
    assert "2\u00a0active\u00a0partners" in page.summary.text()  # no break inside a part
    page.save_state(QSettings())
    assert QSettings().value("dashboard/period", type=str) == "last_30_days"


def test_dashboard_period_presets_and_custom_dates(qtbot: QtBot, filled: Filled) -> None:
    page = DashboardPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.period_box.setCurrentIndex(page.period_box.findData(Preset.THIS_QUARTER.value))
    assert page.period() == (date(2026, 10, 1), date(2026, 11, 24))
    assert not page.from_edit.isEnabled()
    assert page.from_edit.edit.text() == "2026-10-01"
    page.period_box.setCurrentIndex(page.period_box.findData(Preset.LAST_QUARTER.value))
    assert page.period() == (date(2026, 7, 1), date(2026, 9, 30))
    qtbot.waitUntil(lambda: not page.busy())
    # Last quarter holds none of the November meetings.
    assert all(
        page.proxy.index(r, DashboardModel.MIX).data() == "0 · 0 · 0"
        for r in range(page.proxy.rowCount())
    )

    page.period_box.setCurrentIndex(page.period_box.findData(Preset.CUSTOM.value))
    assert page.from_edit.isEnabled()
    type_day(qtbot, page.from_edit, "2026-11-04")
    type_day(qtbot, page.to_edit, "2026-11-10")
    assert page.period() == (date(2026, 11, 4), date(2026, 11, 10))
    qtbot.waitUntil(lambda: not page.busy())
    finance = next(
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, DashboardModel.PARTNER).data() == "Finance"
    )
    assert page.proxy.index(finance, DashboardModel.MIX).data() == "0 · 0 · 1"
    page.save_state(QSettings())

    again = DashboardPage(filled.journal, QSettings())
    qtbot.addWidget(again)
    assert again.preset() is Preset.CUSTOM
    assert again.period() == (date(2026, 11, 4), date(2026, 11, 10))


def test_requests_sort_by_date_not_by_text(qtbot: QtBot, filled: Filled) -> None:
    journal = filled.journal
    for day in (3, 28, 9):
        journal.requests.add(
            replace(filled.request, id="", title=f"Day {day}", received=date(2026, 10, day))
        )
    page = RequestsPage(journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    shown = [page.model.index(r, RequestsModel.RECEIVED).data() for r in range(4)]
    assert shown == ["2026-11-12", "2026-10-28", "2026-10-09", "2026-10-03"]
    # Open requests show how many days they have waited (the journal's today: 2026-11-24).
    waited = [page.model.index(r, RequestsModel.WAITING).data() for r in range(4)]
    assert waited == ["12 d", "27 d", "46 d", "52 d"]


def test_column_widths_and_sort_order_are_remembered(qtbot: QtBot, filled: Filled) -> None:
    page = ContactsPage(filled.journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    page.table.horizontalHeader().resizeSection(0, 234)
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    page.save_state(QSettings())

    again = ContactsPage(filled.journal, QSettings())
    qtbot.addWidget(again)
    again.refresh()
    header = again.table.horizontalHeader()
    assert header.sectionSize(0) == 234
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2,
        Qt.SortOrder.DescendingOrder,
    )
