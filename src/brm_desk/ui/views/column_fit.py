"""Column widths that fit the table: content-sized, but never wider than the view in total.

Long text columns (a business unit, a sponsor's title) would otherwise push the numbers a BRM
came for off the right edge behind a scroll bar. The widths follow the table's width: a
column cut on a small window shows whole once the window grows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 14
MIN_WIDTH = 64
FLOOR = 96
"""No column is squeezed below this by fitting (a name keeps a dozen characters)."""


def fitted_widths(
    wanted: Sequence[int],
    available: int,
    floor: int = FLOOR,
    minimums: Sequence[int] | None = None,
) -> list[int]:
    """Cap the widest columns at one common width so the total fits ``available``.

    Narrow columns keep their width. No column goes below its low mark: :data:`FLOOR` (or
    ``floor``), or its own entry in ``minimums`` (its header's label) when that is larger,
    so a heading is never cut; on a tiny window the table scrolls rather than showing nothing
    useful.
    """
    widths = list(wanted)
    if sum(widths) <= available:
        return widths
    extra = minimums if minimums is not None else [0] * len(widths)
    lows = [min(width, max(floor, least)) for width, least in zip(widths, extra, strict=True)]

    def total(cap: int) -> int:
        return sum(max(low, min(width, cap)) for width, low in zip(widths, lows, strict=True))

    below, above = 0, max(widths)  # the largest cap whose total fits lies in [below, above)
    if total(below) > available:
        return lows
    while above - below > 1:
        middle = (below + above) // 2
        if total(middle) <= available:
            below = middle
        else:
            above = middle
    return [max(low, min(width, below)) for width, low in zip(widths, lows, strict=True)]


def fit_columns(table: QTableView, fixed: dict[int, int] | None = None, floor: int = FLOOR) -> None:
    """Size every column to its content (or the ``fixed`` width), then fit the view's width.

    The column that names the row (the model's ``name_column``: a partner, a person, a
    meeting's title) keeps its content's width, up to a third of the view, while the others
    give way.
    """
    header = table.horizontalHeader()
    fixed = dict(fixed or {})
    source = table.model()
    while isinstance(source, QSortFilterProxyModel):
        source = source.sourceModel()
    named = getattr(source, "name_column", 0)  # a model of ours says; any other: the first
    sizing = header.sectionResizeMode(named)  # a stretched name takes what is left: reserve it
    if named not in fixed and sizing in (
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.Stretch,
    ):
        name = max(table.sizeHintForColumn(named), header.sectionSizeHint(named)) + PADDING
        fixed[named] = min(name, max(table.viewport().width() // 3, floor))
    sized = [column for column in range(header.count()) if column not in fixed]
    wanted = [
        max(
            max(table.sizeHintForColumn(column), header.sectionSizeHint(column)) + PADDING,
            MIN_WIDTH,
        )
        for column in sized
    ]
    headings = [header.sectionSizeHint(column) for column in sized]
    available = (table.viewport().width() or table.width()) - sum(fixed.values())
    fitted = fitted_widths(wanted, available, floor, headings)
    widths = dict(zip(sized, fitted, strict=True)) | fixed
    for column, width in widths.items():
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(column, width)


class ColumnFitter(QObject):
    """Fits a table's columns (``fit``, by default :func:`fit_columns`) whenever the table's
    width changes, and when its first rows arrive; never on a change of filter, so the
    columns stay put while the BRM types."""

    def __init__(self, table: QTableView, fit: Callable[[], object] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.fit = fit if fit is not None else lambda: fit_columns(table)
        self.width = -1
        self.had_rows = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # after the layout settles; many resizes fit once
        self.timer.timeout.connect(self._fit)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._rows_changed)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self.width:
            self.timer.start()
        return False

    def _rows_changed(self) -> None:
        if not self.had_rows and self.table.model().rowCount():
            self.timer.start()

    def _fit(self) -> None:
        self.width = self.table.viewport().width()
        self.had_rows = self.table.model().rowCount() > 0
        self.fit()
