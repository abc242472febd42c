"""On a 1024×700 laptop screen: the dashboard needs no sideways scrolling, lists show their
text whole where there is room, and every toolbar button stays in sight."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from brm_desk.services.journal import Journal
from brm_desk.services.sample_journal import load_sample
from brm_desk.ui.commands import EditRecord
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.views.column_fit import PADDING, ColumnFitter
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.list_page import ListPage
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.today import TodayPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LISTS = ("Partners", "Meetings", "Requests", "Contacts")
TODAY = date(2026, 11, 24)


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Journal]:
    """The sample journal: seven partners, long business units and sponsors' titles."""
    journal = load_sample(tmp_path / "sample.brmdesk", TODAY)
    yield journal
    journal.close()


def window_of(qtbot: QtBot, journal: Journal, width: int, height: int) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.set_journal(journal)
    return window


def settled(qtbot: QtBot, table: QTableView) -> None:
    """Wait for the columns to be fitted, with rows, to the table's width."""
    fitter = table.findChild(ColumnFitter)
    assert isinstance(fitter, ColumnFitter)

    def fitted() -> bool:
        width = table.viewport().width()
        return fitter.had_rows and fitter.width == width and not fitter.timer.isActive()

    qtbot.waitUntil(fitted)


def cut_cells(table: QTableView, columns: range | None = None) -> list[str]:
    """Cells whose text is cut (elided) on screen, in ``columns`` (every column)."""
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    rows = min(table.model().rowCount(), 30)
    cut = []
    for column in columns or range(header.count()):
        if header.isSectionHidden(column):
            continue
        for row in range(rows):
            text = str(table.model().index(row, column).data() or "")
            if metrics.horizontalAdvance(text) + PADDING // 2 > header.sectionSize(column):
                cut.append(text)
    return cut


def free_width(table: QTableView) -> int:
    """The table's width no column uses."""
    header = table.horizontalHeader()
    used = sum(
        header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
    )
    return table.viewport().width() - used


def test_the_dashboard_shows_what_matters_without_scrolling_sideways_at_1024(
    qtbot: QtBot, sample: Journal
) -> None:
    window = window_of(qtbot, sample, 1024, 700)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    settled(qtbot, page.table)
    header = page.table.horizontalHeader()
    qtbot.waitUntil(lambda: not page.table.horizontalScrollBar().isVisible())
    qtbot.wait(100)
    assert not page.table.horizontalScrollBar().isVisible()  # and it stays away
    hidden = {c for c in range(header.count()) if header.isSectionHidden(c)}
    context = {DashboardModel.MIX, DashboardModel.GAPS, DashboardModel.TREND, DashboardModel.ORDERS}
    context.add(DashboardModel.HEALTH)  # quarterly; the summary line names who is at risk
    context.add(DashboardModel.ASSESSED)  # yearly, and counted in the summary line
    assert hidden <= context  # context gives way first; what calls for action stays
    assert page.model.hidden == frozenset(hidden)
    tip = page.proxy.index(0, DashboardModel.PARTNER).data(Qt.ItemDataRole.ToolTipRole)
    for column in hidden:  # what a hidden column said is in the partner's tooltip
        assert DashboardModel.columns[column].title.replace("\n", " ") in tip
    share_tip = page.proxy.index(0, DashboardModel.SHARE).data(Qt.ItemDataRole.ToolTipRole)
    assert "target" in share_tip  # the target shows as the bar's tick, and in words here
    assert page.table.rowHeight(0) * page.proxy.rowCount() <= page.table.viewport().height()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(c) for c in range(header.count())))
    assert page.model.hidden == frozenset()
    assert not page.table.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_list_text_is_cut_only_where_the_table_has_no_room(
    qtbot: QtBot, sample: Journal, size: tuple[int, int]
) -> None:
    window = window_of(qtbot, sample, *size)
    for name in LISTS:
        window.sidebar.setCurrentRow(VIEW_NAMES.index(name))
        page = window.current_page()
        assert isinstance(page, ListPage)
        settled(qtbot, page.table)
        if cut_cells(page.table):
            assert free_width(page.table) <= PADDING, name
        named, header = page.model.name_column, page.table.horizontalHeader()
        if cut_cells(page.table, range(named, named + 1)):  # the record's name gives way last:
            others = [header.sectionSize(c) for c in range(header.count()) if c != named]
            assert header.sectionSize(named) > max(others), name  # cut, it is the widest


def test_columns_cut_on_a_small_window_show_whole_once_it_grows(
    qtbot: QtBot, sample: Journal
) -> None:
    """The partners' business units ("Customer Service & Support") are cut at 1024 and whole
    at 1600, where the table has room for them."""
    window = window_of(qtbot, sample, 1024, 700)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.current_page()
    assert isinstance(page, ListPage)
    settled(qtbot, page.table)
    assert cut_cells(page.table)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: cut_cells(page.table) == [])


def test_a_long_undo_label_keeps_every_toolbar_button_in_sight(
    qtbot: QtBot, sample: Journal
) -> None:
    window = window_of(qtbot, sample, 1024, 700)
    partner = sample.partners.listing()[0]
    long_name = "Customer Service, Field Operations and Contact Centres"
    renamed = replace(partner, name=long_name)
    window.shell.undo_stack.push(EditRecord(sample, partner, renamed))
    window.shell.undo_stack.push(EditRecord(sample, renamed, replace(renamed, notes="Moved")))
    undo = window.action("undo")
    assert undo.text() == f"&Undo Edit partner '{long_name}'"  # the menu says what
    for name in VIEW_NAMES:
        window.sidebar.setCurrentRow(VIEW_NAMES.index(name))
        qtbot.wait(10)
        extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible(), name
        for action in window.toolbar.actions():
            if action.isVisible() and not action.isSeparator():
                button = window.toolbar.widgetForAction(action)
                assert button is not None, action.text()
                assert button.isVisible(), (name, action.text())
                right = button.geometry().right()
                assert right <= window.toolbar.width(), (name, action.text())
    button = window.toolbar.widgetForAction(undo)
    assert isinstance(button, QToolButton)
    assert button.text() == "Undo"  # however long the menu's label grows
    assert button.sizeHint().width() < 120


def wrapped_lines(label: QLabel) -> list[str]:
    """The label's text as Qt breaks it into lines at the label's width."""
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize("width", [1024, 1250, 1600])
def test_the_dashboard_summary_wraps_between_its_parts_never_inside_one(
    qtbot: QtBot, sample: Journal, width: int
) -> None:
    window = window_of(qtbot, sample, width, 700)
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: "maturity" in page.summary.text())
    text = page.summary.text()
    assert "health\u00a0at\u00a0risk:\u00a0Sales\u00a0&\u00a0Marketing" in text
    lines = wrapped_lines(page.summary)
    assert "".join(lines) == text
    assert len(lines) >= (2 if width < 1600 else 1)  # the sample's line wraps on a laptop
    for line in lines[:-1]:
        assert line.endswith(("· ", ", ")), line


def scrolled_into_view(widget: QWidget) -> bool:
    """The widget sits in a scroll area that scrolls up and down to it."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return (
        parent is not None
        and parent.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )


def cut_buttons(root: QWidget) -> list[str]:
    """The buttons shown under ``root`` that stand partly outside it, or narrower than their
    text needs (cut): what a 1024×700 screen must never do to a view's controls."""
    inside = root.rect()
    cut = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or button.objectName().startswith("qt_"):
            continue
        if isinstance(button.parentWidget(), QTabBar | QHeaderView):
            continue  # a tab bar scrolls its tabs; a header is the table's
        where = QRect(button.mapTo(root, QPoint(0, 0)), button.size())
        squeezed = button.width() < button.minimumSizeHint().width()
        if scrolled_into_view(button):  # below the fold is fine; beside it is not
            where = QRect(where.left(), inside.top(), where.width(), 1)
        if not inside.contains(where) or squeezed:
            cut.append(button.text() or button.accessibleName())
    return cut


@pytest.mark.parametrize("view", ["Today", "Inbox", "Partners"])
def test_the_newer_views_keep_every_button_whole_at_1024(
    qtbot: QtBot, sample: Journal, view: str
) -> None:
    window = window_of(qtbot, sample, 1024, 700)
    page = window.show_page(view)
    assert page is not None
    if isinstance(page, PartnersPage):
        page.table.selectRow(0)
        page.tabs.setCurrentWidget(page.health)
        assert page.health.new_button.isVisible()
    if isinstance(page, TodayPage):  # the day is read in the background
        qtbot.waitUntil(lambda: not page.busy())
        assert page.due.shown
    qtbot.wait(50)
    assert cut_buttons(window) == []
