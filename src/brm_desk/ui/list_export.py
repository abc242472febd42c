"""File → Export list as CSV…: the list in view, as it is filtered and sorted, to a CSV file.

The rows come from the view's own model (the proxy, for lists filtered in memory), in its
current order; the columns are the ones the view shows, in the order it shows them. A list
paged from SQL (meetings) is fetched to its end first, so the file holds every matching row.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QWidget

NONE_SHOWN = "—"


def visible_table(page: QWidget | None) -> QTableView | None:
    """The page's list (its ``table``, else its first table), if it shows one."""
    if page is None:
        return None
    table = getattr(page, "table", None)
    if isinstance(table, QTableView):
        return table
    found = page.findChildren(QTableView)
    return found[0] if found else None


def table_contents(view: QTableView) -> tuple[list[str], list[list[str]]]:
    """The header and the rows exactly as the view lists them."""
    model = view.model()
    _fetch_all(model)
    header = view.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    titles = [  # a heading set on two lines on screen is one line in the file
        " ".join(
            str(
                model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
            ).split()
        )
        for c in columns
    ]
    rows = [
        [_cell(model.index(row, column).data(Qt.ItemDataRole.DisplayRole)) for column in columns]
        for row in range(model.rowCount())
    ]
    return titles, rows


def _fetch_all(model: QAbstractItemModel) -> None:
    root = QModelIndex()
    while model.canFetchMore(root):
        before = model.rowCount(root)
        model.fetchMore(root)
        if model.rowCount(root) == before:
            break


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text == NONE_SHOWN else text


def export_table(view: QTableView, path: Path) -> int:
    """Write the view's list to ``path``; returns the number of rows written."""
    from brm_desk.services.interchange.csv_export import write_csv

    header, rows = table_contents(view)
    return write_csv(path, header, rows)
