"""A table model over a list too long to hold: pages read from SQL when a row is first shown.

``rowCount`` is the whole list (one COUNT), so the scroll bar is true and Ctrl+End jumps to the
last row at once; ``data`` reads the page holding a row the first time the view asks for it,
and keeps the most recently used pages. Sorting and filtering go to SQL: the model is used
without a QSortFilterProxyModel.

A new filter can be read off the UI thread: :meth:`PagedTableModel.snapshot` only calls the
services (safe in a worker), :meth:`PagedTableModel.show` swaps the result in.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from brm_desk.ui.models.table import PARTNER_ROLE, RECORD_ROLE, SORT_ROLE, AnyIndex, sortable

PAGE_SIZE = 200
KEPT_PAGES = 64
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_Line = TypeVar("_Line")
_Filter = TypeVar("_Filter")


@dataclass(frozen=True, slots=True)
class Snapshot(Generic[_Filter, _Line]):
    """What a list shows for one filter: how many lines, and the first page of them."""

    wanted: _Filter
    total: int
    first_page: list[_Line]


class PagedTableModel(QAbstractTableModel, Generic[_Filter, _Line]):
    """Subclasses give the headers, the sort keys per column, and how to read and show lines."""

    HEADERS: Sequence[str] = ()
    SORT_KEYS: Sequence[str] = ()
    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, wanted: _Filter, parent: Any = None) -> None:
        super().__init__(parent)
        self.wanted = wanted
        self.total = 0
        self._pages: OrderedDict[int, list[_Line]] = OrderedDict()

    # -- what subclasses provide --------------------------------------------------------------

    def count(self, wanted: _Filter) -> int:
        raise NotImplementedError

    def read(self, wanted: _Filter, offset: int, limit: int, total: int) -> list[_Line]:
        raise NotImplementedError

    def display(self, line: _Line, column: int) -> str:
        raise NotImplementedError

    def raw(self, line: _Line, column: int) -> Any:
        raise NotImplementedError

    # -- loading ---------------------------------------------------------------------------------

    def snapshot(self, wanted: _Filter) -> Snapshot[_Filter, _Line]:
        """Count and first page for ``wanted``; touches no widget, so a worker may call it."""
        total = self.count(wanted)
        return Snapshot(wanted, total, self.read(wanted, 0, PAGE_SIZE, total) if total else [])

    def show(self, snapshot: Snapshot[_Filter, _Line]) -> None:
        """Show a snapshot (on the UI thread)."""
        self.beginResetModel()
        self.wanted = snapshot.wanted
        self.total = snapshot.total
        self._pages = OrderedDict([(0, snapshot.first_page)])
        self.endResetModel()

    def reload(self) -> None:
        """Read again from the first page (after a change, a new filter or a new order)."""
        self.show(self.snapshot(self.wanted))

    def set_filter(self, **changes: Any) -> None:
        self.wanted = replace(self.wanted, **changes)  # type: ignore[type-var]
        self.reload()

    def line(self, row: int) -> _Line:
        number, within = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self.read(self.wanted, number * PAGE_SIZE, PAGE_SIZE, self.total)
            self._pages[number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.wanted = replace(  # type: ignore[type-var]
            self.wanted, sort=self.SORT_KEYS[column], descending=descending
        )
        self.reload()

    # -- Qt ----------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.total:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.NUMERIC_COLUMNS else None
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, PARTNER_ROLE, RECORD_ROLE):
            return None
        try:
            line = self.line(index.row())
        except IndexError:  # the journal changed since the count; a reload follows
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, column)
        if role == SORT_ROLE:
            return sortable(self.raw(line, column))
        if role == PARTNER_ROLE:
            return getattr(line, "partner_id", None)
        return line

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC_COLUMNS:
            return _RIGHT
        return None
