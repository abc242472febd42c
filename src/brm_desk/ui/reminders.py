"""Reminders on the desktop: a check each minute, a notification for each thing newly due,
the tray icon and its menu, the morning digest, and the choices that turn them on and off.

The check is a few queries (``services.reminders.today``), run off the UI thread as the
calendar refresh is, so the window never waits for it. Each reminder is notified once a day,
remembered across restarts in QSettings; the digest, once a day, tells of the rest.
Notifications go through :class:`~brm_desk.ui.notifications.Notifications` and carry titles
and partner names only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.reminders import Reminder, Snooze, State, digest_due
from brm_desk.domain.words import plural
from brm_desk.services import reminders
from brm_desk.services.reminders import Day
from brm_desk.ui.commands import JournalCommand, push
from brm_desk.ui.icons import app_icon
from brm_desk.ui.notifications import Notifications
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.shell import Shell

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

CHECK_MS = 60_000
MENU_ENTRIES = 8
MANY = 3
"""More reminders newly due at once than this: one notification tells of them all."""
TODAY = "today"
"""The key of a notification that opens the Today view."""
ON, IN_TRAY, DIGEST = "reminders/on", "reminders/tray", "reminders/digest"
_NOTIFIED, _DIGEST_DAY, _TOLD_TRAY = "reminders/notified", "reminders/digest_day", "reminders/told"


class Reminders(QObject):
    """Checks what is due and tells the BRM, once; the tray's icon and menu.

    ``clock`` gives "now" (tests fix it); ``tray_available`` says whether the desktop has a
    system tray (default: ask Qt). The menu exists even without a tray, so it can be tested.
    """

    sig_open_record = Signal(str, str)
    sig_open_brief = Signal(str)
    sig_open_today = Signal()
    sig_show_window = Signal()
    sig_quit = Signal()
    sig_checked = Signal()

    def __init__(
        self,
        shell: Shell,
        clock: Callable[[], datetime],
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(shell)
        self._shell = shell
        self.settings = shell.settings
        self.clock = clock
        self.started = clock()
        self.tray_available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self.day: Day | None = None
        self.stopped = False
        self._running = self._again = False
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip("BRM Desk")
        self.menu = QMenu(shell.window)
        self.menu.setAccessibleName("BRM Desk tray menu")
        self.menu.aboutToShow.connect(self.fill_menu)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.notifications = Notifications(shell.window, self.tray)
        self.notifications.sig_clicked.connect(self.open)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        shell.sig_journal_replaced.connect(self.apply_settings)
        self.apply_settings()

    # The BRM's choices (View → Reminders), kept per machine like the theme.

    def enabled(self) -> bool:
        return bool(self.settings.value(ON, True, type=bool))

    def keeps_in_tray(self) -> bool:
        """Closing the window hides it to the tray (only where there is a tray)."""
        wanted = bool(self.settings.value(IN_TRAY, True, type=bool))
        return wanted and self.enabled() and self.tray_available

    def digest_enabled(self) -> bool:
        return self.enabled() and bool(self.settings.value(DIGEST, True, type=bool))

    def choose(self, name: str, on: bool) -> None:
        self.settings.setValue(name, on)
        self.apply_settings()

    def settings_menu(self, parent: QWidget) -> QMenu:
        """View → Reminders: on or off, the tray on closing, the morning digest."""
        menu = QMenu("Re&minders", parent)
        choices = (
            (ON, "&Remind me of what is due"),
            (IN_TRAY, "&Keep running in the tray when the window is closed"),
            (DIGEST, "Morning &digest"),
        )
        actions: dict[str, QAction] = {}
        for name, text in choices:
            action = actions[name] = menu.addAction(text)
            action.setCheckable(True)
            action.toggled.connect(partial(self.choose, name))

        def follow() -> None:
            for name, action in actions.items():
                action.blockSignals(True)
                action.setChecked(bool(self.settings.value(name, True, type=bool)))
                action.blockSignals(False)
            actions[IN_TRAY].setEnabled(self.enabled() and self.tray_available)
            actions[DIGEST].setEnabled(self.enabled())
            if not self.tray_available:
                actions[IN_TRAY].setToolTip("This desktop has no system tray")

        menu.aboutToShow.connect(follow)
        follow()
        return menu

    def apply_settings(self) -> None:
        """Start or stop the checks and the tray icon as the choices and the journal say."""
        if self.stopped:
            return
        running = self.enabled() and self._shell.journal is not None
        self.tray.setVisible(self.enabled() and self.tray_available)
        if running:
            self.timer.start()
            self.check()
        else:
            self.stop_checks()

    def stop_checks(self) -> None:
        self.timer.stop()
        self.day = None
        self.fill_menu()
        self.sig_checked.emit()

    def stop(self) -> None:
        """At quit: no timer, no icon; nothing runs after, nor starts again."""
        self.stopped = True
        self.stop_checks()
        self.tray.hide()
        self.notifications.toast.dismiss()

    # The check.

    @property
    def due(self) -> tuple[Reminder, ...]:
        return self.day.due if self.day is not None else ()

    def check(self) -> None:
        """Ask what is due now, off the UI thread (one ask at a time; one more if asked
        meanwhile); :meth:`_checked` tells of it."""
        journal = self._shell.journal
        if journal is None or self.stopped or not self.enabled():
            return
        if self._running:
            self._again = True
            return
        self._running = True
        now = self.clock()
        op = QueryOp(self, lambda: reminders.today(journal, now))
        op.success(lambda day: self._checked(journal, now, day)).failure(self._failed)
        op.finished(self._finished).run_in_background()

    def _finished(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.check()

    def _failed(self, error: BrmDeskError) -> None:
        self._shell.say(f"Reminders: {error}")

    def _checked(self, journal: Journal, now: datetime, day: Day) -> None:
        """Notify what is newly due, or the digest once a morning; refill the menu."""
        if journal is not self._shell.journal or self.stopped:
            return  # the journal was closed or swapped meanwhile
        self.day = day
        notified = self._notified(now.date())
        new = [r for r in day.due if r.key not in notified]
        if self.digest_enabled() and digest_due(now, self.started, self._digest_day()):
            self.settings.setValue(_DIGEST_DAY, now.date().isoformat())
            self.notifications.notify(f"Today: {now:%A} {now.day} {now:%B}", day.digest(), TODAY)
            new = [r for r in new if r.kind == "meeting_soon"]  # the digest told of the rest
        elif len(new) > MANY:
            self.notifications.notify(
                f"{plural(len(new), 'reminder')} due", ", ".join(_partners(new)), TODAY
            )
            new = []
        for reminder in new:
            self.notifications.notify(*reminder.notice(), reminder.key)
        self._keep_notified(now.date(), {r.key for r in day.due} | notified)
        self.fill_menu()
        self.sig_checked.emit()

    def _notified(self, day: date) -> set[str]:
        """The keys notified on ``day`` (none from another day: each is said again a day)."""
        kept = str(self.settings.value(_NOTIFIED, "", type=str)).split()
        return set(kept[1:]) if kept and kept[0] == day.isoformat() else set()

    def _keep_notified(self, day: date, keys: set[str]) -> None:
        self.settings.setValue(_NOTIFIED, " ".join([day.isoformat(), *sorted(keys)]))

    def _digest_day(self) -> date | None:
        kept = str(self.settings.value(_DIGEST_DAY, "", type=str))
        return date.fromisoformat(kept) if kept else None

    # Opening what a notice or a menu entry is about.

    def open(self, key: str) -> None:
        """Show what the notice ``key`` is about: a meeting soon opens its prep brief."""
        reminder = next((r for r in self.due if r.key == key), None)
        if reminder is None:
            self.open_today()
            return
        self.sig_show_window.emit()
        if reminder.kind == "meeting_soon":
            self.sig_open_brief.emit(reminder.partner_id)
        else:
            self.sig_open_record.emit(reminder.opens, reminder.record_id)

    def open_today(self) -> None:
        self.sig_show_window.emit()
        self.sig_open_today.emit()

    def snooze_all(self) -> None:
        """Everything due, for an hour (undoable: Edit → Undo)."""
        journal = self._shell.journal
        if journal is not None and self.due:
            push(self._shell.undo_stack, snooze_all(journal, self.due, self.clock()))

    def told_about_tray(self) -> None:
        """The first time the window closes to the tray, say so (once per machine)."""
        if self.settings.value(_TOLD_TRAY, False, type=bool):
            return
        self.settings.setValue(_TOLD_TRAY, True)
        self.notifications.notify(
            "BRM Desk is still running",
            "It keeps reminding you from the tray. Quit from the tray's menu to end it.",
            TODAY,
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.sig_show_window.emit()

    def fill_menu(self) -> None:
        """Open, Today, what is due (each opens its record), Snooze all, Quit."""
        self.menu.clear()
        self.menu.addAction("&Open BRM Desk", self.sig_show_window.emit)
        self.menu.addAction("&Today", self.open_today)
        self.menu.addSeparator()
        due = self.due
        if not due:
            self.menu.addAction("Nothing is due").setEnabled(False)
        for reminder in due[:MENU_ENTRIES]:
            title, _body = reminder.notice()
            text = title if reminder.private else f"{reminder.partner} — {title}"
            self.menu.addAction(_menu_text(text), partial(self.open, reminder.key))
        if len(due) > MENU_ENTRIES:
            more = f"…and {len(due) - MENU_ENTRIES} more"
            self.menu.addAction(more, self.open_today)
        self.menu.addSeparator()
        snooze = self.menu.addAction("&Snooze all for an hour", self.snooze_all)
        snooze.setEnabled(bool(due))
        self.menu.addAction("&Quit", self.sig_quit.emit)


def _partners(found: list[Reminder]) -> list[str]:
    """Partners' names, each once, in the order of the reminders."""
    return list(dict.fromkeys(r.partner for r in found if r.partner))


def _menu_text(text: str, limit: int = 60) -> str:
    """One menu line, shortened, with its "&" shown rather than taken as a shortcut key."""
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return short.replace("&", "&&")


class KeepReminders(JournalCommand):
    """Snooze or dismiss reminders; undo puts back what was kept for each before."""

    def __init__(self, journal: Journal, due: Sequence[Reminder], state: State, text: str) -> None:
        super().__init__(journal, text)
        self.keys = [reminder.key for reminder in due]
        self.state = state
        self.before: dict[str, State | None] = {}

    def apply(self) -> None:
        kept = reminders.states(self.journal)
        self.before = {key: kept.get(key) for key in self.keys}
        reminders.keep(self.journal, dict.fromkeys(self.keys, self.state))

    def revert(self) -> None:
        reminders.keep(self.journal, self.before)


def snooze_all(journal: Journal, due: Sequence[Reminder], now: datetime) -> KeepReminders:
    until = Snooze.HOUR.until(now)
    return KeepReminders(journal, due, State(snoozed_until=until), "Snooze all for an hour")
