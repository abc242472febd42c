"""The one date field every view and dialog shares, and its table cells."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from brm_desk.domain.day_phrases import read_day
from brm_desk.domain.errors import ValidationError
from brm_desk.ui.widgets.dates import DateField, DayCells, period_of

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints",
    "does not support raise",  # the calendar popup, offscreen
    "does not support grabbing the keyboard",
)
TODAY = date(2026, 11, 24)  # a Tuesday


def field(qtbot: QtBot, name: str = "Delivered on", **kwargs: object) -> DateField:
    made = DateField(name, today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(made)
    made.show()
    return made


def test_a_date_field_is_named_and_gives_back_its_day(qtbot: QtBot) -> None:
    shown = DateField("Period from", date(2026, 2, 28))
    qtbot.addWidget(shown)
    assert shown.edit.accessibleName() == "Period from"
    assert shown.edit.text() == "2026-02-28"
    assert shown.value() == shown.day() == date(2026, 2, 28)
    shown.set_day(None)
    assert shown.value() is None


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("fri", date(2026, 11, 27)),
        ("+3d", date(2026, 11, 27)),
        ("tomorrow", date(2026, 11, 25)),
        ("2026-12-01", date(2026, 12, 1)),
        ("20261201", date(2026, 12, 1)),
    ],
)
def test_a_typed_phrase_reads_as_its_day_and_is_written_out_on_enter(
    qtbot: QtBot, typed: str, day: date
) -> None:
    typed_in = field(qtbot)
    qtbot.keyClicks(typed_in.edit, typed)
    assert typed_in.value("delivered_on") == day
    if typed != day.isoformat():
        assert typed_in.reading.isVisible()
        assert typed_in.reading.text() == f"{day:%a %d %b %Y}"
    with qtbot.waitSignal(typed_in.sig_day_chosen):
        qtbot.keyClick(typed_in.edit, Qt.Key.Key_Return)
    assert typed_in.edit.text() == day.isoformat()
    assert typed_in.day() == day
    assert not typed_in.reading.isVisible()


def test_bad_text_shows_an_inline_error_naming_the_field(qtbot: QtBot) -> None:
    typed_in = field(qtbot)
    qtbot.keyClicks(typed_in.edit, "next blue moon")
    assert typed_in.reading.isVisible()
    assert typed_in.reading.text().startswith("Delivered on must be a date like")
    assert "next blue moon" in typed_in.reading.text()
    with pytest.raises(ValidationError) as raised:
        typed_in.value("delivered_on")
    assert raised.value.field == "delivered_on"
    typed_in.edit.clear()
    assert not typed_in.reading.isVisible()  # an optional field may be empty
    assert typed_in.value() is None


def test_a_required_field_takes_its_day_back_when_left_without_one(qtbot: QtBot) -> None:
    typed_in = field(qtbot, "Received", day=date(2026, 11, 3), required=True)
    typed_in.edit.clear()
    assert typed_in.reading.text() == "Received is required"
    with pytest.raises(ValidationError, match="received: is required"):
        typed_in.required_value("received")
    qtbot.keyClick(typed_in.edit, Qt.Key.Key_Return)
    assert typed_in.edit.text() == "2026-11-03"
    assert typed_in.required_value() == date(2026, 11, 3)


def test_a_period_of_two_fields_counts_an_empty_one_as_today(qtbot: QtBot) -> None:
    start = field(qtbot, "From", day=date(2026, 11, 30))
    end = field(qtbot, "To")
    assert period_of(start, end) == (date(2026, 11, 30), TODAY)


def test_table_cells_write_a_phrase_out_and_mark_bad_text(qtbot: QtBot) -> None:
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    table.setItemDelegateForColumn(0, DayCells("Due", lambda: TODAY, table))
    table.show()
    for row, typed in enumerate(("+1w", "someday")):
        table.setItem(row, 0, QTableWidgetItem(""))
        table.setCurrentCell(row, 0)
        table.editItem(table.item(row, 0))
        editor = table.indexWidget(table.model().index(row, 0))
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the cell once events run
        qtbot.waitUntil(lambda row=row: bool(table.item(row, 0).text()))
    assert table.item(0, 0).text() == "2026-12-01"
    assert not table.item(0, 0).toolTip()
    assert table.item(1, 0).text() == "someday"
    assert table.item(1, 0).toolTip().startswith("Due must be a date like")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=24))
def test_any_text_reads_as_the_parser_says_or_shows_why_not(qtbot: QtBot, typed: str) -> None:
    typed_in = DateField("Due", today=lambda: TODAY)
    qtbot.addWidget(typed_in)
    typed_in.edit.setText(typed)
    try:
        day = read_day("due", typed_in.edit.text(), TODAY)
    except ValidationError as error:
        reason = error.reason
    else:
        assert typed_in.value() == day
        assert typed_in.reading.text() == ("" if day is None else f"{day:%a %d %b %Y}")
        return
    assert typed_in.reading.text() == f"Due {reason}"
    with pytest.raises(ValidationError):
        typed_in.value()


def test_alt_down_opens_a_calendar_on_the_day_shown_and_enter_chooses(qtbot: QtBot) -> None:
    picked = field(qtbot, day=date(2026, 12, 1))
    picked.edit.setFocus()
    qtbot.keyClick(picked.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = picked.calendar
    assert calendar is not None
    assert calendar.isVisible()
    assert calendar.accessibleName() == "Delivered on, pick a day"
    assert calendar.selectedDate().toPython() == date(2026, 12, 1)
    calendar.setSelectedDate(calendar.selectedDate().addDays(3))
    days = calendar.findChild(QTableView)  # the month grid the keys go to
    with qtbot.waitSignal(picked.sig_day_chosen):
        qtbot.keyClick(days, Qt.Key.Key_Return)
    assert picked.day() == date(2026, 12, 4)
    assert picked.edit.text() == "2026-12-04"
    qtbot.waitUntil(lambda: picked.calendar is None)


def test_the_calendar_button_opens_on_today_and_escape_changes_nothing(qtbot: QtBot) -> None:
    empty = field(qtbot)
    (button,) = [a for a in empty.edit.actions() if "calendar" in a.toolTip()]
    with qtbot.assertNotEmitted(empty.sig_day_chosen):
        button.trigger()
        calendar = empty.calendar
        assert calendar is not None
        assert calendar.selectedDate().toPython() == TODAY
        qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: empty.calendar is None)
    assert empty.day() is None
    assert empty.edit.text() == ""


def test_a_click_on_a_day_of_the_calendar_chooses_it(qtbot: QtBot) -> None:
    clicked = field(qtbot, day=date(2026, 11, 24))
    clicked.pick_from_calendar()
    calendar = clicked.calendar
    assert calendar is not None
    with qtbot.waitSignal(clicked.sig_day_chosen):
        calendar.clicked.emit(calendar.selectedDate().addDays(-1))
    assert clicked.day() == date(2026, 11, 23)
