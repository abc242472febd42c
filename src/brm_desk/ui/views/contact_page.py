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

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QListWidget, QWidget

from brm_desk.services.contacts import ContactPage
from brm_desk.ui.views.linked_page import LinkedPageWindow, OpenRecord
from brm_desk.ui.views.prep_brief_html import (
    STANCE_COLOURS,
    day,
    follow_ups_both_ways,
    html_page,
    link,
    section,
)

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell


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


class ContactPageWindow(LinkedPageWindow):
    """One person's page; it closes when the contact goes."""

    def __init__(self, shell: Shell, contact_id: str, open_record: OpenRecord) -> None:
        edit = ("&Edit contact…", "Ctrl+E", lambda: open_record("contact", contact_id))
        super().__init__(shell, open_record, "Contact page", (edit,))
        self.contact_id = contact_id
        self.page: ContactPage | None = None

    def gather(self, journal: Journal) -> tuple[str, str]:
        self.page = journal.contacts.page(self.contact_id)
        return f"{self.page.contact.name} — contact", contact_html(self.page)


def contact_html(page: ContactPage) -> str:
    """The page as HTML: who, last touch, stance over time, follow-ups, requests, meetings."""
    contact = page.contact
    facts = [contact.role, page.partner_name, contact.email, contact.phone]
    notes = escape(contact.notes).replace("\n", "<br>")
    return html_page(
        f"<h1>{escape(contact.name)}</h1>",
        f'<p class="sub">{escape(" · ".join(f for f in facts if f))}</p>',
        _last_touch(page),
        _stance(page),
        follow_ups_both_ways(page.we_owe, page.they_owe, page.today),
        _requests(page),
        _meetings(page),
        f"<h2>Notes</h2><p>{notes}</p>" if notes else "",
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
    """Stance, influence and interest now, then each change, latest first."""
    rows = [
        f'<tr><td class="when">{day(change.since)}</td>'
        f'<td style="color:{STANCE_COLOURS[change.stance]}">{change.stance.label}</td>'
        f"<td>{change.influence.label} influence</td>"
        f"<td>{change.interest.label} interest</td></tr>"
        for change in reversed(page.history)
    ]
    rows.insert(0, "<tr><th>Since</th><th>Stance</th><th>Influence</th><th>Interest</th></tr>")
    return section("Stance, influence and interest (private)", rows, "")


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
