"""A table header's state comes back next session, but never onto other columns."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from brm_desk.ui.views.header_state import restore_header, save_header


def table(qtbot: QtBot, columns: int) -> QTableView:
    shown = QTableView()
    qtbot.addWidget(shown)
    shown.setModel(QStandardItemModel(3, columns, shown))
    shown.setSortingEnabled(True)
    return shown


def test_a_header_gets_its_widths_and_sort_order_back(qtbot: QtBot) -> None:
    before = table(qtbot, 4)
    before.setColumnWidth(2, 173)
    before.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    save_header(before.horizontalHeader(), QSettings(), "list")
    after = table(qtbot, 4)
    assert restore_header(after.horizontalHeader(), QSettings(), "list")
    assert after.columnWidth(2) == 173
    assert after.horizontalHeader().sortIndicatorSection() == 3
    assert after.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_state_saved_with_other_columns_is_dropped(qtbot: QtBot) -> None:
    """A version that added columns starts from its defaults, not from a state that would
    leave its new columns blank."""
    older = table(qtbot, 12)
    older.setColumnWidth(7, 0)
    save_header(older.horizontalHeader(), QSettings(), "dashboard")
    newer = table(qtbot, 14)
    assert not restore_header(newer.horizontalHeader(), QSettings(), "dashboard")
    assert newer.columnWidth(7) > 0


def test_a_state_from_before_columns_were_counted_is_dropped(qtbot: QtBot) -> None:
    old = table(qtbot, 4)
    QSettings().setValue("meetings/header", old.horizontalHeader().saveState())
    assert not restore_header(table(qtbot, 4).horizontalHeader(), QSettings(), "meetings")
    assert not restore_header(table(qtbot, 4).horizontalHeader(), QSettings(), "nothing")
