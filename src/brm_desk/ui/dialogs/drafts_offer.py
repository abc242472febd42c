"""The offer, as the journal opens after a crash, of the edits that were never saved.

One question lists them all ("2 unsaved edits from 7 Dec 14:02: 'Steering group' (meeting),
'Ledger' (request, changed since)"): Restore reopens each editor as it was, Discard drops them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from brm_desk.services.drafts import Draft

Left = Sequence[tuple["Draft", str]]
"""Each draft with what became of its record since ("", "changed since", "deleted since")."""


def summary(left: Left) -> str:
    """One line naming every draft, and when the latest was written (local time)."""
    when = max(draft.saved_at for draft, _ in left).astimezone()
    edits = "1 unsaved edit" if len(left) == 1 else f"{len(left)} unsaved edits"
    names = ", ".join(
        f"'{draft.title or 'untitled'}' ({draft.kind}{', ' + state if state else ''})"
        for draft, state in left
    )
    return f"{edits} from {when.day} {when:%b %H:%M}: {names}"


def question(parent: QWidget | None, left: Left) -> QMessageBox:
    """The question naming every draft, with its Restore and Discard buttons."""
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved edits", summary(left), parent=parent)
    box.setInformativeText(
        "Restore reopens each editor with every field as it was; Discard throws the edits away."
    )
    box.setDefaultButton(box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole))
    box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    return box


def ask(parent: QWidget | None, left: Left) -> str:
    """``"restore"``, ``"discard"``, or ``""`` when the question went unanswered."""
    box = question(parent, left)
    box.exec()
    clicked = box.clickedButton()
    role = box.buttonRole(clicked) if clicked is not None else None
    if role == QMessageBox.ButtonRole.AcceptRole:
        return "restore"
    return "discard" if role == QMessageBox.ButtonRole.DestructiveRole else ""
