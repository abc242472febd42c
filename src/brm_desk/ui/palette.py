"""Light and dark palettes for the Fusion style: the system's colour scheme, or the user's
choice of View → Theme (kept in QSettings, so it holds at the next start)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

ACCENT = QColor("#2f6fb0")
THEMES = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}
THEME_KEY = "view/theme"
ERROR_COLOUR = "#d32f2f"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
"""How an explanation of a broken rule reads under (or beside) its field."""


def dark_palette() -> QPalette:
    """Fusion has no dark palette of its own; this one keeps text contrast above 7:1."""
    palette = QPalette()
    window, base, text = QColor("#202327"), QColor("#17191c"), QColor("#e6e6e6")
    role = QPalette.ColorRole
    palette.setColor(role.Window, window)
    palette.setColor(role.WindowText, text)
    palette.setColor(role.Base, base)
    palette.setColor(role.AlternateBase, QColor("#1f2226"))
    palette.setColor(role.ToolTipBase, window)
    palette.setColor(role.ToolTipText, text)
    palette.setColor(role.PlaceholderText, QColor("#8a8f96"))
    palette.setColor(role.Text, text)
    palette.setColor(role.Button, QColor("#2a2e33"))
    palette.setColor(role.ButtonText, text)
    palette.setColor(role.BrightText, QColor("#ff6b6b"))
    palette.setColor(role.Highlight, QColor("#3d7cc9"))
    palette.setColor(role.HighlightedText, QColor("#ffffff"))
    palette.setColor(role.Link, QColor("#7fb2ff"))
    palette.setColor(role.Mid, QColor("#3a3f45"))
    palette.setColor(role.Dark, QColor("#111315"))
    palette.setColor(role.Light, QColor("#3a3f45"))
    disabled = QPalette.ColorGroup.Disabled
    for dimmed in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, dimmed, QColor("#6b7077"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the app's, by default) is a dark one: colours drawn on it follow."""
    window = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Window)
    return window.lightnessF() < 0.5


def chosen_theme() -> str:
    """ "system", "light" or "dark", as chosen in View → Theme."""
    theme = QSettings().value(THEME_KEY, "system", type=str)
    return theme if theme in THEMES else "system"


def apply_palette(app: QApplication) -> None:
    """Set the palette of the chosen theme; "system" matches the system's scheme now."""
    theme = chosen_theme()
    system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    dark = theme == "dark" or (theme == "system" and system_dark)
    app.setPalette(dark_palette() if dark else light_palette(app))


def choose_theme(theme: str) -> None:
    """Remember the theme and show it at once."""
    QSettings().setValue(THEME_KEY, theme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_palette(app)


def theme_menu(parent: QWidget) -> QMenu:
    """View → Theme: follow the system, light or dark, one of them ticked."""
    menu = QMenu("&Theme", parent)
    group = QActionGroup(menu)
    for theme, text in THEMES.items():
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(theme == chosen_theme())
        action.triggered.connect(partial(choose_theme, theme))
        group.addAction(action)
    return menu


def follow_system(app: QApplication) -> None:
    """Fusion style, and re-colour whenever the system switches light/dark."""
    app.setStyle("Fusion")
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
