"""A list view: heading, search-as-you-type box, partner filter, and a sortable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from brm_desk.services.journal import Journal
from brm_desk.ui.models.table import PARTNER_ROLE, RECORD_ROLE, SORT_ROLE
from brm_desk.ui.views.column_fit import fit_columns
from brm_desk.ui.views.page import Page, heading

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


class ListPage(Page):
    """The frame every list shares; subclasses load the model in :meth:`refresh`."""

    def __init__(
        self, journal: Journal, settings: QSettings, title: str, settings_key: str
    ) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self.settings_key = settings_key
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(f"Filter {title.lower()}…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(f"Filter {title.lower()}")
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Partner")
        self.partner_box.setMinimumWidth(200)
        self.table = make_table(title)

        self.bar = QHBoxLayout()
        self.bar.addWidget(heading(title))
        self.bar.addStretch(1)
        self.bar.addWidget(self.partner_box)
        self.bar.addWidget(self.search_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        self._header_restored = False
        self.default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
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
        """(Re)fill the partner filter, keeping the current choice when it still exists."""
        current = self.selected_partner()
        self.partner_box.blockSignals(True)
        self.partner_box.clear()
        self.partner_box.addItem(ALL_PARTNERS, None)
        for partner in self.journal.partners.listing(include_archived=False):
            self.partner_box.addItem(partner.name, partner.id)
        found = self.partner_box.findData(current)
        self.partner_box.setCurrentIndex(max(found, 0))
        self.partner_box.blockSignals(False)

    def selected_partner(self) -> str | None:
        data = self.partner_box.currentData()
        return data if isinstance(data, str) else None

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
        state = self.settings.value(f"{self.settings_key}/header")
        header = self.table.horizontalHeader()
        if state is not None and header.restoreState(state):
            return
        self.table.sortByColumn(*self.default_sort)
        # Fitted once the view is laid out and knows its width.
        QTimer.singleShot(0, self.table, lambda: fit_columns(self.table))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.settings_key}/header", self.table.horizontalHeader().saveState())


class ProxyListPage(ListPage):
    """A list whose records all fit in memory: a proxy filters and sorts them."""

    def __init__(
        self, journal: Journal, settings: QSettings, title: str, settings_key: str, model: Any
    ) -> None:
        super().__init__(journal, settings, title, settings_key)
        self.model = model
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
