"""The main window: a sidebar of views, menus, a status bar, and remembered window state."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from brm_desk import __version__
from brm_desk.ui.icons import icon

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.record_actions import RecordActions
    from brm_desk.ui.views.page import Page
    from brm_desk.ui.views.search import SearchPage


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


VIEW_NAMES = ("Dashboard", "Partners", "Meetings", "Requests", "Contacts", "Search", "Trash")
TITLE = "BRM Desk"


class MainWindow(QMainWindow):
    """Shown before the journal is open (start-up stays fast); :meth:`set_journal` fills it.

    Every change goes through a command on ``undo_stack``; ``sig_journal_changed`` follows
    each do, undo and redo so the views refresh.
    """

    sig_journal_changed = Signal()

    def __init__(self, settings: QSettings | None = None, *, deferred: bool = False) -> None:
        """``deferred``: show the bare frame first and call :meth:`finish` after its first
        paint (start-up); otherwise the window is complete at once."""
        super().__init__()
        self.settings = settings or QSettings()
        self.journal: Journal | None = None
        self.pages: list[Page] = []
        self.search_page: SearchPage | None = None
        self.setWindowTitle(TITLE)
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
        placeholder = QLabel("Opening the journal…")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(placeholder)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.sidebar.currentRowChanged.connect(self.show_view)
        self.sidebar.setEnabled(False)

        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        # The menus and the toolbar exist from the start (so nothing shifts when they fill).
        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setMinimumHeight(self.toolbar.sizeHint().height() + 10)
        self._restore_geometry()
        self.finished = False
        if not deferred:
            self.finish()

    def finish(self) -> None:
        """Everything a first paint does not need: the undo stack, actions, menu entries.

        At start-up this runs right after the window first appears, so the frame shows at
        once and the modules behind the actions load while the journal opens.
        """
        if self.finished:
            return
        self.finished = True
        from brm_desk.ui.record_actions import RecordActions

        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.sig_journal_changed.connect(self.refresh)
        self.record_actions: RecordActions = RecordActions(self)
        self._build_menus()

    def _build_menus(self) -> None:
        from brm_desk.ui import journal_safety
        from brm_desk.ui.dialogs.export_pack import install_export_pack
        from brm_desk.ui.interchange_actions import install_interchange

        file_menu, edit_menu, toolbar = self.file_menu, self.edit_menu, self.toolbar
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.record_actions.install(file_menu, edit_menu, toolbar)
        self.journal_safety = journal_safety.install(self, file_menu)
        self.export_pack_action = install_export_pack(self, file_menu)
        self.interchange = install_interchange(self, file_menu)

        view_menu = self.view_menu
        self.view_actions: list[QAction] = []
        for row, name in enumerate(VIEW_NAMES):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.sidebar.setCurrentRow(r))
            action.setEnabled(False)
            view_menu.addAction(action)
            self.view_actions.append(action)
        view_menu.addSeparator()
        self.find_action = QAction(icon("search"), "&Find…", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.show_search)
        self.find_action.setEnabled(False)
        view_menu.addAction(self.find_action)
        refresh = QAction("&Refresh", self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        view_menu.addAction(refresh)

        help_menu = self.help_menu
        about = QAction("&About BRM Desk", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def set_journal(self, journal: Journal) -> None:
        """Build the views on an open journal and go back to the view used last time.

        The views (and the journal core under them) are imported here, not at start-up.
        """
        self.finish()
        from brm_desk.ui.views.contacts import ContactsPage
        from brm_desk.ui.views.dashboard import DashboardPage
        from brm_desk.ui.views.meetings import MeetingsPage
        from brm_desk.ui.views.partners import PartnersPage
        from brm_desk.ui.views.requests import RequestsPage
        from brm_desk.ui.views.reveal import open_hit
        from brm_desk.ui.views.search import SearchPage
        from brm_desk.ui.views.trash import TrashPage

        self.journal = journal
        self.setWindowTitle(f"{TITLE} — {journal.name}")
        self.pages = [
            DashboardPage(journal, self.settings),
            PartnersPage(journal, self.settings),
            MeetingsPage(journal, self.settings),
            RequestsPage(journal, self.settings),
            ContactsPage(journal, self.settings),
            search_page := SearchPage(journal, self.settings),
            TrashPage(journal, self.settings),
        ]
        self.search_page = search_page
        search_page.sig_open_hit.connect(lambda hit: open_hit(self, hit))
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        for page in self.pages:
            page.sig_changed.connect(self.refresh)
            page.sig_open_record.connect(self.record_actions.open_record)
            page.sig_command.connect(self.record_actions.run)
            self.stack.addWidget(page)
        self.sidebar.setEnabled(True)
        for action in self.view_actions:
            action.setEnabled(True)
        self.record_actions.journal_opened()
        self.find_action.setEnabled(True)
        last = self.settings.value("main/view", "Dashboard", type=str)
        row = VIEW_NAMES.index(last) if last in VIEW_NAMES else 0
        self.sidebar.setCurrentRow(row)
        self.show_view(row)
        self.update_counts()

    def show_view(self, row: int) -> None:
        if not self.pages or not 0 <= row < len(self.pages):
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].refresh()
        self.record_actions.view_changed()

    def _stack_moved(self, _index: int) -> None:
        """A command was done, undone or redone: the journal changed."""
        self.sig_journal_changed.emit()

    def current_page(self) -> Page | None:
        return self.pages[self.stack.currentIndex()] if self.pages else None

    def show_search(self) -> None:
        """Ctrl+F from anywhere: the search view, with its box focused and its text selected."""
        if self.pages and self.search_page is not None:
            self.sidebar.setCurrentRow(VIEW_NAMES.index("Search"))
            self.search_page.focus_search()

    def show_meetings(self, partner_id: str | None, since: date, until: date) -> None:
        """The Meetings view listing one partner's meetings of [since, until] (a chart's
        month clicked)."""
        from brm_desk.ui.views.meetings import MeetingsPage

        if not self.pages:
            return
        self.sidebar.setCurrentRow(VIEW_NAMES.index("Meetings"))
        page = self.pages[VIEW_NAMES.index("Meetings")]
        if isinstance(page, MeetingsPage):
            page.show_between(partner_id, since, until)

    def current_view(self) -> str:
        return VIEW_NAMES[self.sidebar.currentRow()] if self.pages else ""

    def refresh(self) -> None:
        """Reload the visible view after a change (other views reload when shown)."""
        if self.pages:
            self.pages[self.stack.currentIndex()].refresh()
            self.update_counts()

    def update_counts(self) -> None:
        if self.journal is None:
            return
        from brm_desk.services.lists import Lists

        counts = Lists(self.journal.database).counts()
        self.counts_label.setText(
            f"{plural(counts.partners, 'active partner')} · "
            f"{plural(counts.meetings, 'meeting')} · {plural(counts.requests, 'request')}"
        )

    def show_about(self) -> None:
        from brm_desk.ui.dialogs import messages

        messages.show_info(
            self,
            "About BRM Desk",
            f"BRM Desk {__version__}\n\nA private, offline journal for Business Relationship "
            "Managers. Everything stays on this machine.",
        )

    def _default_size(self) -> None:
        """Most of the screen on a laptop, but not a wall of white on a large monitor."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 800:
            self.resize(1200, 760)
            return
        self.resize(min(int(screen.width() * 0.9), 1560), min(int(screen.height() * 0.9), 980))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([160, 1040])

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        if self.pages:
            self.settings.setValue("main/view", self.current_view())
        for page in self.pages:
            page.save_state(self.settings)
        self.settings.sync()

    def close_without_journal(self) -> None:
        """Close after a failed open: nothing to save, and the geometry stays as it was."""
        self.pages = []
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.journal is not None:
            self.save_state()
            self.journal.close()
            self.journal = None
        super().closeEvent(event)
