"""A list view: heading, search-as-you-type box, partner filter, and a sortable table.

A list whose records fit in memory is filtered and sorted by a proxy (:class:`ProxyListPage`).
A long one is read page by page from SQL (:class:`PagedListPage`): typing waits for a short
pause, then the count and first page are read in a worker and only the newest answer is
shown, so a slow filter on 100,000 meetings never holds up the next keystroke; a click (a
partner, a sort order) reloads at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
)

from brm_desk.domain.records import Partner
from brm_desk.domain.words import plural
from brm_desk.services.journal import Journal
from brm_desk.ui.actions import shortcut_text
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.models.table import PARTNER_ROLE, RECORD_ROLE, SORT_ROLE, RecordTableModel
from brm_desk.ui.operations import NewestAnswer
from brm_desk.ui.views.column_fit import ColumnFitter
from brm_desk.ui.views.header_state import restore_header, save_header
from brm_desk.ui.views.page import Page, show_when_empty

ALL_PARTNERS = "All partners"
EMPTY_HINTS = {
    "Partners": "No partners yet. Press {new} to add the first business partner you serve.",
    "Meetings": "No meetings yet. Press {capture} to capture one.",
    "Requests": "No requests yet. Press {new} to note what a partner asked for.",
    "Contacts": "No contacts yet. Press {new} to add a person on a partner's side.",
    "Trash": "The trash is empty. What you delete waits here until you restore it.",
}
"""What each list says while it holds nothing, by its title."""


class RecordFilterProxy(QSortFilterProxyModel):
    """Filters on any column's text (case-insensitive) and on one partner; sorts raw values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.partner_id: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_partner(self, partner_id: str | None) -> None:
        self.beginFilterChange()
        self.partner_id = partner_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.partner_id is not None:
            index = self.sourceModel().index(row, 0, parent)
            if index.data(PARTNER_ROLE) != self.partner_id:
                return False
        return super().filterAcceptsRow(row, parent)


def make_table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its cells
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill_partner_box(box: QComboBox, partners: Iterable[Partner]) -> None:
    """(Re)fill a partner filter, keeping its choice when that partner is still listed."""
    current = box.currentData()
    with QSignalBlocker(box):
        box.clear()
        box.addItem(ALL_PARTNERS, None)
        for partner in partners:
            box.addItem(partner.name, partner.id)
        box.setCurrentIndex(max(box.findData(current), 0))


class ListPage(Page):
    """The frame every list shares; subclasses load the model in :meth:`refresh`.

    ``title`` heads the page, names its table and keys its saved column widths and order;
    ``default_sort`` is the order shown until the user picks one.
    """

    title = ""
    default_sort = (0, Qt.SortOrder.AscendingOrder)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(self.title)
        self.journal = journal
        self.settings = settings
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(f"Filter {self.title.lower()}…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(f"Filter {self.title.lower()}")
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Partner")
        self.partner_box.setMinimumWidth(200)
        self.table = make_table(self.title)
        self.bar.addWidget(self.partner_box)
        self.bar.addWidget(self.search_box, 1)
        self.body.addWidget(self.table, 1)
        self._header_restored = False
        self.table.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        """Double-click or Enter on a row opens the record."""
        if self.record_kind:
            self.sig_open_record.emit(self.record_kind, index.data(RECORD_ROLE).id)

    def empty_hint(self) -> str:
        """What the list says while it shows nothing: what to do next, or that the filter
        hides everything."""
        if self.holds_records():
            return "Nothing matches the filter."
        hint = EMPTY_HINTS.get(self.title, "")
        return hint.format(new=shortcut_text("new_record"), capture=shortcut_text("new_meeting"))

    def holds_records(self) -> bool:
        """Whether the list has lines at all, whatever its filter."""
        raise NotImplementedError

    def current_record_id(self) -> str | None:
        """The selected record's id (a row can be current without being selected)."""
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        return getattr(record, "id", None) if self.record_kind else None

    def follow_selection(self) -> None:
        """Say each change of the selected record (call once the table has its model): a
        reset or a filter drops the selection without a word from the selection model."""
        model = self.table.model()
        self.table.selectionModel().selectionChanged.connect(self.sig_selection_changed)
        for signal in (model.modelReset, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.sig_selection_changed)

    def offer(self, action: QAction, *, button: bool = False) -> None:
        """In the rows' context menu, and as a button before the filters."""
        self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if button:
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tool.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            self.bar.insertWidget(self.bar.indexOf(self.partner_box), tool)

    def current_partner_id(self) -> str | None:
        """The selected row's partner, else the partner filter's choice."""
        index = self.table.currentIndex()
        partner = index.data(PARTNER_ROLE) if index.isValid() else None
        return partner if isinstance(partner, str) else self.selected_partner()

    def fill_partners(self) -> None:
        fill_partner_box(self.partner_box, self.journal.partners.listing(include_archived=False))

    def selected_partner(self) -> str | None:
        data = self.partner_box.currentData()
        return data if isinstance(data, str) else None

    def select(self, index: QModelIndex) -> None:
        """Make ``index``'s row the selected and current one, scrolled into view."""
        selection = QItemSelectionModel.SelectionFlag
        flags = selection.ClearAndSelect | selection.Rows | selection.Current
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
        self.table.setFocus()

    def stretch_column(self, column: int) -> None:
        """Give spare width to this column (a title) instead of the last one."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def restore_header(self) -> None:
        """The sort order from last time (once, after the model has columns); the widths
        follow the table's."""
        if self._header_restored:
            return
        self._header_restored = True
        if not restore_header(self.table.horizontalHeader(), self.settings, self.title.lower()):
            self.table.sortByColumn(*self.default_sort)
        ColumnFitter(self.table)

    def save_state(self, settings: QSettings) -> None:
        save_header(self.table.horizontalHeader(), settings, self.title.lower())


class ProxyListPage(ListPage):
    """A list whose records all fit in memory: a proxy filters and sorts them."""

    def __init__(self, journal: Journal, settings: QSettings, model: RecordTableModel) -> None:
        super().__init__(journal, settings)
        self.model = model
        self.model.setParent(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.table.setModel(self.proxy)
        self.search_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.partner_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_partner(self.selected_partner())
        )
        show_when_empty(self.table, self.empty_hint)
        self.follow_selection()

    def holds_records(self) -> bool:
        return self.model.rowCount() > 0

    def selected_record(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def row_of(self, record_id: str | None) -> QModelIndex | None:
        """The row showing the record ``record_id``, if the filters let it show."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RECORD_ROLE).id == record_id:
                return index
        return None

    def reveal(self, record_id: str, partner_id: str | None) -> None:
        self.search_box.clear()
        self.partner_box.setCurrentIndex(0)  # all partners
        index = self.row_of(record_id)
        if index is not None:
            self.select(index)


class PagedListPage(ListPage):
    """The bar says how many ``record_kind`` lines the filter finds."""

    def __init__(
        self, journal: Journal, settings: QSettings, model: PagedTableModel[Any, Any]
    ) -> None:
        super().__init__(journal, settings)
        self.model = model
        model.setParent(self)
        self.table.setModel(model)
        self.shown_label = QLabel()
        self.bar.insertWidget(1, self.shown_label)
        self.answers = NewestAnswer(self, self.filter_in_background)
        self.search_box.textChanged.connect(lambda _text: self.answers.ask_soon())
        model.modelReset.connect(self._show_total)
        model.modelReset.connect(self.answers.supersede)  # a reload on the UI thread is newer
        self.partner_box.currentIndexChanged.connect(
            lambda _i: model.set_filter(
                partner_id=self.selected_partner(), text=self.search_box.text()
            )
        )
        show_when_empty(self.table, self.empty_hint)
        self.follow_selection()

    def holds_records(self) -> bool:
        return self.model.count(type(self.model.wanted)()) > 0

    def _show_total(self) -> None:
        total = self.model.total
        self.shown_label.setText(plural(total, self.record_kind))

    def filter_in_background(self) -> None:
        model = self.model
        wanted = replace(model.wanted, text=self.search_box.text())
        self.answers.ask(
            lambda: model.snapshot(wanted),
            model.show,
            lambda error: self.shown_label.setText(error.message),
        )

    def busy(self) -> bool:
        """A typed filter is waiting for its pause or being read."""
        return self.answers.busy()

    def refresh(self) -> None:
        self.fill_partners()
        self.model.wanted = replace(
            self.model.wanted, text=self.search_box.text(), partner_id=self.selected_partner()
        )
        self.model.reload()
        self.restore_header()

    def show_partner(self, partner_id: str | None) -> None:
        """Every line of the partner (of all partners for None): nothing typed in the filter."""
        self.fill_partners()
        with QSignalBlocker(self.partner_box), QSignalBlocker(self.search_box):
            self.partner_box.setCurrentIndex(max(self.partner_box.findData(partner_id), 0))
            self.search_box.clear()
        self.refresh()

    def reveal(self, record_id: str, partner_id: str | None) -> None:
        """Narrow the list to the record's partner, then page rows in until the record shows."""
        self.show_partner(partner_id)
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == record_id:
                self.select(self.model.index(row, 0))
                return
