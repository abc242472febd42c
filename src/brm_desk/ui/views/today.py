"""The Today view: today's meetings with their prep briefs, what is due (each snoozed or
dismissed in one click, undoably), and how many calendar events wait in the inbox.

It is the BRM's own screen, so private meetings show by name here; notifications never do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.records import Meeting
from brm_desk.domain.reminders import KINDS, Reminder, Snooze, State
from brm_desk.domain.words import plural
from brm_desk.services import reminders
from brm_desk.services.calendar_inbox import waiting_count
from brm_desk.services.journal import Journal
from brm_desk.ui.operations import NewestAnswer
from brm_desk.ui.reminders import KeepReminders, snooze_all
from brm_desk.ui.views.page import Page

FIRST_ROWS = 50
"""Rows of what is due shown at first (a long backlog waits for "Show more")."""


class TodayPage(Page):
    """The day at a glance: its meetings, what is due, and how many calendar events wait in
    the inbox. ``clock`` gives now (aware)."""

    def __init__(
        self,
        journal: Journal,
        settings: QSettings,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__("Today")
        self.journal = journal
        self.clock = clock
        self.date_label = QLabel()
        self.bar.insertWidget(1, self.date_label)
        self.bar.insertSpacing(1, 12)
        self.summary = QLabel()
        self.summary.setObjectName("day_summary")
        self.summary.setWordWrap(True)
        self.summary.setEnabled(False)
        self.body.addWidget(self.summary)
        self.snooze_all = QPushButton("Snooze all for an hour")
        self.snooze_all.setAccessibleName("Snooze everything due for an hour")
        self.snooze_all.clicked.connect(self._snooze_all)
        self.bar.addWidget(self.snooze_all)

        self.meetings = Section("Meetings today")
        self.due = Section("What is due")
        self.inbox = QLabel()
        self.inbox.setObjectName("inbox_line")
        self.body.addWidget(self.inbox)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 4, 8, 4)
        column.setSpacing(18)
        column.addWidget(self.meetings)
        column.addWidget(self.due)
        self.show_all = False
        self.show_more = QPushButton()
        self.show_more.setAccessibleName("Show everything due")
        self.show_more.setVisible(False)  # until a long backlog is read
        self.show_more.clicked.connect(self._show_all)
        column.addWidget(self.show_more, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Today's meetings and what is due")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)
        self.day: reminders.Day | None = None
        self.answers = NewestAnswer(self, self.refresh)

    def refresh(self) -> None:
        """Read the day off the UI thread (at 100,000 meetings it takes most of a second);
        the newest reading is the one shown."""
        now, journal = self.clock(), self.journal
        self.answers.ask(
            lambda: (reminders.today(journal, now), waiting_count(journal)),
            lambda found: self._show(now, *found),
            lambda error: self.summary.setText(error.message),
        )

    def busy(self) -> bool:
        """The day is being read."""
        return self.answers.busy()

    def _show(self, now: datetime, day: reminders.Day, waiting: int) -> None:
        self.day = day
        self.date_label.setText(f"{now:%A} {now.day} {now:%B %Y}")
        self.summary.setText(day.digest())
        self.meetings.fill([self._meeting_row(m, now) for m in day.meetings], "No meetings today.")
        shown = day.due if self.show_all else day.due[:FIRST_ROWS]
        self.due.fill([self._due_row(r) for r in shown], "Nothing is due. Well done.")
        more = len(day.due) - len(shown)
        self.show_more.setText(f"Show {more:,} more…" if more else "")
        self.show_more.setAccessibleName(f"Show {plural(more, 'more thing')} due")
        self.show_more.setVisible(bool(more))
        self.snooze_all.setEnabled(bool(day.due))
        self.inbox.setText(
            f"Calendar inbox: {plural(waiting, 'event')} waiting to be filed"
            if waiting
            else "Calendar inbox: nothing waits to be filed."
        )

    def _meeting_row(self, meeting: Meeting, now: datetime) -> Row:
        start = meeting.start.astimezone(now.tzinfo)
        end = start + timedelta(minutes=meeting.duration_minutes)
        partner = self.day.partners.get(meeting.partner_id, "") if self.day else ""
        private = " · private" if meeting.private else ""
        row = Row(f"{start:%H:%M}–{end:%H:%M}", meeting.title, f"{partner}{private}")
        row.button(
            "Prep brief",
            f"Prep brief for {meeting.title}",
            partial(self.open_brief, meeting.partner_id),
        )
        row.button(
            "Open",
            f"Open the meeting {meeting.title}",
            partial(self.sig_open_record.emit, "meeting", meeting.id),
        )
        return row

    def _due_row(self, reminder: Reminder) -> Row:
        label = KINDS[reminder.kind].label.capitalize()
        row = Row(label, f"{reminder.partner} — {reminder.title}", reminder.body)
        row.setProperty("key", reminder.key)
        if reminder.kind == "meeting_soon":
            row.button(
                "Prep brief",
                f"Prep brief for {reminder.title}",
                partial(self.open_brief, reminder.partner_id),
            )
        row.button(
            "Open",
            f"Open: {reminder.title}",
            partial(self.sig_open_record.emit, reminder.opens, reminder.record_id),
        )
        snooze = row.button("Snooze", f"Snooze: {reminder.title}", None)
        menu = QMenu(snooze)
        for choice in Snooze:
            menu.addAction(choice.value, partial(self.snooze, reminder, choice))
        snooze.setMenu(menu)
        row.button("Dismiss", f"Dismiss: {reminder.title}", partial(self.dismiss, reminder))
        return row

    def _show_all(self) -> None:
        self.show_all = True
        self.refresh()

    def open_brief(self, partner_id: str) -> QWidget:
        from brm_desk.ui.views.prep_brief import show_prep_brief

        return show_prep_brief(self.window(), self.journal, partner_id)

    def snooze(self, reminder: Reminder, choice: Snooze) -> None:
        until = choice.until(self.clock())
        text = f"Snooze '{reminder.title}'"
        self.sig_command.emit(
            KeepReminders(self.journal, [reminder], State(snoozed_until=until), text)
        )

    def dismiss(self, reminder: Reminder) -> None:
        text = f"Dismiss '{reminder.title}'"
        self.sig_command.emit(KeepReminders(self.journal, [reminder], State(dismissed=True), text))

    def _snooze_all(self) -> None:
        if self.day is not None:
            self.sig_command.emit(snooze_all(self.journal, self.day.due, self.clock()))


class Section(QFrame):
    """A heading and rows under it (a quiet line when there are none)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        self.rows.addWidget(self.heading)
        self.shown: list[Row] = []

    def fill(self, rows: list[Row], empty: str) -> None:
        while (item := self.rows.takeAt(1)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        if not rows:
            note = QLabel(empty)
            note.setEnabled(False)
            self.rows.addWidget(note)
        for row in rows:
            self.rows.addWidget(row)
        self.shown = rows


class Row(QFrame):
    """One line: a short lead (a time, a kind), the title, a quiet line under it, buttons."""

    def __init__(self, lead: str, title: str, detail: str) -> None:
        super().__init__()
        self.setObjectName("today_row")
        self.setStyleSheet("QFrame#today_row { border-bottom: 1px solid palette(midlight); }")
        self.lead = QLabel(lead)
        self.lead.setFixedWidth(150)
        self.lead.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail = QLabel(detail)
        self.detail.setEnabled(False)
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 6, 4, 6)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(1)
        self.grid.addWidget(self.lead, 0, 0, 2, 1)
        self.grid.addWidget(self.title, 0, 1)
        self.grid.addWidget(self.detail, 1, 1)
        self.grid.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}

    def button(self, text: str, spoken: str, clicked: Callable[[], object] | None) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(spoken)
        if clicked is not None:
            button.clicked.connect(lambda _checked=False: clicked())
        self.grid.addWidget(button, 0, 2 + len(self.buttons), 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.buttons[text] = button
        return button
