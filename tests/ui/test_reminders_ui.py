"""Reminders on the desktop: what the app asks the desktop to show, the tray's menu, the
morning digest, closing to the tray and quitting, and the Today view. "Now" is a fixed clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reminder_journal import NOW, fill

from brm_desk.domain.enums import Side
from brm_desk.domain.records import Action
from brm_desk.services.journal import Journal
from brm_desk.ui import app
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.reminders import DIGEST, TODAY
from brm_desk.ui.views.prep_brief import PrepBriefWindow
from brm_desk.ui.views.today import TodayPage

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
    pytest.mark.usefixtures("no_message_boxes"),
]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reminded(journal_path: Path) -> Journal:
    journal = Journal.create(journal_path, today=lambda: NOW.date())
    fill(journal)
    return journal


def window_on(
    qtbot: QtBot, journal: Journal, clock: Clock, *, tray: bool = False, digest: bool = True
) -> MainWindow:
    window = MainWindow(clock=clock, tray_available=tray)
    qtbot.addWidget(window)
    window.settings.setValue(DIGEST, digest)
    window.show()
    window.set_journal(journal)
    return window


def shown(window: MainWindow) -> list[tuple[str, str, str]]:
    assert window.reminders is not None
    return [(n.title, n.body, n.key) for n in window.reminders.notifications.shown]


def test_the_checker_notifies_each_newly_due_reminder_once_a_day(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock, digest=False)
    reminders = window.reminders
    assert reminders is not None
    assert reminders.timer.isActive()
    assert reminders.timer.interval() == 60_000
    assert shown(window) == [("6 reminders due", "Finance, Legal", TODAY)]  # many: one notice
    reminders.check()
    assert len(shown(window)) == 1  # nothing new
    meeting = reminded.meetings.get("past")
    extra = Action("Call Katrin back", Side.MINE, "", NOW.date())
    reminded.meetings.update(replace(meeting, actions=(*meeting.actions, extra)))
    reminders.check()
    key = next(r.key for r in reminders.due if r.title == "Call Katrin back")
    assert shown(window)[1:] == [("Call Katrin back", "Due today · from “Roadmap review”", key)]
    clock.now += timedelta(days=1)
    reminders.check()  # a new day: said again
    assert shown(window)[2][0] == "6 reminders due"  # the meeting is past


def test_the_morning_digest_comes_once_a_day_and_opens_today(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    clock.now = NOW.replace(hour=6, minute=30)
    window = window_on(qtbot, reminded, clock)
    reminders = window.reminders
    assert reminders is not None
    assert [title for title, *_ in shown(window)] == ["5 reminders due"]  # before seven
    clock.now = NOW.replace(hour=7, minute=30)
    reminders.check()
    assert len(shown(window)) == 1  # running since before seven: the digest waits for eight
    clock.now = NOW.replace(hour=8)
    reminders.check()
    title, body, key = shown(window)[1]
    assert (title, key) == ("Today: Tuesday 24 November", TODAY)
    assert body.startswith("2 meetings, 1 overdue follow-up, 1 follow-up due")
    clock.now = NOW.replace(hour=9, minute=55)
    reminders.check()
    assert [t for t, *_ in shown(window)[2:]] == ["Budget call"]  # at 10:00: said at 9:45 on
    reminders.notifications.sig_clicked.emit(TODAY)
    assert window.current_view() == "Today"


def test_a_meeting_soon_is_told_after_the_digest_and_opens_its_prep_brief(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock)
    assert [title for title, *_ in shown(window)] == ["Today: Tuesday 24 November", "Budget call"]
    reminders = window.reminders
    assert reminders is not None
    toast = reminders.notifications.toast  # no tray here: the notice is in the window
    assert toast.isVisible()
    assert (toast.title.text(), toast.key) == ("Budget call", shown(window)[1][2])
    qtbot.mouseClick(toast, Qt.MouseButton.LeftButton)
    assert not toast.isVisible()
    briefs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrepBriefWindow)]
    assert [brief.partner_id for brief in briefs] == ["fin"]
    for brief in briefs:
        brief.close()


def test_a_click_on_a_follow_ups_notice_opens_its_meeting(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock)
    reminders = window.reminders
    assert reminders is not None
    overdue = next(r for r in reminders.due if r.kind == "ours_overdue")
    reminders.notifications.sig_clicked.emit(overdue.key)
    editor = window.record_actions.editor
    assert isinstance(editor, MeetingEditor)
    assert editor.record is not None
    assert editor.record.id == "past"
