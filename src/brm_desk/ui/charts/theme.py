"""The charts' colours from the app's palette, so a chart sits in its window light or dark."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette

from brm_desk.reports.charts import ChartPalette

DARK_BELOW = 0.5  # a window colour darker than this is a dark theme


def chart_palette(palette: QPalette) -> ChartPalette:
    """The light or dark chart palette, on the window's own background and text colours.

    The focus colours stay the chart presets' (the same colour means the same focus in the
    app and in the PDF); only what must blend with the window follows the Qt palette.
    """
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    base = ChartPalette.dark() if window.lightnessF() < DARK_BELOW else ChartPalette.light()
    return replace(base, background=window.name(), text=text.name())
