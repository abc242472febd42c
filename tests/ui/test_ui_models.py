"""Table models tested without any view, on a real journal file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.balance import FocusTally, PartnerBalance
from brm_desk.domain.enums import Focus
from brm_desk.services.dashboard import PartnerGlance
from brm_desk.services.lists import Lists
from brm_desk.store.dashboard_queries import ActionDebts, WaitingRequests
from brm_desk.ui.models import paged as paged_module
from brm_desk.ui.models.contacts import ContactsModel
from brm_desk.ui.models.dashboard import (
    SHARE_ROLE,
    DashboardModel,
    good_colour,
    warning_colour,
)
from brm_desk.ui.models.meetings import MeetingsModel
from brm_desk.ui.models.partners import PartnersModel
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.models.table import PARTNER_ROLE, SORT_ROLE
from brm_desk.ui.models.trash import TrashModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def cell(model: object, row: int, column: int, role: int = DISPLAY) -> object:
    return model.index(row, column).data(role)  # type: ignore[attr-defined]


def test_partners_model_shows_labels_and_sorts_on_raw_values(filled: Filled) -> None:
    model = PartnersModel()
    model.set_records(filled.journal.partners.listing())
    assert model.rowCount() == 2
    assert model.columnCount() == len(PartnersModel.columns)
    assert model.headerData(PartnersModel.MATURITY, Qt.Orientation.Horizontal) == "Maturity"
    rows = {cell(model, r, PartnersModel.NAME): r for r in range(2)}
    hr = rows["Human Resources"]
    assert cell(model, hr, PartnersModel.MATURITY) == "Ad hoc"
    assert cell(model, hr, PartnersModel.TARGET) == "50%"
    assert cell(model, hr, PartnersModel.TARGET, SORT_ROLE) == 0.5
    assert cell(model, hr, PartnersModel.NAME, PARTNER_ROLE) == filled.hr.id


def test_meetings_model_pages_sorts_and_filters_in_sql(filled: Filled, monkeypatch: object) -> None:
    monkeypatch.setattr(paged_module, "PAGE_SIZE", 2)  # type: ignore[attr-defined]
    model = MeetingsModel(Lists(filled.journal.database))
    model.reload()
    assert model.total == 4
    assert model.rowCount() == 4  # the whole list; pages are read when a row is shown
    titles = [cell(model, r, MeetingsModel.TITLE) for r in range(4)]
    assert titles[0] == "Weekly check-in"  # latest first by default
    assert cell(model, 0, MeetingsModel.START) == "2026-11-17 09:00"
    assert cell(model, 0, MeetingsModel.TYPE) == "Status check-in"
    assert cell(model, 0, MeetingsModel.FOCUS) == "Routine"
    assert cell(model, 0, MeetingsModel.DURATION) == "30 min"

    model.sort(MeetingsModel.DURATION, Qt.SortOrder.DescendingOrder)
    assert cell(model, 0, MeetingsModel.DURATION) == "1 h 30"
    assert cell(model, 0, MeetingsModel.DURATION, SORT_ROLE) == 90

    model.set_filter(partner_id=filled.hr.id)
    assert model.total == 1
    assert cell(model, 0, MeetingsModel.PARTNER) == "Human Resources"
    model.set_filter(partner_id=None, text="BUDGET")
    assert [cell(model, r, MeetingsModel.TITLE) for r in range(model.rowCount())] == [
        "Budget planning 2027"
    ]
    model.set_filter(text="", focus=Focus.REACTIVE)
    assert model.total == 2


def test_meetings_filter_treats_like_wildcards_as_text(filled: Filled) -> None:
    model = MeetingsModel(Lists(filled.journal.database))
    model.set_filter(text="%")
    assert model.total == 0


def test_requests_model(filled: Filled) -> None:
    model = RequestsModel(Lists(filled.journal.database))
    model.reload()
    assert model.rowCount() == 1
    assert cell(model, 0, RequestsModel.STATUS) == "New"
    assert cell(model, 0, RequestsModel.FOCUS) == "Strategic"
    assert cell(model, 0, RequestsModel.RECEIVED, SORT_ROLE) == date(2026, 11, 12).toordinal()
    assert cell(model, 0, RequestsModel.PARTNER) == "Finance"


def test_contacts_model_names_the_partner(filled: Filled) -> None:
    model = ContactsModel()
    names = {p.id: p.name for p in filled.journal.partners.listing()}
    model.set_contacts(filled.journal.contacts.listing(), names)
    assert cell(model, 0, ContactsModel.PARTNER) == "Finance"
    assert cell(model, 0, ContactsModel.STANCE) == "Champion"
    assert cell(model, 0, ContactsModel.INTEREST) == "Medium"  # the stakeholder map's other axis
    assert cell(model, 0, ContactsModel.INTEREST, SORT_ROLE) == 1
    assert cell(model, 0, ContactsModel.NAME, PARTNER_ROLE) == filled.finance.id


def test_trash_model_lists_a_deleted_meeting(filled: Filled) -> None:
    filled.journal.meetings.delete(filled.meeting_ids[0])
    model = TrashModel()
    model.set_records(filled.journal.trash.listing())
    assert model.rowCount() == 1
    assert cell(model, 0, TrashModel.TITLE) == "Month-end close outage"
    assert cell(model, 0, TrashModel.KIND) == "Meeting"


def test_dashboard_model_matches_the_balances(filled: Filled, qtbot: QtBot) -> None:
    rows = filled.journal.dashboard.glance(date(2026, 10, 25), date(2026, 11, 24))
    model = DashboardModel()
    model.set_records(rows)
    finance = next(r for r in range(model.rowCount()) if cell(model, r, 0) == "Finance")
    expected = next(r.balance for r in rows if r.name == "Finance")
    assert cell(model, finance, DashboardModel.SHARE, SHARE_ROLE) == (
        expected.strategic_share,
        expected.target_strategic_share,
    )
    assert cell(model, finance, DashboardModel.SHARE) == "67% (target 60%)"
    assert cell(model, finance, DashboardModel.MIX) == "1 · 1 · 2"
    assert cell(model, finance, DashboardModel.DAYS_SINCE) == "12 days"
    hr = 1 - finance
    assert cell(model, hr, DashboardModel.DAYS_SINCE) == "never"
    assert cell(model, hr, DashboardModel.DAYS_SINCE, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(model, finance, DashboardModel.DAYS_SINCE, Qt.ItemDataRole.ForegroundRole) is None


def _glance(**changes: object) -> PartnerGlance:
    balance = PartnerBalance(
        partner_id="p1",
        name="Finance",
        period_from=date(2026, 8, 26),
        period_to=date(2026, 11, 24),
        target_strategic_share=0.6,
        touch_cadence_days=30,
        tally=FocusTally(reactive=3, routine=2, strategic=1),
        last_strategic=date(2026, 10, 1),
    )
    fields: dict[str, object] = {
        "balance": balance,
        "previous_share": 0.5,
        "drifting": True,
        "debts": ActionDebts(ours_open=3, ours_overdue=1, theirs_open=2, theirs_overdue=0),
        "waiting": WaitingRequests(open=4, over_30_days=2, over_90_days=1),
        "reviews_due": 2,
        "order_taking": 1,
    }
    fields.update(changes)
    return PartnerGlance(**fields)  # type: ignore[arg-type]


def test_dashboard_model_flags_what_needs_attention(qtbot: QtBot) -> None:
    model = DashboardModel()
    calm = _glance(previous_share=None, drifting=False, reviews_due=0, order_taking=0)
    model.set_records([_glance(), calm])
    red = Qt.ItemDataRole.ForegroundRole
    assert cell(model, 0, DashboardModel.TREND) == "▼ 25 pts"  # 25 % now against 50 % before
    assert cell(model, 0, DashboardModel.TREND, red) is not None
    assert cell(model, 0, DashboardModel.TREND, Qt.ItemDataRole.ToolTipRole) == (
        "Previous period: 50%"
    )
    assert cell(model, 1, DashboardModel.TREND) == "—"
    assert cell(model, 0, DashboardModel.DAYS_SINCE) == "54 days"
    assert "Overdue" in str(cell(model, 0, DashboardModel.DAYS_SINCE, Qt.ItemDataRole.ToolTipRole))
    assert cell(model, 0, DashboardModel.DRIFTING) == "Drifting"
    assert cell(model, 1, DashboardModel.DRIFTING) == ""
    assert cell(model, 1, DashboardModel.DRIFTING, red) is None
    assert cell(model, 0, DashboardModel.WE_OWE) == "3 (1 late)"
    assert cell(model, 0, DashboardModel.WE_OWE, red) is not None
    assert cell(model, 0, DashboardModel.THEY_OWE) == "2"
    assert cell(model, 0, DashboardModel.THEY_OWE, red) is None
    assert cell(model, 0, DashboardModel.WAITING) == "4 · 1 > 90 d"
    assert cell(model, 0, DashboardModel.REVIEWS) == "2"
    assert cell(model, 1, DashboardModel.REVIEWS) == "—"
    assert cell(model, 0, DashboardModel.ORDERS) == "1"
    assert cell(model, 0, DashboardModel.ORDERS, red) == warning_colour()
    assert cell(model, 1, DashboardModel.ORDERS) == "—"
    assert cell(model, 1, DashboardModel.ORDERS, red) is None
    assert model.headerData(DashboardModel.DRIFTING, Qt.Orientation.Horizontal, 3) == (
        "Below target in each of the last two full months"
    )


def test_dashboard_trend_rises_in_green(qtbot: QtBot) -> None:
    model = DashboardModel()
    model.set_records([_glance(previous_share=0.1)])
    assert cell(model, 0, DashboardModel.TREND) == "▲ 15 pts"
    colour = cell(model, 0, DashboardModel.TREND, Qt.ItemDataRole.ForegroundRole)
    assert colour == good_colour()
