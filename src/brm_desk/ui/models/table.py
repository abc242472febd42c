"""Table models described by their columns: records in memory, or pages read from SQL.

Sorting uses :data:`SORT_ROLE`, which returns raw values (dates, numbers), never the display
strings; the partner filter uses :data:`PARTNER_ROLE`; :data:`RECORD_ROLE` gives the row's record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PARTNER_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header, its text, the raw value it sorts by (its text when None), and
    its header's tooltip."""

    title: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    numeric: bool = False
    tip: str | None = None


def sortable(value: Any) -> Any:
    """Dates as numbers: QSortFilterProxyModel cannot compare Python date objects."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, date):
        return value.toordinal()
    return value


def none_last(value: Any, low: Any) -> Any:
    """Sort key for optional values: a missing one sorts as ``low``."""
    return low if value is None else value


class ColumnsModel(QAbstractTableModel):
    """Rows of records shown through ``columns``; subclasses count the rows and find each one."""

    columns: Sequence[Column] = ()
    name_column = 0
    """The column that names a row (a partner, a meeting's title): it gives way last."""

    def record(self, row: int) -> Any:
        raise NotImplementedError

    def partner_id(self, record: Any) -> str | None:
        return getattr(record, "partner_id", None)

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        """Hook for colours and tooltips."""
        return None

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return RIGHT
        try:
            record = self.record(index.row())
        except IndexError:  # a paged list whose journal changed since the count; a reload follows
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SORT_ROLE:
            return sortable((column.sort_key or column.display)(record))
        if role == PARTNER_ROLE:
            return self.partner_id(record)
        if role == RECORD_ROLE:
            return record
        return self.extra_data(record, index.column(), role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None


class RecordTableModel(ColumnsModel):
    """Rows are frozen records, all held in memory; a proxy filters and sorts them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)
