"""A partner's maturity assessments as CSV, for a spreadsheet or the BRM's manager.

The note of an assessment is private and stays in the journal; evidence is counted, not named
(a meeting behind a score may be a private one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.assessments import gap_text
from brm_desk.services.interchange.csv_export import write_csv

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

EXPORT_HEADER = (
    "Partner",
    "Assessed",
    "Your view",
    "Partner's view",
    "Gap",
    "Goals for the next level",
    "Open goals",
    "Evidence",
)


def export_assessments(journal: Journal, path: Path, partner_id: str) -> int:
    """The partner's assessments, oldest first, to ``path``; returns how many."""
    partner = journal.partners.get(partner_id).name
    rows = (
        (
            partner,
            a.assessed_on.isoformat(),
            a.brm_view.label,
            a.partner_view.label if a.partner_view else "Unknown",
            gap_text(a.gap),
            "; ".join(f"{goal.text} (met)" if goal.met else goal.text for goal in a.goals),
            str(len(a.open_goals)),
            str(len(a.meeting_ids) + len(a.request_ids)),
        )
        for a in journal.assessments.of_partner(partner_id)
    )
    return write_csv(path, EXPORT_HEADER, rows)
