"""Column widths that fit the table: content-sized, but never wider than the view in total.

Long text columns (a business unit, a sponsor's title) would otherwise push the numbers a BRM
came for off the right edge behind a scroll bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 14
MIN_WIDTH = 64
FLOOR = 96
"""No column is squeezed below this by fitting (a name keeps a dozen characters)."""


def fitted_widths(wanted: Sequence[int], available: int, floor: int = FLOOR) -> list[int]:
    """Cap the widest columns at one common width so the total fits ``available``.

    Narrow columns keep their width; the cap never goes below :data:`FLOOR`, so on a tiny
    window the table scrolls rather than showing nothing useful.
    """
    widths = list(wanted)
    if sum(widths) <= available:
        return widths
    ordered = sorted(widths)
    spent = 0
    cap = ordered[-1]
    for index, width in enumerate(ordered):
        remaining = len(ordered) - index
        if spent + width * remaining >= available:
            cap = (available - spent) // remaining
            break
        spent += width
    cap = max(cap, floor)
    return [min(width, cap) for width in widths]


def fit_columns(table: QTableView, fixed: dict[int, int] | None = None, floor: int = FLOOR) -> None:
    """Size every column to its content (or the ``fixed`` width), then fit the view's width."""
    header = table.horizontalHeader()
    fixed = fixed or {}
    sized = [column for column in range(header.count()) if column not in fixed]
    wanted = [
        max(
            max(table.sizeHintForColumn(column), header.sectionSizeHint(column)) + PADDING,
            MIN_WIDTH,
        )
        for column in sized
    ]
    available = (table.viewport().width() or table.width()) - sum(fixed.values())
    widths = dict(zip(sized, fitted_widths(wanted, available, floor), strict=True)) | fixed
    for column, width in widths.items():
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(column, width)
