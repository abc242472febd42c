"""Dialogs that fit the screen they open on, buttons included, on a 1024×700 laptop or at
200 % scaling: never larger than the screen's free space, and forms that scroll when taller.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

FRAME_ROOM = QSize(16, 48)
"""What a window manager adds around a dialog (borders, title bar), outside its own size."""
SMALLEST = QSize(480, 320)
"""Below this a form is no longer usable: the scroll areas take over before."""


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open ``dialog`` at ``width`` × ``height``, or at the room its screen has when less."""
    room = dialog.screen().availableGeometry().size() - FRAME_ROOM
    dialog.setMinimumSize(SMALLEST.boundedTo(room))
    dialog.resize(min(width, room.width()), min(height, room.height()))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: on a short screen a tall form scrolls, rather
    than pushing the dialog's buttons off the bottom."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, scrolling to each
    return area
