"""A list view: heading, search-as-you-type box, partner filter, and a sortable table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTableView

from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.ui.models.table import PARTNER_ROLE, RECORD_ROLE, SORT_ROLE, RecordTableModel
from brm_desk.ui.views.column_fit import fit_columns
from brm_desk.ui.views.page import Page

ALL_PARTNERS = "All partners"


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
        record = index.data(RECORD_ROLE)
        if self.record_kind and record is not None:
            self.sig_open_record.emit(self.record_kind, record.id)

    def current_record_id(self) -> str | None:
        record = self.table.currentIndex().data(RECORD_ROLE)
        return getattr(record, "id", None) if self.record_kind else None

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
        """Column widths and sort order from last time (once, after the model has columns)."""
        if self._header_restored:
            return
        self._header_restored = True
        state = self.settings.value(f"{self.title.lower()}/header")
        header = self.table.horizontalHeader()
        if state is not None and header.restoreState(state):
            return
        self.table.sortByColumn(*self.default_sort)
        # Fitted once the view is laid out and knows its width.
        QTimer.singleShot(0, self.table, lambda: fit_columns(self.table))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.title.lower()}/header", self.table.horizontalHeader().saveState())


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
