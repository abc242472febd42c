"""The one date field of the app: a date typed as a person types it, read back as you type.

Every place a date is asked (a request's dates, follow-ups' due dates, a deferral, the
period of a list or a search) uses :class:`DateField`, so "fri" or "+3d" means the same
day everywhere (:func:`brm_desk.domain.day_phrases.read_day`). A day can also be picked from a
calendar: the field's calendar button, or Alt+Down as in any drop-down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.day_phrases import DAY_HINT, read_day
from brm_desk.domain.errors import ValidationError
from brm_desk.ui.icons import icon
from brm_desk.ui.palette import ERROR_COLOUR, ERROR_STYLE


def day_text(day: date | None) -> str:
    """How a date field writes a day out: 2026-12-01 (nothing for no day)."""
    return "" if day is None else day.isoformat()


class DateField(QWidget):
    """A date typed as 2026-12-01, 20261201, fri, +3d or tomorrow.

    While a phrase is typed, the day it reads as shows beside it ("Fri 11 Dec 2026"); text
    that is no date shows an error naming the field there instead. Enter or leaving the
    field writes the day out in full, and ``sig_day_chosen`` says a new day was chosen, as
    does a day picked from the calendar (:meth:`pick_from_calendar`). A ``required`` field
    takes back its last day when left empty or unreadable.
    """

    sig_day_chosen = Signal()

    def __init__(
        self,
        name: str,
        day: date | None = None,
        today: Callable[[], date] = date.today,
        *,
        required: bool = False,
        beside: QWidget | None = None,
    ) -> None:
        super().__init__()
        self.name = name
        self.today = today
        self.required = required
        self._day = day
        self.setAccessibleName(name)
        self.edit = QLineEdit(day_text(day))
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(DAY_HINT)
        self.edit.setToolTip(f"Type a date: {DAY_HINT}, mon…sun, +2w, -1m")
        self.edit.setMaximumWidth(150)
        pick = self.edit.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("Pick the day from a calendar (Alt+Down)")
        pick.triggered.connect(self.pick_from_calendar)
        for button in self.edit.findChildren(QToolButton):  # the action's button
            button.setAccessibleName(f"{name}: pick from a calendar")
        self.edit.installEventFilter(self)  # Alt+Down opens the calendar
        self.calendar: QCalendarWidget | None = None
        """The calendar picking a day, while it is open."""
        self.reading = QLabel()
        self.reading.setAccessibleName(f"{name}, read as")
        self.reading.setWordWrap(True)
        self.reading.hide()
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        if beside is None:
            layout.addWidget(self.reading, 1)
        else:  # a part of the same field (a start's time): the reading goes below, with room
            layout.addWidget(beside)
        layout.addStretch(0)  # the field keeps to the left while nothing reads beside it
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(layout)
        if beside is not None:
            column.addWidget(self.reading)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _text: self._show_reading())
        self.edit.editingFinished.connect(self._settle)

    def value(self, field: str = "") -> date | None:
        """The day the text names, none when empty (or when ``required``, an error); text
        that is no date raises a :class:`ValidationError` naming ``field``."""
        day = read_day(field or self.name, self.edit.text(), self.today())
        if day is None and self.required:
            raise ValidationError(field or self.name, "is required")
        return day

    def required_value(self, field: str = "") -> date:
        """The day the text names; none is an error naming ``field`` too."""
        day = self.value(field)
        if day is None:
            raise ValidationError(field or self.name, "is required")
        return day

    def day(self) -> date | None:
        """The last day the field read as (kept while the text is being changed)."""
        return self._day

    def set_day(self, day: date | None) -> None:
        """Show ``day`` (none: empty); ``sig_day_chosen`` is not sent."""
        self._day = day
        self.edit.setText(day_text(day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
        ):
            self.pick_from_calendar()
            return True
        return super().eventFilter(watched, event)

    def pick_from_calendar(self) -> None:
        """Open a month calendar under the field on the day shown (or today); a click or
        Enter chooses the day, Escape closes it and changes nothing."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setAccessibleName(f"{self.name}, pick a day")
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        shown = self._day or self.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.clicked.connect(self._choose)
        calendar.activated.connect(self._choose)
        calendar.destroyed.connect(self._calendar_closed)
        calendar.adjustSize()
        below = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - calendar.width()))
        y = (
            below.y()
            if below.y() + calendar.height() <= screen.bottom()
            else (self.edit.mapToGlobal(QPoint(0, 0)).y() - calendar.height())
        )
        calendar.move(x, y)
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _choose(self, chosen: QDate) -> None:
        day = date(chosen.year(), chosen.month(), chosen.day())
        changed = day != self._day
        self.set_day(day)
        if self.calendar is not None:
            self.calendar.close()
        self.edit.setFocus()
        if changed:
            self.sig_day_chosen.emit()

    def _calendar_closed(self) -> None:
        self.calendar = None

    def _show_reading(self) -> None:
        """The day a phrase reads as, or why the text is no date; nothing for a plain date."""
        try:
            day = self.value()
        except ValidationError as error:
            self.reading.setStyleSheet(ERROR_STYLE)
            self.reading.setText(f"{self.name} {error.reason}")
            self.reading.setVisible(bool(self.edit.text().strip()) or self.required)
            return
        self.reading.setStyleSheet("")
        self.reading.setText(f"{day:%a %d %b %Y}" if day else "")
        self.reading.setVisible(day is not None and day_text(day) != self.edit.text().strip())

    def _settle(self) -> None:
        """Write the day out in full; a required field left without one takes its day back."""
        try:
            day = self.value()
        except ValidationError:
            if self.required:
                self.set_day(self._day)
            return
        changed = day != self._day
        self.set_day(day)
        if changed:
            self.sig_day_chosen.emit()


class StartField(DateField):
    """A meeting's start: its day typed as in any date field, and its time of day."""

    def __init__(self, name: str, start: datetime, today: Callable[[], date]) -> None:
        time = QTimeEdit(QTime(start.hour, start.minute))
        time.setDisplayFormat("HH:mm")
        time.setAccessibleName(f"{name} time")
        super().__init__(name, start.date(), today, required=True, beside=time)
        self.time = time

    def moment(self, field: str = "") -> datetime:
        """The day and time shown, without an offset; text that is no day raises a
        :class:`ValidationError` naming ``field``."""
        day, time = self.required_value(field), self.time.time()
        return datetime(day.year, day.month, day.day, time.hour(), time.minute())

    def draft_value(self) -> list[str]:
        """The day as typed ("fri" stays "fri") and the time, for a draft."""
        return [self.edit.text(), self.time.time().toString("HH:mm")]

    def set_draft_value(self, value: list[str]) -> None:
        text, time = value
        self.edit.setText(text)
        self.time.setTime(QTime.fromString(time, "HH:mm"))


def period_of(first: DateField, last: DateField) -> tuple[date, date]:
    """The period two date fields show (a filter's from and to); a field without a day
    counts as today."""
    return first.day() or first.today(), last.day() or last.today()


def show_period(first: DateField, last: DateField, period: tuple[date, date] | None) -> None:
    """Show a named period's days, read-only; None (a custom period) lets both be typed."""
    for field, day in zip((first, last), period or (None, None), strict=True):
        if period is not None:
            field.set_day(day)
        field.setEnabled(period is None)


class DayCells(QStyledItemDelegate):
    """Table cells holding dates typed as in a :class:`DateField` (a follow-up's due date).

    Leaving a cell writes a phrase out as its day; text that is no date stays as typed, in
    red, with the error naming the column as its tooltip (saving names its row too).
    """

    def __init__(self, name: str, today: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self.name = name
        self.today = today

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAccessibleName(self.name)
        edit.setPlaceholderText(DAY_HINT)
        return edit

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        try:
            model.setData(index, day_text(read_day(self.name, text, self.today())))
        except ValidationError as error:
            model.setData(index, text)
            model.setData(index, f"{self.name} {error.reason}", Qt.ItemDataRole.ToolTipRole)
            model.setData(index, QBrush(QColor(ERROR_COLOUR)), Qt.ItemDataRole.ForegroundRole)
            return
        model.setData(index, None, Qt.ItemDataRole.ToolTipRole)
        model.setData(index, None, Qt.ItemDataRole.ForegroundRole)
