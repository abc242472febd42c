"""What every view in the sidebar offers the main window, and the frame each is laid out in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A view over the journal.

    ``sig_open_record(kind, id)`` asks the window to open a record's editor, and
    ``sig_open_contact(id)`` a contact's page; a page listing records names their
    ``record_kind`` ("partner", "contact", "meeting", "request") and says with
    ``sig_selection_changed`` that the record selected changed (what acts on it follows).
    The page's ``bar`` holds its heading, then controls on the right; ``body`` stacks the bar
    and what comes under it.
    """

    sig_open_record = Signal(str, str)
    sig_open_contact = Signal(str)
    sig_command = Signal(object)  # a JournalCommand for the window's undo stack
    sig_selection_changed = Signal()
    record_kind = ""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        heading.setFont(font)
        self.bar = QHBoxLayout()
        self.bar.addWidget(heading)
        self.bar.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 8)
        self.body.addLayout(self.bar)

    def refresh(self) -> None:
        """Reload from the journal (called whenever the page is shown)."""

    def current_record_id(self) -> str | None:
        """The id of the record selected, if the page lists records."""
        return None

    def offer(self, action: QAction, *, button: bool = False) -> None:
        """Offer one of the window's actions here (``button``: in the bar, too); only a view
        the action table names offers any (see :func:`brm_desk.ui.actions.offer_in_views`)."""
        raise NotImplementedError(self.title)

    def view_slots(self) -> dict[str, Callable[[], object]]:
        """What this view's own actions of the action table do, by name."""
        return {}

    def new_kind(self) -> str:
        """The kind of record New (Ctrl+Shift+N) adds here ("" for none): a list's own."""
        return self.record_kind

    def current_partner_id(self) -> str | None:
        """The partner this page is about right now (for a new record's partner)."""
        return None

    def reveal(self, record_id: str, partner_id: str | None) -> None:
        """Clear the filters that could hide the record, then select it (a search hit).

        Selecting the row before its editor opens leaves the BRM on the record, in context,
        once the editor closes, exactly as if it had been opened from the list.
        """

    def save_state(self, settings: QSettings) -> None:
        """Keep column widths, sort orders and the like in ``settings``."""


def show_when_empty(view: QAbstractItemView, hint: Callable[[], str]) -> None:
    """Over ``view`` while it shows no rows, one quiet line: ``hint()``, what to do next."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)  # the disabled colour: a note, not content
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    QVBoxLayout(view.viewport()).addWidget(label)
    model = view.model()

    def follow() -> None:
        text = "" if model.rowCount() else hint()
        label.setText(text)
        label.setVisible(bool(text))
        view.setAccessibleDescription(text)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
        signal.connect(follow)
    follow()
