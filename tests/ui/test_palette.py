"""Light and dark palettes: the dark one must really be dark and stay legible."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from brm_desk.ui import palette


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
