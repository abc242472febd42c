"""A combo box of labelled choices, named for screen readers."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def choice_box(name: str, choices: Iterable[tuple[str, object]]) -> QComboBox:
    """Offer each ``(label, data)`` choice; ``currentData()`` is the chosen one's data."""
    box = QComboBox()
    box.setAccessibleName(name)
    for label, data in choices:
        box.addItem(label, data)
    return box
