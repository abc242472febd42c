"""Opening a record found elsewhere (a search hit): select it in its list, open its editor.

Selecting the row first means that closing the editor leaves the BRM on the record, in
context, exactly as if it had been opened from its list.

Lists differ: partners, requests and contacts hold every row behind a filter proxy, while the
meetings list pages rows in from SQL; each needs its own way to bring one record into view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QTableView

from brm_desk.domain.search import SearchHit
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.list_page import ALL_PARTNERS, ListPage, ProxyListPage
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.page import Page

VIEW_OF_KIND = {
    "partner": "Partners",
    "meeting": "Meetings",
    "request": "Requests",
    "contact": "Contacts",
}


def open_hit(show_page: Callable[[str], Page | None], hit: SearchHit) -> bool:
    """Switch to the hit's list (``show_page(view name)``), select its record and ask for
    its editor.

    ``False`` when the record is not in its list (the editor is asked for all the same).
    """
    view = VIEW_OF_KIND.get(hit.kind)
    page = show_page(view) if view is not None else None
    if page is None:
        return False
    shown = isinstance(page, ListPage) and reveal(page, hit.id, hit.partner_id)
    page.sig_open_record.emit(hit.kind, hit.id)
    return shown


def reveal(page: ListPage, record_id: str, partner_id: str | None) -> bool:
    """Clear filters that could hide the record, then select and scroll to it."""
    page.search_box.clear()
    if isinstance(page, MeetingsPage):
        return _reveal_meeting(page, record_id, partner_id)
    if isinstance(page, ProxyListPage):
        page.partner_box.setCurrentIndex(max(page.partner_box.findText(ALL_PARTNERS), 0))
        for row in range(page.proxy.rowCount()):
            index = page.proxy.index(row, 0)
            if getattr(index.data(RECORD_ROLE), "id", None) == record_id:
                return _select(page.table, index)
    return False


def _reveal_meeting(page: MeetingsPage, record_id: str, partner_id: str | None) -> bool:
    """Narrow the list to the meeting's partner, then page in rows until the meeting shows."""
    found = page.partner_box.findData(partner_id) if partner_id else -1
    page.partner_box.setCurrentIndex(max(found, 0))
    model = page.model
    row = 0
    while True:
        while row < model.rowCount():
            if model.record(row).id == record_id:
                return _select(page.table, model.index(row, 0))
            row += 1
        if not model.canFetchMore(QModelIndex()):
            return False
        model.fetchMore(QModelIndex())


def _select(table: QTableView, index: QModelIndex) -> bool:
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows
        | QItemSelectionModel.SelectionFlag.Current
    )
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
    table.setFocus()
    return True
