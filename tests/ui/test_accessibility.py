"""Keyboard-only use and screen readers: every control of every view and window has a name
to announce and can be reached without a mouse; charts offer their figures as a table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.ui.actions import ACTIONS, key_text
from brm_desk.ui.charts.panel import ChartPanel
from brm_desk.ui.help import shortcuts_html
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.prep_brief import PrepBriefWindow

pytestmark = pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)")

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
)
"""What a user operates or reads from: each needs a name and a way in by keyboard."""


def spoken_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """What a screen reader would say for this control."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    return buddies.get(id(widget), "")


def unnamed_tab_stops(root: QWidget) -> list[str]:
    buddies = {
        id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy()
    }
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue
        if type(widget).__name__ in {"QScrollBar", "QWidget"} or widget.objectName().startswith(
            "qt_"
        ):
            continue
        if not spoken_name(widget, buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_view_names_its_controls(qtbot: QtBot, filled: Filled) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_journal(filled.journal)
    for row, name in enumerate(VIEW_NAMES):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert unnamed_tab_stops(page) == [], name
    assert window.sidebar.accessibleName() == "Navigation"


def test_every_view_is_reachable_from_the_keyboard(qtbot: QtBot, filled: Filled) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_journal(filled.journal)
    for row, name in enumerate(VIEW_NAMES):
        window.action(name.lower()).trigger()
        assert window.current_view() == name
        assert window.action(name.lower()).shortcut().toString() == f"Ctrl+{row + 1}"


def test_an_unnamed_control_is_found(qtbot: QtBot) -> None:
    """The check above can fail: a bare line edit is reported, a named one is not."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    bare, named = QLineEdit(), QLineEdit()
    named.setAccessibleName("Title")
    layout.addWidget(bare)
    layout.addWidget(named)
    assert unnamed_tab_stops(root) == ["QLineEdit ''"]


def in_toolbar_reachable(widget: QWidget) -> bool:
    """A toolbar button is reached by its action's shortcut or its menu entry instead."""
    toolbar = widget.parent()
    if not isinstance(toolbar, QToolBar):
        return False
    return all(
        not action.shortcut().isEmpty()
        or any(isinstance(o, QMenu) for o in action.associatedObjects())
        for action in toolbar.actions()
        if toolbar.widgetForAction(action) is widget
    )


def keyboard_problems(root: QWidget) -> list[str]:
    """Controls under ``root`` a screen reader cannot name or a keyboard cannot reach, and
    charts that are neither named nor offer their figures as a table."""
    buddies = {
        id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy()
    }
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if not widget.isEnabled() or widget.objectName().startswith("qt_"):
            continue
        what = f"{type(widget).__name__} {widget.objectName() or spoken_name(widget, buddies)!r}"
        if isinstance(widget, ChartPanel):
            if not widget.accessibleName():
                problems.append(f"{what}: a chart without a name")
            if not widget.table_button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                problems.append(f"{what}: its figures cannot be reached as a table")
            continue
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QLineEdit)):
            continue  # a box's own parts (a date field's calendar button: Alt+Down)
        if not spoken_name(widget, buddies):
            problems.append(f"{what}: no accessible name")
        focus = (widget.focusProxy() or widget).focusPolicy()
        if not focus & Qt.FocusPolicy.TabFocus and not in_toolbar_reachable(widget):
            problems.append(f"{what}: unreachable by keyboard")
        if isinstance(widget, QTableView) and widget.tabKeyNavigation():
            problems.append(f"{what}: Tab walks its cells instead of leaving it")
    return problems


def windows() -> Iterator[QWidget]:
    """Every top-level window open now."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            yield widget


def reveal(widget: QWidget) -> None:
    """Show the tab a widget is on (a partner's Balance or Health tab)."""
    for tabs in widget.window().findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.widget(index).isAncestorOf(widget):
                tabs.setCurrentIndex(index)


def test_every_widget_of_every_view_and_window_is_named_and_reachable(
    qtbot: QtBot, filled: Filled
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.set_journal(filled.journal)
    for row, name in enumerate(VIEW_NAMES):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        if isinstance(page, PartnersPage):
            page.table.selectRow(0)
        assert keyboard_problems(page) == [], name
        for chart in page.findChildren(ChartPanel):
            reveal(chart)
            chart.table_button.click()  # the figures as a table: named, Tab leaves it
            qtbot.waitUntil(lambda chart=chart: chart.figures_table.isVisible())
            assert chart.figures_table.rowCount() > 0, name
            assert keyboard_problems(page) == [], f"{name}, as a table"
    assert keyboard_problems(window) == []
    window.open_contact_page(filled.anna.id)
    window.show_engagements(filled.finance.id, *window.pages[0].period())  # type: ignore[attr-defined]
    window.action("shortcuts").trigger()
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    window.stack.currentWidget().open_prep_brief()  # type: ignore[attr-defined]
    editor = window.record_actions.open_record("meeting", filled.meeting_ids[0])
    assert editor is not None
    opened = [w for w in windows() if w is not window]
    for each in opened:
        qtbot.addWidget(each)
    titles = sorted(w.windowTitle().split(" — ")[0] for w in opened)
    assert len(opened) >= 5, titles
    for each in opened:
        assert keyboard_problems(each) == [], each.windowTitle()


def test_every_editor_and_dialog_is_named_and_reachable(
    qtbot: QtBot, filled: Filled, tmp_path: Path
) -> None:
    """The dialogs the fit test opens (editors, export, imports, passphrases, restore, the
    welcome, the drafts offer, the prep brief), walked the same way as the views."""
    from fit_worker import dialogs

    made = dialogs(filled.journal, tmp_path)
    for name, make in made.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        assert keyboard_problems(dialog) == [], name
        dialog.close()
    assert len(made) >= 15


def test_a_nameless_or_unreachable_control_is_found(qtbot: QtBot) -> None:
    """The walk can fail: a nameless button, a button Tab skips, a table Tab walks."""
    from PySide6.QtWidgets import QPushButton, QToolButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    nameless, skipped, table = QToolButton(), QPushButton("Skipped"), QTableView()
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    table.setAccessibleName("Figures")
    for widget in (nameless, skipped, table):
        layout.addWidget(widget)
    problems = keyboard_problems(root)
    assert any("no accessible name" in p for p in problems)
    assert any("'Skipped': unreachable by keyboard" in p for p in problems)
    assert any("Tab walks its cells" in p for p in problems)


def test_tab_leaves_a_list_and_escape_closes_the_prep_brief(qtbot: QtBot, filled: Filled) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(filled.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Meetings"))
    page = window.stack.currentWidget()
    table = page.table  # type: ignore[attr-defined]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    partners = window.stack.currentWidget()
    assert isinstance(partners, PartnersPage)
    partners.table.selectRow(0)
    brief = partners.open_prep_brief()
    assert isinstance(brief, PrepBriefWindow)
    qtbot.addWidget(brief)
    brief.activateWindow()
    qtbot.waitUntil(brief.isActiveWindow)
    qtbot.keyClick(brief.browser, Qt.Key.Key_Escape)
    assert not brief.isVisible()


def test_help_lists_every_shortcut_of_the_menus_and_windows(qtbot: QtBot, filled: Filled) -> None:
    """Each key of the actions table, and each key any view or window answers to, is in
    Help → Keyboard shortcuts."""
    listed = QLabel()
    listed.setText(shortcuts_html())
    text = listed.text()
    for spec in ACTIONS:
        if spec.shortcut is not None and key_text(spec.shortcut):  # bound on this system
            assert f"<b>{key_text(spec.shortcut)}</b>" in text, spec.name
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(filled.journal)
    window.open_contact_page(filled.anna.id)
    window.show_engagements(filled.finance.id, *window.pages[0].period())  # type: ignore[attr-defined]
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    partners = window.stack.currentWidget()
    assert isinstance(partners, PartnersPage)
    partners.table.selectRow(0)
    partners.open_prep_brief()
    partners.open_stakeholder_map()
    for each in windows():
        qtbot.addWidget(each)
        for action in each.findChildren(QAction):
            for key in action.shortcuts():
                assert f"<b>{key.toString(key.SequenceFormat.NativeText)}</b>" in text, (
                    each.windowTitle(),
                    action.text(),
                )
