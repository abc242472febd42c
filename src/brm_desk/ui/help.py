"""Help → Keyboard shortcuts: every key the app answers to, in one window.

The menu and toolbar keys come from :data:`brm_desk.ui.actions.ACTIONS`, so the list cannot
fall behind them; :data:`ELSEWHERE` names the few keys a single view or window adds.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from brm_desk.ui.actions import ACTIONS, Key, key_text

ELSEWHERE: tuple[tuple[str, Key | str, str], ...] = (
    ("In a list", "Return", "Open the selected record (a person's page for a contact)"),
    ("In a list", "Tab", "Leave the list for the next control (Shift+Tab: the one before)"),
    ("In a list", "Up", "The row above (Down: the row below)"),
    ("Search", "Down", "From the search box to the results"),
    ("A date field", "Alt+Down", "Pick the day from a calendar (Return chooses, Escape closes)"),
    ("Calendar inbox", "F", "File the selected events as guessed (Enter too)"),
    ("Calendar inbox", "C", "Change partner, type or focus, then file"),
    ("Calendar inbox", "I", "Ignore the selected events: they never return"),
    ("Calendar inbox", "Ctrl+A", "Select every event (then F files them all)"),
    ("A chart's table", "Return", "List the meetings and requests of the month or partner"),
    ("Engagements", "Ctrl+3", "Show the meetings in the Meetings view"),
    ("Contact page", "Ctrl+E", "Edit the contact"),
    ("Prep brief", Key.Print, "Print the brief"),
    ("Prep brief", "Ctrl+Shift+S", "Save the brief as PDF"),
    ("Prep brief", "Ctrl+Shift+M", "The partner's stakeholder map"),
    ("Stakeholder map", "Ctrl+Up", "Move the chosen person up a level of influence"),
    ("Stakeholder map", "Ctrl+Down", "Move the chosen person down a level of influence"),
    ("Stakeholder map", "Ctrl+Right", "Move the chosen person up a level of interest"),
    ("Stakeholder map", "Ctrl+Left", "Move the chosen person down a level of interest"),
    ("Stakeholder map", "Ctrl+N", "Add a communication to the plan"),
    ("Stakeholder map", "Return", "Edit the chosen communication"),
    ("Stakeholder map", "Ctrl+D", "Mark the chosen communication done"),
    ("Stakeholder map", "Delete", "Delete the chosen communication"),
    ("Windows of their own", Key.Refresh, "Gather the page again"),
    ("Windows of their own", Key.Close, "Close the window"),
    ("Windows of their own", "Escape", "Close the window"),
)
"""(where, key, what it does): the keys of one view or window, outside the menus."""


def keys_of(where: str) -> str:
    """One line of a view's own keys, for a hint under it: "F: file …  ·  C: change …"."""
    return "  ·  ".join(
        f"{key_text(key)}: {what[0].lower()}{what[1:]}"
        for place, key, what in ELSEWHERE
        if place == where
    )


def shortcuts_html() -> str:
    """The menus' keys, menu by menu, then the keys of single views and windows."""
    rows: list[str] = []
    place = ""
    for where, key, what in [
        *(
            (f"{spec.menu} menu", spec.shortcut, spec.tip or spec.text)
            for spec in ACTIONS
            if spec.shortcut
        ),
        *ELSEWHERE,
    ]:
        if not key_text(key):
            continue  # a standard key this system does not bind
        if where != place:
            rows.append(f'<tr><th colspan="2" align="left"><br>{escape(where)}</th></tr>')
            place = where
        label = escape(what.replace("&", "").rstrip("…"))
        rows.append(f"<tr><td><b>{escape(key_text(key))}</b></td><td>{label}</td></tr>")
    return f'<table cellpadding="3">{"".join(rows)}</table>'


def show_shortcuts(parent: QWidget) -> QDialog:
    """The list in a window of its own, left open beside the app (Escape closes it)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QTextBrowser()
    text.setAccessibleName("Keyboard shortcuts")
    text.setHtml(shortcuts_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(560, screen.width() - 40), min(640, screen.height() - 60))
    dialog.show()
    return dialog
