"""The undoable changes of a communications plan: add, edit, mark done, delete.

One command covers all four: it holds the entry before and after (``None`` where there is
none), so undo and redo each put one of them back. Moving a person on the map is an
:class:`~brm_desk.ui.commands.EditRecord` of the contact ("Move contact 'Ada'").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brm_desk.domain.stakeholders import Communication
from brm_desk.ui.commands import JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


class ChangePlan(JournalCommand):
    """Put a plan entry from ``before`` to ``after``; ``text`` names it in the Edit menu."""

    def __init__(
        self,
        journal: Journal,
        text: str,
        before: Communication | None,
        after: Communication | None,
    ) -> None:
        super().__init__(journal, text)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self._put(self.before, self.after)

    def revert(self) -> None:
        self._put(self.after, self.before)

    def _put(self, old: Communication | None, new: Communication | None) -> None:
        plans = self.journal.stakeholders
        if new is None:
            assert old is not None
            plans.delete(old.id)
        elif old is None:
            plans.add(new)  # the same id each time: a redo brings back the same entry
        else:
            plans.update(new)
