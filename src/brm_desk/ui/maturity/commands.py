"""Recording, changing and deleting assessments as undoable commands over the service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brm_desk.domain.assessments import Assessment
from brm_desk.domain.enums import Maturity
from brm_desk.ui.commands import DeleteToTrash, JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


class SaveAssessment(JournalCommand):
    """Add an assessment (``before`` None) or change one; undo puts back what was there."""

    def __init__(self, journal: Journal, before: Assessment | None, after: Assessment) -> None:
        verb = "Add" if before is None else "Edit"
        super().__init__(journal, f"{verb} assessment of {after.assessed_on:%d %b %Y}")
        self.before = before
        self.after = after

    def apply(self) -> None:
        assessments = self.journal.assessments  # a redo adds it again with the same id
        add = self.before is None
        self.after = assessments.add(self.after) if add else assessments.update(self.after)

    def revert(self) -> None:
        if self.before is None:
            _remove_added(self.journal, self.after)
        else:
            self.journal.assessments.update(self.before)


def _remove_added(journal: Journal, added: Assessment) -> None:
    """Undo of an add: the assessment goes for good (it never existed, so no trash entry)."""
    journal.trash.empty(journal.assessments.delete(added.id))


class DeleteAssessment(DeleteToTrash):
    """Delete an assessment to the trash; undo restores it."""

    def __init__(self, journal: Journal, assessment: Assessment) -> None:
        text = f"Delete assessment of {assessment.assessed_on:%d %b %Y}"
        super().__init__(journal, "assessment", assessment.id, text)
        self.assessment = assessment


class SetMaturity(JournalCommand):
    """The partner editor's maturity field: today's assessment takes the BRM's view."""

    def __init__(self, journal: Journal, partner_id: str, level: Maturity) -> None:
        super().__init__(journal, f"Assess maturity as {level.label}")
        self.partner_id = partner_id
        self.level = level
        self.before: Assessment | None = None
        self.after: Assessment | None = None

    def apply(self) -> None:
        if self.after is None:  # the first time
            today = self.journal.today()
            latest = self.journal.assessments.of_partner(self.partner_id)[-1:]
            self.before = latest[0] if latest and latest[0].assessed_on == today else None
            self.after = self.journal.assessments.set_maturity(self.partner_id, self.level)
        elif self.before is None:
            self.journal.assessments.add(self.after)
        else:
            self.journal.assessments.update(self.after)

    def revert(self) -> None:
        assert self.after is not None
        if self.before is None:
            _remove_added(self.journal, self.after)
        else:
            self.journal.assessments.update(self.before)
