"""A contact's page: one person and everything the journal knows of them, in its own window.

It is the BRM's own view: stances show, as in the editor, so the page can be read but not
printed, saved or copied (SPEC §4: stances never leave the journal). Its meetings and
requests are links to their editors; a name anywhere else in the app leads here through
:func:`ask_contact_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QListWidget, QMainWindow, QTextBrowser, QWidget

from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.contacts import ContactPage
from brm_desk.ui.views.prep_brief_html import (
    STANCE_COLOURS,
    STYLE,
    day,
    follow_ups,
    link,
    section,
)

if TYPE_CHECKING:
    from brm_desk.ui.shell import Shell

OpenRecord = Callable[[str, str], object]
"""Opens a record's editor: ``open_record(kind, id)``."""


@runtime_checkable
class OpensContactPages(Protocol):
    """A window that can show a contact's page (the main window)."""

    def open_contact_page(self, contact_id: str) -> object: ...


def ask_contact_page(widget: QObject, contact_id: str) -> bool:
    """Ask the window ``widget`` sits in, or the one that opened it, for a contact's page."""
    found: QObject | None = widget
    while found is not None and not isinstance(found, OpensContactPages):
        found = found.parent()
    if found is None:
        return False
    found.open_contact_page(contact_id)
    return True


def offer_contact_pages(editor: QWidget) -> None:
    """ "Open contact page" in the context menu of the people an editor names: a meeting's
    attendees, a request's raised-by."""
    from brm_desk.ui.editors.meeting_editor import MeetingEditor
    from brm_desk.ui.editors.request_editor import RequestEditor

    if isinstance(editor, MeetingEditor):
        attendees = editor.attendees
        _offer(attendees, lambda: _item_id(attendees))
    elif isinstance(editor, RequestEditor):
        _offer(editor.raised_by, editor.raised_by.currentData)


def _item_id(people: QListWidget) -> object:
    item = people.currentItem()
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _offer(widget: QListWidget | QComboBox, chosen: Callable[[], object]) -> None:
    action = QAction("Open contact page", widget)

    def open_page() -> None:
        contact_id = chosen()
        if isinstance(contact_id, str):
            ask_contact_page(widget, contact_id)

    action.triggered.connect(open_page)
    widget.addAction(action)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


class ContactPageWindow(QMainWindow):
    """One person's page. It has no parent window, so an editor open over the main window
    (window-modal) never blocks it; it closes when the journal goes (swap, lock, quit) or
    the contact does, and reloads after every change made in the journal."""

    def __init__(self, shell: Shell, contact_id: str, open_record: OpenRecord) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.shell = shell
        self.contact_id = contact_id
        self.open_record = open_record
        self.page: ContactPage | None = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Contact page")
        self.browser.setOpenLinks(False)
        links = Qt.TextInteractionFlag
        self.browser.setTextInteractionFlags(
            links.LinksAccessibleByMouse | links.LinksAccessibleByKeyboard
        )
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(24)
        self.browser.anchorClicked.connect(self._follow)
        self.setCentralWidget(self.browser)
        toolbar = self.addToolBar("Contact")
        toolbar.setObjectName("contact_toolbar")
        toolbar.setMovable(False)
        for text, key, slot in (
            ("&Edit contact…", "Ctrl+E", lambda: open_record("contact", self.contact_id)),
            ("&Refresh", QKeySequence.StandardKey.Refresh, self.load),
            ("&Close", QKeySequence.StandardKey.Close, self.close),
        ):
            action = QAction(text, self, shortcut=QKeySequence(key))
            action.triggered.connect(slot)
            toolbar.addAction(action)
        escape_key = QAction(self, shortcut=QKeySequence(Qt.Key.Key_Escape))
        escape_key.triggered.connect(self.close)
        self.addAction(escape_key)
        screen = self.screen().availableGeometry()
        self.resize(min(780, screen.width() - 40), min(860, screen.height() - 60))
        shell.undo_stack.indexChanged.connect(self.load)
        shell.sig_journal_replaced.connect(self.close)

    def load(self) -> bool:
        """Gather the page again; a contact gone (deleted, its journal closed) closes it,
        saying why in the main window's status bar."""
        journal = self.shell.journal
        try:
            if journal is None:
                raise BrmDeskError("the journal is closed")
            self.page = journal.contacts.page(self.contact_id)
        except BrmDeskError as error:
            self.shell.say(f"No contact page: {error.message}")
            self.close()
            return False
        self.setWindowTitle(f"{self.page.contact.name} — contact")
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(contact_html(self.page))
        self.browser.verticalScrollBar().setValue(position)
        return True

    def _follow(self, url: QUrl) -> None:
        self.open_record(url.scheme(), url.path())


def contact_html(page: ContactPage) -> str:
    """The page as HTML: who, last touch, stance over time, follow-ups, requests, meetings."""
    contact = page.contact
    facts = [contact.role, page.partner_name, contact.email, contact.phone]
    notes = escape(contact.notes).replace("\n", "<br>")
    return "".join(
        [
            f"<html><head><style>{STYLE}</style></head><body>",
            f"<h1>{escape(contact.name)}</h1>",
            f'<p class="sub">{escape(" · ".join(f for f in facts if f))}</p>',
            _last_touch(page),
            _stance(page),
            follow_ups("What I owe them", page.we_owe, "Nothing open on our side.", page.today),
            follow_ups("What they owe", page.they_owe, "Nothing open on their side.", page.today),
            _requests(page),
            _meetings(page),
            f"<h2>Notes</h2><p>{notes}</p>" if notes else "",
            "</body></html>",
        ]
    )


def _last_touch(page: ContactPage) -> str:
    touch = page.last_touch
    if touch is None:
        return '<p><b>Last touch:</b> <span class="muted">no meeting with them yet</span></p>'
    days = (page.today - touch.local_date).days
    return (
        f"<p><b>Last touch:</b> {day(touch.local_date)} ({days} days ago), "
        f"{link('meeting', touch.id, touch.title)}</p>"
    )


def _stance(page: ContactPage) -> str:
    """Stance and influence now, then each change, latest first."""
    rows = [
        f'<tr><td class="when">{day(change.since)}</td>'
        f'<td style="color:{STANCE_COLOURS[change.stance]}">{change.stance.label}</td>'
        f"<td>{change.influence.label} influence</td></tr>"
        for change in reversed(page.history)
    ]
    rows.insert(0, "<tr><th>Since</th><th>Stance</th><th>Influence</th></tr>")
    return section("Stance and influence (private)", rows, "")


def _requests(page: ContactPage) -> str:
    rows = [
        f'<tr><td class="when">{day(request.received)}</td>'
        f"<td>{link('request', request.id, request.title)} "
        f'<span class="muted">{request.status.label} · {request.focus.label}</span></td></tr>'
        for request in page.requests
    ]
    return section("Requests raised", rows, "No requests raised.")


def _meetings(page: ContactPage) -> str:
    rows = []
    for meeting in page.meetings:
        tags = [meeting.type.label, meeting.focus.label]
        if meeting.private:
            tags.append("private")
        rows.append(
            f'<tr><td class="when">{day(meeting.local_date)}</td>'
            f"<td>{link('meeting', meeting.id, meeting.title)} "
            f'<span class="muted">{escape(" · ".join(tags))}</span></td></tr>'
        )
    return section("Meetings attended", rows, "No meetings attended.")
