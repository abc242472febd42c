"""The prep brief's "Stakeholders" section: gaps and who moved, on the private side only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from brm_desk.domain.enums import Influence, Stance
from brm_desk.domain.records import Contact, Partner
from brm_desk.services.journal import Journal
from brm_desk.services.prep_brief import build_prep_brief
from brm_desk.ui.views.prep_brief_html import brief_html

TODAY = date(2026, 11, 24)


def test_the_brief_names_the_gaps_and_who_moved_since_last_quarter(tmp_path: Path) -> None:
    days = [date(2026, 5, 4)]
    with Journal.create(tmp_path / "j.db", today=lambda: days[0]) as journal:
        journal.partners.add(Partner(id="p", name="Finance"))
        tobias = journal.contacts.add(
            Contact(id="t", partner_id="p", name="Tobias", stance=Stance.SKEPTIC)
        )
        days[0] = date(2026, 8, 18)
        journal.contacts.update(replace(tobias, stance=Stance.CHAMPION, influence=Influence.HIGH))
        days[0] = TODAY
        brief = build_prep_brief(journal, "p")
    assert brief.stakeholders is not None
    assert brief.stakeholders.compared_with == date(2026, 7, 1)
    html = brief_html(brief)
    assert "Stakeholders" in html
    assert "Tobias: high influence, never met" in html
    assert "Who moved since" in html
    assert "Tobias: monitor → keep satisfied; skeptic → champion" in html
    shared = brief.shared(include_private=False)
    assert shared.stakeholders is None
    assert "Stakeholders" not in brief_html(shared)
    assert "champion" not in brief_html(shared).lower()
