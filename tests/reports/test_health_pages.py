"""The health pages of a review pack, read back with pypdf: the internal pack has the score
and its parts, the partner's pack only the partner's own pulse averages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pack_journal import PERIOD, pdf_text

from brm_desk.domain.pulses import Pulse
from brm_desk.domain.records import Partner
from brm_desk.reports.review_pack import Audience, write_partner_pack
from brm_desk.services.journal import Journal

SAID = "Quoting was down for two days in our busiest week"


@pytest.fixture
def sales(journal: Journal) -> str:
    partner = journal.partners.add(Partner(id="", name="Sales"))
    for day, score, nps in (
        (date(2026, 2, 10), 4, 8),
        (date(2026, 5, 12), 3, 6),
        (date(2026, 8, 11), 2, 4),
        (date(2026, 8, 12), 3, 4),
        (date(2026, 11, 6), 2, 3),
    ):
        journal.pulses.add(Pulse("", partner.id, day, score, score, score, nps, SAID))
    return partner.id


def pack_text(journal: Journal, partner_id: str, audience: Audience, tmp_path: Path) -> str:
    path = tmp_path / f"{audience}.pdf"
    write_partner_pack(journal, partner_id, *PERIOD, path, audience=audience)
    return " ".join(pdf_text(path)[1].split())


def test_the_internal_pack_shows_the_score_its_parts_and_the_trend(
    journal: Journal, sales: str, tmp_path: Path
) -> None:
    text = pack_text(journal, sales, Audience.INTERNAL, tmp_path)
    assert "Relationship health 27 in 2026 Q4 (−11), at risk" in text
    for part in ("Pulse", "Net promoter", "Strategic share", "Follow-ups on time"):
        assert part in text
    assert "mean 2.0 of 5 (1 answer)" in text
    assert "30% → 67%" in text  # the pulse's weight, rescaled: only the pulse is known
    assert "At risk: two quarters of decline" in text  # the chart's words, as text: vector
    assert "77 53 38 27" in text  # each quarter's score on its point
    assert SAID not in text  # one person's words stay out of the pack


def test_the_partners_pack_shows_their_own_view_and_never_the_score(
    journal: Journal, sales: str, tmp_path: Path
) -> None:
    text = pack_text(journal, sales, Audience.PARTNER, tmp_path)
    assert "Your view of the relationship" in text
    assert "2026 Q3 2 2.5 2.5 2.5 4.0" in text  # two answers averaged
    assert "2026 Q4 1 2.0 2.0 2.0 3.0" in text
    for internal in ("Relationship health", "Net promoter", "Follow-ups on time", "at risk"):
        assert internal not in text
    assert SAID not in text


def test_a_partner_without_pulses_gets_no_view_section(journal: Journal, tmp_path: Path) -> None:
    quiet = journal.partners.add(Partner(id="", name="Legal"))
    assert "Your view" not in pack_text(journal, quiet.id, Audience.PARTNER, tmp_path)


def test_a_pulse_in_the_trash_is_left_out_of_the_pack_until_restored(
    journal: Journal, sales: str, tmp_path: Path
) -> None:
    [latest, *_] = journal.pulses.listing(sales)  # the one of 2026 Q4
    batch = journal.pulses.delete(latest.id)
    internal = pack_text(journal, sales, Audience.INTERNAL, tmp_path)
    assert "Relationship health 27 in 2026 Q4" not in internal
    assert "2026 Q4 1 2.0" not in pack_text(journal, sales, Audience.PARTNER, tmp_path)
    journal.trash.restore(batch)
    assert "Relationship health 27 in 2026 Q4" in pack_text(
        journal, sales, Audience.INTERNAL, tmp_path
    )
    assert "2026 Q4 1 2.0 2.0 2.0 3.0" in pack_text(journal, sales, Audience.PARTNER, tmp_path)
