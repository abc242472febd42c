"""Keyboard-only use: every control a Tab can reach in every view has a name to announce."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.ui.main_window import VIEW_NAMES, MainWindow


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
