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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt

from brm_desk.ui.models.table import AnyIndex, ColumnsModel

PAGE_SIZE = 200
KEPT_PAGES = 64
_Line = TypeVar("_Line")
_Filter = TypeVar("_Filter")


@dataclass(frozen=True, slots=True)
class Snapshot(Generic[_Filter, _Line]):
    """What a list shows for one filter: how many lines, and the first page of them."""

    wanted: _Filter
    total: int
    first_page: list[_Line]


class PagedTableModel(ColumnsModel, Generic[_Filter, _Line]):
    """Subclasses give the columns and the SQL sort key of each."""

    SORT_KEYS: Sequence[str] = ()

    def __init__(
        self,
        wanted: _Filter,
        count: Callable[[_Filter], int],
        read: Callable[[_Filter, int, int, int], list[_Line]],
        parent: Any = None,
    ) -> None:
        """``count(wanted)`` and ``read(wanted, offset, limit, total)`` are the service calls."""
        super().__init__(parent)
        self.wanted = wanted
        self.count = count
        self.read = read
        self.total = 0
        self._pages: OrderedDict[int, list[_Line]] = OrderedDict()

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

    def record(self, row: int) -> _Line:
        """The line at ``row``, read with its page the first time it is asked for."""
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

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total
