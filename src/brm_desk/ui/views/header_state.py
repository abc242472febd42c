"""A table's header (column order, widths, sort order) kept from one session to the next.

A state is given back only to a header with as many columns as when it was saved: one saved
by a version with fewer columns, restored onto more, left some columns blank (the dashboard
after its Gaps, Health and Assessed columns came). Such a state is dropped; the table starts
from its defaults once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView


def save_header(header: QHeaderView, settings: QSettings, key: str) -> None:
    """Keep ``header``'s state under ``key``/header, with the number of its columns."""
    settings.setValue(f"{key}/header", header.saveState())
    settings.setValue(f"{key}/header_columns", header.count())


def restore_header(header: QHeaderView, settings: QSettings, key: str) -> bool:
    """Give ``header`` its state from last time, if it was saved with the same columns."""
    state = settings.value(f"{key}/header")
    columns = settings.value(f"{key}/header_columns", -1, type=int)
    if state is None or columns != header.count():
        return False
    return header.restoreState(state)
