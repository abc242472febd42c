"""A page of the journal in a window of its own, whose record names open their editors.

A contact's page and the engagements behind a chart's count are such pages: HTML gathered
from the journal, read (never printed or copied: a contact page shows stances), reloaded
after every change and closed with Escape or when the journal goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTextBrowser

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.views.prep_brief_html import STYLE

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell

OpenRecord = Callable[[str, str], object]
"""Opens a record's editor: ``open_record(kind, id)``."""
PageAction = tuple[str, QKeySequence.StandardKey | str, Callable[[], object]]
"""A toolbar button: its text, its shortcut, what it does."""


def page_toolbar(
    window: QMainWindow, name: str, actions: tuple[PageAction, ...], refresh: Callable[[], object]
) -> None:
    """A window's toolbar: ``actions``, then Refresh and Close; Escape closes it too."""
    toolbar = window.addToolBar(name)
    toolbar.setObjectName("page_toolbar")
    toolbar.setMovable(False)
    for text, key, slot in (
        *actions,
        ("&Refresh", QKeySequence.StandardKey.Refresh, refresh),
        ("&Close", QKeySequence.StandardKey.Close, window.close),
    ):
        action = QAction(text, window, shortcut=QKeySequence(key))
        action.triggered.connect(slot)
        toolbar.addAction(action)
    escape_key = QAction(window, shortcut=QKeySequence(Qt.Key.Key_Escape))
    escape_key.triggered.connect(window.close)
    window.addAction(escape_key)


class LinkedPageWindow(QMainWindow):
    """The window: a browser for the page and a toolbar (Refresh, Close, and ``actions``).

    It has no parent window, so an editor open over the main window (window-modal) never
    blocks it. Subclasses say what to show in :meth:`gather`.
    """

    def __init__(
        self,
        shell: Shell,
        open_record: OpenRecord,
        name: str,
        actions: tuple[PageAction, ...] = (),
    ) -> None:
        """``name`` is what a screen reader calls the page; ``actions`` come first in the
        toolbar as (text, shortcut, slot)."""
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.shell = shell
        self.open_record = open_record
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(name)
        self.browser.setOpenLinks(False)
        links = Qt.TextInteractionFlag
        self.browser.setTextInteractionFlags(
            links.LinksAccessibleByMouse | links.LinksAccessibleByKeyboard
        )
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(24)
        self.browser.anchorClicked.connect(self._follow)
        self.setCentralWidget(self.browser)
        page_toolbar(self, name, actions, self.load)
        screen = self.screen().availableGeometry()
        self.resize(min(780, screen.width() - 40), min(860, screen.height() - 60))
        shell.undo_stack.indexChanged.connect(self.load)
        shell.sig_journal_replaced.connect(self.close)

    def gather(self, journal: Journal) -> tuple[str, str]:
        """The window's title and the page's HTML, read from ``journal`` now."""
        raise NotImplementedError

    def load(self) -> bool:
        """Gather the page again; a page gone (its record deleted, the journal closed)
        closes, saying why in the main window's status bar."""
        journal = self.shell.journal
        try:
            if journal is None:
                raise BrmDeskError("the journal is closed")
            title, html = self.gather(journal)
        except BrmDeskError as error:
            self.shell.say(f"No {self.browser.accessibleName().lower()}: {error.message}")
            self.close()
            return False
        self.setWindowTitle(title)
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(position)
        return True

    def _follow(self, url: QUrl) -> None:
        self.open_record(url.scheme(), url.path())
