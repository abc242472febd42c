"""Light and dark palettes: the dark one must really be dark and stay legible."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from brm_desk.ui import palette
from brm_desk.ui.main_window import MainWindow


def test_dark_palette_is_dark_with_light_text() -> None:
    dark = palette.dark_palette()
    assert dark.color(QPalette.ColorRole.Window).lightnessF() < 0.2
    assert dark.color(QPalette.ColorRole.Base).lightnessF() < 0.2
    assert dark.color(QPalette.ColorRole.Text).lightnessF() > 0.8


def test_apply_palette_follows_the_system_scheme(qapp: QApplication) -> None:
    before = qapp.palette()
    try:
        palette.apply_palette(qapp)
        window = qapp.palette().color(QPalette.ColorRole.Window).lightnessF()
        assert (window < 0.2) == palette.is_dark()
    finally:
        qapp.setPalette(before)


def test_the_theme_is_chosen_in_the_view_menu_and_remembered(
    qtbot: QtBot, qapp: QApplication
) -> None:
    before = qapp.palette()
    window = MainWindow()
    qtbot.addWidget(window)
    [theme] = [a for a in window.menus["View"].actions() if a.text() == "&Theme"]
    menu = theme.menu()
    assert isinstance(menu, QMenu)
    choices = {a.text(): a for a in menu.actions()}
    assert list(choices) == ["Follow the &system", "&Light", "&Dark"]
    assert choices["Follow the &system"].isChecked()
    try:
        choices["&Dark"].trigger()
        assert palette.is_dark()
        assert QSettings().value(palette.THEME_KEY) == "dark"
        choices["&Light"].trigger()
        assert not palette.is_dark()
        palette.apply_palette(qapp)  # as the next start does, whatever the system's scheme
        assert not palette.is_dark()
        assert [a.isChecked() for a in palette.theme_menu(window).actions()] == [
            False,
            True,
            False,
        ]
    finally:
        QSettings().remove(palette.THEME_KEY)
        qapp.setPalette(before)
