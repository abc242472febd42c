"""The date pickers every view and dialog shares."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from brm_desk.ui.widgets.dates import date_edit, shown_day


def test_a_date_edit_is_named_pops_a_calendar_and_gives_back_its_day(qtbot: QtBot) -> None:
    edit = date_edit("Period from", date(2026, 2, 28))
    qtbot.addWidget(edit)
    assert edit.accessibleName() == "Period from"
    assert edit.calendarPopup()
    assert edit.text() == "2026-02-28"
    assert shown_day(edit) == date(2026, 2, 28)
    edit.setDate(edit.date().addDays(1))
    assert shown_day(edit) == date(2026, 3, 1)


def test_a_date_edit_may_show_the_month_by_name(qtbot: QtBot) -> None:
    edit = date_edit("To date", date(2026, 11, 4), "d MMM yyyy")
    qtbot.addWidget(edit)
    assert edit.displayFormat() == "d MMM yyyy"
    assert shown_day(edit) == date(2026, 11, 4)
