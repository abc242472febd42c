"""Adding, changing and deleting a pulse, each undoable from the Edit menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brm_desk.domain.pulses import Pulse
from brm_desk.domain.words import plural
from brm_desk.services.interchange.csv_pulses import (
    PulseImportReport,
    PulsePlan,
    import_pulses,
    undo_pulse_import,
)
from brm_desk.ui.commands import DeleteToTrash, ImportCommand, JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


def _named(pulse: Pulse) -> str:
    return f"pulse of {pulse.taken_on.isoformat()}"


class AddPulse(JournalCommand):
    """Add a pulse; undo removes it for good (it never existed, so no trash entry)."""

    def __init__(self, journal: Journal, pulse: Pulse) -> None:
        super().__init__(journal, f"Add {_named(pulse)}")
        self.pulse = pulse

    def apply(self) -> None:
        self.pulse = self.journal.pulses.add(self.pulse)

    def revert(self) -> None:
        self.journal.trash.empty(self.journal.pulses.delete(self.pulse.id))


class EditPulse(JournalCommand):
    """Save a pulse's changes; undo puts the pulse back as it was."""

    def __init__(self, journal: Journal, before: Pulse, after: Pulse) -> None:
        super().__init__(journal, f"Edit {_named(before)}")
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.after = self.journal.pulses.update(self.after)

    def revert(self) -> None:
        self.before = self.journal.pulses.update(self.before)


class DeletePulse(DeleteToTrash):
    """Delete a pulse to the trash; undo restores it."""

    def __init__(self, journal: Journal, pulse: Pulse) -> None:
        super().__init__(journal, "pulse", pulse.id, f"Delete {_named(pulse)}")
        self.pulse = pulse


class ImportPulses(ImportCommand):
    """Pulses from a survey's CSV; undo takes them all back."""

    def __init__(self, journal: Journal, plan: PulsePlan, report: PulseImportReport) -> None:
        super().__init__(journal, f"Import {plural(len(report.added), 'pulse')}", report)
        self.plan = plan

    def import_again(self) -> PulseImportReport:
        return import_pulses(self.journal, self.plan)

    def revert(self) -> None:
        undo_pulse_import(self.journal, self.report.added)
