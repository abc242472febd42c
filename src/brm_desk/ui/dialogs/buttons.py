"""The buttons under a dialog that asks something: one to answer, Cancel to leave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

Standard = QDialogButtonBox.StandardButton


def answer_buttons(
    dialog: QDialog,
    answer: Standard = Standard.Ok,
    on_answer: Callable[[], object] | None = None,
) -> QDialogButtonBox:
    """``answer`` (Ok, Save, Open) and Cancel: the answer calls ``on_answer`` (the dialog's
    ``accept`` unless it checks first), Cancel rejects."""
    buttons = QDialogButtonBox(answer | Standard.Cancel)
    buttons.accepted.connect(on_answer or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
