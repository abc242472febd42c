"""Bundled icons: every one the app names exists, renders, and follows the palette."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brm_desk.resource_files import resource
from brm_desk.ui.icons import app_icon, icon
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow

NAMED = [name.lower().replace(" ", "-") for name in VIEW_NAMES] + [
    "new-meeting",
    "new",
    "undo",
    "redo",
    "prep-brief",
    "stakeholder-map",
]


def _ink(image: QImage) -> set[str]:
    """The opaque colours an icon was drawn with."""
    colours = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colours.add(pixel.name())
    return colours


def test_every_named_icon_is_bundled_and_draws_something(qapp: QApplication) -> None:
    for name in NAMED:
        assert resource("icons", f"{name}.svg").is_file(), name
        image = icon(name).pixmap(QSize(24, 24)).toImage()
        assert _ink(image), f"{name} drew nothing"
    assert not app_icon().pixmap(QSize(64, 64)).toImage().isNull()


def test_icons_are_crisp_at_twice_the_pixel_density(qapp: QApplication) -> None:
    pixmap = icon("meetings").pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.height()) == (48, 48)
    assert pixmap.devicePixelRatio() == 2.0


def test_icons_take_the_palette_text_colour(qapp: QApplication) -> None:
    original = QGuiApplication.palette()
    try:
        palette = QPalette(original)
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff0000"))
        qapp.setPalette(palette)
        assert "#ff0000" in _ink(icon("search").pixmap(QSize(24, 24)).toImage())
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#00ff00"))
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#808080")
        )
        qapp.setPalette(palette)
        drawn = _ink(icon("search").pixmap(QSize(24, 24)).toImage())
        assert "#00ff00" in drawn
        assert "#ff0000" not in drawn
        disabled = icon("search").pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
        assert _ink(disabled) == {"#808080"}
    finally:
        qapp.setPalette(original)


def test_the_sidebar_and_toolbar_show_icons(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    for row in range(window.sidebar.count()):
        assert not window.sidebar.item(row).icon().isNull()
    assert not window.action("undo").icon().isNull()
    assert not window.action("new_meeting").icon().isNull()
