"""The maturity assessment in the review packs, read back with pypdf: the internal pack shows
the path of both views, the gap and the goals; the partner's pack never the BRM's evidence or
notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_journal import ASSESSMENT_NOTE, GOAL_MET, GOAL_OPEN, PERIOD, fill, pdf_text
from pypdf import PdfReader

from brm_desk.reports.review_pack import Audience, write_partner_pack
from brm_desk.services.journal import Journal


def flat_text(path: Path) -> str:
    return " ".join(pdf_text(path)[1].split())


@pytest.mark.parametrize("include_private", [False, True])
def test_the_internal_pack_shows_the_path_the_gap_and_the_goals(
    journal: Journal, tmp_path: Path, include_private: bool
) -> None:
    filled = fill(journal, meetings_per_month=1)
    path = tmp_path / "internal.pdf"
    pages = write_partner_pack(
        journal,
        filled.finance.id,
        *PERIOD,
        path,
        audience=Audience.INTERNAL,
        include_private=include_private,
    )
    assert pages <= 7
    text = flat_text(path)
    assert "Maturity assessment" in text
    assert "Latest assessment 1 Feb 2026: 1 open goal" in text
    assert "BRM: Service provider · partner: Trusted advisor (partner sees 1 level higher)" in text
    assert "Evidence 2 meetings on record" in text
    assert "Goals to reach Trusted advisor" in text
    assert f"Met: {GOAL_MET}" in text
    assert f"Open: {GOAL_OPEN}" in text
    assert (ASSESSMENT_NOTE in text) is include_private
    # The chart is drawn as vectors: its legend's words are in the page's text.
    page = next(p for p in PdfReader(str(path)).pages if "Maturity assessment" in p.extract_text())
    assert "Your view (BRM)" in page.extract_text()
    assert "/Image" not in str(page.get("/Resources", {}).get("/XObject", {}))


def test_the_partner_pack_keeps_its_path_and_no_brm_notes_or_evidence(
    journal: Journal, tmp_path: Path
) -> None:
    filled = fill(journal, meetings_per_month=1)
    path = tmp_path / "partner.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, path, include_private=True)
    text = flat_text(path)
    assert "Order taker (from 10 Jan 2025) → Service provider (from 1 Feb 2026)" in text
    assert "Maturity assessment" not in text
    assert ASSESSMENT_NOTE not in text
    assert "Evidence" not in text
    assert GOAL_OPEN not in text
