"""Reminders on the desktop: what the app asks the desktop to show, the tray's menu, the
morning digest, closing to the tray and quitting, and the Today view. "Now" is a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import Side
from brm_desk.domain.records import Action
from brm_desk.services.journal import Journal
from brm_desk.ui import app
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.reminders import DIGEST, TODAY, Reminders
from brm_desk.ui.views.prep_brief import PrepBriefWindow
from brm_desk.ui.views.today import TodayPage
from empty_journal import NewJournal
from reminder_journal import NOW, fill

pytestmark = [
    pytest.mark.qt_log_ignore(
        "does not support propagateSizeHints", "does not support raise", "systemTrayWindowChanged"
    ),
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
def reminded(journal_path: Path, new_journal: NewJournal) -> Journal:
    journal = new_journal(journal_path, today=lambda: NOW.date())
    fill(journal)
    return journal


def window_on(
    qtbot: QtBot, journal: Journal, clock: Clock, *, tray: bool = False, digest: bool = True
) -> MainWindow:
    window = MainWindow(clock=clock, tray_available=tray)
    qtbot.addWidget(window)
    window.settings.setValue(DIGEST, digest)
    window.show()
    assert window.reminders is not None
    with qtbot.waitSignal(window.reminders.sig_checked):
        window.set_journal(journal)
    return window


def check(qtbot: QtBot, reminders: Reminders, ask: Callable[[], object] | None = None) -> None:
    """Check now (or do ``ask``, which checks), and wait for the answer from the background."""
    with qtbot.waitSignal(reminders.sig_checked):
        (ask or reminders.check)()


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
    check(qtbot, reminders)
    assert len(shown(window)) == 1  # nothing new
    meeting = reminded.meetings.get("past")
    extra = Action("Call Katrin back", Side.MINE, "", NOW.date())
    reminded.meetings.update(replace(meeting, actions=(*meeting.actions, extra)))
    check(qtbot, reminders)
    key = next(r.key for r in reminders.due if r.title == "Call Katrin back")
    assert shown(window)[1:] == [("Call Katrin back", "Due today · from “Roadmap review”", key)]
    clock.now += timedelta(days=1)
    check(qtbot, reminders)  # a new day: said again
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
    check(qtbot, reminders)
    assert len(shown(window)) == 1  # running since before seven: the digest waits for eight
    clock.now = NOW.replace(hour=8)
    check(qtbot, reminders)
    title, body, key = shown(window)[1]
    assert (title, key) == ("Today: Tuesday 24 November", TODAY)
    assert body.startswith("2 meetings, 1 overdue follow-up, 1 follow-up due")
    clock.now = NOW.replace(hour=9, minute=55)
    check(qtbot, reminders)
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


def menu_texts(window: MainWindow) -> list[str]:
    assert window.reminders is not None
    window.reminders.fill_menu()
    return [action.text() for action in window.reminders.menu.actions()]


def test_the_tray_menu_lists_what_is_due_even_without_a_tray(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock)
    assert window.reminders is not None
    assert not window.reminders.tray.isVisible()  # offscreen: no tray, the menu all the same
    assert menu_texts(window) == [
        "&Open BRM Desk",
        "&Today",
        "",
        "Finance — Budget call",
        "Finance — Book the workshop",
        "Finance — Send the roadmap",
        "Finance — Share the cost figures",
        "Finance — Review the benefits of Close dashboards",
        "Legal — Time for a strategic conversation",
        "",
        "&Snooze all for an hour",
        "&Quit",
    ]
    entries = window.reminders.menu.actions()
    entries[4].trigger()  # "Book the workshop": its meeting
    editor = window.record_actions.editor
    assert editor is not None
    assert editor.record is not None
    assert editor.record.id == "past"
    editor.close()
    check(qtbot, window.reminders, entries[-2].trigger)  # snooze all for an hour
    assert menu_texts(window)[3] == "Nothing is due"
    check(qtbot, window.reminders, window.action("undo").trigger)  # one undo: all back
    assert len(menu_texts(window)) == 12
    check(qtbot, window.reminders, window.action("redo").trigger)
    assert menu_texts(window)[3] == "Nothing is due"
    clock.now += timedelta(hours=1)
    check(qtbot, window.reminders)
    assert len(menu_texts(window)) == 11  # back, less the meeting that began


def test_the_tray_menu_shows_eight_and_says_how_many_more(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    meeting = reminded.meetings.get("past")
    more = tuple(Action(f"Task {n}", Side.MINE, "", NOW.date()) for n in range(5))
    reminded.meetings.update(replace(meeting, actions=(*meeting.actions, *more)))
    window = window_on(qtbot, reminded, clock)
    texts = menu_texts(window)
    assert len([t for t in texts if t.startswith(("Finance", "Legal"))]) == 8
    assert "…and 3 more" in texts
    window.reminders.menu.actions()[texts.index("…and 3 more")].trigger()  # type: ignore[union-attr]
    assert window.current_view() == "Today"


def test_private_meetings_keep_their_titles_off_notices_and_the_tray(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    clock.now = NOW + timedelta(hours=4, minutes=50)  # the private meeting at 14:50 + 10
    window = window_on(qtbot, reminded, clock, digest=False)
    said = " ".join(f"{title} {body}" for title, body, _key in shown(window))
    assert "Reorganisation" not in said
    texts = menu_texts(window)
    assert "Finance: a private meeting" in texts
    assert not any("Reorganisation" in text for text in texts)


def test_reminders_turned_off_stop_checking_and_notify_nothing(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = MainWindow(clock=clock, tray_available=True)
    qtbot.addWidget(window)
    reminders = window.reminders
    assert reminders is not None
    menu = window.action("reminders").menu()
    assert [a.text() for a in menu.actions()] == [  # type: ignore[union-attr]
        "&Remind me of what is due",
        "&Keep running in the tray when the window is closed",
        "Morning &digest",
    ]
    menu.actions()[0].setChecked(False)  # type: ignore[union-attr]
    window.set_journal(reminded)
    assert not reminders.timer.isActive()
    assert not reminders.tray.isVisible()
    assert not reminders.keeps_in_tray()
    assert shown(window) == []
    check(qtbot, reminders, lambda: menu.actions()[0].setChecked(True))  # type: ignore[union-attr]
    assert reminders.timer.isActive()
    assert reminders.keeps_in_tray()
    assert shown(window)


def test_closing_keeps_the_app_in_the_tray_and_quit_stops_everything(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock, tray=True)
    reminders = window.reminders
    assert reminders is not None
    assert reminders.keeps_in_tray()
    window.close()
    assert not window.isVisible()
    assert window.shell.journal is reminded  # still open, still reminding
    assert reminders.timer.isActive()
    assert shown(window)[-1][0] == "BRM Desk is still running"
    reminders.sig_show_window.emit()
    assert window.isVisible()
    window.close()
    assert [t for t, *_ in shown(window)].count("BRM Desk is still running") == 1  # once

    assert not QApplication.quitOnLastWindowClosed()  # an editor closing ends nothing
    reminders.menu.actions()[-1].trigger()  # the tray's Quit
    assert QApplication.quitOnLastWindowClosed()
    assert not window.isVisible()
    assert window.shell.journal is None
    assert not reminders.tray.isVisible()
    assert not reminders.timer.isActive()
    # What is left is the old views' last layout work, gone once they are deleted.
    qtbot.waitUntil(lambda: not [t for t in window.findChildren(QTimer) if t.isActive()])


def test_quit_from_the_tray_ends_the_running_app(
    new_journal: NewJournal, journal_path: Path
) -> None:
    """The real event loop: closed to the tray the app runs on; Quit ends it, exit status 0,
    and nothing is left running."""
    journal = new_journal(journal_path)
    fill(journal, now=datetime.now().astimezone())
    journal.close()
    windows: list[MainWindow] = []

    def close_then_quit(window: MainWindow) -> None:
        windows.append(window)
        reminders = window.reminders
        assert reminders is not None
        reminders.tray_available = True
        window.close()
        assert window.shell.journal is not None  # hidden, not ended
        QTimer.singleShot(50, reminders.sig_quit.emit)

    def watch(window: MainWindow) -> None:
        window.shell.sig_journal_opened.connect(
            lambda: QTimer.singleShot(0, lambda: close_then_quit(window))
        )

    assert app.run(str(journal_path), watch) == 0
    [window] = windows
    assert window.shell.journal is None
    assert window.reminders is not None
    running = [(t.parent(), t.interval()) for t in window.findChildren(QTimer) if t.isActive()]
    assert running == []


def today_page(qtbot: QtBot, window: MainWindow) -> TodayPage:
    page = window.show_page("Today")
    assert isinstance(page, TodayPage)
    read(qtbot, page)
    return page


def read(qtbot: QtBot, page: TodayPage) -> None:
    """Wait for the day the page reads in the background to show."""
    qtbot.waitUntil(lambda: not page.busy())


def test_the_today_view_lists_the_days_meetings_and_what_is_due(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock)
    page = today_page(qtbot, window)
    assert [(r.lead.text(), r.title.text(), r.detail.text()) for r in page.meetings.shown] == [
        ("10:00–10:30", "Budget call", "Finance"),
        ("14:50–15:20", "Reorganisation", "Finance · private"),
    ]
    assert [r.lead.text() for r in page.due.shown] == [
        "Meeting soon",
        "Overdue follow-up",
        "Follow-up due",
        "Follow-up to chase",
        "Benefits review due",
        "Partner past its cadence",
    ]
    assert page.summary.text().startswith("2 meetings, 1 overdue follow-up")
    assert page.inbox.text() == "Calendar inbox: nothing waits to be filed."
    assert list(page.due.shown[1].buttons) == ["Open", "Snooze", "Dismiss"]

    page.meetings.shown[0].buttons["Prep brief"].click()
    briefs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrepBriefWindow)]
    assert [brief.partner_id for brief in briefs] == ["fin"]
    briefs[0].close()


def test_dismissing_in_the_today_view_is_undoable_and_a_snooze_ends_on_time(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    window = window_on(qtbot, reminded, clock)
    page = today_page(qtbot, window)
    page.due.shown[1].buttons["Dismiss"].click()
    read(qtbot, page)
    assert "Book the workshop" not in [r.title.text() for r in page.due.shown]
    assert window.action("undo").text() == "&Undo Dismiss 'Book the workshop'"
    window.action("undo").trigger()
    read(qtbot, page)
    assert "Finance — Book the workshop" in [r.title.text() for r in page.due.shown]

    snooze = page.due.shown[2].buttons["Snooze"].menu()
    assert [a.text() for a in snooze.actions()] == [  # type: ignore[union-attr]
        "For an hour",
        "Until tomorrow morning",
        "For a week",
    ]
    snooze.actions()[0].trigger()  # type: ignore[union-attr]
    read(qtbot, page)
    assert "Finance — Send the roadmap" not in [r.title.text() for r in page.due.shown]
    clock.now += timedelta(hours=1)
    page.refresh()
    read(qtbot, page)
    assert "Finance — Send the roadmap" in [r.title.text() for r in page.due.shown]


def test_the_today_view_counts_the_calendar_inbox(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    from brm_desk.store import inbox_rows
    from brm_desk.store.inbox_rows import InboxEvent

    page = TodayPage(reminded, window_on(qtbot, reminded, clock).settings, clock)
    qtbot.addWidget(page)
    page.refresh()
    read(qtbot, page)
    assert page.inbox.text() == "Calendar inbox: nothing waits to be filed."
    with reminded.database.transaction() as tx:
        inbox_rows.put(
            tx, [InboxEvent(f"e{i}", None, "Weekly sync", clock.now, 30) for i in range(3)]
        )
    page.refresh()
    read(qtbot, page)
    assert page.inbox.text() == "Calendar inbox: 3 events waiting to be filed"


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_the_today_view_fits_without_a_sideways_scroll(
    qtbot: QtBot, reminded: Journal, clock: Clock, size: tuple[int, int]
) -> None:
    window = window_on(qtbot, reminded, clock)
    window.resize(*size)
    page = today_page(qtbot, window)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: page.due.shown[-1].isVisible())
    assert not scroll.horizontalScrollBar().isVisible()
    for row in page.due.shown:
        for button in row.buttons.values():
            assert button.geometry().right() <= row.width(), button.text()


def test_a_long_backlog_shows_its_first_fifty_then_all_on_demand(
    qtbot: QtBot, reminded: Journal, clock: Clock
) -> None:
    meeting = reminded.meetings.get("past")
    many = tuple(Action(f"Task {n}", Side.MINE, "", NOW.date()) for n in range(60))
    reminded.meetings.update(replace(meeting, actions=(*meeting.actions, *many)))
    page = today_page(qtbot, window_on(qtbot, reminded, clock))
    assert len(page.due.shown) == 50
    assert page.show_more.text() == "Show 16 more…"
    page.show_more.click()
    read(qtbot, page)
    assert len(page.due.shown) == 66
    assert not page.show_more.isVisibleTo(page)
