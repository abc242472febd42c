"""The main window: a sidebar of views, the menus and toolbar, a status bar, remembered state.

This is the one module that knows every part of the window; the parts know only the
:class:`~brm_desk.ui.shell.Shell` it gives them.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from brm_desk import __version__
from brm_desk.domain.words import plural
from brm_desk.ui.icons import icon
from brm_desk.ui.shell import INBOX_VIEW, VIEW_NAMES, Shell

if TYPE_CHECKING:
    from collections.abc import Callable

    from brm_desk.domain.search import SearchHit
    from brm_desk.services.journal import Journal
    from brm_desk.ui.reminders import Reminders
    from brm_desk.ui.views.contact_page import ContactPageWindow
    from brm_desk.ui.views.engagements import EngagementsWindow
    from brm_desk.ui.views.page import Page

TITLE = "BRM Desk"
MENUS = ("File", "Edit", "View", "Partner", "Help")


class MainWindow(QMainWindow):
    """Shown before the journal is open (start-up stays fast); :meth:`set_journal` fills it.

    Every change goes through a command on the shell's undo stack; each do, undo and redo
    refreshes the view in sight.
    """

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        deferred: bool = False,
        clock: Callable[[], datetime] | None = None,
        tray_available: bool | None = None,
    ) -> None:
        """``deferred``: show the bare frame first and call :meth:`finish` after its first
        paint (start-up); otherwise the window is complete at once. ``clock`` gives now to
        the reminders (default: this computer's), ``tray_available`` whether the desktop has
        a system tray (default: Qt says)."""
        super().__init__()
        self.settings = settings or QSettings()
        self.clock = clock or _local_now
        self.tray_available = tray_available
        self.quitting = False
        self.reminders: Reminders | None = None
        self.shell = Shell(self, self.settings, self.current_page)
        self.pages: list[Page] = []
        self.contact_pages: dict[str, ContactPageWindow] = {}  # windows without a parent
        self.engagements: EngagementsWindow | None = None  # another one
        self._default_size()

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Navigation")
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setIconSize(QSize(18, 18))
        self.sidebar.setMinimumWidth(150)
        self.sidebar.setMaximumWidth(220)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { font-size: 11pt; padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 7px 14px; }"
        )
        for name in VIEW_NAMES:
            QListWidgetItem(icon(name.lower()), name, self.sidebar)
        self.stack = QStackedWidget()

        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.sidebar.currentRowChanged.connect(self.show_view)

        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self._show_journal()  # none yet: a placeholder
        # The menus and the toolbar exist from the start (so nothing shifts when they fill).
        self.menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setMinimumHeight(self.toolbar.sizeHint().height() + 10)
        self._restore_geometry()
        self.shell.sig_journal_replaced.connect(self._show_journal)
        self.finished = False
        if not deferred:
            self.finish()

    def finish(self) -> None:
        """Everything a first paint does not need: the parts of the window and their actions.

        At start-up this runs right after the window first appears, so the frame shows at
        once and the modules behind the actions load while the journal opens.
        """
        if self.finished:
            return
        self.finished = True
        from brm_desk.ui.actions import ACTIONS, build_actions
        from brm_desk.ui.calendar_refresh import CalendarRefresh
        from brm_desk.ui.dialogs.export_pack import open_export_dialog
        from brm_desk.ui.help import show_shortcuts
        from brm_desk.ui.idle_lock import IdleLock
        from brm_desk.ui.interchange_actions import InterchangeActions
        from brm_desk.ui.journal_opening import OtherJournals
        from brm_desk.ui.journal_safety import JournalSafety
        from brm_desk.ui.palette import theme_menu
        from brm_desk.ui.record_actions import RecordActions
        from brm_desk.ui.triage import triage_slots

        shell = self.shell
        self.record_actions = records = RecordActions(shell)
        self.interchange = interchange = InterchangeActions(shell)
        self.idle_lock = IdleLock(shell)
        safety = JournalSafety(shell)
        self.journals = journals = OtherJournals(shell)
        slots: dict[str, Callable[[], object]] = {
            "new_meeting": records.quick_capture,
            "new_record": lambda: records.new_record(shell.new_kind()),
            "open_journal": journals.choose,
            "recent_journals": lambda: None,  # a submenu: its entries do the work
            "import_calendar": interchange.import_calendar,
            "import_csv": interchange.import_csv,
            "calendar_sources": self.show_calendar_sources,
            "export_pack": lambda: open_export_dialog(shell),
            "export_list": interchange.export_list,
            "back_up": safety.back_up_now,
            "restore": safety.restore,
            "encrypt": safety.encrypt,
            "change_passphrase": safety.change_passphrase,
            "lock": self.idle_lock.lock,
            "lock_when_idle": self.idle_lock.choose_minutes,
            "quit": self.quit_app,
            "undo": shell.undo_stack.undo,
            "redo": shell.undo_stack.redo,
            "open": records.open_selected,
            "delete": records.delete_selected,
            "find": self.show_search,
            "refresh": self.refresh,
            "theme": lambda: None,  # a submenu
            "reminders": lambda: None,  # a submenu
            "shortcuts": lambda: show_shortcuts(self),
            "about": self.show_about,
            **triage_slots(shell),
        }
        for row, name in enumerate(VIEW_NAMES):
            slots[name.lower()] = partial(self.sidebar.setCurrentRow, row)
        for spec in ACTIONS:
            if spec.view:
                slots[spec.name] = partial(self._do_in_view, spec.name)
        self._actions = build_actions(self, self.menus, self.toolbar, self.stack, slots)
        self._actions["recent_journals"].setMenu(journals.menu)
        self._actions["theme"].setMenu(theme_menu(self))
        undo, redo = self._actions["undo"], self._actions["redo"]
        for short in (undo, redo):  # the toolbar keeps a short label; the menu says what
            short.setIconText(short.text().replace("&", ""))
        shell.undo_stack.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".strip()))
        shell.undo_stack.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".strip()))
        shell.undo_stack.indexChanged.connect(self.refresh)  # a command was done or undone
        self.calendar_refresh = CalendarRefresh(shell)
        self.calendar_refresh.sig_changed.connect(self.refresh)
        self._start_reminders()
        shell.sig_state_changed.connect(self._update_actions)
        self._update_actions()

    def _start_reminders(self) -> None:
        """The checks, the tray and its menu; a click on a notice opens what it is about."""
        from brm_desk.ui.reminders import Reminders

        self.reminders = reminders = Reminders(self.shell, self.clock, self.tray_available)
        self._actions["reminders"].setMenu(reminders.settings_menu(self))
        reminders.sig_open_record.connect(self.record_actions.open_record)
        reminders.sig_open_brief.connect(self.open_prep_brief)
        reminders.sig_open_today.connect(lambda: self.show_page("Today"))
        reminders.sig_show_window.connect(self.bring_back)
        reminders.sig_quit.connect(self.quit_app)
        reminders.sig_checked.connect(self._refresh_today)
        self.shell.undo_stack.indexChanged.connect(reminders.check)
        self.calendar_refresh.sig_changed.connect(reminders.check)

    def _do_in_view(self, name: str) -> None:
        """An action of the view in sight (its own, in the action table)."""
        page = self.current_page()
        slot = page.view_slots().get(name) if page is not None else None
        if slot is not None:
            slot()

    def action(self, name: str) -> QAction:
        """The action ``name`` of :data:`brm_desk.ui.actions.ACTIONS`."""
        return self._actions[name]

    def _update_actions(self) -> None:
        from brm_desk.ui.actions import enable_actions

        enable_actions(self._actions, self.shell.holds())
        kind = self.shell.new_kind()
        new_record = self._actions["new_record"]
        new_record.setText(f"&New {kind}…" if kind else "&New…")
        # On the meetings list "New meeting" is there already, as quick capture.
        new_record.setVisible(kind != "meeting")

    def set_journal(self, journal: Journal | None) -> None:
        """Show ``journal`` in the window (None: no journal, e.g. while it is locked)."""
        self.finish()
        self.shell.set_journal(journal)

    def _show_journal(self) -> None:
        """Show the shell's journal: its views replace the old ones (none when it is None)."""
        self._drop_views()
        journal = self.shell.journal
        self.sidebar.setEnabled(journal is not None)
        if journal is None:
            placeholder = QLabel("Opening the journal…")
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(placeholder)
            self.setWindowTitle(TITLE)
            return
        self.setWindowTitle(f"{TITLE} — {journal.name}")
        self._build_views(journal)
        last = self.settings.value("main/view", "Dashboard", type=str)
        row = VIEW_NAMES.index(last) if last in VIEW_NAMES else 0
        self.sidebar.setCurrentRow(row)
        self.show_view(row)
        self.update_counts()

    def _build_views(self, journal: Journal) -> None:
        """The views are imported here (and the journal core under them), not at start-up."""
        from brm_desk.ui.views.calendar_inbox import InboxPage
        from brm_desk.ui.views.contacts import ContactsPage
        from brm_desk.ui.views.dashboard import DashboardPage
        from brm_desk.ui.views.meetings import MeetingsPage
        from brm_desk.ui.views.partners import PartnersPage
        from brm_desk.ui.views.requests import RequestsPage
        from brm_desk.ui.views.search import SearchPage
        from brm_desk.ui.views.today import TodayPage
        from brm_desk.ui.views.trash import TrashPage

        self.pages = [
            DashboardPage(journal, self.settings),
            PartnersPage(journal, self.settings),
            MeetingsPage(journal, self.settings),
            RequestsPage(journal, self.settings),
            ContactsPage(journal, self.settings),
            TodayPage(journal, self.settings, self.clock),
            InboxPage(journal, self.settings),
            search_page := SearchPage(journal, self.settings),
            TrashPage(journal, self.settings),
        ]
        search_page.sig_open_hit.connect(self.open_hit)
        for page in self.pages:
            page.sig_open_record.connect(self.record_actions.open_record)
            page.sig_open_contact.connect(self.open_contact_page)
            page.sig_command.connect(self.record_actions.run)
            page.sig_selection_changed.connect(self.shell.sig_state_changed)
            self.stack.addWidget(page)
        if self.finished:
            from brm_desk.ui.actions import offer_in_views

            offer_in_views(self._actions, self.pages)

    def _drop_views(self) -> None:
        """Keep the views' state, then let them go: once out of ``pages`` nothing refreshes
        them against a closed file (that was a traceback), and they are deleted as soon as
        the event loop is back, never from under code of theirs that is still running."""
        if self.pages:  # the view in sight, and each view's columns and sort order
            self.settings.setValue("main/view", self.current_view())
            for page in self.pages:
                page.save_state(self.settings)
        self.pages = []
        self.counts_label.clear()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def show_view(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].refresh()
        self.shell.sig_state_changed.emit()

    def show_page(self, name: str) -> Page | None:
        """Switch to the view ``name`` and hand back its page (None before a journal opens)."""
        if not self.pages:
            return None
        self.sidebar.setCurrentRow(VIEW_NAMES.index(name))
        return self.pages[VIEW_NAMES.index(name)]

    def current_page(self) -> Page | None:
        return self.pages[self.stack.currentIndex()] if self.pages else None

    def current_view(self) -> str:
        return VIEW_NAMES[self.sidebar.currentRow()] if self.pages else ""

    def show_search(self) -> None:
        """Ctrl+F from anywhere: the search view, with its box focused and its text selected."""
        from brm_desk.ui.views.search import SearchPage

        page = self.show_page("Search")
        if isinstance(page, SearchPage):
            page.focus_search()

    def show_meetings(self, partner_id: str | None, since: date, until: date) -> None:
        """The Meetings view listing one partner's meetings of [since, until] (from a list of
        a chart's engagements)."""
        from brm_desk.ui.views.meetings import MeetingsPage

        page = self.show_page("Meetings")
        if isinstance(page, MeetingsPage):
            page.show_partner(partner_id, since, until)

    def show_engagements(
        self, partner_id: str, first: date, last: date
    ) -> EngagementsWindow | None:
        """A chart's month or partner clicked: the meetings and requests it counts, in a
        window of its own (one: the next click lists its days there)."""
        from brm_desk.ui.views.engagements import EngagementsWindow

        if self.shell.journal is None:
            return None
        window = self.engagements
        if window is None:
            window = EngagementsWindow(self.shell, self._open_linked, self.show_meetings)
            window.destroyed.connect(lambda: setattr(self, "engagements", None))
            self.engagements = window
        if not window.show_days(partner_id, first, last):
            return None
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_hit(self, hit: SearchHit) -> None:
        """A search hit: its list in view with the record selected, then its editor (a
        person's page for a contact)."""
        page = next(page for page in self.pages if page.record_kind == hit.kind)
        self.sidebar.setCurrentRow(self.pages.index(page))
        page.reveal(hit.id, hit.partner_id)
        if hit.kind == "contact":
            self.open_contact_page(hit.id)
        else:
            self.record_actions.open_record(hit.kind, hit.id)

    def open_contact_page(self, contact_id: str) -> ContactPageWindow | None:
        """The contact's page, in its own window (brought forward when it is open already)."""
        from brm_desk.ui.views.contact_page import ContactPageWindow

        if self.shell.journal is None:
            return None
        window = self.contact_pages.get(contact_id)
        if window is None:
            window = ContactPageWindow(self.shell, contact_id, self._open_linked)
            window.destroyed.connect(lambda: self.contact_pages.pop(contact_id, None))
            if not window.load():
                return None
            self.contact_pages[contact_id] = window
            window.show()
        else:
            window.raise_()
        window.activateWindow()
        return window

    def open_prep_brief(self, partner_id: str) -> None:
        from brm_desk.ui.views.prep_brief import show_prep_brief

        if self.shell.journal is not None:
            show_prep_brief(self, self.shell.journal, partner_id)

    def _refresh_today(self) -> None:
        if self.current_view() == "Today":
            self.refresh()

    def bring_back(self) -> None:
        """From the tray: the window in sight and in front."""
        QApplication.setQuitOnLastWindowClosed(True)
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        """File → Quit and the tray's Quit: the window closes for good, nothing runs after."""
        self.quitting = True
        if self.close():
            QApplication.quit()

    def _open_linked(self, kind: str, record_id: str) -> None:
        """A record named on a contact page: its editor, unless one is open (then that one
        comes forward: one editor at a time)."""
        editor = self.record_actions.editor
        if editor is not None and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            return
        self.record_actions.open_record(kind, record_id)

    def refresh(self) -> None:
        """Reload the visible view after a change (other views reload when shown)."""
        page = self.current_page()
        if page is not None:
            page.refresh()
            self.update_counts()

    def update_counts(self) -> None:
        if self.shell.journal is None:
            return
        from brm_desk.services.calendar_inbox import waiting_count
        from brm_desk.services.lists import Lists

        waiting = waiting_count(self.shell.journal)
        inbox = self.sidebar.item(VIEW_NAMES.index(INBOX_VIEW))
        inbox.setText(f"{INBOX_VIEW} ({waiting})" if waiting else INBOX_VIEW)
        inbox.setToolTip(f"Calendar inbox: {plural(waiting, 'event')} to file")
        counts = Lists(self.shell.journal.database).counts()
        self.counts_label.setText(
            f"{plural(counts.partners, 'active partner')} · "
            f"{plural(counts.meetings, 'meeting')} · {plural(counts.requests, 'request')}"
        )

    def show_calendar_sources(self) -> None:
        """The calendars followed, to add, remove or refresh; the inbox count follows."""
        from brm_desk.ui.dialogs.calendar_sources import CalendarSourcesDialog

        if self.shell.journal is None:
            return
        CalendarSourcesDialog(self.shell.journal, self.calendar_refresh, self).exec()
        self.refresh()

    def show_about(self) -> None:
        from brm_desk.ui.dialogs import messages

        messages.show_info(
            self,
            "About BRM Desk",
            f"BRM Desk {__version__}\n\nA private, offline journal for Business Relationship "
            "Managers. Everything stays on this machine.",
        )

    def _default_size(self) -> None:
        """All of a laptop's small screen, most of a larger one, but not a wall of white on a
        large monitor."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 800:
            self.resize(1200, 760)
        elif screen.width() < 1280:  # every column of the dashboard needs the width
            self.resize(screen.size())
        else:
            self.resize(min(int(screen.width() * 0.9), 1560), min(int(screen.height() * 0.9), 980))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("main/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([160, 1040])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed with reminders kept in the tray: hidden, still reminding; else it ends."""
        if self.reminders is not None and not self.quitting and self.reminders.keeps_in_tray():
            event.ignore()
            QApplication.setQuitOnLastWindowClosed(False)  # an editor closing ends nothing
            self.hide()
            self.reminders.told_about_tray()
            return
        if self.reminders is not None:
            self.reminders.stop()
        QApplication.setQuitOnLastWindowClosed(True)
        self.statusBar().clearMessage()  # and its timer: nothing runs after the window
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        journal = self.shell.take_journal()
        if journal is not None:
            journal.close()
        self.settings.sync()
        super().closeEvent(event)


def _local_now() -> datetime:
    """Now, aware, in this computer's offset."""
    return datetime.now().astimezone()
