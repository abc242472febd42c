"""File → Export list as CSV…: the list in view, as it is filtered and sorted, to a CSV file.

The rows come from the view's own model (the proxy, for lists filtered in memory), in its
current order; the columns are the ones the view shows, in the order it shows them. A list
paged from SQL (meetings) is fetched to its end first, so the file holds every matching row.

The lists show the BRM everything, private items too; the file leaves out what
:mod:`brm_desk.services.privacy` says is private (private meetings and requests, contacts'
stances) unless the user includes it for this export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView, QWidget

from brm_desk.domain.words import listing, plural
from brm_desk.services import privacy
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.models.table import RECORD_ROLE

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


def _shown_columns(view: QTableView) -> list[tuple[int, str]]:
    """(column, heading) of each column the view shows, in its order on screen, and of those
    the dashboard hid only to fit a narrow window: a file has no width."""
    model, header = view.model(), view.horizontalHeader()
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    gave_way = source.hidden if isinstance(source, DashboardModel) else frozenset()
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    return [
        # A heading set on two lines on screen is one line in the file.
        (column, " ".join(str(model.headerData(column, Qt.Orientation.Horizontal) or "").split()))
        for column in columns
        if not header.isSectionHidden(column) or column in gave_way
    ]


@dataclass(frozen=True)
class ListContents:
    """The list as the view shows it, and which of its rows and columns are private."""

    headings: list[str]
    rows: list[list[str]]
    private_rows: frozenset[int]
    private_columns: frozenset[int]

    def private_items(self) -> str:
        """What the list shows that is private, in words ("" when nothing is)."""
        count = len(self.private_rows)
        found = [plural(count, "private item")] if count else []
        if self.private_columns:
            found.append("contacts' stances")
        return listing(found)

    def shared(self) -> ListContents:
        """The list without its private rows and columns."""
        keep = [c for c in range(len(self.headings)) if c not in self.private_columns]
        return ListContents(
            [self.headings[c] for c in keep],
            [
                [row[c] for c in keep]
                for number, row in enumerate(self.rows)
                if number not in self.private_rows
            ],
            frozenset(),
            frozenset(),
        )


def table_contents(view: QTableView) -> ListContents:
    """The header and the rows exactly as the view lists them."""
    model = view.model()
    _fetch_all(model)
    columns = _shown_columns(view)
    rows = [
        [_cell(model.index(row, column).data(Qt.ItemDataRole.DisplayRole)) for column, _ in columns]
        for row in range(model.rowCount())
    ]
    records = [model.index(row, 0).data(RECORD_ROLE) for row in range(model.rowCount())]
    headings = [heading for _column, heading in columns]
    # A column is private when its heading names a field the list's records keep private.
    withheld = privacy.withheld(type(records[0]), False) if records else ()
    return ListContents(
        headings,
        rows,
        frozenset(n for n, record in enumerate(records) if privacy.is_private(record)),
        frozenset(n for n, h in enumerate(headings) if h.lower().replace(" ", "_") in withheld),
    )


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


def write_list(contents: ListContents, path: Path) -> int:
    """Write the list to ``path``; returns the number of rows written."""
    from brm_desk.services.interchange.csv_export import write_csv

    return write_csv(path, contents.headings, contents.rows)
